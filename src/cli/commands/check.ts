import * as path from "node:path";
import { parseArgs } from "node:util";
import { nativeDeflate } from "../check/run";
import { terminalSafe } from "../../adapters/xlsx/safe-text";
import { writeFileAtomic } from "../../adapters/xlsx/write-file";
import { type Level, type PackId } from "../../core/packs/types";
import { isPackId } from "../../core/packs/registry";
import { loadPackOptions } from "./packs";
import { parseArgsError } from "../args";
import { resolveInputs } from "../check/inputs";
import { exitCodeOf, humanFileReport, humanTotals, jsonReport, summaryFiles } from "../check/report";
import { checkInputs, CopyNamer, prepareOutDir, type FileOutcome } from "../check/run";
import { checkText, cliText } from "../messages";
import { createProgress } from "../progress";
import { SUMMARY_COLUMNS } from "../project-rows";
import type { CliCommand, CliIO } from "../types";

interface CheckArgs {
  inputs: string[];
  /** Pack folders given with --pack (loaded before --policy is looked up). */
  packs: string[];
  policy?: PackId;
  level?: Level;
  json: boolean;
  out?: string;
  summary?: string;
  /** Findings listed per sheet in the human report (the counts are always whole); undefined lists them all. */
  maxFindings?: number;
}

/** Parse `check`'s arguments; a string is the usage error to show. */
export function parseCheckArgs(args: readonly string[], lang: "zh" | "en"): CheckArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: "string" },
        level: { type: "string" },
        json: { type: "boolean", default: false },
        out: { type: "string" },
        summary: { type: "string" },
        "max-findings": { type: "string" },
        "counts-only": { type: "boolean", default: false },
        pack: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    return parseArgsError(error, lang);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return checkText.noInputs[lang];
  const out: CheckArgs = { inputs: positionals, json: values.json === true, packs: values.pack ?? [] };
  // --policy may name a pack of a --pack folder: it is looked up in runCheck, once the folders are loaded.
  if (values.policy !== undefined) out.policy = values.policy;
  if (values.level !== undefined) {
    if (values.level !== "national" && values.level !== "provincial")
      return checkText.badLevel(values.level)[lang];
    out.level = values.level;
  }
  const max = values["max-findings"];
  if (max !== undefined) {
    if (!/^\d+$/.test(max)) return checkText.badMaxFindings(max)[lang];
    out.maxFindings = Number(max);
  }
  if (values["counts-only"] === true) out.maxFindings = 0;
  if (values.out !== undefined) out.out = values.out;
  if (values.summary !== undefined) out.summary = values.summary;
  return out;
}

async function runCheck(args: readonly string[], io: CliIO): Promise<number> {
  const lang = io.lang;
  const parsed = parseCheckArgs(args, lang);
  if (typeof parsed === "string") {
    io.stderr(`${cliText.usageError(parsed)[lang]}\n${cliText.usage[lang]}${checkText.usage}\n`);
    return 2;
  }
  // Bad pack folders are refused with their reason; the built-in packs (and good folders) still check the files.
  const packsLoaded = loadPackOptions(parsed.packs, io);
  if (parsed.policy !== undefined && !isPackId(parsed.policy)) {
    const message = checkText.badPolicy(parsed.policy)[lang];
    io.stderr(`${cliText.usageError(message)[lang]}\n${cliText.usage[lang]}${checkText.usage}\n`);
    return 2;
  }
  const inputs = await resolveInputs(parsed.inputs, io.cwd);
  const inputPaths = new Set(inputs.flatMap((i) => (i.ok ? [i.path] : [])));

  let outDir: string | undefined;
  if (parsed.out !== undefined) {
    outDir = path.resolve(io.cwd, parsed.out);
    if ((await prepareOutDir(outDir)) === "not-dir") {
      io.stderr(`${cliText.usageError(checkText.outNotDir(parsed.out)[lang])[lang]}\n`);
      return 2;
    }
  }
  const summaryPath = parsed.summary === undefined ? undefined : path.resolve(io.cwd, parsed.summary);
  if (summaryPath && parsed.summary !== undefined && inputPaths.has(summaryPath)) {
    io.stderr(`${cliText.usageError(checkText.summaryIsInput(parsed.summary)[lang])[lang]}\n`);
    return 2;
  }

  const namer = outDir ? new CopyNamer(outDir, inputPaths) : undefined;
  const progress = createProgress(io, inputs.length);
  const outcomes: FileOutcome[] = [];
  // On worker threads for a batch (checkInputs); every outcome arrives here in the inputs' order all the same.
  const runOptions = {
    policy: parsed.policy,
    level: parsed.level,
    lang,
    cwd: io.cwd,
    outDir,
    outShown: parsed.out,
    collectProjects: summaryPath !== undefined,
  };
  await checkInputs(inputs, runOptions, namer, (outcome, index) => {
    progress.start(index, terminalSafe((inputs[index] as (typeof inputs)[number]).display));
    if (outcome.copy && !outcome.copy.ok)
      io.stderr(
        `${terminalSafe(checkText.writeFailed(outcome.copy.path, outcome.copy.detail)[lang], true)}\n`,
      );
    // The human report streams file by file; the JSON document needs every file first.
    if (!parsed.json) {
      progress.finish();
      io.stdout(humanFileReport(outcome, lang, { maxFindings: parsed.maxFindings }));
    }
    // Keep only what the totals, JSON and summary need: the workbook itself is already out of reach.
    outcomes.push(outcome);
  });
  progress.finish();

  let code = exitCodeOf(outcomes);
  if (summaryPath && parsed.summary !== undefined) {
    const shown = parsed.summary;
    try {
      // Loaded here: the summary writer brings ExcelJS, which a plain check does not need.
      const { buildSummaryWorkbook, xlsxBytes } = await import("../../adapters/xlsx/summary");
      const wb = buildSummaryWorkbook(
        summaryFiles(outcomes, lang),
        outcomes.flatMap((o) => o.projects),
        SUMMARY_COLUMNS,
        lang,
      );
      // Compressed by Node's zlib rather than ExcelJS's JavaScript deflate.
      await writeFileAtomic(summaryPath, await xlsxBytes(wb, nativeDeflate));
      if (!parsed.json) io.stdout(`${checkText.wroteSummary(shown)[lang]}\n`);
    } catch (error) {
      const detail =
        (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      io.stderr(`${checkText.writeFailed(shown, detail)[lang]}\n`);
      code = 2;
    }
  }
  io.stdout(parsed.json ? jsonReport(outcomes, lang) : humanTotals(outcomes, lang));
  // A refused pack folder is unusable input (exit 2), told on stderr; the files were still checked.
  return packsLoaded ? code : Math.max(code, 2);
}

/** `yanxiu check`: issues 3 and 7. */
export const checkCommand: CliCommand = {
  name: "check",
  summary: checkText.summary,
  usage: checkText.usage,
  help: checkText.help,
  run: runCheck,
};
