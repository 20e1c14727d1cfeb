import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { annotateWorkbook } from "../../adapters/xlsx/annotate";
import { readIgnores } from "../../adapters/xlsx/ignores";
import { openWorkbookFile } from "../../adapters/xlsx/open-file";
import type { InputProblem } from "../../adapters/xlsx/problems";
import { gridsFromWorkbook } from "../../adapters/xlsx/read";
import { writeFileAtomic } from "../../adapters/xlsx/write-file";
import { checkGrid } from "../../core/check";
import type { CheckOptions, SheetCheck } from "../../core/check-types";
import { projectRecords, type ProjectRecord } from "../project-rows";
import type { Input } from "./inputs";

export interface CheckRunOptions extends Pick<CheckOptions, "policy" | "level"> {
  lang: "zh" | "en";
  /** The directory paths are shown relative to. */
  cwd: string;
  /** Directory for annotated copies (absolute), when asked for. */
  outDir?: string;
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
    const stem = path.basename(inputPath).replace(/\.(xlsx|xlsm)$/i, "");
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
  const opened = await openWorkbookFile(input.path);
  if (!opened.ok) return { ...outcome, problem: opened.problem };
  const wb = opened.workbook;
  const grids = gridsFromWorkbook(wb);
  if (grids.length === 0 || grids.every((g) => g.rowCount === 0))
    return { ...outcome, problem: { kind: "empty-workbook", noSheets: grids.length === 0 } };
  const { ignores, unreadable } = readIgnores(wb);
  outcome.ignoresUnreadable = unreadable;
  for (const grid of grids) {
    const check = checkGrid(grid, { policy: options.policy, level: options.level, ignored: ignores });
    outcome.checks.push(check);
    if (options.collectProjects) outcome.projects.push(...projectRecords(input.display, grid, check));
  }
  if (options.outDir && namer) {
    const target = namer.next(input.path);
    const shown = path.relative(options.cwd, target) || target;
    try {
      annotateWorkbook(wb, outcome.checks, options.lang, ignores);
      const bytes = await wb.xlsx.writeBuffer();
      await writeFileAtomic(target, bytes as unknown as Uint8Array);
      outcome.copy = { ok: true, path: shown };
    } catch (error) {
      const detail =
        (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      outcome.copy = { ok: false, path: shown, detail };
    }
  }
  return outcome;
}

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
