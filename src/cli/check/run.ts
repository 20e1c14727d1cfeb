import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { annotateWorkbook } from "../../adapters/xlsx/annotate";
import { CopyRefusedError, openCheckableWorkbook } from "../../adapters/xlsx/open-file";
import {
  COPY_LIMITS,
  copyRefusedText,
  copyTooLargeText,
  copyUnloadableText,
  problemText,
  type InputProblem,
} from "../../adapters/xlsx/problems";
import { writeFileAtomic } from "../../adapters/xlsx/write-file";
import { checkWorkbook } from "../../core/check";
import type { CheckOptions, SheetCheck } from "../../core/check-types";
import { projectRecords, type ProjectRecord } from "../project-rows";
import type { DocxLocation } from "../../adapters/docx/location";
import { wordProblemText } from "../../adapters/docx/problems";
import type { Text } from "../../core/findings";
import type { Input } from "./inputs";

export interface CheckRunOptions extends Pick<CheckOptions, "policy" | "level"> {
  lang: "zh" | "en";
  /** The directory paths are shown relative to. */
  cwd: string;
  /** Directory for annotated copies (absolute), when asked for. */
  outDir?: string;
  /** The same directory as the user wrote it, so the copies' paths are shown as given. */
  outShown?: string;
  /** Gather project rows for the summary workbook. */
  collectProjects: boolean;
}

/** What happened to one file. */
export interface FileOutcome {
  file: string;
  problem: InputProblem | { kind: "no-workbooks" } | null;
  checks: SheetCheck[];
  projects: ProjectRecord[];
  ignoresUnreadable: boolean;
  /** File-level notes (no copy written for a Word form). */
  notes?: Text[];
  /** For a Word form: where each finding is in the document, parallel to checks[i].findings. */
  locations?: Array<Array<DocxLocation | null>>;
  /** The annotated copy written (its path as shown), or why it could not be written. */
  copy?: { ok: true; path: string } | { ok: false; path: string; detail: string };
}

const COPY_SUFFIX = ".checked.xlsx";

/** Picks `<name>.checked.xlsx` in the out directory, numbered when two inputs share a name or it is an input. */
export class CopyNamer {
  private readonly used = new Set<string>();
  constructor(
    private readonly outDir: string,
    private readonly inputs: ReadonlySet<string>,
  ) {}

  next(inputPath: string): string {
    // An annotated copy checked again keeps its name (a.checked.xlsx → a.checked.xlsx, not a.checked.checked.xlsx);
    // a file in another format keeps its extension in the name, since the copy is .xlsx: 申报表.xls →
    // 申报表.xls.checked.xlsx.
    const stem = path
      .basename(inputPath)
      .replace(/\.(xlsx|xlsm)$/i, "")
      .replace(/\.checked$/i, "");
    for (let i = 1; ; i++) {
      const name = i === 1 ? `${stem}${COPY_SUFFIX}` : `${stem} (${i})${COPY_SUFFIX}`;
      const full = path.join(this.outDir, name);
      if (this.used.has(full) || this.inputs.has(full)) continue;
      this.used.add(full);
      return full;
    }
  }
}

/**
 * Check one input: read the file once, check every sheet with the ignores stored in it, and (when asked) write the
 * annotated copy from the same loaded workbook. Nothing here throws for a bad file: it becomes the outcome's problem.
 */
export async function checkInput(
  input: Input,
  options: CheckRunOptions,
  namer: CopyNamer | undefined,
): Promise<FileOutcome> {
  const outcome: FileOutcome = {
    file: input.display,
    problem: null,
    checks: [],
    projects: [],
    ignoresUnreadable: false,
  };
  if (!input.ok) return { ...outcome, problem: input.problem };
  const opened = await openCheckableWorkbook(input.path);
  if (!opened.ok) return { ...outcome, problem: opened.problem };
  const { grids, ignores } = opened.workbook;
  if (grids.length === 0 || grids.every((g) => g.rowCount === 0))
    return { ...outcome, problem: { kind: "empty-workbook", noSheets: grids.length === 0 } };
  outcome.ignoresUnreadable = opened.workbook.ignoresUnreadable;
  // The whole workbook at once: some sheets inform the checks of others (e.g. Fujian's list of units that did not
  // finish 2025).
  outcome.checks = checkWorkbook(grids, { policy: options.policy, level: options.level, ignored: ignores });
  const { locate, notes } = opened.workbook;
  if (notes && notes.length > 0) outcome.notes = [...notes];
  if (locate)
    outcome.locations = outcome.checks.map((c) => c.findings.map((f) => locate(c.sheet, f.row, f.col)));
  // A Word form is never rewritten: no copy, said where the copy would have been.
  if (opened.workbook.format === "docx" && options.outDir)
    (outcome.notes ??= []).push(wordProblemText({ kind: "word", detail: "no-copy" }));
  if (options.collectProjects)
    grids.forEach((grid, i) =>
      outcome.projects.push(...projectRecords(input.display, grid, outcome.checks[i] as SheetCheck)),
    );
  if (options.outDir && namer && opened.workbook.format !== "docx") {
    const target = namer.next(input.path);
    const shown =
      options.outShown !== undefined
        ? path.join(options.outShown, path.basename(target))
        : path.relative(options.cwd, target) || target;
    const tooBig = opened.workbook.sheets.find(
      (s) => s.stats.rows > COPY_LIMITS.rows || s.stats.cells > COPY_LIMITS.cells,
    );
    if (tooBig) {
      outcome.copy = {
        ok: false,
        path: shown,
        detail: copyTooLargeText(tooBig.name, tooBig.stats.rows, tooBig.stats.cells)[options.lang],
      };
      return outcome;
    }
    // ExcelJS makes an object for every cell a merge or a data validation covers, and compares every merge with
    // every other: a sheet past these figures would take gigabytes or minutes to copy.
    const tooSpread = opened.workbook.sheets.find(
      (s) =>
        s.stats.merges > COPY_LIMITS.merges ||
        s.stats.mergedCells > COPY_LIMITS.coveredCells ||
        s.stats.validatedCells > COPY_LIMITS.coveredCells,
    );
    if (tooSpread) {
      outcome.copy = {
        ok: false,
        path: shown,
        detail: copyRefusedText({ kind: "copy-too-spread", sheet: tooSpread.name, ...tooSpread.stats })[
          options.lang
        ],
      };
      return outcome;
    }
    try {
      // The copy is written from ExcelJS's model of the same bytes, so everything else in the file is kept.
      const wb = await opened.workbook.excel().catch((error: unknown) => {
        if (error instanceof CopyRefusedError) throw error;
        throw new CopyUnloadableError(error instanceof Error ? error.message : String(error));
      });
      annotateWorkbook(wb, outcome.checks, options.lang, ignores);
      const bytes = await wb.xlsx.writeBuffer();
      await writeFileAtomic(target, bytes as unknown as Uint8Array);
      outcome.copy = { ok: true, path: shown };
    } catch (error) {
      const detail =
        error instanceof CopyUnloadableError
          ? copyUnloadableText(error.message)[options.lang]
          : error instanceof CopyRefusedError
            ? error.problem.kind === "copy-would-drop"
              ? copyRefusedText(error.problem)[options.lang]
              : problemText(error.problem)[options.lang]
            : ((error as NodeJS.ErrnoException).code ??
              (error instanceof Error ? error.message : String(error)));
      outcome.copy = { ok: false, path: shown, detail };
    }
  }
  return outcome;
}

/** ExcelJS could not load a workbook our reader checked, so no copy can be written from it. */
class CopyUnloadableError extends Error {}

/** Make sure the out directory exists (creating it), or say why it cannot be used. */
export async function prepareOutDir(dir: string): Promise<"ok" | "not-dir"> {
  try {
    const stat = await fsp.stat(dir);
    return stat.isDirectory() ? "ok" : "not-dir";
  } catch {
    await fsp.mkdir(dir, { recursive: true });
    return "ok";
  }
}
