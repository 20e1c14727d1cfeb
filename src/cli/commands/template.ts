import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { addLayoutSheet } from "../../adapters/xlsx/draw";
import { openCheckableWorkbook } from "../../adapters/xlsx/open-file";
import { problemText } from "../../adapters/xlsx/problems";
import { terminalSafe } from "../../adapters/xlsx/safe-text";
import { writeFileAtomic } from "../../adapters/xlsx/write-file";
import type { Text } from "../../core/findings";
import { toA1 } from "../../core/grid/a1";
import type { Grid } from "../../core/grid/types";
import { packName } from "../../core/packs/registry";
import {
  buildListFromForms,
  fillFormFromRecord,
  readApplicationForms,
  recordsFromGrid,
} from "../../core/templates/fill";
import type { SheetLayout } from "../../core/templates/layout";
import { getTemplate } from "../../core/templates/registry";
import type { Template } from "../../core/templates/types";
import type { ApplicationForm } from "../../core/templates/types";
import { parseArgsError } from "../args";
import { resolveInputs } from "../check/inputs";
import { cliText } from "../messages";
import { loadPackOptions } from "./packs";
import type { CliCommand, CliIO } from "../types";

const USAGE = "yanxiu template ID [--fill FILE|DIR] [--key RANKS] [--pack DIR]... -o OUT.xlsx [--lang en]";

/** Strings of `yanxiu template`. */
export const templateCliText = {
  summary: {
    zh: "写出一张官方表格（空白，或按清单行/申报表填好）",
    en: "write an official table (blank, or filled from list rows or application forms)",
  },
  help: {
    zh: [
      "按模板 ID（见 yanxiu templates）写出通知附件中的表格：A4、打印一页宽、带下拉选项。",
      "",
      "选项：",
      "  -o, --out FILE    写出的工作簿（.xlsx，必填）",
      "  --fill FILE|DIR   申报表：按此工作簿中清单的每一行各填一张申报表；",
      "                    推荐表/汇总表：按此工作簿中的申报表逐项填入，依工作表顺序排序；",
      "                    给出目录时读取其中每个 .docx/.xlsx 申报表，按文件名开头的排序号",
      "                    （如“01-某院.docx”）排序，没有排序号的按文件名顺序排在后面",
      "  --key RANKS       推荐表中标为“重点推荐”的排序号，如 1,2（配额见所属通知，如上海 2026 为总数的 15%）",
      "  --pack DIR        加入或替换一个政策包文件夹（可重复）：用它 templates/ 中的模板（见 yanxiu templates --pack DIR）",
      "  --lang en         英文输出（默认中文）",
      "",
      "退出码：0 已写出；2 用法有误、模板不存在、输入无法读取或没有可填入的内容。",
    ].join("\n"),
    en: [
      "Writes a table of the notices by its template id (see yanxiu templates): A4, one page wide, with dropdowns.",
      "",
      "Options:",
      "  -o, --out FILE    the workbook to write (.xlsx, required)",
      "  --fill FILE|DIR   application forms: one form per row of the list in this workbook;",
      "                    recommendation/summary lists: one row per application form in it, in sheet order;",
      "                    for a folder, every .docx/.xlsx form in it, ranked by the number a file name starts",
      "                    with (01-某院.docx), files without one after them in name order",
      "  --key RANKS       ranks marked 重点推荐 in a recommendation list, e.g. 1,2 (the quota is the notice's, e.g. 15% in Shanghai 2026)",
      "  --pack DIR        add or replace a policy pack from a folder (repeatable) and use its templates/",
      "  --lang en         English output (default: Chinese)",
      "",
      "Exit codes: 0 written; 2 wrong usage, unknown template, unreadable input or nothing to fill in.",
    ].join("\n"),
  },
  oneId: {
    zh: "请给出一个模板 ID（yanxiu templates 列出全部）。",
    en: "Give one template id (yanxiu templates lists them).",
  },
  needOut: { zh: "请用 -o 给出要写出的 .xlsx 文件。", en: "Give the .xlsx file to write with -o." },
  notXlsx: (file: string): Text => ({
    zh: `“${file}”不是 .xlsx 文件名。`,
    en: `“${file}” is not an .xlsx file name.`,
  }),
  sameFile: {
    zh: "写出的文件不能与 --fill 读取的文件相同。",
    en: "The output cannot be the file --fill reads.",
  },
  badKey: (value: string): Text => ({
    zh: `--key 应为排序号，以逗号分隔（如 1,2），而不是“${value}”。`,
    en: `--key takes ranks separated by commas (e.g. 1,2), not “${value}”.`,
  }),
  keyNotList: { zh: "--key 只用于推荐表。", en: "--key is for recommendation lists only." },
  unknown: (id: string): Text => ({
    zh: `没有模板“${id}”。yanxiu templates 列出全部模板。`,
    en: `No template “${id}”. yanxiu templates lists them all.`,
  }),
  noFormReader: (id: string): Text => ({
    zh: `模板“${id}”所属的包没有申报表读取器（model 不能读申报表），只能写出空白表；不带 --fill 即可写出。`,
    en: `The pack of template “${id}” has no form reader (its model cannot read application forms): write it blank, without --fill.`,
  }),
  cannotFill: (id: string): Text => ({
    zh: `模板“${id}”是参考表，不能填写；不带 --fill 即可写出。`,
    en: `Template “${id}” is a reference sheet and cannot be filled; write it without --fill.`,
  }),
  noRows: (file: string): Text => ({
    zh: `“${file}”中没有找到清单（带“项目名称”等表头的表格）的项目行，无法填写申报表。`,
    en: `No list rows (a table with headers such as 项目名称) were found in “${file}”; nothing to fill the forms with.`,
  }),
  noForms: (file: string, pack: string): Text => ({
    zh: `“${file}”中没有找到${pack}的申报表，无法填写。`,
    en: `No application forms of ${pack} were found in “${file}”; nothing to fill in.`,
  }),
  wroteBlank: (file: string, title: string): Text => ({
    zh: `已写出空白表格“${title}”：${file}`,
    en: `Blank “${title}” written: ${file}`,
  }),
  wroteForms: (file: string, n: number): Text => ({
    zh: `已按清单 ${n} 行写出 ${n} 张申报表：${file}`,
    en: `${n} application form${n === 1 ? "" : "s"} written from ${n} list row${n === 1 ? "" : "s"}: ${file}`,
  }),
  wroteList: (file: string, n: number): Text => ({
    zh: `已按 ${n} 张申报表写出：${file}`,
    en: `Written from ${n} application form${n === 1 ? "" : "s"}: ${file}`,
  }),
  writeFailed: (file: string, detail: string): Text => ({
    zh: `无法写出“${file}”：${detail}`,
    en: `Could not write “${file}”: ${detail}`,
  }),
  skipped: (file: string, reason: string): Text => ({
    zh: `已跳过“${file}”：${reason}`,
    en: `Skipped “${file}”: ${reason}`,
  }),
  hint: (severity: string, cell: string, message: string): Text => ({
    zh: `${severity === "warning" ? "提醒" : "说明"} ${cell}：${message}`,
    en: `${severity === "warning" ? "warning" : "note"} ${cell}: ${message}`,
  }),
} as const;

type Lang = "zh" | "en";

function parseRanks(value: string): number[] | undefined {
  const parts = value.split(/[,，、\s]+/).filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) return undefined;
  return parts.map(Number);
}

interface Filled {
  layouts: SheetLayout[];
  message: Text;
  hints: string[];
}

/** Fills the template from the workbook: forms from list rows, or a list from forms. A Text when there is nothing. */
function fillFrom(
  template: Template,
  grids: readonly Grid[],
  file: string,
  out: string,
  keys: readonly number[],
  lang: Lang,
  /** Forms already read and ranked (a folder of forms), used instead of the grids' for a list. */
  given?: readonly ApplicationForm[],
): Filled | Text {
  if (template.form) {
    const records = grids.flatMap((grid) => recordsFromGrid(grid));
    if (records.length === 0) return templateCliText.noRows(file);
    return {
      layouts: records.map((r) => fillFormFromRecord(template.id, r.record)),
      message: templateCliText.wroteForms(out, records.length),
      hints: [],
    };
  }
  if (template.list) {
    const forms = (given ?? readApplicationForms(grids)).filter((f) => f.policy === template.list?.policy);
    if (forms.length === 0) return templateCliText.noForms(file, packName(template.policy)[lang]);
    const ranked = forms.map((f, i) => ({ ...f, rank: i + 1, keyRecommended: keys.includes(i + 1) }));
    const { layout, hints } = buildListFromForms(template.id, ranked);
    return {
      layouts: [layout],
      message: templateCliText.wroteList(out, forms.length),
      hints: hints.map((h) => templateCliText.hint(h.severity, toA1(h.row, h.col), h.message[lang])[lang]),
    };
  }
  return templateCliText.cannotFill(template.id);
}

async function runTemplate(args: readonly string[], io: CliIO): Promise<number> {
  const lang = io.lang;
  const usageError = (detail: string) => {
    io.stderr(`${cliText.usageError(detail)[lang]}\n${cliText.usage[lang]}${USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        fill: { type: "string" },
        key: { type: "string" },
        pack: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    return usageError(parseArgsError(error, lang));
  }
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || extra.length > 0) return usageError(templateCliText.oneId[lang]);
  const out = parsed.values.out;
  if (out === undefined || out === "") return usageError(templateCliText.needOut[lang]);
  if (!/\.xlsx$/i.test(out)) return usageError(templateCliText.notXlsx(out)[lang]);
  // A pack folder brings its own templates (templates/*.yaml); a folder that cannot be loaded stops the run.
  if (!loadPackOptions(parsed.values.pack ?? [], io)) return 2;
  const template = getTemplate(id);
  if (!template) {
    io.stderr(`${terminalSafe(templateCliText.unknown(id)[lang])}\n`);
    return 2;
  }
  const keys = parsed.values.key === undefined ? [] : parseRanks(parsed.values.key);
  if (keys === undefined) return usageError(templateCliText.badKey(parsed.values.key ?? "")[lang]);
  if (keys.length > 0 && !template.list?.keyColumn) return usageError(templateCliText.keyNotList[lang]);
  const target = path.resolve(io.cwd, out);

  let filled: Filled;
  const fill = parsed.values.fill;
  if (fill === undefined) {
    filled = {
      layouts: [template.build()],
      message: templateCliText.wroteBlank(out, template.title.replace(/\s+/g, "")),
      hints: [],
    };
  } else {
    const source = path.resolve(io.cwd, fill);
    if (source === target) return usageError(templateCliText.sameFile[lang]);
    if (!template.form && !template.list) {
      // An application form whose pack's model reads no forms can be written blank only.
      const blankOnly = template.table === "application" || template.table === "institution";
      const why = blankOnly ? templateCliText.noFormReader : templateCliText.cannotFill;
      io.stderr(`${terminalSafe(why(template.id)[lang])}\n`);
      return 2;
    }
    let grids: readonly Grid[];
    let forms: ApplicationForm[] | undefined;
    if (await isDirectory(source)) {
      if (!template.list) {
        io.stderr(`${templateCliText.noRows(fill)[lang]}\n`);
        return 2;
      }
      forms = await formsOfFolder(fill, io, lang);
      grids = [];
    } else {
      const opened = await openCheckableWorkbook(source);
      if (!opened.ok) {
        io.stderr(`${fill}: ${problemText(opened.problem)[lang]}\n`);
        return 2;
      }
      grids = opened.workbook.grids;
    }
    const result = fillFrom(template, grids, fill, out, keys, lang, forms);
    if ("zh" in result) {
      io.stderr(`${result[lang]}\n`);
      return 2;
    }
    filled = result;
  }

  // ExcelJS is loaded when a workbook is written, so that commands that only read start quickly.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "yanxiu-desk";
  for (const layout of filled.layouts) addLayoutSheet(wb, layout);
  try {
    await writeFileAtomic(target, new Uint8Array(await wb.xlsx.writeBuffer()));
  } catch (error) {
    const detail =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    io.stderr(`${templateCliText.writeFailed(out, detail)[lang]}\n`);
    return 2;
  }
  for (const hint of filled.hints) io.stderr(`${hint}\n`);
  // The message quotes the template's title, which an added pack's author wrote.
  io.stdout(`${terminalSafe(filled.message[lang])}\n`);
  return 0;
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await fsp.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** The rank a file name starts with ("01-某院.docx" → 1, "3_申报表.docx" → 3), if any. */
export function rankOfFileName(display: string): number | undefined {
  const m = /^(\d{1,4})(?!\d)/.exec(path.basename(display));
  return m ? Number(m[1]) : undefined;
}

/**
 * Every application form in a folder's files (Word forms and workbooks), ranked by the number their file names start
 * with, unranked files after them in name order. A file that cannot be read is named on stderr and left out.
 */
async function formsOfFolder(dir: string, io: CliIO, lang: Lang): Promise<ApplicationForm[]> {
  const inputs = await resolveInputs([dir], io.cwd);
  const found: Array<{ form: ApplicationForm; rank: number | undefined; order: number }> = [];
  for (const [order, input] of inputs.entries()) {
    if (!input.ok) continue;
    const opened = await openCheckableWorkbook(input.path);
    if (!opened.ok) {
      io.stderr(
        `${terminalSafe(templateCliText.skipped(input.display, problemText(opened.problem)[lang])[lang])}\n`,
      );
      continue;
    }
    const rank = rankOfFileName(input.display);
    for (const form of readApplicationForms(opened.workbook.grids)) found.push({ form, rank, order });
  }
  found.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.order - b.order,
  );
  return found.map((f) => f.form);
}

/** `yanxiu template ID [--fill FILE] -o OUT.xlsx`: one official table, blank or filled (issue 6). */
export const templateCommand: CliCommand = {
  name: "template",
  summary: templateCliText.summary,
  usage: USAGE,
  help: templateCliText.help,
  run: runTemplate,
};
