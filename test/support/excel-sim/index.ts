/**
 * A simulator of the part of the Excel JavaScript API the add-in uses, for tests that cannot run Excel.
 *
 * It behaves like Excel where mistakes hide: proxies must be loaded and synced before their properties are
 * read (PropertyNotLoaded otherwise); writes are queued and applied only at `sync`; each sync is counted and
 * its request and response sized as JSON, failing over Excel on the web's 5 MB limit; `getRanges` refuses
 * address strings over 8,000 characters; APIs above the configured ExcelApi version fail with ApiNotFound.
 *
 *   const wb = createWorkbook({ sheets: [{ name: "Sheet1", values: [["a", 1]] }] });
 *   await wb.run(async (ctx) => { ... });      // Excel.run-compatible
 *   wb.sheet("Sheet1").cell("A1").value          // inspect the final state
 */
import { MAX_COLS, type Rect, formatRect, parseRef, splitSheet } from "./address";
import { SimError, type SimErrorCode } from "./errors";
import {
  type BorderState,
  type CellModel,
  DEFAULT_LIMITS,
  type FillState,
  type FontState,
  type Limits,
  SheetModel,
  WorkbookModel,
  displayText,
  hasValue,
  isDefaultFormat,
} from "./model";
import { setValue } from "./cells";
import { type ChangeOrigin, ChangeEvents, type ChangedHandler } from "./events";
import type { CellScalar } from "./numfmt";
import { type HostLike, SimObject, SimRequestContext, type SyncRecord, versionAtLeast } from "./proxy";
import { Workbook } from "./workbook";

export { SimError, isSimError, type SimErrorCode } from "./errors";
export type { SyncRecord } from "./proxy";
export type { FillState, Limits } from "./model";
export type { ChangedArgs, ChangeOrigin } from "./events";

export interface FillSeed {
  color?: string;
  pattern?: string;
  patternColor?: string;
}

export interface CellSeed {
  value?: CellScalar;
  formula?: string;
  /** Display text, when it should differ from what the simulator's formatter would show. */
  text?: string;
  numberFormat?: string;
  /** A colour ("#FFC7CE"), a fill, or null for "no fill". */
  fill?: string | FillSeed | null;
  bold?: boolean;
}

export interface SheetSeed {
  name: string;
  /** Rows of values from `origin` (default A1); null/undefined/"" leave a cell empty. */
  values?: ReadonlyArray<ReadonlyArray<CellScalar | null | undefined>>;
  origin?: string;
  /** Per-address details: "B2" or a range "B2:C4" (applied to each cell). */
  cells?: Record<string, CellSeed>;
  fills?: Record<string, string | FillSeed | null>;
  numberFormats?: Record<string, string>;
  notes?: Record<string, string>;
  comments?: Record<string, string>;
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
}

export interface WorkbookSeed {
  sheets: SheetSeed[];
  /** The active sheet's name (default: the first). */
  active?: string;
  /** Workbook settings (Excel.SettingCollection), by key. */
  settings?: Record<string, unknown>;
  /** Highest supported version per requirement set; default { ExcelApi: "1.18" }. */
  requirementSets?: Record<string, string>;
  limits?: Partial<Limits>;
  /** Fail a run that syncs more often than this (catches context.sync() in a loop). */
  maxSyncsPerRun?: number;
  /**
   * Read strings written through `values` as Excel reads typed input ("001" a number, "=A1" a formula, "TRUE" a
   * boolean; a leading apostrophe or the text format "@" keeps text). Off by default: most tests write text they
   * mean as text.
   */
  parsesTypedText?: boolean;
  /**
   * RangeFill.pattern reads null for no fill and for a solid fill (white or any colour), as reported against some
   * Excel builds (office-js #4900); fill.color reads #FFFFFF for no fill either way (#6218). tintAndShade tells them
   * apart. Off by default.
   */
  ambiguousFillPattern?: boolean;
  /** The error code of a refused note or comment (a cell already holding one); default InvalidArgument. */
  annotationRefusal?: SimErrorCode;
  /** Milliseconds between a change and its onChanged event (default 0: the next turn of the event loop). */
  eventDelayMs?: number;
}

/**
 * What the adapter's `run` parameter accepts: `Excel.run` with a batch function, or with the context of earlier
 * objects and a batch function (to remove an event handler registered in an earlier batch).
 */
export interface SimRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

export interface CellState {
  value: CellScalar;
  formula?: string;
  text: string;
  numberFormat: string;
  fill: FillState | null;
  font: FontState;
  borders: Partial<Record<"top" | "bottom" | "left" | "right", BorderState>>;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
}

function parseFill(f: string | FillSeed | null): FillState | null {
  if (f === null) return null;
  if (typeof f === "string") return { color: f.toUpperCase(), pattern: "Solid" };
  const pattern = f.pattern ?? "Solid";
  if (pattern === "None") return null;
  const out: FillState = { color: (f.color ?? "#FFFFFF").toUpperCase(), pattern };
  if (f.patternColor) out.patternColor = f.patternColor.toUpperCase();
  return out;
}

function seedRect(address: string): Rect {
  const r = parseRef(address);
  if (!r) throw new Error(`Bad address in seed: ${address}`);
  return r;
}

function eachCell(rect: Rect, fn: (row: number, col: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

function seedSheet(model: WorkbookModel, seed: SheetSeed): void {
  const s = model.addSheet(seed.name);
  const origin = seedRect(seed.origin ?? "A1");
  seed.values?.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      s.cell(origin.top + r, origin.left + c).value = v;
    }),
  );
  for (const [addr, cs] of Object.entries(seed.cells ?? {}))
    eachCell(seedRect(addr), (r, c) => {
      const cell = s.cell(r, c);
      if (cs.value !== undefined) cell.value = cs.value;
      if (cs.formula !== undefined) cell.formula = cs.formula;
      if (cs.numberFormat !== undefined) cell.numberFormat = cs.numberFormat;
      if (cs.text !== undefined) cell.text = cs.text;
      if (cs.fill !== undefined) cell.fill = parseFill(cs.fill);
      if (cs.bold !== undefined) cell.font.bold = cs.bold;
    });
  for (const [addr, f] of Object.entries(seed.fills ?? {}))
    eachCell(seedRect(addr), (r, c) => (s.cell(r, c).fill = parseFill(f)));
  for (const [addr, f] of Object.entries(seed.numberFormats ?? {}))
    eachCell(seedRect(addr), (r, c) => (s.cell(r, c).numberFormat = f));
  for (const [addr, content] of Object.entries(seed.notes ?? {})) {
    const { top: row, left: col } = seedRect(addr);
    s.notes.set(row * MAX_COLS + col, { content, author: "Seed", row, col });
  }
  for (const [addr, content] of Object.entries(seed.comments ?? {})) {
    const { top: row, left: col } = seedRect(addr);
    if (s.notes.has(row * MAX_COLS + col)) throw new Error(`Seed puts a note and a comment on ${addr}.`);
    model.comments.push({
      id: model.newCommentId(),
      sheetId: s.id,
      row,
      col,
      content,
      author: "Seed",
      resolved: false,
      created: new Date(0).toISOString(),
    });
  }
  for (const m of seed.merges ?? []) s.merge(seedRect(m));
  if (seed.visibility) s.visibility = seed.visibility;
  if (seed.protected) s.protected = true;
}

function cellState(c: Readonly<CellModel>): CellState {
  const out: CellState = {
    value: c.value,
    text: displayText(c as CellModel),
    numberFormat: c.numberFormat,
    fill: c.fill ? { ...c.fill } : null,
    font: { ...c.font },
    borders: JSON.parse(JSON.stringify(c.borders)) as CellState["borders"],
    horizontalAlignment: c.horizontalAlignment,
    verticalAlignment: c.verticalAlignment,
    wrapText: c.wrapText,
  };
  if (c.formula !== undefined) out.formula = c.formula;
  return out;
}

/** Read-only view of one sheet's final state, for assertions. */
export class SheetInspector {
  constructor(
    private readonly s: SheetModel,
    private readonly model: WorkbookModel,
  ) {}

  get name(): string {
    return this.s.name;
  }

  get visibility(): string {
    return this.s.visibility;
  }

  cell(address: string): CellState {
    const r = seedRect(address);
    return cellState(this.s.peek(r.top, r.left));
  }

  /** Notes by cell address. */
  notes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of [...this.s.notes.values()].sort((a, b) => a.row - b.row || a.col - b.col))
      out[formatRect({ top: n.row, left: n.col, bottom: n.row, right: n.col })] = n.content;
    return out;
  }

  /** Threaded comments by cell address. */
  comments(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.model.comments
      .filter((x) => x.sheetId === this.s.id)
      .sort((a, b) => a.row - b.row || a.col - b.col))
      out[formatRect({ top: c.row, left: c.col, bottom: c.row, right: c.col })] = c.content;
    return out;
  }

  merges(): string[] {
    return this.s.merges.map(formatRect).sort();
  }

  /** Column width in points (0-based column). */
  columnWidth(col: number): number {
    return this.s.columnWidth(col);
  }

  /** Row height in points (0-based row). */
  rowHeight(row: number): number {
    return this.s.rowHeight(row);
  }

  hiddenColumns(): number[] {
    return [...this.s.hiddenColumns].sort((a, b) => a - b);
  }

  validations(): Array<{
    address: string;
    rule: Record<string, unknown>;
    prompt?: Record<string, unknown>;
    errorAlert?: Record<string, unknown>;
  }> {
    return this.s.validations.map((v) => ({
      address: formatRect(v.rect),
      rule: v.rule,
      ...(v.prompt ? { prompt: v.prompt } : {}),
      ...(v.errorAlert ? { errorAlert: v.errorAlert } : {}),
    }));
  }

  conditionalFormats(): Array<{ address: string; type: string }> {
    return this.s.conditionalFormats.map((cf) => ({ address: formatRect(cf.rect), type: cf.type }));
  }

  /** Charts with their ranges as addresses. */
  charts() {
    return this.s.charts.map((c) => ({
      type: c.type,
      title: c.title,
      legendVisible: c.legendVisible,
      source: formatRect(c.source),
      xValues: c.xValues && formatRect(c.xValues),
      position: c.position,
    }));
  }

  /** Rows (0-based) at which a manual page break starts a new page. */
  rowBreaks(): number[] {
    return [...this.s.rowBreaks];
  }

  get showGridlines(): boolean {
    return this.s.showGridlines;
  }

  pageLayout() {
    const p = this.s.pageLayout;
    return {
      ...p,
      zoom: { ...p.zoom },
      printArea: p.printArea?.map(formatRect).join(","),
      printTitleRows: p.printTitleRows && formatRect(p.printTitleRows),
    };
  }

  /**
   * Every cell that holds a value or a non-default format, by address: the sheet's content and formats as
   * plain data, so two moments can be compared with toEqual.
   */
  cells(): Record<string, CellState> {
    const out: Record<string, CellState> = {};
    const keys = [...this.s.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const c = this.s.cells.get(k);
      if (!c || (!hasValue(c) && isDefaultFormat(c))) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      out[formatRect({ top: row, left: col, bottom: row, right: col })] = cellState(c);
    }
    return out;
  }
}

/** The simulated Excel host: a workbook, its requirement sets, and the record of every request. */
export class SimWorkbook implements HostLike {
  readonly model = new WorkbookModel();
  readonly limits: Limits;
  readonly maxSyncsPerRun: number | undefined;
  private readonly sets = new Map<string, string>();
  /** Every request sent, in order. */
  readonly requests: SyncRecord[] = [];
  runs = 0;
  readonly parsesTypedText: boolean;
  readonly annotationRefusal: SimErrorCode;
  readonly ambiguousFillPattern: boolean;
  /** Worksheet.onChanged: registered handlers and the events raised. */
  readonly events: ChangeEvents;

  constructor(seed: WorkbookSeed) {
    this.limits = { ...DEFAULT_LIMITS, ...seed.limits };
    this.maxSyncsPerRun = seed.maxSyncsPerRun;
    this.parsesTypedText = seed.parsesTypedText ?? false;
    this.annotationRefusal = seed.annotationRefusal ?? "InvalidArgument";
    this.ambiguousFillPattern = seed.ambiguousFillPattern ?? false;
    this.events = new ChangeEvents(seed.eventDelayMs ?? 0, () => this.isSetSupported("ExcelApi", "1.14"));
    for (const [k, v] of Object.entries(seed.requirementSets ?? { ExcelApi: "1.18" })) this.sets.set(k, v);
    for (const s of seed.sheets) seedSheet(this.model, s);
    const active = seed.active ? this.model.sheetByName(seed.active) : this.model.liveSheets()[0];
    this.model.activeSheetId = active?.id;
    for (const [k, v] of Object.entries(seed.settings ?? {})) this.model.settings.set(k, JSON.stringify(v));
  }

  /**
   * `Excel.run`: one request context per batch; pending work is flushed when the batch resolves. Given the context
   * of earlier objects (or one of those objects) first, the batch runs on that context again.
   */
  readonly run: SimRun = (async (...args: unknown[]) => {
    const batch = args[args.length - 1];
    if (typeof batch !== "function")
      throw new SimError("InvalidArgument", "Excel.run needs a batch function.");
    // Excel.run(options, batch): RunOptions (delayForCellEdit, ExcelApi 1.11); else the context of earlier objects.
    const first = args.length > 1 ? args[0] : undefined;
    const options =
      first !== null &&
      typeof first === "object" &&
      !(first instanceof SimRequestContext) &&
      !(first instanceof SimObject)
        ? (first as { delayForCellEdit?: unknown; previousObjects?: unknown })
        : undefined;
    const earlier = options ? options.previousObjects : first;
    const reused =
      earlier instanceof SimRequestContext
        ? earlier
        : earlier instanceof SimObject
          ? earlier.context
          : undefined;
    if (earlier !== undefined && !reused)
      throw new SimError("InvalidArgument", "Excel.run was given something that is not a request context.");
    reused?.reopen();
    const ctx = reused ?? new SimRequestContext(this, (c) => Workbook.root(c));
    // An option the host does not know (before ExcelApi 1.11) is ignored, as Office.js ignores it.
    ctx.delayForCellEdit = options?.delayForCellEdit === true && this.isSetSupported("ExcelApi", "1.11");
    this.runs++;
    try {
      const pending = (batch as (c: unknown) => unknown)(ctx);
      if (!pending || typeof (pending as Promise<unknown>).then !== "function")
        throw new SimError(
          "RunMustReturnPromise",
          "The batch function passed to Excel.run didn't return a promise.",
        );
      const result = await (pending as Promise<unknown>);
      if (ctx.hasPending()) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  }) as SimRun;

  private cellEdit: { ended: Promise<void>; end: () => void } | undefined;

  /** The user starts typing in a cell (cell-edit mode): batches fail, or wait when their run asked to. */
  startCellEdit(): void {
    if (this.cellEdit) return;
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { ended, end };
  }

  /** The user presses Enter or Esc: waiting batches go on. */
  endCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = undefined;
    edit?.end();
  }

  cellEditEnds(): Promise<void> | undefined {
    return this.cellEdit?.ended;
  }

  /** `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (name: string, minVersion?: string | number): boolean => {
    const have = this.sets.get(name);
    if (have === undefined) return false;
    return minVersion === undefined || versionAtLeast(have, String(minVersion));
  };

  supports(set: string, version: string): boolean {
    return this.isSetSupported(set, version);
  }

  /** Changes the host's highest supported version of a requirement set (undefined: not supported at all). */
  setRequirementSet(name: string, version: string | undefined): void {
    if (version === undefined) this.sets.delete(name);
    else this.sets.set(name, version);
  }

  recordSync(record: SyncRecord): void {
    this.requests.push(record);
  }

  raiseChanged(sheet: SheetModel, rect: Rect): void {
    this.events.raise(sheet, rect, "addin");
  }

  setChangedHandler(sheetId: string, handler: ChangedHandler, add: boolean): void {
    this.events.register(sheetId, handler, add);
  }

  /** onChanged handlers registered on the sheet now (to see that a removal reached Excel). */
  changedHandlers(sheet: string): number {
    const s = this.model.sheetByName(sheet);
    return s ? this.events.count(s.id) : 0;
  }

  /** Resolves once every onChanged event raised so far has been delivered. */
  eventsSettled(): Promise<void> {
    return this.events.settled();
  }

  /**
   * A user typing into cells (or, with origin "remote", a co-author): the text is read as Excel reads typed input,
   * outside any request, and onChanged is raised as Excel raises it for edits that are not this add-in's.
   */
  typeInto(
    sheet: string,
    address: string,
    rows: ReadonlyArray<ReadonlyArray<CellScalar>>,
    origin: Exclude<ChangeOrigin, "addin"> = "user",
  ): void {
    const s = this.model.sheetByName(sheet);
    if (!s) throw new Error(`No sheet named ${sheet}`);
    const rect = seedRect(address);
    rows.forEach((line, r) => line.forEach((v, c) => setValue(s.cell(rect.top + r, rect.left + c), v, true)));
    this.events.raise(s, rect, origin);
  }

  get syncCount(): number {
    return this.requests.length;
  }

  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }

  resetStats(): void {
    this.requests.length = 0;
    this.runs = 0;
  }

  sheet(name: string): SheetInspector {
    const s = this.model.sheetByName(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return new SheetInspector(s, this.model);
  }

  sheetNames(): string[] {
    return this.model.liveSheets().map((s) => s.name);
  }

  activeSheet(): string {
    return this.model.activeSheet().name;
  }

  /** The selection as "Sheet!A1". */
  selection(): string | undefined {
    const sel = this.model.selection;
    if (!sel) return undefined;
    const s = this.model.sheetByNameOrId(sel.sheetId);
    return s && `${s.name}!${formatRect(sel.rect)}`;
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.model.settings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  private readonly settingsByAddin = new Map<string, Map<string, string>>();
  private addin = "this";

  /**
   * `Workbook.settings` belong to one add-in id: another deployment of the add-in (a dev copy, another office's
   * server) opening the same workbook sees its own, empty, settings. From here on requests see the settings of the
   * add-in `id` ("this" is the one the workbook was seeded for); the worksheets are shared.
   */
  switchAddin(id: string): void {
    this.settingsByAddin.set(this.addin, new Map(this.model.settings));
    this.model.settings.clear();
    for (const [k, v] of this.settingsByAddin.get(id) ?? []) this.model.settings.set(k, v);
    this.addin = id;
  }

  /** Changes the model directly, as a user typing in Excel would (between runs, outside any request). */
  edit(fn: (api: { sheet(name: string): SheetModel; model: WorkbookModel }) => void): void {
    fn({
      model: this.model,
      sheet: (name) => {
        const s = this.model.sheetByName(name);
        if (!s) throw new Error(`No sheet named ${name}`);
        return s;
      },
    });
  }
}

export function createWorkbook(seed: WorkbookSeed): SimWorkbook {
  return new SimWorkbook(seed);
}

/** The globals Office.js code expects (`Excel.run`, `Office.context…`), backed by a simulated workbook. */
export interface OfficeGlobals {
  Excel: { run: SimRun };
  Office: {
    context: {
      requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
      document: {
        settings: {
          get(name: string): unknown;
          set(name: string, value: unknown): void;
          remove(name: string): void;
          saveAsync(callback?: (result: { status: "succeeded" }) => void): void;
        };
      };
      displayLanguage: string;
    };
    onReady(): Promise<{ host: string; platform: string }>;
  };
  /** Puts Excel and Office on globalThis; returns a function that restores what was there. */
  install(): () => void;
}

/**
 * Globals for code written against the real `Excel` and `Office` namespaces. `Office.context.document.settings`
 * shares its store with `workbook.settings`.
 */
export function makeOfficeGlobals(
  wb: SimWorkbook,
  options: { displayLanguage?: string } = {},
): OfficeGlobals {
  const settings = {
    get: (name: string) => {
      const raw = wb.model.settings.get(name);
      return raw === undefined ? null : (JSON.parse(raw) as unknown);
    },
    set: (name: string, value: unknown) => void wb.model.settings.set(name, JSON.stringify(value)),
    remove: (name: string) => void wb.model.settings.delete(name),
    saveAsync: (callback?: (result: { status: "succeeded" }) => void) => callback?.({ status: "succeeded" }),
  };
  const globals: OfficeGlobals = {
    Excel: { run: wb.run },
    Office: {
      context: {
        requirements: { isSetSupported: wb.isSetSupported },
        document: { settings },
        displayLanguage: options.displayLanguage ?? "zh-CN",
      },
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    },
    install: () => {
      const g = globalThis as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office };
      g.Excel = globals.Excel;
      g.Office = globals.Office;
      return () => {
        g.Excel = before.Excel;
        g.Office = before.Office;
      };
    },
  };
  return globals;
}

/** Splits "Sheet1!B2" for tests that build addresses. */
export function sheetOf(address: string): string | undefined {
  return splitSheet(address).sheet;
}

export { SheetModel };
