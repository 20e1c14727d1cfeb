import { parseArgs } from "node:util";
import { LEVEL_NAMES, TABLE_NAMES } from "../../core/packs/types";
import { packName } from "../../core/packs/registry";
import { allTemplates, describeTemplate, templateProblems } from "../../core/templates/registry";
import { terminalSafe } from "../../adapters/xlsx/safe-text";
import { parseArgsError } from "../args";
import { cliText } from "../messages";
import { loadPackOptions } from "./packs";
import type { CliCommand, CliIO } from "../types";

const USAGE = "yanxiu templates [--pack DIR]... [--json] [--lang en]";

/** Strings of `yanxiu templates`. */
export const templatesCliText = {
  summary: {
    zh: "列出可插入的官方表格模板（通知附件中的每张表）",
    en: "list the official tables that can be written as templates (every table of the notices)",
  },
  help: {
    zh: [
      "列出每份通知的附件表格及其模板 ID；用 yanxiu template ID -o 文件.xlsx 写出。",
      "",
      "选项：",
      "  --json            以 JSON 输出：[{id, policy, level, table, title}]",
      "  --pack DIR        加入或替换一个政策包文件夹（可重复），一并列出它 templates/ 中的模板",
      "  --lang en         英文输出（默认中文）",
    ].join("\n"),
    en: [
      "Lists each notice's tables with their template ids; write one with yanxiu template ID -o FILE.xlsx.",
      "",
      "Options:",
      "  --json            print JSON: [{id, policy, level, table, title}]",
      "  --pack DIR        add or replace a policy pack from a folder (repeatable) and list its templates/ too",
      "  --lang en         English output (default: Chinese)",
    ].join("\n"),
  },
  noArguments: { zh: "此命令不接受文件参数。", en: "This command takes no file arguments." },
  howTo: {
    zh: "写出模板：yanxiu template ID -o 文件.xlsx",
    en: "Write one: yanxiu template ID -o FILE.xlsx",
  },
} as const;

/** The human listing: grouped by notice, one line per table (id, attachment, title, table kind and level). */
export function templatesHuman(lang: "zh" | "en"): string {
  const templates = allTemplates();
  const width = Math.max(...templates.map((t) => t.id.length)) + 2;
  const lines: string[] = [];
  let policy = "";
  for (const t of templates) {
    if (t.policy !== policy) {
      if (policy !== "") lines.push("");
      policy = t.policy;
      lines.push(packName(t.policy)[lang]);
    }
    const kind = [TABLE_NAMES[t.table][lang], t.level ? LEVEL_NAMES[t.level][lang] : ""]
      .filter((s) => s !== "")
      .join(lang === "zh" ? "，" : ", ");
    const title = t.title.replace(/\s+/g, "");
    lines.push(
      `  ${t.id.padEnd(width)}${t.attachment} ${title}${lang === "zh" ? `（${kind}）` : ` (${kind})`}`,
    );
  }
  lines.push("", templatesCliText.howTo[lang]);
  // Titles and ids of an added pack are its author's text: shown without control characters.
  return terminalSafe(`${lines.join("\n")}\n`, true);
}

async function runTemplates(args: readonly string[], io: CliIO): Promise<number> {
  const lang = io.lang;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean", default: false }, pack: { type: "string", multiple: true } },
    });
  } catch (error) {
    io.stderr(`${cliText.usageError(parseArgsError(error, lang))[lang]}\n${cliText.usage[lang]}${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length > 0) {
    io.stderr(
      `${cliText.usageError(templatesCliText.noArguments[lang])[lang]}\n${cliText.usage[lang]}${USAGE}\n`,
    );
    return 2;
  }
  const loaded = loadPackOptions(parsed.values.pack ?? [], io);
  // A template of an added pack whose data cannot be drawn is left out and named (yanxiu pack lint says why).
  for (const p of templateProblems())
    io.stderr(terminalSafe(`yanxiu: ${p.pack} ${p.file}：${p.message}`) + "\n");
  if (parsed.values.json === true) io.stdout(`${JSON.stringify(allTemplates().map(describeTemplate))}\n`);
  else io.stdout(templatesHuman(lang));
  return loaded ? 0 : 2;
}

/** `yanxiu templates [--json]`: the official tables the product can write (issue 6). */
export const templatesCommand: CliCommand = {
  name: "templates",
  summary: templatesCliText.summary,
  usage: USAGE,
  help: templatesCliText.help,
  run: runTemplates,
};
