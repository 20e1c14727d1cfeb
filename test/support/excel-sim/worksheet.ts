import { MAX_COLS, MAX_ROWS, type Rect, formatRect, qualify } from "./address";
import { type AreasT, type RangeT, checkLive, checkWritable } from "./cells";
import { SimError } from "./errors";
import type { ChangedHandler } from "./events";
import { type SheetModel, type WorkbookModel, validateSheetName } from "./model";
import { CommentCollection, NoteCollection } from "./annotations";
import { type ClassSpec, type Env, type Resolved, SimObject, defineProps } from "./proxy";
import { Range, RangeAreas, rectOn, rectsOn } from "./range";
import { ChartCollection, PageBreakCollection } from "./charts";

const SHEET_SPEC: ClassSpec<SheetModel> = {
  type: "Worksheet",
  navs: ["notes", "comments", "pageLayout", "protection", "charts", "horizontalPageBreaks"],
  props: {
    showGridlines: {
      since: "1.8",
      get: (s) => s.showGridlines,
      set: (s, v) => {
        checkLive(s);
        s.showGridlines = Boolean(v);
      },
    },
    name: {
      get: (s) => s.name,
      set: (s, v, env) => {
        checkLive(s);
        if (typeof v !== "string") throw new SimError("InvalidArgument", "A sheet name is a string.");
        validateSheetName(v);
        const other = env.model.sheetByName(v);
        if (other && other !== s)
          throw new SimError("ItemAlreadyExists", `A sheet named '${v}' already exists.`);
        s.name = v;
      },
    },
    id: { get: (s) => s.id },
    position: { get: (s, env) => env.model.liveSheets().indexOf(s) },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v, env) => {
        checkLive(s);
        if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
          throw new SimError("InvalidArgument", `Unknown visibility ${String(v)}.`);
        if (
          v !== "Visible" &&
          env.model.liveSheets().filter((x) => x !== s && x.visibility === "Visible").length === 0
        )
          throw new SimError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        s.visibility = v;
      },
    },
  },
};

function rangeOf(sheetTarget: Resolved, rect: Rect): RangeT {
  const sheet = sheetTarget as SheetModel;
  checkLive(sheet);
  return { sheet, rect };
}

/** Office.js `Excel.Worksheet`. */
export class Worksheet extends SimObject {
  protected readonly _spec = SHEET_SPEC as ClassSpec<never>;

  getRange(address?: string): Range {
    return Range.on(
      this.context,
      this,
      (p) =>
        rangeOf(
          p,
          address === undefined || address === ""
            ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }
            : rectOn(p as SheetModel, address),
        ),
      ["getRange", [address ?? null]],
    );
  }

  getRanges(address: string): RangeAreas {
    return RangeAreas.on(
      this.context,
      this,
      (p, env) => {
        const limit = env.host.limits.getRangesAddressChars;
        if (address.length > limit)
          throw new SimError(
            "InvalidArgument",
            `The address passed to getRanges is ${address.length} characters long; Excel fails beyond ${limit}.`,
          );
        const sheet = p as SheetModel;
        checkLive(sheet);
        return { sheet, rects: rectsOn(sheet, address) } satisfies AreasT;
      },
      ["getRanges", [address]],
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return Range.on(
      this.context,
      this,
      (p, env) => {
        this._need(env, "1.7", "getRangeByIndexes");
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
          throw new SimError(
            "InvalidArgument",
            "getRangeByIndexes needs a non-empty range inside the sheet.",
          );
        return rangeOf(p, {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        });
      },
      ["getRangeByIndexes", [startRow, startColumn, rowCount, columnCount]],
    );
  }

  getCell(row: number, column: number): Range {
    return Range.on(
      this.context,
      this,
      (p) => rangeOf(p, { top: row, left: column, bottom: row, right: column }),
      ["getCell", [row, column]],
    );
  }

  private used(name: string, valuesOnly: boolean, nullable: boolean): Range {
    return Range.on(
      this.context,
      this,
      (p) => {
        const sheet = p as SheetModel;
        checkLive(sheet);
        const rect = sheet.usedRect(valuesOnly);
        if (rect) return { sheet, rect };
        // A blank sheet's used range is A1; the OrNullObject variant reports a null object instead.
        if (nullable) throw new SimError("ItemNotFound", "The worksheet is blank.");
        return { sheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      },
      [name, [valuesOnly]],
      nullable,
    );
  }

  getUsedRange(valuesOnly = false): Range {
    return this.used("getUsedRange", valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.used("getUsedRangeOrNullObject", valuesOnly, true);
  }

  activate(): void {
    this._act("activate", [], (s: SheetModel, env) => {
      checkLive(s);
      if (s.visibility !== "Visible")
        throw new SimError("InvalidOperation", "A hidden sheet cannot be activated.");
      env.model.activeSheetId = s.id;
    });
  }

  delete(): void {
    this._act("delete", [], (s: SheetModel, env) => {
      checkLive(s);
      // Excel's reference for Worksheet.delete: a very hidden sheet cannot be deleted; make it hidden or visible first.
      if (s.visibility === "VeryHidden")
        throw new SimError(
          "InvalidOperation",
          "A very hidden worksheet cannot be deleted; set its visibility to Hidden or Visible first.",
        );
      if (env.model.liveSheets().filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new SimError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.deleted = true;
      env.model.comments = env.model.comments.filter((c) => c.sheetId !== s.id);
      if (env.model.activeSheetId === s.id)
        env.model.activeSheetId = env.model.liveSheets().find((x) => x.visibility === "Visible")?.id;
    });
  }

  /** `Worksheet.onChanged` (ExcelApi 1.7): handlers registered at the next sync, kept by the sheet's id. */
  get onChanged(): WorksheetEvent {
    return new WorksheetEvent(this);
  }

  /** Queues the registration (or removal) of an onChanged handler. */
  _changedHandler(handler: ChangedHandler, add: boolean): void {
    this._act(
      add ? "RegisterEventHandler" : "UnregisterEventHandler",
      ["onChanged"],
      (s: SheetModel, env) => {
        checkLive(s);
        env.host.setChangedHandler(s.id, handler, add);
      },
      "1.7",
    );
  }

  get notes(): NoteCollection {
    return this._nav(
      "notes",
      () => new NoteCollection(this.context, this, (p) => ({ sheet: p as SheetModel })),
    );
  }

  get comments(): CommentCollection {
    return this._nav(
      "comments",
      () => new CommentCollection(this.context, this, (p) => ({ sheet: p as SheetModel })),
    );
  }

  get pageLayout(): PageLayout {
    return this._nav("pageLayout", () => new PageLayout(this.context, this, (p) => p));
  }

  get charts(): ChartCollection {
    return this._nav("charts", () => new ChartCollection(this.context, this, (p) => p));
  }

  get horizontalPageBreaks(): PageBreakCollection {
    return this._nav("horizontalPageBreaks", () => new PageBreakCollection(this.context, this, (p) => p));
  }

  get protection(): WorksheetProtection {
    return this._nav("protection", () => new WorksheetProtection(this.context, this, (p) => p));
  }
}
defineProps(Worksheet, SHEET_SPEC);

/** What `EventHandlers.add` returns: the context it was added on, and its removal (queued on that context). */
export interface SimEventHandlerResult {
  readonly context: SimRequestContextLike;
  remove(): void;
}

type SimRequestContextLike = Worksheet["context"];

/** Office.js `OfficeExtension.EventHandlers<WorksheetChangedEventArgs>` of one worksheet. */
export class WorksheetEvent {
  constructor(private readonly sheet: Worksheet) {}

  add(handler: ChangedHandler): SimEventHandlerResult {
    this.sheet._changedHandler(handler, true);
    return { context: this.sheet.context, remove: () => this.sheet._changedHandler(handler, false) };
  }

  remove(handler: ChangedHandler): void {
    this.sheet._changedHandler(handler, false);
  }
}

const SHEETS_SPEC: ClassSpec<WorkbookModel> = {
  type: "WorksheetCollection",
  props: {},
  collection: {
    list: (m) => m.liveSheets(),
    make: (owner, item) => new Worksheet(owner.context, owner, () => item, { bound: item }),
  },
};

/** Office.js `Excel.WorksheetCollection`. */
export class WorksheetCollection extends SimObject {
  protected readonly _spec = SHEETS_SPEC as ClassSpec<never>;

  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this._act("add", [name ?? null], (m: WorkbookModel) => {
      let n = name;
      if (n === undefined) {
        let i = m.liveSheets().length + 1;
        while (m.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = m.addSheet(n);
    });
    return new Worksheet(
      this.context,
      this,
      () => {
        if (!created) throw new SimError("ItemNotFound", "The worksheet was not added.");
        return created;
      },
      { wire: ["add", [name ?? null]] },
    );
  }

  private lookup(name: string, key: string, nullable: boolean): Worksheet {
    return new Worksheet(
      this.context,
      this,
      (p) => {
        const s = (p as WorkbookModel).sheetByNameOrId(key);
        if (!s) throw new SimError("ItemNotFound", `The requested worksheet '${key}' doesn't exist.`);
        return s;
      },
      { wire: [name, [key]], nullable },
    );
  }

  getItem(key: string): Worksheet {
    return this.lookup("getItem", key, false);
  }

  getItemOrNullObject(key: string): Worksheet {
    return this.lookup("getItemOrNullObject", key, true);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, this, (p) => (p as WorkbookModel).activeSheet(), {
      wire: ["getActiveWorksheet", []],
    });
  }

  getCount(visibleOnly = false) {
    return this._result(
      "getCount",
      [visibleOnly],
      (m: WorkbookModel) => m.liveSheets().filter((s) => !visibleOnly || s.visibility === "Visible").length,
    );
  }
}

function marginProp(
  k: "topMargin" | "bottomMargin" | "leftMargin" | "rightMargin" | "headerMargin" | "footerMargin",
) {
  return {
    get: (s: SheetModel) => s.pageLayout[k],
    set: (s: SheetModel, v: unknown) => {
      checkWritable(s);
      if (typeof v !== "number" || v < 0)
        throw new SimError("InvalidArgument", `${k} is a number of points.`);
      s.pageLayout[k] = v;
    },
  };
}

const PAGE_SPEC: ClassSpec<SheetModel> = {
  type: "PageLayout",
  since: "1.9",
  props: {
    orientation: {
      get: (s) => s.pageLayout.orientation,
      set: (s, v) => {
        checkWritable(s);
        if (v !== "Portrait" && v !== "Landscape")
          throw new SimError("InvalidArgument", "orientation is Portrait or Landscape.");
        s.pageLayout.orientation = v;
      },
    },
    topMargin: marginProp("topMargin"),
    bottomMargin: marginProp("bottomMargin"),
    leftMargin: marginProp("leftMargin"),
    rightMargin: marginProp("rightMargin"),
    headerMargin: marginProp("headerMargin"),
    footerMargin: marginProp("footerMargin"),
    centerHorizontally: {
      get: (s) => s.pageLayout.centerHorizontally,
      set: (s, v) => (checkWritable(s), (s.pageLayout.centerHorizontally = Boolean(v))),
    },
    centerVertically: {
      get: (s) => s.pageLayout.centerVertically,
      set: (s, v) => (checkWritable(s), (s.pageLayout.centerVertically = Boolean(v))),
    },
    zoom: {
      get: (s) => ({ ...s.pageLayout.zoom }),
      set: (s, v) => {
        checkWritable(s);
        if (!v || typeof v !== "object") throw new SimError("InvalidArgument", "zoom is an object.");
        s.pageLayout.zoom = { ...(v as Record<string, number>) };
      },
    },
  },
};

const INCH = 72;
const CM = 72 / 2.54;

/** Office.js `Excel.PageLayout` (ExcelApi 1.9). */
export class PageLayout extends SimObject {
  protected readonly _spec = PAGE_SPEC as ClassSpec<never>;

  setPrintArea(printArea: unknown): void {
    this._act(
      "setPrintArea",
      [typeof printArea === "string" ? printArea : "ref"],
      (s: SheetModel, env: Env) => {
        checkWritable(s);
        if (typeof printArea === "string") s.pageLayout.printArea = rectsOn(s, printArea);
        else {
          const t = SimObject.targetOf<RangeT | AreasT>(printArea, env);
          if (!t) throw new SimError("InvalidArgument", "setPrintArea needs a range or an address.");
          s.pageLayout.printArea = "rect" in t ? [{ ...t.rect }] : t.rects.map((r) => ({ ...r }));
        }
      },
    );
  }

  setPrintTitleRows(printTitleRows: unknown): void {
    this._act(
      "setPrintTitleRows",
      [typeof printTitleRows === "string" ? printTitleRows : "ref"],
      (s: SheetModel, env: Env) => {
        checkWritable(s);
        const rect =
          typeof printTitleRows === "string"
            ? rectOn(s, printTitleRows)
            : SimObject.targetOf<RangeT>(printTitleRows, env)?.rect;
        if (!rect) throw new SimError("InvalidArgument", "setPrintTitleRows needs a range or an address.");
        s.pageLayout.printTitleRows = { top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLS - 1 };
      },
    );
  }

  setPrintMargins(unit: string, marginOptions: Record<string, number | undefined>): void {
    this._act("setPrintMargins", [unit, marginOptions], (s: SheetModel) => {
      checkWritable(s);
      const k = unit === "Inches" ? INCH : unit === "Centimeters" ? CM : unit === "Points" ? 1 : NaN;
      if (Number.isNaN(k)) throw new SimError("InvalidArgument", `Unknown margin unit ${unit}.`);
      const map = {
        top: "topMargin",
        bottom: "bottomMargin",
        left: "leftMargin",
        right: "rightMargin",
        header: "headerMargin",
        footer: "footerMargin",
      } as const;
      for (const [opt, prop] of Object.entries(map)) {
        const v = marginOptions[opt];
        if (v !== undefined) s.pageLayout[prop] = v * k;
      }
    });
  }

  getPrintAreaOrNullObject(): RangeAreas {
    return RangeAreas.on(
      this.context,
      this,
      (p) => {
        const s = p as SheetModel;
        if (!s.pageLayout.printArea) throw new SimError("ItemNotFound", "No print area is set.");
        return { sheet: s, rects: s.pageLayout.printArea };
      },
      ["getPrintAreaOrNullObject", []],
      true,
    );
  }
}
defineProps(PageLayout, PAGE_SPEC);

const PROTECTION_SPEC: ClassSpec<SheetModel> = {
  type: "WorksheetProtection",
  props: { protected: { get: (s) => s.protected } },
};

export class WorksheetProtection extends SimObject {
  protected readonly _spec = PROTECTION_SPEC as ClassSpec<never>;

  protect(): void {
    this._act("protect", [], (s: SheetModel) => void (s.protected = true));
  }

  unprotect(): void {
    this._act("unprotect", [], (s: SheetModel) => void (s.protected = false));
  }
}
defineProps(WorksheetProtection, PROTECTION_SPEC);

export { formatRect, qualify };
