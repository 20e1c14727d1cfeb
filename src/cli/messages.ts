import type { Text } from "../core/findings";
import { packIds } from "../core/packs/registry";

/** Every fixed string of the CLI, zh-CN first. */
export const cliText = {
  toolName: { zh: "研修申报助手（yanxiu）", en: "Yanxiu Desk (yanxiu)" },
  usageLine: { zh: "用法：yanxiu <命令> [选项]", en: "Usage: yanxiu <command> [options]" },
  commands: { zh: "命令：", en: "Commands:" },
  options: { zh: "通用选项：", en: "Global options:" },
  optLang: { zh: "输出语言，zh（默认）或 en", en: "language of the output: zh (default) or en" },
  optHelp: {
    zh: "显示帮助（yanxiu <命令> --help 显示该命令的用法）",
    en: "show help (yanxiu <command> --help for a command)",
  },
  optVersion: { zh: "显示版本", en: "show the version" },
  exitCodes: {
    zh: "退出码：0 未发现错误；1 发现错误；2 有文件无法读取或用法有误；3 程序内部错误（请报告）。",
    en: "Exit codes: 0 no errors; 1 errors found; 2 a file could not be read, or wrong usage; 3 internal error (please report it).",
  },
  didYouMean: (name: string): Text => ({
    zh: `是否要运行“yanxiu ${name}”？`,
    en: `Did you mean “yanxiu ${name}”?`,
  }),
  unknownCommand: (name: string): Text => ({
    zh: `未知命令“${name}”。运行 yanxiu --help 查看可用命令。`,
    en: `Unknown command “${name}”. Run yanxiu --help for the commands.`,
  }),
  badLang: (value: string): Text => ({
    zh: `--lang 只能是 zh 或 en，而不是“${value}”。`,
    en: `--lang must be zh or en, not “${value}”.`,
  }),
  usageError: (detail: string): Text => ({ zh: `用法有误：${detail}`, en: `Wrong usage: ${detail}` }),
  unknownOption: (option: string): Text => ({ zh: `未知选项 ${option}。`, en: `Unknown option ${option}.` }),
  missingValue: (option: string): Text => ({
    zh: `选项 ${option} 需要一个值。`,
    en: `Option ${option} needs a value.`,
  }),
  noValueAllowed: (option: string): Text => ({
    zh: `选项 ${option} 不带值。`,
    en: `Option ${option} takes no value.`,
  }),
  usage: { zh: "用法：", en: "Usage: " },
} as const;

export const checkText = {
  summary: {
    zh: "校验申报工作簿（文件或目录），按规则分组列出问题",
    en: "check application workbooks (files or directories) and list the findings by rule",
  },
  usage:
    "yanxiu check FILE|DIR... [--pack DIR]... [--policy PACK] [--level national|provincial] [--json] [--out DIR] [--summary OUT.xlsx] [--max-findings N | --counts-only] [--lang en]",
  help: {
    zh: [
      "逐个校验每个文件的每张工作表；目录会递归查找其中的 .xlsx、.xlsm、.xltx、.xltm、.xls、.et、.ods、.fods、.xlsb 工作簿，以及常被误交的 .csv 文件（说明为何无法校验）；标记副本 *.checked.xlsx 不再重复校验。",
      "",
      "选项：",
      "  --pack DIR        加入或替换一个政策包文件夹（可重复；见 docs/packs.md，yanxiu pack lint DIR 先检查）",
      `  --policy PACK     指定政策包，不自动识别（${packIds().join("、")}，或 --pack 加入的包）`,
      "  --level LEVEL     指定层级：national（国家级）或 provincial（省级）",
      "  --json            以 JSON 输出结果",
      "  --out DIR         为每个文件写出标记副本 <文件名>.checked.xlsx（原文件不会被修改）",
      "  --summary FILE    写出汇总工作簿：文件清单，以及所有项目合并成的一张汇总表",
      "  --max-findings N  每张工作表最多列出 N 条问题（计数不变），适合上万行的名单",
      "  --counts-only     只列出每张工作表的识别结果和计数，不逐条列出问题",
      "  --lang en         英文输出（默认中文）",
      "",
      "退出码：0 未发现错误；1 发现错误；2 有文件无法读取或用法有误（其他文件照常校验）；3 程序内部错误（请报告）。",
    ].join("\n"),
    en: [
      "Checks every sheet of every file; directories are searched for .xlsx, .xlsm, .xltx, .xltm, .xls, .et, .ods, .fods and .xlsb workbooks, and for the .csv files people send instead (each told why it cannot be checked); annotated copies *.checked.xlsx are not checked again.",
      "",
      "Options:",
      "  --pack DIR        add or replace a policy pack from a folder (repeatable; see docs/packs.md, check it first with yanxiu pack lint DIR)",
      `  --policy PACK     use this policy pack instead of detecting it (${packIds().join(", ")}, or one added with --pack)`,
      "  --level LEVEL     national or provincial",
      "  --json            print the results as JSON",
      "  --out DIR         write an annotated copy <name>.checked.xlsx of each file (inputs are never modified)",
      "  --summary FILE    write a summary workbook: the files, and every project merged into one list",
      "  --max-findings N  list at most N findings per sheet (the counts stay whole): for lists of 10,000 rows",
      "  --counts-only     list each sheet's recognition and counts only, no findings",
      "  --lang en         English output (default: Chinese)",
      "",
      "Exit codes: 0 no errors; 1 errors found; 2 a file could not be read, or wrong usage (other files are still checked); 3 internal error (please report it).",
    ].join("\n"),
  },
  noInputs: { zh: "请至少给出一个文件或目录。", en: "Give at least one file or directory." },
  badMaxFindings: (value: string): Text => ({
    zh: `--max-findings 须为 0 或正整数，而不是“${value}”。`,
    en: `--max-findings must be 0 or a positive whole number, not “${value}”.`,
  }),
  notShown: (n: number, sheet: string): Text => ({
    zh: `      …… 工作表“${sheet}”另有 ${n.toLocaleString("en-US")} 条问题未列出（--max-findings）。`,
    en: `      … ${n.toLocaleString("en-US")} more finding${n === 1 ? "" : "s"} of sheet “${sheet}” not listed (--max-findings).`,
  }),
  badPolicy: (value: string): Text => ({
    zh: `未知的政策包“${value}”，可用：${packIds().join("、")}。`,
    en: `Unknown policy pack “${value}”; known: ${packIds().join(", ")}.`,
  }),
  badLevel: (value: string): Text => ({
    zh: `--level 只能是 national 或 provincial，而不是“${value}”。`,
    en: `--level must be national or provincial, not “${value}”.`,
  }),
  outNotDir: (dir: string): Text => ({
    zh: `--out 需要一个目录，但“${dir}”是一个文件。`,
    en: `--out needs a directory, but “${dir}” is a file.`,
  }),
  summaryIsInput: (file: string): Text => ({
    zh: `--summary 的输出文件“${file}”也是要校验的输入文件，输入文件不会被覆盖。`,
    en: `The --summary file “${file}” is also an input; inputs are never overwritten.`,
  }),
  noWorkbooksInDir: {
    zh: "目录中没有找到可校验的文件（工作簿 .xlsx、.xls、.et、.ods，或 Word 申报表 .docx）。",
    en: "No files to check in this directory (workbooks .xlsx, .xls, .et, .ods, or Word forms .docx).",
  },
  file: { zh: "文件", en: "File" },
  cannotCheck: { zh: "无法校验", en: "Cannot check" },
  sheet: (name: string): Text => ({ zh: `工作表“${name}”`, en: `Sheet “${name}”` }),
  confidence: { zh: "识别置信度", en: "confidence" },
  counts: (e: number, w: number, i: number, ignored: number): Text => ({
    zh: `错误 ${e}，提醒 ${w}，说明 ${i}${ignored > 0 ? `，已忽略 ${ignored}` : ""}`,
    en: `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}, ${i} note${i === 1 ? "" : "s"}${ignored > 0 ? `, ${ignored} ignored` : ""}`,
  }),
  noFindings: { zh: "未发现问题。", en: "No findings." },
  times: (n: number): Text => ({ zh: `${n} 处`, en: `${n}×` }),
  total: (files: number, sheets: number, e: number, w: number, i: number, unusable: number): Text => ({
    zh: `共 ${files} 个文件、${sheets} 张工作表：错误 ${e}，提醒 ${w}，说明 ${i}${unusable > 0 ? `；${unusable} 个文件无法校验` : ""}。`,
    en: `${files} file${files === 1 ? "" : "s"}, ${sheets} sheet${sheets === 1 ? "" : "s"}: ${e} errors, ${w} warnings, ${i} notes${unusable > 0 ? `; ${unusable} file${unusable === 1 ? "" : "s"} could not be checked` : ""}.`,
  }),
  wroteCopy: (file: string): Text => ({
    zh: `已写出标记副本：${file}`,
    en: `Annotated copy written: ${file}`,
  }),
  wroteSummary: (file: string): Text => ({
    zh: `已写出汇总工作簿：${file}`,
    en: `Summary workbook written: ${file}`,
  }),
  writeFailed: (file: string, detail: string): Text => ({
    zh: `无法写出“${file}”：${detail}`,
    en: `Could not write “${file}”: ${detail}`,
  }),
  ignoresUnreadable: {
    zh: "工作簿中保存的“已忽略”记录无法读取，已按未忽略处理。",
    en: "The ignored findings stored in the workbook cannot be read; nothing was treated as ignored.",
  },
} as const;
