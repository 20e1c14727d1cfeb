// Checking one sheet through a WorkbookPort: shared by the pane's 校验 tab and the ribbon's 校验 button, so both do
// exactly the same thing. Free of React so the ribbon's function file stays small; the engine itself is a chunk
// loaded when a sheet is first checked here (engine-loader.ts), never by the file mode's page, which checks in its worker.

import type { IgnoreEntry, SheetCheck } from "../core/check-types";
import { countBySeverity, type Severity } from "../core/findings";
import type { Grid } from "../core/grid/types";
import type { SheetInfo, WorkbookPort } from "../core/port";
import { loadEngine } from "./engine-loader";
import type { OwnSheet } from "./own-sheets";
import type { SheetOverride } from "./settings";

// Sheets whose name says they list the units that did not finish 2025 (福建 三（一）); the engine reads them as
// references for the other sheets' checks. Only these are read besides the checked sheet, to keep it to one read.
const REFERENCE_SHEET = /未完成/;

export interface SheetCheckOptions {
  ignores?: readonly IgnoreEntry[];
  override?: SheetOverride;
  /** Paint the findings into the sheet (and take back earlier marks); false only recognises and counts. */
  mark: boolean;
  /** The workbook's sheet names, when the caller already has them (saves a request). */
  sheetNames?: readonly string[];
  /** The sheet's grid when the caller has just read it (WorkbookPort.readActiveSheet): saves a request. */
  grid?: Grid;
}

export interface SheetCheckRun {
  check: SheetCheck;
  /** The sheet as read; absent when the check was made where the workbook lives (the file-mode worker). */
  grid?: Grid;
  /** The sheet is one the add-in made (校验结果, a blank template): not checked, said so instead. */
  own: OwnSheet | null;
}

/**
 * The workbook's sheets and, where the port can read both in one request (readActiveSheet), the active sheet's grid:
 * what 校验 looks at first. Without readActiveSheet, only the list (the grid is read by checkSheetThroughPort).
 */
export async function lookAtWorkbook(
  port: WorkbookPort,
): Promise<{ sheets: SheetInfo[]; activeGrid?: Grid }> {
  if (!port.readActiveSheet) return { sheets: await port.listSheets() };
  const { sheets, grid } = await port.readActiveSheet();
  return { sheets, activeGrid: grid };
}

/**
 * Reads the sheet, checks it with the engine (honouring the user's ignores and chosen pack/level, and the
 * workbook's reference lists), and marks the findings when asked. Errors from the port propagate to the caller,
 * which shows them.
 */
export async function checkSheetThroughPort(
  port: WorkbookPort,
  sheet: string,
  options: SheetCheckOptions,
): Promise<SheetCheckRun> {
  const inWorker = checkInWorkerOf(port);
  if (inWorker) {
    // File mode: the workbook lives in a worker, which reads, checks and marks it there (the same function, run
    // on its XlsxWorkbookPort); only the findings come back to the page.
    const { check, own } = await inWorker(sheet, {
      mark: options.mark,
      ignores: options.ignores ?? [],
      override: options.override,
      sheetNames: options.sheetNames,
    });
    return { check, own };
  }
  const { checkGrid, collectReferences, ownSheetOf } = await loadEngine();
  const names = options.sheetNames ?? (await port.listSheets()).map((s) => s.name);
  const grid = options.grid?.name === sheet ? options.grid : await port.readSheet(sheet);
  const own = ownSheetOf(grid);
  if (own) {
    // Our own sheet: nothing to find in it; marks left from an earlier check of it are taken back.
    const check: SheetCheck = {
      sheet,
      table: own.kind === "blank-template" ? own.template.table : "unknown",
      policy: own.kind === "blank-template" ? own.template.policy : null,
      level: own.kind === "blank-template" ? own.template.level : null,
      confidence: 1,
      findings: [],
      ignored: [],
    };
    if (options.mark) await port.applyMarks(sheet, []);
    return { check, grid, own };
  }
  const referenceGrids: Grid[] = [];
  for (const name of names) {
    // One read per reference sheet; workbooks have at most one such list in practice.
    if (name !== sheet && REFERENCE_SHEET.test(name)) referenceGrids.push(await port.readSheet(name));
  }
  // The read, the check and the marking are separate tasks: on a 20,000-row list each takes a few hundred
  // milliseconds, and the pane stays responsive between them (issue 13).
  await yieldToBrowser();
  const check = checkGrid(grid, {
    policy: options.override?.policy,
    level: options.override?.level,
    ignored: options.ignores ?? [],
    references: collectReferences([grid, ...referenceGrids]),
  });
  if (options.mark) {
    await yieldToBrowser();
    await port.applyMarks(sheet, check.findings);
  }
  return { check, grid, own: null };
}

/** What a port that checks where its workbook lives (worker/worker-port.ts) offers; duck-typed so the ribbon's
 * function file does not take in the worker's code. */
type CheckInWorker = (
  sheet: string,
  options: {
    mark: boolean;
    ignores: readonly IgnoreEntry[];
    override?: SheetOverride;
    sheetNames?: readonly string[];
  },
) => Promise<{ check: SheetCheck; own: OwnSheet | null }>;

function checkInWorkerOf(port: WorkbookPort): CheckInWorker | undefined {
  const fn = (port as { checkInWorker?: unknown }).checkInWorker;
  return typeof fn === "function" ? (fn.bind(port) as CheckInWorker) : undefined;
}

/** Lets the browser paint and handle input before the next long step (a no-op wait outside a browser). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Findings per severity, ignored ones left out (they are neither marked nor counted). */
export function severityCounts(check: SheetCheck): Record<Severity, number> {
  return countBySeverity(check.findings);
}

/**
 * Runs work on a port and lets a failure through only while the port is still the pane's: a workbook replaced
 * meanwhile (its worker stopped once its last answer was in) fails what was still to be asked of it, and that
 * failure is no news to the user, who sees the new workbook.
 */
export async function staleQuiet<T>(
  port: WorkbookPort,
  current: () => WorkbookPort | null,
  work: () => Promise<T>,
): Promise<T | false> {
  try {
    return await work();
  } catch (error) {
    if (current() !== port) return false;
    throw error;
  }
}
