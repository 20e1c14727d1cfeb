import { type Rect, rectCells } from "./address";
import { SimError } from "./errors";
import {
  type BorderSide,
  type BorderState,
  type CellModel,
  type FillState,
  type SheetModel,
  displayText,
} from "./model";
import type { CellScalar } from "./numfmt";

/** A range as the model sees it. */
export interface RangeT {
  sheet: SheetModel;
  rect: Rect;
}

/** One or more rectangles of one sheet (RangeAreas, and the format objects of ranges and areas). */
export interface AreasT {
  sheet: SheetModel;
  rects: Rect[];
}

export function areasOf(t: RangeT | AreasT): AreasT {
  return "rect" in t ? { sheet: t.sheet, rects: [t.rect] } : t;
}

export function checkLive(sheet: SheetModel): void {
  if (sheet.deleted) throw new SimError("ItemNotFound", `The worksheet '${sheet.name}' was deleted.`);
}

export function checkWritable(sheet: SheetModel): void {
  checkLive(sheet);
  if (sheet.protected)
    throw new SimError(
      "AccessDenied",
      `The cell or range is on protected sheet '${sheet.name}'; unprotect it to change it.`,
    );
}

/** Refuses before materialising a read that could not fit in a response anyway (at least 3 bytes a cell). */
export function checkReadSize(cells: number, limit: number): void {
  if (cells * 3 > limit)
    throw new SimError(
      "ResponsePayloadSizeLimitExceeded",
      `Reading ${cells} cells cannot fit in a response of at most ${limit} bytes.`,
    );
}

export function grid<T>(rect: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}

/** Applies a 2-D (or scalar, broadcast) input to every cell of rect; null entries leave the cell alone. */
export function writeGrid(t: RangeT, input: unknown, apply: (cell: CellModel, v: unknown) => void): void {
  checkWritable(t.sheet);
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(input)) {
    t.sheet.forEachCell(t.rect, (cell) => apply(cell, input));
    return;
  }
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols))
    throw new SimError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  for (let r = 0; r < rows; r++) {
    const line = input[r] as unknown[];
    for (let c = 0; c < cols; c++) {
      const v = line[c];
      if (v === null || v === undefined) continue;
      apply(t.sheet.cell(t.rect.top + r, t.rect.left + c), v);
    }
  }
}

export function toScalar(v: unknown): CellScalar {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  throw new SimError("InvalidArgument", `Unsupported cell value ${JSON.stringify(v)}.`);
}

/** What Excel makes of text typed into a cell (formatted General): a formula, a number, a date, a boolean, or text. */
export interface TypedEntry {
  value: CellScalar;
  formula?: string;
  numberFormat?: string;
}

const TYPED_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const TYPED_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const TYPED_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Excel's reading of typed input, in the part that matters for writing text safely: "=…" (and "+…", "-…", "@…"
 * that are not numbers) become formulas; "001", "1,234", "1e3", "-5" numbers; "50%" a percentage; "2025-3-1" a
 * date; "TRUE"/"false" booleans. Anything else stays text. (Excel knows many more forms: times, fractions,
 * currencies, localised dates; none of them is needed to catch text that is not kept as written.)
 */
export function typedEntry(text: string): TypedEntry {
  const t = text.trim();
  const numeric = (s: string) => /\d/.test(s) && TYPED_NUMBER.test(s);
  if (numeric(t)) return { value: Number(t.replace(/,/g, "")) };
  if (t.endsWith("%") && numeric(t.slice(0, -1)))
    return { value: Number(t.slice(0, -1).replace(/,/g, "")) / 100, numberFormat: "0%" };
  const date = TYPED_DATE.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
      return { value: (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000, numberFormat: "yyyy/m/d" };
  }
  const time = TYPED_TIME.exec(t);
  if (time) {
    const [h, m, sec] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (m < 60 && sec < 60) return { value: (h * 3600 + m * 60 + sec) / 86_400, numberFormat: "h:mm" };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if (/^[=+\-@]/.test(text) && text.length > 1)
    return { value: "", formula: text.startsWith("=") ? text : `=${text}` };
  return { value: text };
}

/**
 * As in Excel, a leading apostrophe marks text and is not part of the value. With `parse` (Excel's reading of
 * typed text, see typedEntry) other strings are read as Excel reads what is typed, unless the cell is formatted as
 * text ("@").
 */
export function setValue(cell: CellModel, v: unknown, parse = false): void {
  const scalar = toScalar(v);
  delete cell.formula;
  delete cell.text;
  if (typeof scalar !== "string") {
    cell.value = scalar;
    return;
  }
  if (scalar.startsWith("'")) {
    cell.value = scalar.slice(1);
    return;
  }
  if (!parse || cell.numberFormat === "@" || scalar === "") {
    cell.value = scalar;
    return;
  }
  const entry = typedEntry(scalar);
  cell.value = entry.value;
  if (entry.formula !== undefined) cell.formula = entry.formula;
  if (entry.numberFormat !== undefined && cell.numberFormat === "General")
    cell.numberFormat = entry.numberFormat;
}

/**
 * Writes through `formulas`: "=..." becomes a formula (not calculated here: its value reads as ""). Any other string
 * is read as Excel reads typed input, always (whatever `parsesTypedText` says): "001" becomes 1, "TRUE" a boolean,
 * "1:30" a time, unless it starts with the apostrophe that marks text or the cell is formatted as text.
 */
export function setFormula(cell: CellModel, v: unknown): void {
  if (typeof v === "string" && v.startsWith("=")) {
    cell.formula = v;
    cell.value = "";
    delete cell.text;
  } else setValue(cell, v, true);
}

/** The value of a property over every cell of the areas, or null when cells differ (as Excel reports). */
export function uniform<T>(
  a: AreasT,
  f: (cell: Readonly<CellModel>, row: number, col: number) => T,
): T | null {
  let seen = false;
  let value: T | null = null;
  let key = "";
  for (const rect of a.rects) {
    if (rectCells(rect) > 4_000_000)
      throw new SimError(
        "InvalidOperation",
        "The simulator does not read formats of more than 4,000,000 cells.",
      );
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const v = f(a.sheet.peek(r, c), r, c);
        const k = JSON.stringify(v);
        if (!seen) {
          seen = true;
          value = v;
          key = k;
        } else if (k !== key) return null;
      }
  }
  return value;
}

export function forAreas(a: AreasT, fn: (cell: CellModel, row: number, col: number) => void): void {
  checkWritable(a.sheet);
  for (const rect of a.rects) a.sheet.forEachCell(rect, fn);
}

const COLOR_NAMES: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
};

/** Normalises "#abc", "#aabbcc" or a colour name to "#AABBCC". */
export function normColor(v: unknown): string {
  if (typeof v !== "string") throw new SimError("InvalidArgument", `Not a colour: ${JSON.stringify(v)}`);
  const named = COLOR_NAMES[v.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
  if (!m?.[1]) throw new SimError("InvalidArgument", `Not a colour: ${v}`);
  const hex = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join("") : m[1];
  return `#${hex.toUpperCase()}`;
}

export const FILL_PATTERNS = new Set([
  "None",
  "Solid",
  "Gray50",
  "Gray75",
  "Gray25",
  "Horizontal",
  "Vertical",
  "Down",
  "Up",
  "Checker",
  "SemiGray75",
  "LightHorizontal",
  "LightVertical",
  "LightDown",
  "LightUp",
  "Grid",
  "CrissCross",
  "Gray16",
  "Gray8",
]);

/** Setting a colour keeps a pattern already there and turns "no fill" into a solid fill. */
export function fillWithColor(fill: FillState | null, color: string): FillState {
  return fill ? { ...fill, color } : { color, pattern: "Solid" };
}

export function fillWithPattern(fill: FillState | null, pattern: unknown): FillState | null {
  if (typeof pattern !== "string" || !FILL_PATTERNS.has(pattern))
    throw new SimError("InvalidArgument", `Not a fill pattern: ${JSON.stringify(pattern)}`);
  if (pattern === "None") return null;
  return fill ? { ...fill, pattern } : { color: "#FFFFFF", pattern };
}

/** What Office.js reports for a fill: no fill reads as white with pattern "None". */
export function fillColorOf(fill: FillState | null): string {
  return fill ? fill.color : "#FFFFFF";
}

export function valueTypeOf(cell: Readonly<CellModel>): string {
  const v = cell.value;
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (v === "") return "Empty";
  return isErrorText(v) ? "Error" : "String";
}

const ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
]);
export function isErrorText(v: string): boolean {
  return ERRORS.has(v);
}

export function textOf(cell: Readonly<CellModel>): string {
  return displayText(cell as CellModel);
}

export function borderSides(side: string): BorderSide[] {
  switch (side) {
    case "EdgeTop":
      return ["top"];
    case "EdgeBottom":
      return ["bottom"];
    case "EdgeLeft":
      return ["left"];
    case "EdgeRight":
      return ["right"];
    default:
      return [];
  }
}

/**
 * Applies one border of a RangeBorderCollection to the areas. Edges go on the outer cells; inside borders
 * on both neighbours, so reading any cell's side tells what is drawn there.
 */
export function applyBorder(
  a: AreasT,
  index: string,
  change: (b: BorderState | undefined) => BorderState | undefined,
): void {
  checkWritable(a.sheet);
  for (const rect of a.rects) {
    a.sheet.forEachCell(rect, (cell, r, c) => {
      const set = (side: BorderSide) => {
        const next = change(cell.borders[side]);
        if (next) cell.borders[side] = next;
        else delete cell.borders[side];
      };
      if (index === "EdgeTop" && r === rect.top) set("top");
      if (index === "EdgeBottom" && r === rect.bottom) set("bottom");
      if (index === "EdgeLeft" && c === rect.left) set("left");
      if (index === "EdgeRight" && c === rect.right) set("right");
      if (index === "InsideHorizontal") {
        if (r > rect.top) set("top");
        if (r < rect.bottom) set("bottom");
      }
      if (index === "InsideVertical") {
        if (c > rect.left) set("left");
        if (c < rect.right) set("right");
      }
    });
  }
}

export function borderOf(a: AreasT, index: string): BorderState | null {
  const side = borderSides(index)[0] ?? (index === "InsideHorizontal" ? "bottom" : "right");
  return uniform(a, (cell) => cell.borders[side] ?? null);
}

/** Cells matching a getSpecialCells request, as rectangles (column runs merged across equal neighbours). */
export function specialCells(
  t: RangeT,
  cellType: string,
  valueType: string,
  usedRect: Rect | undefined,
): Rect[] {
  const wanted = (cell: Readonly<CellModel>): boolean => {
    if (cellType === "Blanks") return cell.value === "" && cell.formula === undefined;
    if (cellType === "Constants" && (cell.formula !== undefined || cell.value === "")) return false;
    if (cellType === "Formulas" && cell.formula === undefined) return false;
    if (cellType !== "Constants" && cellType !== "Formulas")
      throw new SimError("InvalidArgument", `getSpecialCells(${cellType}) is not simulated.`);
    if (valueType === "All") return true;
    const kind = valueTypeOf(cell);
    const name =
      kind === "Double" ? "Numbers" : kind === "Boolean" ? "Logical" : kind === "Error" ? "Errors" : "Text";
    return valueType.includes(name === "Numbers" ? "Number" : name);
  };
  const byCol = new Map<number, number[]>();
  const take = (r: number, c: number) => {
    let list = byCol.get(c);
    if (!list) byCol.set(c, (list = []));
    list.push(r);
  };
  if (cellType === "Blanks") {
    const area = usedRect && {
      top: Math.max(usedRect.top, t.rect.top),
      left: Math.max(usedRect.left, t.rect.left),
      bottom: Math.min(usedRect.bottom, t.rect.bottom),
      right: Math.min(usedRect.right, t.rect.right),
    };
    if (area && area.top <= area.bottom && area.left <= area.right)
      for (let c = area.left; c <= area.right; c++)
        for (let r = area.top; r <= area.bottom; r++) if (wanted(t.sheet.peek(r, c))) take(r, c);
  } else t.sheet.forStored(t.rect, (r, c, cell) => (wanted(cell) ? take(r, c) : undefined));
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = (byCol.get(col) ?? []).sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    let start = rows[0];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const nextRow = rows[i + 1];
      if (nextRow === r + 1) continue;
      const k = `${start}:${r}`;
      const prev = open.get(k);
      if (prev && prev.right === col - 1) {
        prev.right = col;
        next.set(k, prev);
      } else {
        const rect = { top: start as number, bottom: r, left: col, right: col };
        rects.push(rect);
        next.set(k, rect);
      }
      start = nextRow;
    }
    open = next;
  }
  return rects.sort((a, b) => a.top - b.top || a.left - b.left);
}
