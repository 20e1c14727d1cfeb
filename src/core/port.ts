import type { Finding } from "./findings";
import type { Grid } from "./grid/types";
import type { CellWrite } from "./stats/rank-column";
import type { SheetLayout } from "./templates/layout";

export interface SheetInfo {
  name: string;
  active: boolean;
}

/** Requirement-set features the pane may need; each port says which it has. */
export interface PortCapabilities {
  /** Reasons can be attached as notes (ExcelApi 1.18) or comments (1.10); "none" leaves them to the pane. */
  annotations: "note" | "comment" | "none";
  insertSheet: boolean;
  selectCell: boolean;
  /** Human names of what this host lacks, for the pane to say (empty when all is there). */
  missing: string[];
}

/**
 * The one surface the task pane talks to. Two implementations: Office.js inside Excel, ExcelJS in file mode.
 * Row/col are 0-based; sheet names are the workbook's own.
 */
export interface WorkbookPort {
  readonly kind: "office" | "file";
  capabilities(): Promise<PortCapabilities>;
  listSheets(): Promise<SheetInfo[]>;
  readSheet(sheet: string): Promise<Grid>;
  /** Marks every finding's cell (clearing earlier marks of ours first). */
  applyMarks(sheet: string, findings: readonly Finding[]): Promise<void>;
  /** Takes back every mark of ours on the sheet, restoring what was there before. */
  clearMarks(sheet: string): Promise<void>;
  selectCell(sheet: string, row: number, col: number): Promise<void>;
  /** Inserts a new sheet drawn from the layout; returns the name it got (unique). */
  insertSheet(layout: SheetLayout): Promise<string>;
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
  /**
   * Optional: writes values into cells (a rank column, a ticked □ option). `null` empties a cell; a string is written
   * as text, never as a formula. Ports that cannot write leave it out and the pane disables what needs it.
   */
  writeCells?(sheet: string, writes: readonly CellWrite[]): Promise<void>;
  /**
   * Optional: calls `handler` after the user changes the sheet's contents (for 实时校验). Returns a function that
   * stops the calls. Ports without change events leave it out and the pane hides the switch. `onError` hears of a
   * failure to start or stop listening (registration happens in the background).
   */
  onSheetChanged?(sheet: string, handler: () => void, onError?: (error: unknown) => void): () => void;
  /**
   * Optional: the sheets (as listSheets) and the active sheet's grid (as readSheet) in one request, what 校验
   * needs first. Ports where listing and reading cost nothing extra leave it out and the pane does both.
   */
  readActiveSheet?(): Promise<{ sheets: SheetInfo[]; grid: Grid }>;
}

export type { CellWrite };
