// The WorkbookPort over an ExcelJS workbook held in memory: the browser file mode (and any Node caller) gets the
// same pane as Excel. Only `import type` from exceljs here: the caller hands in the workbook and a way to make a
// new one, so this module adds nothing to a bundle and never decides which ExcelJS build (Node or browser) runs.

import type ExcelJS from "exceljs";
import type { SheetCheck } from "../../core/check-types";
import type { Finding } from "../../core/findings";
import { parseA1 } from "../../core/grid/a1";
import { displayText } from "../../core/grid/grid";
import type { Grid } from "../../core/grid/types";
import { isOurNote, planMarks } from "../../core/marks";
import type { CellWrite, PortCapabilities, SheetInfo, WorkbookPort } from "../../core/port";
import type { SheetLayout } from "../../core/templates/layout";
import { addResultsSheet, paintMarks, type PaintedCell } from "./annotate";
import { addLayoutSheet } from "./draw";
import { readIgnores, readStore, STORE_SHEET, writeStore } from "./ignores";
import { checkWorkbook } from "../../core/check";
import { gridFromWorksheet, plainValue } from "./read";
import { XlsxPortError } from "./port-error";

/**
 * Key in the workbook's store (the very hidden "_yanxiu" sheet, docs/ignores.md) under which the port records what
 * it changed, so clearMarks restores the cells exactly even after the marked file was downloaded and opened again.
 * The same name as the Office adapter's settings key: one record per host, the same meaning.
 */
export const FILE_MARKS_KEY = "yanxiu-desk.marks";

type NoteValue = string | ExcelJS.Comment;

/** What one marked cell was before we painted it, and what we painted (the painter's own record). */
export type MarkedCellRecord = PaintedCell;

interface StoredFileMarks {
  version: 1;
  /** By sheet name. */
  sheets: Record<string, MarkedCellRecord[]>;
}

/** The cell the pane last selected (0-based). In file mode there is no grid to move to, so it is shown instead. */
export interface CellSelection {
  sheet: string;
  row: number;
  col: number;
}

/** What changed in the workbook, for the file-mode pieces that show it (download button, selected cell). */
export type XlsxPortEvent =
  | { type: "selection"; selection: CellSelection }
  | { type: "marks"; sheet: string; marked: number }
  | { type: "sheet-inserted"; sheet: string }
  | { type: "cells"; sheet: string; written: number }
  | { type: "settings"; key: string };

// In a module of its own so the file-mode page (worker/client.ts) can rebuild it without taking in the port.
export { XlsxPortError, type XlsxPortErrorKind } from "./port-error";

export interface XlsxPortOptions {
  /** Makes an empty ExcelJS workbook (the caller's ExcelJS build); needed for the annotated copy. */
  createWorkbook: () => ExcelJS.Workbook;
  /** Language of the reasons written into notes and of the 校验结果 sheet (default zh, the users' language). */
  lang?: "zh" | "en";
  /**
   * The sheets as the project's reader read them from the file (workbook-file.ts), by name: readSheet gives these
   * until the pane writes into a sheet, so the engine checks the file as the CLI does, not as ExcelJS loads it.
   */
  grids?: ReadonlyMap<string, Grid>;
}

// ExcelJS keeps a cell's note in a private field, and its rows and cells in private arrays. These are the only
// internals the port touches.
type CellInternals = ExcelJS.Cell & { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
type RowInternals = ExcelJS.Row & { _cells: (ExcelJS.Cell | undefined)[] };
type WorksheetInternals = ExcelJS.Worksheet & {
  _rows: (ExcelJS.Row | undefined)[];
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
};

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function noteText(note: NoteValue | undefined): string {
  if (note === undefined) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * Removes a cell's note. Clearing the private field alone (what ExcelJS's own Row.splice does) is not enough: the
 * cell's value keeps the comment it was loaded with, or the one its last `model` read copied in, and writes it out.
 */
function removeNote(cell: CellInternals): void {
  cell._comment = undefined;
  if (cell._value?.model) delete cell._value.model.comment;
}

function paintedColour(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.style.fill;
  if (fill?.type !== "pattern" || fill.pattern !== "solid") return undefined;
  return fill.fgColor?.argb;
}

function trimTrailingHoles<T>(items: (T | undefined)[]): void {
  while (items.length > 0 && items[items.length - 1] === undefined) items.pop();
}

function isMarkedCellRecord(x: unknown): x is MarkedCellRecord {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.cell === "string" &&
    parseA1(r.cell) !== undefined &&
    typeof r.painted === "string" &&
    (r.fill === null || typeof r.fill === "object") &&
    (r.note === null || typeof r.note === "string" || typeof r.note === "object") &&
    typeof r.createdCell === "boolean" &&
    typeof r.createdRow === "boolean"
  );
}

/** The stored record; anything unrecognisable counts as "nothing recorded" rather than breaking the pane. */
export function decodeFileMarks(value: unknown): StoredFileMarks {
  const out: StoredFileMarks = { version: 1, sheets: {} };
  if (typeof value !== "object" || value === null) return out;
  const { version, sheets } = value as { version?: unknown; sheets?: unknown };
  if (version !== 1 || typeof sheets !== "object" || sheets === null) return out;
  for (const [name, cells] of Object.entries(sheets as Record<string, unknown>)) {
    if (Array.isArray(cells) && cells.every(isMarkedCellRecord)) out.sheets[name] = cells;
  }
  return out;
}

/**
 * `WorkbookPort` over an in-memory ExcelJS workbook. Marks are fills by severity and notes with planMarks' reasons;
 * what each marked cell was before is recorded (in memory and in the workbook's store) so clearMarks puts back the
 * original fill and the user's own note exactly. Selecting a cell is recorded and announced, since there is no
 * grid to move. Settings live in the same store the CLI keeps its ignores in.
 */
export class XlsxWorkbookPort implements WorkbookPort {
  readonly kind = "file" as const;
  readonly workbook: ExcelJS.Workbook;
  private readonly createWorkbook: () => ExcelJS.Workbook;
  private readonly lang: "zh" | "en";
  private active: string | undefined;
  private selected: CellSelection | null = null;
  /** The findings last marked on each sheet, for the 校验结果 sheet of the annotated copy. */
  private readonly lastFindings = new Map<string, Finding[]>();
  private readonly listeners = new Set<(event: XlsxPortEvent) => void>();
  /** The reader's grids of sheets not written to since the file was opened. */
  private readonly readGrids: Map<string, Grid>;

  constructor(workbook: ExcelJS.Workbook, options: XlsxPortOptions) {
    this.workbook = workbook;
    this.readGrids = new Map(options.grids ?? []);
    this.createWorkbook = options.createWorkbook;
    this.lang = options.lang ?? "zh";
    this.active = this.initialActiveSheet();
  }

  /** The sheet the file was saved on (its active tab), else the first visible one. */
  private initialActiveSheet(): string | undefined {
    const ordered = this.workbook.worksheets;
    const tab = this.workbook.views?.[0]?.activeTab;
    const saved = tab === undefined ? undefined : ordered[tab];
    if (saved && saved.state === "visible") return saved.name;
    return ordered.find((ws) => ws.state === "visible")?.name;
  }

  private worksheet(sheet: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws || ws.name === STORE_SHEET)
      throw new XlsxPortError("sheet-not-found", {
        zh: `工作簿中没有名为“${sheet}”的工作表。`,
        en: `The workbook has no sheet named “${sheet}”.`,
      });
    return ws;
  }

  private emit(event: XlsxPortEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Calls the listener on every change the file-mode pieces show; returns the function that stops it. */
  subscribe(listener: (event: XlsxPortEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The cell the pane last selected, or null. */
  get selection(): CellSelection | null {
    return this.selected;
  }

  /** The text a cell shows (its merged area's, for a cell inside one); "" for an empty cell or an unknown sheet. */
  cellText(sheet: string, row: number, col: number): string {
    const ws = this.workbook.getWorksheet(sheet);
    const found = ws?.findRow(row + 1)?.findCell(col + 1);
    if (!found) return "";
    const cell = found.isMerged ? found.master : found;
    return displayText(plainValue(cell.value));
  }

  /** How many cells carry a mark of ours now, over every sheet. */
  markedCellCount(): number {
    const stored = this.readMarks();
    return Object.values(stored.sheets).reduce((n, cells) => n + cells.length, 0);
  }

  /** Everything works on a file; notes hold the reasons. Charts of a template are left out (ExcelJS cannot draw them). */
  async capabilities(): Promise<PortCapabilities> {
    return { annotations: "note", insertSheet: true, selectCell: true, missing: [] };
  }

  /** Visible sheets in tab order; the active one is the file's own until the pane selects or inserts elsewhere. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets
      .filter((ws) => ws.state === "visible")
      .map((ws) => ({ name: ws.name, active: ws.name === this.active }));
  }

  async readSheet(sheet: string): Promise<Grid> {
    const ws = this.worksheet(sheet);
    return this.readGrids.get(ws.name) ?? gridFromWorksheet(ws);
  }

  async applyMarks(sheet: string, findings: readonly Finding[]): Promise<void> {
    const ws = this.worksheet(sheet);
    const stored = this.readMarks();
    this.restoreSheet(ws, stored.sheets[ws.name] ?? []);
    const mine = findings.filter((f) => f.sheet === ws.name || f.sheet === "");
    // The one painter of annotated copies: the CLI's copy is painted by the same function (annotate.ts).
    const records = paintMarks(ws, planMarks(mine, this.lang));
    if (records.length > 0) stored.sheets[ws.name] = records;
    else delete stored.sheets[ws.name];
    this.writeMarks(stored);
    this.lastFindings.set(ws.name, [...mine]);
    this.emit({ type: "marks", sheet: ws.name, marked: records.length });
  }

  async clearMarks(sheet: string): Promise<void> {
    const ws = this.worksheet(sheet);
    const stored = this.readMarks();
    this.restoreSheet(ws, stored.sheets[ws.name] ?? []);
    delete stored.sheets[ws.name];
    this.writeMarks(stored);
    this.lastFindings.delete(ws.name);
    this.emit({ type: "marks", sheet: ws.name, marked: 0 });
  }

  /** Records the selection (and makes its sheet the active one); the file itself is not changed. */
  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    const ws = this.worksheet(sheet);
    this.active = ws.name;
    this.selected = { sheet: ws.name, row, col };
    this.emit({ type: "selection", selection: this.selected });
  }

  /** Draws the layout into a new sheet under a unique name (draw.ts, as the CLI does) and makes it active. */
  async insertSheet(layout: SheetLayout): Promise<string> {
    const ws = addLayoutSheet(this.workbook, layout);
    this.active = ws.name;
    this.emit({ type: "sheet-inserted", sheet: ws.name });
    return ws.name;
  }

  /**
   * Writes values (a rank column, a ticked □ option). A string becomes a text cell, which no spreadsheet evaluates,
   * so it is written as given. Writing into a merged area anywhere but its top-left cell splits the merge first, as
   * Excel does (the pane warns before it comes to that); the cells' formats are kept.
   */
  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    const ws = this.worksheet(sheet) as WorksheetInternals;
    // From now on the sheet is read from what the pane wrote.
    this.readGrids.delete(ws.name);
    for (const w of writes) {
      const merge = Object.values(ws._merges ?? {}).find(
        (m) => m.top <= w.row + 1 && w.row + 1 <= m.bottom && m.left <= w.col + 1 && w.col + 1 <= m.right,
      );
      if (merge && (merge.top !== w.row + 1 || merge.left !== w.col + 1))
        ws.unMergeCells(merge.top, merge.left, merge.bottom, merge.right);
      ws.getCell(w.row + 1, w.col + 1).value = w.value;
    }
    this.emit({ type: "cells", sheet: ws.name, written: writes.length });
  }

  async getSetting(key: string): Promise<unknown> {
    return readStore(this.workbook).values.get(key);
  }

  /** Stores a JSON value in the workbook's store; undefined removes the key (and an empty store with it). */
  async setSetting(key: string, value: unknown): Promise<void> {
    if (key === FILE_MARKS_KEY)
      throw new XlsxPortError("reserved-setting", {
        zh: `设置项“${key}”为标记记录专用。`,
        en: `The setting “${key}” is reserved for the record of marks.`,
      });
    let copy: unknown;
    try {
      copy = value === undefined ? undefined : jsonCopy(value);
    } catch {
      throw new XlsxPortError("unserialisable-setting", {
        zh: `设置项“${key}”的值无法保存到工作簿中。`,
        en: `The value of the setting “${key}” cannot be saved in the workbook.`,
      });
    }
    const { values } = readStore(this.workbook);
    if (copy === undefined) values.delete(key);
    else values.set(key, copy);
    this.saveStore(values);
    this.emit({ type: "settings", key });
  }

  /** The workbook as an .xlsx file, exactly as it is in memory (marks, inserted sheets, store). */
  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }

  /**
   * The annotated copy the user downloads: the workbook with its marks, plus the 校验结果 sheet listing the
   * findings last marked on each sheet with a link to each cell, as `yanxiu check --out` writes. The workbook in
   * memory is not touched: the copy is made from the written file.
   */
  async annotatedCopy(): Promise<Uint8Array> {
    const bytes = await this.toBuffer();
    if (this.lastFindings.size === 0) return bytes;
    const copy = this.createWorkbook();
    await copy.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    // The findings the pane ignored are listed too, with their reasons (已忽略：原因), as the CLI's copy lists them:
    // the check is run again over the workbook with the ignores stored in it to know which findings they hid.
    const { ignores } = readIgnores(this.workbook);
    const ignoredBySheet = new Map<string, Finding[]>();
    if (ignores.length > 0) {
      const visible = this.workbook.worksheets.filter((ws) => ws.state === "visible");
      const grids = await Promise.all(visible.map((ws) => this.readSheet(ws.name)));
      for (const check of checkWorkbook(grids, { ignored: ignores }))
        ignoredBySheet.set(check.sheet, check.ignored);
    }
    const checks = [...this.lastFindings].map(([sheet, findings]): SheetCheck => ({
      sheet,
      table: "unknown",
      policy: null,
      level: null,
      confidence: 0,
      findings,
      ignored: ignoredBySheet.get(sheet) ?? [],
    }));
    // One painter: the same function writes the 校验结果 sheet of the CLI's copy (annotate.ts).
    addResultsSheet(copy, checks, this.lang, ignores);
    return new Uint8Array(await copy.xlsx.writeBuffer());
  }

  private readMarks(): StoredFileMarks {
    return decodeFileMarks(readStore(this.workbook).values.get(FILE_MARKS_KEY));
  }

  private writeMarks(stored: StoredFileMarks): void {
    const { values } = readStore(this.workbook);
    const had = values.has(FILE_MARKS_KEY);
    if (Object.keys(stored.sheets).length > 0) values.set(FILE_MARKS_KEY, stored);
    else if (had) values.delete(FILE_MARKS_KEY);
    else return;
    this.saveStore(values);
  }

  /** An empty store is no store: a workbook marked and cleared again holds no sheet of ours. */
  private saveStore(values: Map<string, unknown>): void {
    if (values.size > 0) {
      writeStore(this.workbook, values);
      return;
    }
    const existing = this.workbook.getWorksheet(STORE_SHEET);
    if (existing) this.workbook.removeWorksheet(existing.id);
  }

  /** Puts back what the records say, on cells that still carry our mark; a cell changed since is left as it is. */
  private restoreSheet(ws: ExcelJS.Worksheet, records: readonly MarkedCellRecord[]): void {
    // Last painted first, so cells and rows we created are dropped in the reverse order of their making.
    for (const record of [...records].reverse()) {
      const ref = parseA1(record.cell);
      if (!ref) continue;
      const row = ws.findRow(ref.row + 1) as RowInternals | undefined;
      const cell = row?.findCell(ref.col + 1) as CellInternals | undefined;
      if (!row || !cell) continue;
      if (paintedColour(cell) === record.painted) {
        const { fill: _ours, ...rest } = cell.style;
        cell.style = record.fill ? { ...rest, fill: jsonCopy(record.fill) } : rest;
      }
      const current = cell.note as NoteValue | undefined;
      if (isOurNote(noteText(current))) {
        if (record.note === null) removeNote(cell);
        else cell.note = jsonCopy(record.note);
      }
      if (record.createdCell && this.isBlank(cell)) {
        row._cells[ref.col] = undefined;
        trimTrailingHoles(row._cells);
        if (record.createdRow && row._cells.length === 0) {
          const rows = (ws as WorksheetInternals)._rows;
          rows[ref.row] = undefined;
          trimTrailingHoles(rows);
        }
      }
    }
  }

  /** A cell we created holds nothing of anyone's once our fill and note are gone (its style is the row's or column's). */
  private isBlank(cell: CellInternals): boolean {
    const value = cell.value;
    return (value === null || value === undefined) && cell._comment === undefined;
  }
}
