import type { Finding } from "../../core/findings";
import type { Grid, MergeArea } from "../../core/grid/types";
import { planMarks } from "../../core/marks";
import type { CellWrite, PortCapabilities, SheetInfo, WorkbookPort } from "../../core/port";
import type { SheetLayout } from "../../core/templates/layout";
import { type ChangeEvent, OwnChanges } from "./changes";
import {
  OfficeAdapterError,
  isExcelError,
  isPayloadError,
  isReadTooLarge,
  toOfficeError,
  unsupported,
} from "./errors";
import {
  type ExcelRun,
  FEATURE_NAMES,
  type Feature,
  type IsSetSupported,
  REQUIREMENTS,
  globalIsSetSupported,
  globalRun,
  supports,
} from "./host";
import { queueLayout, uniqueSheetName } from "./insert-sheet";
import {
  type Annotations,
  type MarksCache,
  newMarksCache,
  queueMarksPeek,
  queueMarksPeekOn,
  reconcileMarks,
} from "./marks";
import { MARKS_SETTING_KEY } from "./marks-store";
import {
  finishSheet,
  probeFor,
  queueSheetStart,
  readSheetGrid,
  type SheetShape,
  type SheetStart,
} from "./read-sheet";
import { type StrayMarks, clearStrayFills, findStrayMarks } from "./stray-marks";
import { type StoreSnapshot, queueStoreRead, queueStoreWrite, unchangedSince } from "./settings-store";
import { halveRequest, planWrites, queueWrites } from "./write-cells";

/** Excel.run's options for every batch of the port. */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** What onSheetChanged hands out: stops the calls. */
type Unsubscribe = () => void;

export interface OfficePortOptions {
  /** `Excel.run`; defaults to the Office.js global. Tests pass a simulator's. */
  run?: ExcelRun;
  /** `Office.context.requirements.isSetSupported`; defaults to the Office.js global. */
  isSetSupported?: IsSetSupported;
  /** Language of the reasons written into notes and comments (default zh, the users' language). */
  lang?: "zh" | "en";
}

/**
 * The WorkbookPort inside Excel: the only code in the product that calls Excel.run. Every operation is one
 * Excel.run with as few context.sync calls as the work allows (see each method), every feature is checked with
 * isSetSupported first, and every error Excel reports comes out as an OfficeAdapterError worded in zh-CN and en.
 */
export class OfficeWorkbookPort implements WorkbookPort {
  readonly kind = "office" as const;
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly lang: "zh" | "en";
  private readonly cache: MarksCache = newMarksCache();
  /** What each sheet's last reading found, so that the next reading asks for all of it at once when it fits. */
  private readonly shapes = new Map<string, SheetShape>();
  /** Our own changes, told apart from the user's in change events. */
  private readonly own = new OwnChanges();
  /** The active sheet at the last readActiveSheet: its shape sizes the first request of the next one. */
  private lastActive: string | undefined;
  /** The settings store as last read or written; setSetting writes on top of it. */
  private store: StoreSnapshot | undefined;
  /** Store operations one after another, so two quick saves cannot both start from the same snapshot. */
  private storeQueue: Promise<unknown> = Promise.resolve();

  constructor(options: OfficePortOptions = {}) {
    this.run = options.run ?? globalRun();
    this.isSetSupported = options.isSetSupported ?? globalIsSetSupported();
    this.lang = options.lang ?? "zh";
  }

  private has(feature: Feature): boolean {
    return supports(this.isSetSupported, feature);
  }

  private need(feature: Feature): void {
    if (!this.has(feature)) throw unsupported(FEATURE_NAMES[feature], REQUIREMENTS[feature]);
  }

  /** Runs a batch; whatever Excel throws comes out typed. `await` inside `try`, so the catch does fire. */
  private async excel<T>(
    sheet: string | undefined,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      // Every batch comes from something the user did (a button, the ribbon, an edit seen by 实时校验): while they
      // are still typing in a cell Excel would refuse it, so it waits for the edit to end (ExcelApi 1.11; older hosts
      // ignore the option and refuse, which toOfficeError words for them).
      return await this.run(RUN_OPTIONS, batch);
    } catch (e) {
      throw toOfficeError(e, sheet);
    }
  }

  /**
   * Runs a batch that changes the workbook, noting it as ours so that the change events it causes are not taken for
   * the user's edits. `written` says which cells of which sheet (by id) it wrote once it is done.
   */
  private async changing<T>(
    sheet: string | undefined,
    batch: (context: Excel.RequestContext, written: { sheetId?: string; rects: MergeArea[] }) => Promise<T>,
  ): Promise<T> {
    const written: { sheetId?: string; rects: MergeArea[] } = { rects: [] };
    this.own.begin();
    try {
      return await this.excel(sheet, (context) => batch(context, written));
    } finally {
      this.own.end(written.sheetId, written.rects);
    }
  }

  private annotations(): Annotations {
    return this.has("notes") ? "note" : this.has("comments") ? "comment" : "none";
  }

  /** What this Excel can do, from isSetSupported alone (no request). */
  async capabilities(): Promise<PortCapabilities> {
    const missing: string[] = [];
    for (const f of [
      "read",
      "lightRead",
      "marks",
      "merges",
      "comments",
      "notes",
      "insertSheet",
      "settings",
      "changeEvents",
    ] as const)
      if (!this.has(f)) missing.push(`${FEATURE_NAMES[f][this.lang]} (ExcelApi ${REQUIREMENTS[f]})`);
    return {
      annotations: this.annotations(),
      insertSheet: this.has("insertSheet"),
      selectCell: this.has("selectCell"),
      missing,
    };
  }

  /** Visible sheets in tab order, the active one flagged. One sync. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.excel(undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return visibleSheets(sheets, active.name);
    });
  }

  /**
   * The sheet as a Grid: one sync for most sheets (the used range's first 12,000 rows of up to 16 columns come with
   * its size); a larger sheet in as few more as Excel on the web's 5 MB responses allow, each block sized from the
   * bytes its cells took so far (read-sheet.ts). Reading also notes the sheet's id and our stored marks, so the
   * marking that usually follows needs no extra request to find last time's marks.
   */
  async readSheet(sheet: string): Promise<Grid> {
    this.need("read");
    const marks = this.has("marks");
    return this.excel(sheet, async (context) => {
      const queueExtras = marks ? () => queueMarksPeek(context, sheet, this.cache) : undefined;
      const options = { special: this.has("lightRead"), merges: this.has("merges") };
      return readSheetGrid(context, sheet, options, queueExtras, {
        probe: probeFor(this.shapes.get(sheet)),
        measured: (shape) => this.shapes.set(sheet, shape),
      });
    });
  }

  /**
   * The visible sheets (as listSheets) and the active sheet's Grid (as readSheet), in one sync for most sheets: what
   * 校验 needs first. The active sheet's id and our stored marks come with it, as with readSheet, so marking it next
   * takes two syncs. A larger sheet is read on in blocks, as readSheet reads it.
   */
  async readActiveSheet(): Promise<{ sheets: SheetInfo[]; grid: Grid }> {
    this.need("read");
    const marks = this.has("marks");
    const options = { special: this.has("lightRead"), merges: this.has("merges") };
    return this.excel(undefined, async (context) => {
      const list = context.workbook.worksheets;
      list.load("items/name,items/visibility");
      const active = list.getActiveWorksheet();
      active.load("name");
      const takeMarks = marks ? queueMarksPeekOn(context, active, this.cache) : undefined;
      // The active sheet is not known before the answer: the last active sheet's shape is the best guess.
      const takeStart = queueSheetStart(active, options, probeFor(this.shapes.get(this.lastActive ?? "")));
      let start: SheetStart | undefined;
      let tooLarge = false;
      try {
        await context.sync();
        takeMarks?.(active.name);
        start = takeStart();
      } catch (e) {
        // The first block did not fit (long texts), or the merged areas failed (more than 512: read apart by
        // readSheetGrid): ask for the names alone, then read the sheet as readSheet does.
        tooLarge = isReadTooLarge(e);
        if (!tooLarge && !(options.merges && isExcelError(e))) throw e;
        list.load("items/name,items/visibility");
        active.load("name");
        await context.sync();
      }
      const name = active.name;
      const sheets = visibleSheets(list, name);
      this.lastActive = name;
      const measured = (shape: SheetShape) => this.shapes.set(name, shape);
      if (start) return { sheets, grid: await finishSheet(context, active, name, start, options, measured) };
      const queueExtras = marks ? () => queueMarksPeek(context, name, this.cache) : undefined;
      const probe = probeFor(this.shapes.get(name));
      return {
        sheets,
        grid: await readSheetGrid(context, name, options, queueExtras, {
          probe: tooLarge ? { ...probe, rows: Math.floor(probe.rows / 8) } : probe,
          measured,
        }),
      };
    });
  }

  /**
   * Marks every finding's cell: error and warning fills (src/core/marks.ts), the reasons as a note (ExcelApi
   * 1.18), else a comment (1.10), else none (the pane alone). Our previous marks are taken back first; the
   * original fills are recorded in the workbook so clearMarks can restore them. Two syncs after readSheet.
   */
  async applyMarks(sheet: string, findings: readonly Finding[]): Promise<void> {
    this.need("marks");
    const marks = planMarks(
      findings.filter((f) => f.sheet === sheet || f.sheet === ""),
      this.lang,
    );
    await this.changing(sheet, (context) =>
      reconcileMarks(context, sheet, marks, {
        annotations: this.annotations(),
        comments: this.has("comments"),
        cache: this.cache,
      }),
    );
  }

  /** Takes back every mark of ours on the sheet: original fills, our notes and comments only. Two syncs. */
  async clearMarks(sheet: string): Promise<void> {
    this.need("marks");
    await this.changing(sheet, (context) =>
      reconcileMarks(context, sheet, [], {
        annotations: this.annotations(),
        comments: this.has("comments"),
        cache: this.cache,
      }),
    );
  }

  /**
   * Our fills that no record of ours lists (the sheet was marked by another deployment of the add-in, or the record
   * was lost): found by colour, for the pane to offer clearing them (stray-marks.ts). 1 + one request per 20,000 cells.
   */
  async findStrayMarks(sheet: string): Promise<StrayMarks> {
    this.need("marks");
    return this.excel(sheet, (context) => findStrayMarks(context, sheet));
  }

  /**
   * Clears the marks of a sheet by their look: first as clearMarks does (recorded fills restored, our notes and
   * comments deleted by their prefix), then the fills in our colours that no record lists, back to no fill.
   */
  async clearStrayMarks(sheet: string): Promise<number> {
    await this.clearMarks(sheet);
    const stray = await this.findStrayMarks(sheet);
    await this.changing(sheet, (context) => clearStrayFills(context, sheet, stray.cells));
    return stray.cells.length;
  }

  /** Activates the sheet and selects the cell. One sync. */
  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    this.need("selectCell");
    await this.excel(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getCell(row, col).select();
      await context.sync();
    });
  }

  /**
   * Adds a sheet drawn from the layout under a unique name and activates it. Two syncs: the existing names,
   * then everything else.
   */
  async insertSheet(layout: SheetLayout): Promise<string> {
    this.need("insertSheet");
    return this.changing(layout.name, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        layout.name,
        sheets.items.map((s) => s.name),
      );
      const ws = sheets.add(name);
      queueLayout(ws, layout);
      ws.activate();
      await context.sync();
      return name;
    });
  }

  /**
   * Writes values into cells (a rank column, a ticked □ option), exactly as given: numbers as numbers, text as text
   * (never read as a formula, number or date: see write-cells.ts), null empties the cell. Only the cells in `writes`
   * are touched. One sync for any number of writes within Excel on the web's 5 MB request; more only beyond.
   */
  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    const requests = planWrites(writes);
    if (requests.length === 0) return;
    await this.changing(sheet, async (context, written) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      // One request per group, in sequence (recursion makes the order explicit).
      const send = async (i: number): Promise<void> => {
        const blocks = requests[i];
        if (!blocks) return;
        // (Loaded with every request until one went through: a refused request brings nothing back.)
        if (written.sheetId === undefined) ws.load("id");
        queueWrites(ws, blocks);
        try {
          await context.sync();
        } catch (e) {
          // Refused as too large (the estimate was wrong for this Excel): nothing of it was done; send it in halves.
          const halves = isPayloadError(e) ? halveRequest(blocks) : undefined;
          if (!halves) throw e;
          requests.splice(i, 1, ...halves);
          return send(i);
        }
        written.sheetId ??= ws.id;
        for (const b of blocks) written.rects.push(b.rect);
        return send(i + 1);
      };
      await send(0);
    });
  }

  /**
   * 实时校验's trigger (ExcelApi 1.7, `Worksheet.onChanged`; absent on older hosts, so the pane hides the switch):
   * calls `handler` after the user (or a co-author) changes the sheet's contents, never for the add-in's own
   * changes. The handler stays with the sheet when it is renamed. Returns the function that stops the calls;
   * `onError` hears of a failure to register or remove the handler (an error worded for the pane).
   */
  get onSheetChanged():
    ((sheet: string, handler: () => void, onError?: (error: unknown) => void) => Unsubscribe) | undefined {
    return this.has("changeEvents") ? this.watch : undefined;
  }

  private readonly watch = (
    sheet: string,
    handler: () => void,
    onError?: (error: unknown) => void,
  ): Unsubscribe => {
    type Registered = {
      result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
      sheetId: string;
    };
    let stopped = false;
    let registered: Registered | undefined;
    const report = (e: unknown) => onError?.(toOfficeError(e, sheet));
    const remove = (r: Registered) => {
      // The handler is removed on the context it was added on, as Office.js requires.
      this.run(r.result.context, async (context) => {
        r.result.remove();
        await context.sync();
      }).catch(report);
    };
    const listener = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const event: ChangeEvent = args;
      if (stopped || !registered || event.worksheetId !== registered.sheetId || this.own.isOwn(event)) return;
      try {
        handler();
      } catch (e) {
        report(e);
      }
    };
    this.run(RUN_OPTIONS, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("id");
      const result = ws.onChanged.add(listener);
      await context.sync();
      return { result, sheetId: ws.id };
    }).then((r) => {
      registered = r;
      if (stopped) remove(r);
    }, report);
    return () => {
      if (stopped) return;
      stopped = true;
      if (registered) remove(registered);
    };
  };

  /** Store operations in sequence: each starts from what the one before left. */
  private inStoreOrder<T>(work: () => Promise<T>): Promise<T> {
    const next = this.storeQueue.then(work, work);
    this.storeQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * A setting of the pane, from the store sheet "_yanxiu" the CLI and file mode read too (docs/ignores.md);
   * undefined when not set. A value an earlier version kept in the workbook's add-in settings is read when the
   * store has none. One sync.
   */
  async getSetting(key: string): Promise<unknown> {
    this.need("settings");
    guardKey(key);
    return this.inStoreOrder(() =>
      this.excel(undefined, async (context) => {
        const takeStore = queueStoreRead(context);
        const legacy = context.workbook.settings.getItemOrNullObject(key);
        legacy.load("value");
        await context.sync();
        this.store = takeStore();
        if (this.store.values.has(key)) return this.store.values.get(key);
        return legacy.isNullObject ? undefined : (legacy.value as unknown);
      }),
    );
  }

  /**
   * Stores a JSON value under `key` in the store sheet "_yanxiu", keeping every other key; undefined removes it
   * (and the sheet with the last key). One sync after a getSetting (two when the store was not read yet): the write
   * request reads the store as it was, and should someone else have changed it since it was read, the write is
   * made again on top of their change. A copy an earlier version kept in the add-in settings is removed with it.
   */
  async setSetting(key: string, value: unknown): Promise<void> {
    this.need("settings");
    guardKey(key);
    const json = value === undefined ? undefined : JSON.stringify(value);
    const copy: unknown = json === undefined ? undefined : JSON.parse(json);
    const change = (values: Map<string, unknown>) => {
      if (copy === undefined) values.delete(key);
      else values.set(key, copy);
    };
    await this.inStoreOrder(() =>
      this.changing(undefined, async (context) => {
        const readNow = async (): Promise<StoreSnapshot> => {
          const take = queueStoreRead(context);
          await context.sync();
          return take();
        };
        const write = async (base: StoreSnapshot, again: boolean): Promise<void> => {
          const values = new Map(base.values);
          change(values);
          const done = queueStoreWrite(context, base, values);
          // Adding first makes the key exist, so the delete cannot fail on a missing key: one request either way.
          context.workbook.settings.add(key, null);
          context.workbook.settings.getItem(key).delete();
          try {
            await context.sync();
          } catch (e) {
            // The sheet came or went since it was read (someone else's store): read it again and write once more.
            if (!again || !isStoreRace(e)) throw e;
            return write(await readNow(), false);
          }
          const before = done.before();
          this.store = done.after;
          if (again && before && !unchangedSince(base, before)) return write(before, false);
        };
        await write(this.store ?? (await readNow()), true);
      }),
    );
  }
}

/** The visible sheets of a loaded collection (items/name, items/visibility), in tab order. */
function visibleSheets(sheets: Excel.WorksheetCollection, active: string): SheetInfo[] {
  return sheets.items
    .filter((s) => s.visibility === "Visible")
    .map((s) => ({ name: s.name, active: s.name === active }));
}

/** Errors of a store write that mean the store sheet was added or removed by someone else since it was read. */
function isStoreRace(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ItemNotFound" || code === "ItemAlreadyExists";
}

/** The marks record is the adapter's own; the pane must not overwrite it through setSetting. */
function guardKey(key: string): void {
  if (key === MARKS_SETTING_KEY)
    throw new OfficeAdapterError("excel", {
      zh: `设置项“${key}”为标记记录专用。`,
      en: `The setting “${key}” is reserved for the record of marks.`,
    });
}

/** The port inside Excel, using the Office.js globals unless told otherwise. */
export function createOfficePort(options: OfficePortOptions = {}): WorkbookPort {
  return new OfficeWorkbookPort(options);
}
