import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  intersect,
  parseRef,
  qualify,
  rectCells,
  splitAreas,
  splitSheet,
} from "./address";
import {
  type AreasT,
  type RangeT,
  applyBorder,
  areasOf,
  borderOf,
  checkLive,
  checkReadSize,
  checkWritable,
  fillColorOf,
  fillWithColor,
  fillWithPattern,
  forAreas,
  grid,
  normColor,
  setFormula,
  setValue,
  specialCells,
  textOf,
  uniform,
  valueTypeOf,
  writeGrid,
} from "./cells";
import { SimError } from "./errors";
import type { BorderSide, CellModel, SheetModel } from "./model";
import {
  type ClassSpec,
  type Env,
  type Resolved,
  type SimRequestContext,
  SimObject,
  defineProps,
} from "./proxy";
import { Worksheet } from "./worksheet";

/** Resolves an address string against a sheet, refusing another sheet's name. */
export function rectOn(sheet: SheetModel, address: string): Rect {
  const { sheet: name, ref } = splitSheet(address);
  if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase())
    throw new SimError("InvalidArgument", `The address '${address}' is not on sheet '${sheet.name}'.`);
  const rect = parseRef(ref);
  if (!rect) throw new SimError("InvalidArgument", `The address '${address}' is not valid.`);
  return rect;
}

function checkBounds(r: Rect): Rect {
  if (
    r.top < 0 ||
    r.left < 0 ||
    r.bottom >= MAX_ROWS ||
    r.right >= MAX_COLS ||
    r.top > r.bottom ||
    r.left > r.right
  )
    throw new SimError("InvalidArgument", "The range lies outside the worksheet.");
  return r;
}

/** Checks a read; false when Excel answers it with null (a read over the cell limit, `limits.overReadNull`). */
function readGuard(t: RangeT, env: Env): boolean {
  checkLive(t.sheet);
  const cells = rectCells(t.rect);
  checkReadSize(cells, env.host.limits.responseBytes);
  if (cells > env.host.limits.readCells) {
    if (env.host.limits.overReadNull) return false;
    throw new SimError(
      "RangeExceedsLimit",
      `Reading ${cells} cells at once exceeds Excel's limit of ${env.host.limits.readCells} cells.`,
    );
  }
  return true;
}

const RANGE_SPEC: ClassSpec<RangeT> = {
  type: "Range",
  navs: ["format", "dataValidation", "conditionalFormats", "worksheet"],
  props: {
    address: { get: (t) => qualify(t.sheet.name, t.rect) },
    addressLocal: { get: (t) => qualify(t.sheet.name, t.rect) },
    rowIndex: { get: (t) => t.rect.top },
    columnIndex: { get: (t) => t.rect.left },
    rowCount: { get: (t) => t.rect.bottom - t.rect.top + 1 },
    columnCount: { get: (t) => t.rect.right - t.rect.left + 1 },
    cellCount: { get: (t) => rectCells(t.rect) },
    isEntireColumn: { get: (t) => t.rect.top === 0 && t.rect.bottom === MAX_ROWS - 1 },
    isEntireRow: { get: (t) => t.rect.left === 0 && t.rect.right === MAX_COLS - 1 },
    values: {
      get: (t, env) => (readGuard(t, env) ? grid(t.rect, (r, c) => t.sheet.peek(r, c).value) : null),
      set: (t, v, env) => {
        writeGrid(t, v, (cell, x) => setValue(cell, x, env.host.parsesTypedText));
        env.host.raiseChanged(t.sheet, t.rect);
      },
    },
    text: {
      get: (t, env) => (readGuard(t, env) ? grid(t.rect, (r, c) => textOf(t.sheet.peek(r, c))) : null),
    },
    formulas: {
      get: (t, env) => (
        readGuard(t, env),
        grid(t.rect, (r, c) => t.sheet.peek(r, c).formula ?? t.sheet.peek(r, c).value)
      ),
      set: (t, v, env) => {
        writeGrid(t, v, setFormula);
        env.host.raiseChanged(t.sheet, t.rect);
      },
    },
    numberFormat: {
      get: (t, env) => (readGuard(t, env) ? grid(t.rect, (r, c) => t.sheet.peek(r, c).numberFormat) : null),
      set: (t, v) =>
        writeGrid(t, v, (cell, f) => {
          if (typeof f !== "string") throw new SimError("InvalidArgument", "A number format is a string.");
          cell.numberFormat = f;
          delete cell.text;
        }),
    },
    valueTypes: {
      get: (t, env) => (readGuard(t, env), grid(t.rect, (r, c) => valueTypeOf(t.sheet.peek(r, c)))),
    },
    columnHidden: {
      get: (t) => {
        for (let c = t.rect.left; c <= t.rect.right; c++) if (!t.sheet.hiddenColumns.has(c)) return false;
        return true;
      },
      set: (t, v) => {
        checkWritable(t.sheet);
        for (let c = t.rect.left; c <= t.rect.right; c++)
          if (v) t.sheet.hiddenColumns.add(c);
          else t.sheet.hiddenColumns.delete(c);
      },
    },
    rowHidden: {
      get: (t) => {
        for (let r = t.rect.top; r <= t.rect.bottom; r++) if (!t.sheet.hiddenRows.has(r)) return false;
        return true;
      },
      set: (t, v) => {
        checkWritable(t.sheet);
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          if (v) t.sheet.hiddenRows.add(r);
          else t.sheet.hiddenRows.delete(r);
      },
    },
  },
};

/** How `getCellProperties` answers for one cell, limited to what was asked for. */
function cellProperties(
  t: RangeT,
  row: number,
  col: number,
  opts: Record<string, unknown>,
): Record<string, unknown> {
  const cell = t.sheet.peek(row, col);
  const out: Record<string, unknown> = {};
  if (opts.address) out.address = qualify(t.sheet.name, { top: row, left: col, bottom: row, right: col });
  const f = opts.format as Record<string, unknown> | undefined;
  if (f) {
    const fmt: Record<string, unknown> = {};
    const want = (o: unknown, k: string) =>
      o === true || (typeof o === "object" && o !== null && (o as Record<string, unknown>)[k] === true);
    if (f.fill) {
      const fill: Record<string, unknown> = {};
      if (want(f.fill, "color")) fill.color = fillColorOf(cell.fill);
      if (want(f.fill, "pattern")) fill.pattern = cell.fill ? cell.fill.pattern : "None";
      if (want(f.fill, "patternColor")) fill.patternColor = cell.fill?.patternColor ?? null;
      fmt.fill = fill;
    }
    if (f.font) {
      const font: Record<string, unknown> = {};
      for (const k of ["bold", "italic", "color", "size", "name"] as const)
        if (want(f.font, k)) font[k] = cell.font[k];
      fmt.font = font;
    }
    if (f.borders) {
      const borders: Record<string, unknown> = {};
      for (const side of ["top", "bottom", "left", "right"] as const)
        if (want(f.borders, side)) {
          const b = cell.borders[side];
          borders[side] = b ? { ...b } : { style: "None" };
        }
      fmt.borders = borders;
    }
    if (f.horizontalAlignment) fmt.horizontalAlignment = cell.horizontalAlignment;
    if (f.verticalAlignment) fmt.verticalAlignment = cell.verticalAlignment;
    if (f.wrapText) fmt.wrapText = cell.wrapText;
    if (f.columnWidth) fmt.columnWidth = t.sheet.columnWidth(col);
    if (f.rowHeight) fmt.rowHeight = t.sheet.rowHeight(row);
    out.format = fmt;
  }
  return out;
}

function applyCellProperties(cell: CellModel, p: Record<string, unknown>): void {
  const f = p.format as Record<string, unknown> | undefined;
  if (!f) return;
  const fill = f.fill as Record<string, unknown> | undefined;
  if (fill) {
    if (fill.pattern !== undefined) cell.fill = fillWithPattern(cell.fill, fill.pattern);
    if (fill.color !== undefined) cell.fill = fillWithColor(cell.fill, normColor(fill.color));
    if (fill.patternColor !== undefined && cell.fill)
      cell.fill = { ...cell.fill, patternColor: normColor(fill.patternColor) };
  }
  const font = f.font as Record<string, unknown> | undefined;
  if (font) {
    if (typeof font.bold === "boolean") cell.font.bold = font.bold;
    if (typeof font.italic === "boolean") cell.font.italic = font.italic;
    if (font.color !== undefined) cell.font.color = normColor(font.color);
    if (typeof font.size === "number") cell.font.size = font.size;
    if (typeof font.name === "string") cell.font.name = font.name;
  }
  if (typeof f.horizontalAlignment === "string") cell.horizontalAlignment = f.horizontalAlignment;
  if (typeof f.verticalAlignment === "string") cell.verticalAlignment = f.verticalAlignment;
  if (typeof f.wrapText === "boolean") cell.wrapText = f.wrapText;
  const borders = f.borders as Record<string, Record<string, unknown> | undefined> | undefined;
  if (borders)
    for (const side of ["top", "bottom", "left", "right"] as BorderSide[]) {
      const b = borders[side];
      if (!b) continue;
      if (b.style === "None") delete cell.borders[side];
      else
        cell.borders[side] = {
          style: typeof b.style === "string" ? b.style : "Continuous",
          weight: typeof b.weight === "string" ? b.weight : "Thin",
          color: b.color !== undefined ? normColor(b.color) : "#000000",
        };
    }
}

function clearCells(a: AreasT, applyTo: string, env: Env): void {
  checkWritable(a.sheet);
  const contents = applyTo === "All" || applyTo === "Contents";
  const formats = applyTo === "All" || applyTo === "Formats";
  for (const rect of a.rects) {
    a.sheet.forStored(rect, (_r, _c, cell) => {
      if (contents) {
        cell.value = "";
        delete cell.formula;
        delete cell.text;
      }
      if (formats) {
        cell.numberFormat = "General";
        cell.fill = null;
        cell.font = { bold: false, italic: false, color: "#000000", size: 11, name: "等线" };
        cell.borders = {};
        cell.horizontalAlignment = "General";
        cell.verticalAlignment = "Bottom";
        cell.wrapText = false;
      }
    });
    if (formats) a.sheet.unmerge(rect);
    if (contents) env.host.raiseChanged(a.sheet, rect);
  }
}

/** Office.js `Excel.Range`. */
export class Range extends SimObject {
  protected readonly _spec = RANGE_SPEC as ClassSpec<never>;

  static on(
    context: SimRequestContext,
    parent: SimObject,
    resolver: (p: Resolved, env: Env) => RangeT,
    wire: [string, unknown[]],
    nullable = false,
  ): Range {
    return new Range(context, parent, resolver, { wire, nullable });
  }

  private child(name: string, args: unknown[], f: (t: RangeT, env: Env) => Rect, since?: string): Range {
    return Range.on(
      this.context,
      this,
      (p, env) => {
        if (since) this._need(env, since, name);
        const t = p as RangeT;
        return { sheet: t.sheet, rect: checkBounds(f(t, env)) };
      },
      [name, args],
    );
  }

  getCell(row: number, column: number): Range {
    return this.child("getCell", [row, column], (t) => ({
      top: t.rect.top + row,
      left: t.rect.left + column,
      bottom: t.rect.top + row,
      right: t.rect.left + column,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.child("getOffsetRange", [rowOffset, columnOffset], (t) => ({
      top: t.rect.top + rowOffset,
      bottom: t.rect.bottom + rowOffset,
      left: t.rect.left + columnOffset,
      right: t.rect.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.child(
      "getResizedRange",
      [deltaRows, deltaColumns],
      (t) => ({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }),
      "1.7",
    );
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this.child(
      "getAbsoluteResizedRange",
      [numRows, numColumns],
      (t) => ({ ...t.rect, bottom: t.rect.top + numRows - 1, right: t.rect.left + numColumns - 1 }),
      "1.7",
    );
  }

  getRow(row: number): Range {
    return this.child("getRow", [row], (t) => ({
      ...t.rect,
      top: t.rect.top + row,
      bottom: t.rect.top + row,
    }));
  }

  getColumn(column: number): Range {
    return this.child("getColumn", [column], (t) => ({
      ...t.rect,
      left: t.rect.left + column,
      right: t.rect.left + column,
    }));
  }

  getEntireColumn(): Range {
    return this.child("getEntireColumn", [], (t) => ({ ...t.rect, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getEntireRow(): Range {
    return this.child("getEntireRow", [], (t) => ({ ...t.rect, left: 0, right: MAX_COLS - 1 }));
  }

  private intersection(name: string, other: unknown, nullable: boolean): Range {
    return Range.on(
      this.context,
      this,
      (p, env) => {
        const t = p as RangeT;
        const o =
          typeof other === "string" ? rectOn(t.sheet, other) : SimObject.targetOf<RangeT>(other, env)?.rect;
        const r = o && intersect(t.rect, o);
        if (!r) throw new SimError("ItemNotFound", "The ranges do not intersect.");
        return { sheet: t.sheet, rect: r };
      },
      [name, [typeof other === "string" ? other : "ref"]],
      nullable,
    );
  }

  /** The smallest range that holds this one and the other (ExcelApi 1.1); another sheet's range is refused. */
  getBoundingRect(anotherRange: unknown): Range {
    return Range.on(
      this.context,
      this,
      (p, env) => {
        const t = p as RangeT;
        const target =
          typeof anotherRange === "string" ? undefined : SimObject.targetOf<RangeT>(anotherRange, env);
        if (target && target.sheet !== t.sheet)
          throw new SimError("InvalidArgument", "The ranges are on different worksheets.");
        const o = typeof anotherRange === "string" ? rectOn(t.sheet, anotherRange) : target?.rect;
        if (!o) throw new SimError("InvalidArgument", "The argument is invalid or missing.");
        return {
          sheet: t.sheet,
          rect: {
            top: Math.min(t.rect.top, o.top),
            left: Math.min(t.rect.left, o.left),
            bottom: Math.max(t.rect.bottom, o.bottom),
            right: Math.max(t.rect.right, o.right),
          },
        };
      },
      ["getBoundingRect", [typeof anotherRange === "string" ? anotherRange : "ref"]],
      false,
    );
  }

  getIntersection(anotherRange: unknown): Range {
    return this.intersection("getIntersection", anotherRange, false);
  }

  getIntersectionOrNullObject(anotherRange: unknown): Range {
    return this.intersection("getIntersectionOrNullObject", anotherRange, true);
  }

  private usedWithin(name: string, valuesOnly: boolean, nullable: boolean): Range {
    return Range.on(
      this.context,
      this,
      (p) => {
        const t = p as RangeT;
        const used = t.sheet.usedRect(valuesOnly);
        const r = used && intersect(used, t.rect);
        if (!r) throw new SimError("ItemNotFound", "The range has no used cells.");
        return { sheet: t.sheet, rect: r };
      },
      [name, [valuesOnly]],
      nullable,
    );
  }

  getUsedRange(valuesOnly = false): Range {
    return this.usedWithin("getUsedRange", valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.usedWithin("getUsedRangeOrNullObject", valuesOnly, true);
  }

  private special(
    name: string,
    cellType: string,
    valueType: string | undefined,
    nullable: boolean,
  ): RangeAreas {
    return RangeAreas.on(
      this.context,
      this,
      (p, env) => {
        this._need(env, "1.9", name);
        const t = p as RangeT;
        const rects = specialCells(t, cellType, valueType ?? "All", t.sheet.usedRect(true));
        if (rects.length === 0) throw new SimError("ItemNotFound", "No cells were found.");
        return { sheet: t.sheet, rects };
      },
      [name, [cellType, valueType]],
      nullable,
    );
  }

  getSpecialCells(cellType: string, cellValueType?: string): RangeAreas {
    return this.special("getSpecialCells", cellType, cellValueType, false);
  }

  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreas {
    return this.special("getSpecialCellsOrNullObject", cellType, cellValueType, true);
  }

  getMergedAreasOrNullObject(): RangeAreas {
    return RangeAreas.on(
      this.context,
      this,
      (p, env) => {
        this._need(env, "1.13", "getMergedAreasOrNullObject");
        const t = p as RangeT;
        // Only merged areas whose top-left cell lies in the range are found (office-js #3611), and Excel's
        // reference says the method fails when there are more than 512 of them.
        const rects = t.sheet.merges
          .filter(
            (m) =>
              m.top >= t.rect.top &&
              m.top <= t.rect.bottom &&
              m.left >= t.rect.left &&
              m.left <= t.rect.right,
          )
          .map((m) => ({ ...m }));
        if (rects.length > env.host.limits.mergedAreas)
          throw new SimError(
            "GeneralException",
            `The range has ${rects.length} merged areas; getMergedAreasOrNullObject fails beyond ${env.host.limits.mergedAreas}.`,
          );
        if (rects.length === 0) throw new SimError("ItemNotFound", "The range has no merged cells.");
        return { sheet: t.sheet, rects };
      },
      ["getMergedAreasOrNullObject", []],
      true,
    );
  }

  merge(across = false): void {
    this._act("merge", [across], (t: RangeT) => {
      checkWritable(t.sheet);
      if (!across) t.sheet.merge(t.rect);
      else for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.merge({ ...t.rect, top: r, bottom: r });
    });
  }

  unmerge(): void {
    this._act("unmerge", [], (t: RangeT) => {
      checkWritable(t.sheet);
      t.sheet.unmerge(t.rect);
    });
  }

  clear(applyTo: string = "All"): void {
    this._act("clear", [applyTo], (t: RangeT, env) => clearCells(areasOf(t), applyTo, env));
  }

  select(): void {
    this._act("select", [], (t: RangeT, env) => {
      checkLive(t.sheet);
      if (t.sheet.visibility !== "Visible")
        throw new SimError("InvalidOperation", "A hidden sheet cannot be selected.");
      env.model.activeSheetId = t.sheet.id;
      env.model.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }

  getCellProperties(cellPropertiesLoadOptions: Record<string, unknown>) {
    return this._result(
      "getCellProperties",
      [cellPropertiesLoadOptions],
      (t: RangeT, env) => {
        checkLive(t.sheet);
        checkReadSize(rectCells(t.rect) * 10, env.host.limits.responseBytes);
        return grid(t.rect, (r, c) => cellProperties(t, r, c, cellPropertiesLoadOptions));
      },
      "1.9",
    );
  }

  setCellProperties(cellPropertiesData: Record<string, unknown>[][]): void {
    this._act(
      "setCellProperties",
      [cellPropertiesData],
      (t: RangeT) =>
        writeGrid(t, cellPropertiesData, (cell, p) =>
          applyCellProperties(cell, p as Record<string, unknown>),
        ),
      "1.9",
    );
  }

  get format(): RangeFormat {
    return this._nav("format", () => new RangeFormat(this.context, this, (p) => areasOf(p as RangeT)));
  }

  get dataValidation(): DataValidation {
    return this._nav("dataValidation", () => new DataValidation(this.context, this, (p) => p));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this._nav(
      "conditionalFormats",
      () => new ConditionalFormatCollection(this.context, this, (p) => p),
    );
  }

  get worksheet(): Worksheet {
    return this._nav("worksheet", () => new Worksheet(this.context, this, (p) => (p as RangeT).sheet));
  }
}
defineProps(Range, RANGE_SPEC);

const AREAS_SPEC: ClassSpec<AreasT> = {
  type: "RangeAreas",
  since: "1.9",
  navs: ["areas", "format", "worksheet"],
  props: {
    address: { get: (t) => t.rects.map((r) => qualify(t.sheet.name, r)).join(",") },
    addressLocal: { get: (t) => t.rects.map((r) => qualify(t.sheet.name, r)).join(",") },
    areaCount: { get: (t) => t.rects.length },
    cellCount: { get: (t) => t.rects.reduce((n, r) => n + rectCells(r), 0) },
  },
};

/** Office.js `Excel.RangeAreas` (ExcelApi 1.9). */
export class RangeAreas extends SimObject {
  protected readonly _spec = AREAS_SPEC as ClassSpec<never>;

  static on(
    context: SimRequestContext,
    parent: SimObject,
    resolver: (p: Resolved, env: Env) => AreasT,
    wire: [string, unknown[]],
    nullable = false,
  ): RangeAreas {
    return new RangeAreas(context, parent, resolver, { wire, nullable });
  }

  get areas(): RangeCollection {
    return this._nav("areas", () => new RangeCollection(this.context, this, (p) => p));
  }

  get format(): RangeFormat {
    return this._nav("format", () => new RangeFormat(this.context, this, (p) => p));
  }

  get worksheet(): Worksheet {
    return this._nav("worksheet", () => new Worksheet(this.context, this, (p) => (p as AreasT).sheet));
  }

  clear(applyTo: string = "All"): void {
    this._act("clear", [applyTo], (t: AreasT, env) => clearCells(t, applyTo, env));
  }
}
defineProps(RangeAreas, AREAS_SPEC);

const RANGES_SPEC: ClassSpec<AreasT> = {
  type: "RangeCollection",
  props: {},
  collection: {
    list: (t) => t.rects.map((rect) => ({ sheet: t.sheet, rect })),
    make: (owner, item) => new Range(owner.context, owner, () => item, { bound: item }),
  },
};

export class RangeCollection extends SimObject {
  protected readonly _spec = RANGES_SPEC as ClassSpec<never>;

  getCount() {
    return this._result("getCount", [], (t: AreasT) => t.rects.length);
  }

  getItemAt(index: number): Range {
    return Range.on(
      this.context,
      this,
      (p) => {
        const t = p as AreasT;
        const rect = t.rects[index];
        if (!rect) throw new SimError("ItemNotFound", `No area at index ${index}.`);
        return { sheet: t.sheet, rect };
      },
      ["getItemAt", [index]],
    );
  }
}

const FORMAT_SPEC: ClassSpec<AreasT> = {
  type: "RangeFormat",
  navs: ["fill", "font", "borders"],
  props: {
    columnWidth: {
      get: (t) => uniform(t, (_cell, _r, c) => t.sheet.columnWidth(c)),
      set: (t, v) => {
        checkWritable(t.sheet);
        if (typeof v !== "number" || v < 0)
          throw new SimError("InvalidArgument", "columnWidth is a number of points.");
        for (const rect of t.rects)
          for (let c = rect.left; c <= rect.right; c++) t.sheet.columnWidths.set(c, v);
      },
    },
    rowHeight: {
      get: (t) => uniform(t, (_cell, r) => t.sheet.rowHeight(r)),
      set: (t, v) => {
        checkWritable(t.sheet);
        if (typeof v !== "number" || v < 0)
          throw new SimError("InvalidArgument", "rowHeight is a number of points.");
        for (const rect of t.rects)
          for (let r = rect.top; r <= rect.bottom; r++) t.sheet.rowHeights.set(r, v);
      },
    },
    wrapText: {
      get: (t) => uniform(t, (c) => c.wrapText),
      set: (t, v) => forAreas(t, (c) => (c.wrapText = Boolean(v))),
    },
    horizontalAlignment: {
      get: (t) => uniform(t, (c) => c.horizontalAlignment),
      set: (t, v) => forAreas(t, (c) => (c.horizontalAlignment = String(v))),
    },
    verticalAlignment: {
      get: (t) => uniform(t, (c) => c.verticalAlignment),
      set: (t, v) => forAreas(t, (c) => (c.verticalAlignment = String(v))),
    },
  },
};

export class RangeFormat extends SimObject {
  protected readonly _spec = FORMAT_SPEC as ClassSpec<never>;

  get fill(): RangeFill {
    return this._nav("fill", () => new RangeFill(this.context, this, (p) => p));
  }

  get font(): RangeFont {
    return this._nav("font", () => new RangeFont(this.context, this, (p) => p));
  }

  get borders(): RangeBorderCollection {
    return this._nav("borders", () => new RangeBorderCollection(this.context, this, (p) => p));
  }

  autofitColumns(): void {
    this._act("autofitColumns", [], () => undefined);
  }

  autofitRows(): void {
    this._act("autofitRows", [], () => undefined);
  }
}
defineProps(RangeFormat, FORMAT_SPEC);

const FILL_SPEC: ClassSpec<AreasT> = {
  type: "RangeFill",
  props: {
    color: {
      get: (t) => uniform(t, (c) => fillColorOf(c.fill)),
      set: (t, v) => {
        const color = normColor(v);
        forAreas(t, (c) => (c.fill = fillWithColor(c.fill, color)));
      },
    },
    pattern: {
      since: "1.9",
      get: (t, env) =>
        uniform(t, (c) => {
          const pattern = c.fill ? c.fill.pattern : "None";
          // As users of some Excel builds report (office-js #4900): no fill and a solid fill both read null.
          return env.host.ambiguousFillPattern && (pattern === "None" || pattern === "Solid")
            ? null
            : pattern;
        }),
      set: (t, v) => forAreas(t, (c) => (c.fill = fillWithPattern(c.fill, v))),
    },
    tintAndShade: {
      since: "1.9",
      // Microsoft's advice on #4900: null for no fill, a number (0 for the plain colour) for any fill.
      get: (t) => uniform(t, (c) => (c.fill ? 0 : null)),
      set: (t, v) => {
        if (typeof v !== "number" || v < -1 || v > 1)
          throw new SimError("InvalidArgument", "tintAndShade is a number from -1 to 1.");
        forAreas(t, (c) => {
          if (!c.fill) c.fill = { color: "#FFFFFF", pattern: "Solid" };
        });
      },
    },
    patternColor: {
      since: "1.9",
      get: (t) => uniform(t, (c) => c.fill?.patternColor ?? null),
      set: (t, v) => {
        const color = normColor(v);
        forAreas(t, (c) => {
          if (c.fill) c.fill = { ...c.fill, patternColor: color };
        });
      },
    },
  },
};

export class RangeFill extends SimObject {
  protected readonly _spec = FILL_SPEC as ClassSpec<never>;

  /** Removes the fill: the cells go back to "no fill" (not white). */
  clear(): void {
    this._act("clear", [], (t: AreasT) => forAreas(t, (c) => (c.fill = null)));
  }
}
defineProps(RangeFill, FILL_SPEC);

function fontProp<K extends "bold" | "italic" | "size" | "name">(k: K, check: (v: unknown) => boolean) {
  return {
    get: (t: AreasT) => uniform(t, (c) => c.font[k]),
    set: (t: AreasT, v: unknown) => {
      if (!check(v)) throw new SimError("InvalidArgument", `Bad value for font.${k}.`);
      forAreas(t, (c) => {
        (c.font as unknown as Record<string, unknown>)[k] = v;
      });
    },
  };
}

const FONT_SPEC: ClassSpec<AreasT> = {
  type: "RangeFont",
  props: {
    bold: fontProp("bold", (v) => typeof v === "boolean"),
    italic: fontProp("italic", (v) => typeof v === "boolean"),
    size: fontProp("size", (v) => typeof v === "number" && v > 0),
    name: fontProp("name", (v) => typeof v === "string" && v !== ""),
    color: {
      get: (t) => uniform(t, (c) => c.font.color),
      set: (t, v) => {
        const color = normColor(v);
        forAreas(t, (c) => (c.font.color = color));
      },
    },
  },
};

export class RangeFont extends SimObject {
  protected readonly _spec = FONT_SPEC as ClassSpec<never>;
}
defineProps(RangeFont, FONT_SPEC);

const BORDER_INDEXES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
]);

const BORDERS_SPEC: ClassSpec<AreasT> = { type: "RangeBorderCollection", props: {} };

export class RangeBorderCollection extends SimObject {
  protected readonly _spec = BORDERS_SPEC as ClassSpec<never>;

  getItem(index: string): RangeBorder {
    return new RangeBorder(
      this.context,
      this,
      (p) => {
        if (!BORDER_INDEXES.has(index))
          throw new SimError("InvalidArgument", `Unknown border index ${index}.`);
        return { areas: p as AreasT, index };
      },
      { wire: ["getItem", [index]] },
    );
  }
}

interface BorderT {
  areas: AreasT;
  index: string;
}

const BORDER_SPEC: ClassSpec<BorderT> = {
  type: "RangeBorder",
  props: {
    sideIndex: { get: (t) => t.index },
    style: {
      get: (t) => borderOf(t.areas, t.index)?.style ?? "None",
      set: (t, v) =>
        applyBorder(t.areas, t.index, (b) =>
          v === "None" ? undefined : { weight: "Thin", color: "#000000", ...b, style: String(v) },
        ),
    },
    weight: {
      get: (t) => borderOf(t.areas, t.index)?.weight ?? "Thin",
      set: (t, v) =>
        applyBorder(t.areas, t.index, (b) => ({
          style: "Continuous",
          color: "#000000",
          ...b,
          weight: String(v),
        })),
    },
    color: {
      get: (t) => borderOf(t.areas, t.index)?.color ?? "#000000",
      set: (t, v) => {
        const color = normColor(v);
        applyBorder(t.areas, t.index, (b) => ({ style: "Continuous", weight: "Thin", ...b, color }));
      },
    },
  },
};

export class RangeBorder extends SimObject {
  protected readonly _spec = BORDER_SPEC as ClassSpec<never>;
}
defineProps(RangeBorder, BORDER_SPEC);

const VALIDATION_SPEC: ClassSpec<RangeT> = {
  type: "DataValidation",
  since: "1.8",
  props: {
    type: {
      get: (t) => {
        const v = t.sheet.validations.find((x) => intersect(x.rect, t.rect));
        if (!v) return "None";
        return Object.keys(v.rule)[0] === "list" ? "List" : "Custom";
      },
    },
    rule: {
      get: (t) => t.sheet.validations.find((x) => intersect(x.rect, t.rect))?.rule ?? {},
      set: (t, v) => {
        checkWritable(t.sheet);
        if (!v || typeof v !== "object")
          throw new SimError("InvalidArgument", "A data validation rule is an object.");
        const list = (v as { list?: { source?: unknown } }).list;
        if (list && (typeof list.source !== "string" || list.source === ""))
          throw new SimError("InvalidArgument", "A list rule needs a source.");
        if (
          list &&
          typeof list.source === "string" &&
          !list.source.startsWith("=") &&
          list.source.length > 255
        )
          throw new SimError("InvalidArgument", "A list typed into the rule may not exceed 255 characters.");
        t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.rect, t.rect));
        t.sheet.validations.push({
          rect: { ...t.rect },
          rule: JSON.parse(JSON.stringify(v)) as Record<string, unknown>,
        });
      },
    },
    errorAlert: {
      get: (t) =>
        t.sheet.validations.find((x) => intersect(x.rect, t.rect))?.errorAlert ?? {
          showAlert: true,
          style: "Stop",
        },
      set: (t, v) => {
        checkWritable(t.sheet);
        const found = t.sheet.validations.find((x) => intersect(x.rect, t.rect));
        if (!found)
          throw new SimError("InvalidOperation", "Set a data validation rule before its error alert.");
        found.errorAlert = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
      },
    },
    prompt: {
      get: (t) => t.sheet.validations.find((x) => intersect(x.rect, t.rect))?.prompt ?? { showPrompt: false },
      set: (t, v) => {
        checkWritable(t.sheet);
        const found = t.sheet.validations.find((x) => intersect(x.rect, t.rect));
        if (found) found.prompt = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
        else
          t.sheet.validations.push({
            rect: { ...t.rect },
            rule: {},
            prompt: JSON.parse(JSON.stringify(v)) as Record<string, unknown>,
          });
      },
    },
  },
};

export class DataValidation extends SimObject {
  protected readonly _spec = VALIDATION_SPEC as ClassSpec<never>;

  clear(): void {
    this._act("clear", [], (t: RangeT) => {
      checkWritable(t.sheet);
      t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.rect, t.rect));
    });
  }
}
defineProps(DataValidation, VALIDATION_SPEC);

const CF_COLLECTION_SPEC: ClassSpec<RangeT> = {
  type: "ConditionalFormatCollection",
  since: "1.6",
  props: {},
  collection: {
    list: (t) =>
      t.sheet.conditionalFormats
        .filter((cf) => intersect(cf.rect, t.rect))
        .map((cf) => ({ sheet: t.sheet, cf })),
    make: (owner, item) => new ConditionalFormat(owner.context, owner, () => item, { bound: item }),
  },
};

const CF_TYPES = new Set([
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
]);

export class ConditionalFormatCollection extends SimObject {
  protected readonly _spec = CF_COLLECTION_SPEC as ClassSpec<never>;

  add(type: string): ConditionalFormat {
    let created: { sheet: SheetModel; cf: { id: string; rect: Rect; type: string } } | undefined;
    this._act("add", [type], (t: RangeT, env) => {
      checkWritable(t.sheet);
      if (!CF_TYPES.has(type))
        throw new SimError("InvalidArgument", `Unknown conditional format type ${type}.`);
      const cf = { id: env.model.newObjectId("CF"), rect: { ...t.rect }, type };
      t.sheet.conditionalFormats.push(cf);
      created = { sheet: t.sheet, cf };
    });
    return new ConditionalFormat(
      this.context,
      this,
      () => {
        if (!created) throw new SimError("ItemNotFound", "The conditional format was not created.");
        return created;
      },
      { wire: ["add", [type]] },
    );
  }

  getCount() {
    return this._result(
      "getCount",
      [],
      (t: RangeT) => t.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, t.rect)).length,
    );
  }

  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(
      this.context,
      this,
      (p) => {
        const t = p as RangeT;
        const cf = t.sheet.conditionalFormats.filter((x) => intersect(x.rect, t.rect))[index];
        if (!cf) throw new SimError("ItemNotFound", `No conditional format at index ${index}.`);
        return { sheet: t.sheet, cf };
      },
      { wire: ["getItemAt", [index]] },
    );
  }

  clearAll(): void {
    this._act("clearAll", [], (t: RangeT) => {
      checkWritable(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, t.rect));
    });
  }
}

interface CfT {
  sheet: SheetModel;
  cf: { id: string; rect: Rect; type: string };
}

const CF_SPEC: ClassSpec<CfT> = {
  type: "ConditionalFormat",
  props: {
    id: { get: (t) => t.cf.id },
    type: { get: (t) => t.cf.type },
    priority: { get: (t) => t.sheet.conditionalFormats.indexOf(t.cf) },
  },
};

export class ConditionalFormat extends SimObject {
  protected readonly _spec = CF_SPEC as ClassSpec<never>;

  delete(): void {
    this._act("delete", [], (t: CfT) => {
      checkWritable(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}
defineProps(ConditionalFormat, CF_SPEC);

/** Parses a getRanges address list into rectangles of one sheet. */
export function rectsOn(sheet: SheetModel, address: string): Rect[] {
  const parts = splitAreas(address);
  if (parts.length === 0 || parts.some((p) => p === ""))
    throw new SimError("InvalidArgument", `The address '${address.slice(0, 50)}…' is not valid.`);
  return parts.map((p) => rectOn(sheet, p));
}
