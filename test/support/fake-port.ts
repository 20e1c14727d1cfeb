// An in-memory workbook behind the WorkbookPort interface, for the pane's tests: sheets are cells in memory,
// marks are the planned marks of src/core/marks.ts, settings are stored as JSON (as Excel and the xlsx store keep
// them), inserted sheets are drawn from their layout, and writes change the cells. It also records what was asked
// so tests can see the workbook from the user's side (what is marked, which cell is selected).

import { toA1 } from "../../src/core/grid/a1";
import { makeGrid, rawCell } from "../../src/core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../src/core/grid/types";
import type { Finding } from "../../src/core/findings";
import { planMarks, type CellMark } from "../../src/core/marks";
import type { CellWrite, PortCapabilities, SheetInfo, WorkbookPort } from "../../src/core/port";
import type { SheetLayout } from "../../src/core/templates/layout";
import { gridFromLayout } from "../../src/core/templates/grid";

type Method =
  | "capabilities"
  | "listSheets"
  | "readSheet"
  | "applyMarks"
  | "clearMarks"
  | "selectCell"
  | "insertSheet"
  | "getSetting"
  | "setSetting"
  | "writeCells";

export interface FakePortOptions {
  kind?: "office" | "file";
  /** The sheet that starts active (default: the first). */
  active?: string;
  capabilities?: Partial<PortCapabilities>;
  /** Offer writeCells (default true). */
  writable?: boolean;
  /** Offer onSheetChanged (default false, like a file). */
  changeEvents?: boolean;
  /**
   * Excel reports our own marking and writing as changes too, a moment later; with this the fake does the same,
   * so tests can show that 实时校验 does not react to them.
   */
  echoOwnChanges?: boolean;
  /** Milliseconds every call waits before answering (to see progress indicators). */
  delayMs?: number;
}

/** An error as the adapters throw them: worded in both languages. */
export class FakePortError extends Error {
  readonly text: { zh: string; en: string };
  constructor(text: { zh: string; en: string }) {
    super(text.en);
    this.name = "FakePortError";
    this.text = text;
  }
}

interface Sheet {
  name: string;
  rows: (RawCell | undefined)[][];
  merges: MergeArea[];
}

function copyGrid(grid: Grid): Sheet {
  const rows: (RawCell | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (RawCell | undefined)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      row.push(cell.value === null && cell.text === "" ? undefined : { ...cell });
    }
    rows.push(row);
  }
  return { name: grid.name, rows, merges: [...grid.merges] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FakeWorkbookPort implements WorkbookPort {
  readonly kind: "office" | "file";
  private readonly sheets: Sheet[];
  private activeName: string;
  private readonly options: FakePortOptions;
  private readonly failures = new Map<Method, unknown>();
  private readonly handlers = new Map<string, Set<() => void>>();
  /** Settings as stored (JSON text), like a workbook keeps them. */
  readonly settings = new Map<string, string>();
  readonly marks = new Map<string, CellMark[]>();
  readonly selections: { sheet: string; row: number; col: number }[] = [];
  readonly inserted: SheetLayout[] = [];
  /** Every call, in order. */
  readonly calls: Method[] = [];
  writeCells?: (sheet: string, writes: readonly CellWrite[]) => Promise<void>;
  onSheetChanged?: (sheet: string, handler: () => void) => () => void;

  constructor(grids: readonly Grid[], options: FakePortOptions = {}) {
    this.kind = options.kind ?? "office";
    this.sheets = grids.map(copyGrid);
    this.options = options;
    this.activeName = options.active ?? grids[0]?.name ?? "";
    if (options.writable !== false) this.writeCells = (sheet, writes) => this.write(sheet, writes);
    if (options.changeEvents) this.onSheetChanged = (sheet, handler) => this.subscribe(sheet, handler);
  }

  /** The next call of `method` fails with `error`. */
  failNext(method: Method, error: unknown): void {
    this.failures.set(method, error);
  }

  private async enter(method: Method): Promise<void> {
    this.calls.push(method);
    if (this.options.delayMs) await sleep(this.options.delayMs);
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private sheet(name: string): Sheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet)
      throw new FakePortError({ zh: `找不到工作表“${name}”。`, en: `The sheet “${name}” was not found.` });
    return sheet;
  }

  private echo(sheet: string): void {
    if (this.options.echoOwnChanges) setTimeout(() => this.fire(sheet), 20);
  }

  private fire(sheet: string): void {
    for (const handler of this.handlers.get(sheet) ?? []) handler();
  }

  private subscribe(sheet: string, handler: () => void): () => void {
    const set = this.handlers.get(sheet) ?? new Set();
    set.add(handler);
    this.handlers.set(sheet, set);
    return () => set.delete(handler);
  }

  /** How many change handlers listen to the sheet (0 once the pane stopped listening). */
  listeners(sheet: string): number {
    return this.handlers.get(sheet)?.size ?? 0;
  }

  /** The sheet as it is now. */
  grid(name: string): Grid {
    const sheet = this.sheet(name);
    return makeGrid(sheet.name, sheet.rows, sheet.merges);
  }

  /** What a cell shows now. */
  text(name: string, row: number, col: number): string {
    return this.grid(name).cell(row, col).text;
  }

  /** A1 addresses of the marked cells, in the order they were planned. */
  markedCells(sheet: string): string[] {
    return (this.marks.get(sheet) ?? []).map((m) => toA1(m.row, m.col));
  }

  /** The stored value of a setting, parsed back. */
  setting(key: string): unknown {
    const text = this.settings.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  get activeSheet(): string {
    return this.activeName;
  }

  /** The user types into a cell (outside the add-in): the content changes and change handlers hear of it. */
  edit(name: string, row: number, col: number, value: CellValue): void {
    this.put(this.sheet(name), row, col, value);
    this.fire(name);
  }

  /** The user moves to another sheet in Excel. */
  activate(name: string): void {
    this.sheet(name);
    this.activeName = name;
  }

  private put(sheet: Sheet, row: number, col: number, value: CellValue): void {
    while (sheet.rows.length <= row) sheet.rows.push([]);
    const cells = sheet.rows[row] as (RawCell | undefined)[];
    while (cells.length <= col) cells.push(undefined);
    cells[col] = value === null || value === "" ? undefined : rawCell(value);
  }

  async capabilities(): Promise<PortCapabilities> {
    await this.enter("capabilities");
    return {
      annotations: "note",
      insertSheet: true,
      selectCell: true,
      missing: [],
      ...this.options.capabilities,
    };
  }

  async listSheets(): Promise<SheetInfo[]> {
    await this.enter("listSheets");
    return this.sheets.map((s) => ({ name: s.name, active: s.name === this.activeName }));
  }

  async readSheet(name: string): Promise<Grid> {
    await this.enter("readSheet");
    return this.grid(name);
  }

  async applyMarks(name: string, findings: readonly Finding[]): Promise<void> {
    await this.enter("applyMarks");
    this.sheet(name);
    this.marks.set(name, planMarks(findings.filter((f) => f.sheet === name)));
    this.echo(name);
  }

  async clearMarks(name: string): Promise<void> {
    await this.enter("clearMarks");
    this.sheet(name);
    this.marks.delete(name);
    this.echo(name);
  }

  async selectCell(name: string, row: number, col: number): Promise<void> {
    await this.enter("selectCell");
    this.sheet(name);
    this.activeName = name;
    this.selections.push({ sheet: name, row, col });
  }

  async insertSheet(layout: SheetLayout): Promise<string> {
    await this.enter("insertSheet");
    let name = layout.name;
    for (let n = 2; this.sheets.some((s) => s.name === name); n++) name = `${layout.name} (${n})`;
    this.inserted.push(layout);
    this.sheets.push(copyGrid({ ...gridFromLayout(layout), name }));
    this.activeName = name;
    return name;
  }

  async getSetting(key: string): Promise<unknown> {
    await this.enter("getSetting");
    return this.setting(key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.enter("setSetting");
    if (value === undefined) this.settings.delete(key);
    else this.settings.set(key, JSON.stringify(value));
  }

  private async write(name: string, writes: readonly CellWrite[]): Promise<void> {
    await this.enter("writeCells");
    const sheet = this.sheet(name);
    for (const w of writes) this.put(sheet, w.row, w.col, w.value);
    this.echo(name);
  }
}
