import * as path from "node:path";
import { parseArgs } from "node:util";
import { terminalSafe } from "../../adapters/xlsx/safe-text";
import { allPacks } from "../../core/packs/registry";
import { parseArgsError } from "../args";
import { cliText } from "../messages";
import type { CliCommand, CliIO } from "../types";
import { describeIssue, lintFolder, loadUserPacks, PackFolderError } from "../user-packs";

/** Strings of `yanxiu packs` and `yanxiu pack lint`. */
export const packsCliText = {
  packsSummary: {
    zh: "列出已知的政策包（每份通知一个包：内置的，以及 --pack 加入的）",
    en: "list the policy packs (one per notice: built in, and added with --pack)",
  },
  packsUsage: "yanxiu packs [--pack DIR]... [--json] [--lang en]",
  packsHelp: {
    zh: [
      "每份通知是一个数据文件夹（packs/<id>/，见 docs/packs.md）。",
      "",
      "选项：",
      "  --pack DIR        加入或替换一个包文件夹（可重复；DIR 也可以是装着多个包文件夹的目录）",
      '  --json            以 JSON 输出：[{"id","notice","year","source"}]，source 为包所在的文件夹',
      "  --lang en         英文输出（默认中文）",
    ].join("\n"),
    en: [
      "Each notice is a folder of data (packs/<id>/, see docs/packs.md).",
      "",
      "Options:",
      "  --pack DIR        add or replace a pack from a folder (repeatable; DIR may hold several pack folders)",
      '  --json            print JSON: [{"id","notice","year","source"}], source being the pack\'s folder',
      "  --lang en         English output (default: Chinese)",
    ].join("\n"),
  },
  packSummary: {
    zh: "检查一个政策包文件夹（pack lint DIR）：未知规则类型、未知字段、缺少条款、无法识别的日期、格式错误",
    en: "check a policy pack folder (pack lint DIR): unknown rule kinds, unknown fields, missing clauses, bad dates, schema errors",
  },
  packUsage: "yanxiu pack lint DIR [--json]",
  packHelp: {
    zh: [
      "逐项检查包文件夹，按“文件 路径：问题”列出（中文）；有错误时退出码为 1。",
      "",
      "选项：",
      "  --json            以 JSON 输出：[{folder, issues: [{severity, file, path, message}]}]",
    ].join("\n"),
    en: [
      "Checks a pack folder and lists “file path: problem” (in Chinese); exit code 1 when there are errors.",
      "",
      "Options:",
      "  --json            print JSON: [{folder, issues: [{severity, file, path, message}]}]",
    ].join("\n"),
  },
  noSubcommand: {
    zh: "缺少子命令：yanxiu pack lint DIR",
    en: "Missing sub-command: yanxiu pack lint DIR",
  },
  lintClean: { zh: "未发现问题。", en: "No problems found." },
  lintCounts: (errors: number, warnings: number) => ({
    zh: `${errors} 个错误，${warnings} 个提醒。`,
    en: `${errors} errors, ${warnings} warnings.`,
  }),
} as const;

/** Load --pack folders; refused ones are told on stderr (the built-in packs keep working). Returns false on any refusal. */
export function loadPackOptions(dirs: readonly string[], io: CliIO): boolean {
  const { refused } = loadUserPacks(dirs, io.cwd);
  for (const r of refused) io.stderr(`yanxiu: ${terminalSafe(r)}\n`);
  return refused.length === 0;
}

function sourceOf(source: string, cwd: string): string {
  return path.isAbsolute(source) ? path.relative(cwd, source) || "." : source;
}

async function runPacks(args: readonly string[], io: CliIO): Promise<number> {
  const lang = io.lang;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: { json: { type: "boolean", default: false }, pack: { type: "string", multiple: true } },
    });
  } catch (error) {
    io.stderr(
      `${cliText.usageError(parseArgsError(error, lang))[lang]}\n${cliText.usage[lang]}${packsCliText.packsUsage}\n`,
    );
    return 2;
  }
  const ok = loadPackOptions(parsed.values.pack ?? [], io);
  const packs = allPacks().map((p) => ({
    id: p.id,
    notice: p.data.notice,
    year: p.data.year,
    source: sourceOf(p.data.source, io.cwd),
  }));
  if (parsed.values.json === true) io.stdout(`${JSON.stringify(packs, null, 2)}\n`);
  else {
    const width = Math.max(...packs.map((p) => p.id.length)) + 2;
    for (const p of allPacks())
      io.stdout(
        terminalSafe(
          `${p.id.padEnd(width)}${p.data.names[lang]}  ${p.data.year}  ${sourceOf(p.data.source, io.cwd)}`,
        ) + "\n",
      );
  }
  return ok ? 0 : 2;
}

async function runPack(args: readonly string[], io: CliIO): Promise<number> {
  const lang = io.lang;
  const [sub, ...rest] = args;
  if (sub !== "lint") {
    io.stderr(`${packsCliText.noSubcommand[lang]}\n${cliText.usage[lang]}${packsCliText.packUsage}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean", default: false } },
    });
  } catch (error) {
    io.stderr(
      `${cliText.usageError(parseArgsError(error, lang))[lang]}\n${cliText.usage[lang]}${packsCliText.packUsage}\n`,
    );
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`${cliText.usage[lang]}${packsCliText.packUsage}\n`);
    return 2;
  }
  const dir = path.resolve(io.cwd, parsed.positionals[0] as string);
  let results;
  try {
    results = lintFolder(dir);
  } catch (e) {
    if (!(e instanceof PackFolderError)) throw e;
    io.stderr(`yanxiu: ${terminalSafe(e.message)}\n`);
    return 2;
  }
  const rel = (f: string) => path.relative(io.cwd, f) || ".";
  if (parsed.values.json === true)
    io.stdout(
      `${JSON.stringify(
        results.map((r) => ({ folder: rel(r.folder), issues: r.issues })),
        null,
        2,
      )}\n`,
    );
  else
    for (const r of results) {
      io.stdout(`${terminalSafe(rel(r.folder))}\n`);
      if (r.issues.length === 0) io.stdout(`  ${packsCliText.lintClean[lang]}\n`);
      for (const i of r.issues)
        io.stdout(`  ${i.severity === "error" ? "错误" : "提醒"}  ${terminalSafe(describeIssue(i))}\n`);
      const errors = r.issues.filter((i) => i.severity === "error").length;
      if (r.issues.length > 0)
        io.stdout(`  ${packsCliText.lintCounts(errors, r.issues.length - errors)[lang]}\n`);
    }
  return results.some((r) => r.issues.some((i) => i.severity === "error")) ? 1 : 0;
}

export const packsCommand: CliCommand = {
  name: "packs",
  summary: packsCliText.packsSummary,
  usage: packsCliText.packsUsage,
  help: packsCliText.packsHelp,
  run: runPacks,
};

export const packCommand: CliCommand = {
  name: "pack",
  summary: packsCliText.packSummary,
  usage: packsCliText.packUsage,
  help: packsCliText.packHelp,
  run: runPack,
};
