// The reader of every workbook file, in the CLI and the browser file mode: the grids the engine checks, straight from
// the package's XML, each part asked of the opened package (package.ts) under its inflation caps. ExcelJS is used
// only to write annotated copies. Parity with the grids ExcelJS would give (read.ts) is tested on every kind of cell
// (test/xlsx/fast-read.test.ts); where Excel reads more than ExcelJS (CDATA, inline <v>, parts found through
// relationships, any namespace prefix) this reader follows Excel.
import { displayText, makeGrid, uncalculatedCell } from "../../core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../core/grid/types";
import { A1_COLS, A1_OTHER, parseA1, parseA1At } from "../../core/grid/a1";
import { SHEET_LIMITS } from "./problems";
import {
  concatChunks,
  OverLimitError,
  relsPathOf,
  resolvePartPath,
  utf16Endian,
  utf8Text,
  WorkbookPackage,
} from "./package";
import type { ZipEntryInfo } from "./zip-index";
import { CLOSE, EMPTY, OPEN, Unsupported, walkTags, XmlTags } from "./xml-tags";

/** The last row and column a worksheet can have (Excel 2007 and later): cells beyond are dropped, as Excel does. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface FastSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  grid: Grid;
  /** What the sheet holds, counted from the cells present (not its extent): for the copy writer's limits. */
  stats: SheetStats;
}

export interface SheetStats {
  /** Rows that hold a value, and cells that do. */
  rows: number;
  cells: number;
  merges: number;
  /** Cells covered by merged areas and by data validations (ExcelJS makes an object for each of them). */
  mergedCells: number;
  validatedCells: number;
}

/** Count what a sheet's rows hold, visiting only the cells present. */
export function statsOf(
  rows: ReadonlyArray<ReadonlyArray<RawCell | undefined> | undefined>,
  merges: readonly MergeArea[],
  validatedCells = 0,
): SheetStats {
  let rowCount = 0;
  let cells = 0;
  // Plain loops (holes and undefined alike skipped): forEach's callback per cell cost more than the counting.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let inRow = 0;
    for (let c = 0; c < row.length; c++) if (row[c]) inRow++;
    if (inRow > 0) rowCount++;
    cells += inRow;
  }
  let mergedCells = 0;
  for (const m of merges) mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
  return { rows: rowCount, cells, merges: merges.length, mergedCells, validatedCells };
}

export type FastRead =
  | { ok: true; sheets: FastSheet[]; cellless?: string[] }
  | { ok: false; tooLarge: { sheet: string; rows: number; cells: number } }
  /** A package this reader cannot follow (no workbook part, malformed XML): the file is damaged. */
  | { ok: false; unsupported: string }
  /** A binary workbook (.xlsb): the workbook part is not XML. */
  | { ok: false; binary: true };

// Excel's built-in number formats that are the same in every locale (ECMA-376 Part 1, 18.8.30), as ExcelJS names
// them. Locale-dependent ids (27-36, 50-58) have no fixed code; ExcelJS leaves them without a format, and so do we.
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, e: string) => {
    if (e[0] !== "#") return NAMED[e] ?? whole;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    // A reference to no character at all (beyond U+10FFFF) reads as the replacement character, not as an error.
    if (!Number.isFinite(code)) return whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

// XML's own whitespace; the fallbacks below also take what JavaScript's \s does, as this reader always has.
function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** An attribute found by pattern: for attribute text that is not a clean name="value" list (a damaged part). */
function attrByPattern(attrs: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    // Attribute names are matched whole: r= is not the end of ref= or of xr:uid=.
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    // Names come from the file (namespace prefixes): the cache stays small whatever a hostile file declares.
    if (ATTRIBUTE_PATTERNS.size > 64) ATTRIBUTE_PATTERNS.clear();
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  if (!m) return undefined;
  return decode(m[1] ?? m[2] ?? "");
}

/**
 * Read an attribute list in order as XML has it, name="value" or name='value', handing each name's and raw value's
 * bounds to `visit` until it returns true. False when the text does not follow that shape (the callers then search
 * it by pattern), so a name inside another attribute's value is never taken for an attribute.
 */
function scanAttributes(
  attrs: string,
  visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean,
): boolean {
  const n = attrs.length;
  let i = 0;
  for (;;) {
    i = skipSpaces(attrs, i);
    if (i >= n) return true;
    const start = i;
    while (i < n) {
      const c = attrs.charCodeAt(i);
      if (c === 0x3d /* = */ || isXmlSpace(c)) break;
      i++;
    }
    const nameEnd = i;
    i = skipSpaces(attrs, i);
    if (attrs.charCodeAt(i) !== 0x3d) return false;
    i = skipSpaces(attrs, i + 1);
    const quote = attrs.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return false;
    const close = attrs.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return false;
    if (visit(start, nameEnd, i + 1, close)) return true;
    i = close + 1;
  }
}

/** An attribute's decoded value, by its whole name (r is not ref, nor xr:uid's uid); see scanAttributes. */
function attr(attrs: string, name: string): string | undefined {
  let found: string | undefined;
  const clean = scanAttributes(attrs, (start, end, valueStart, valueEnd) => {
    if (end - start !== name.length || !attrs.startsWith(name, start)) return false;
    found = decode(attrs.slice(valueStart, valueEnd));
    return true;
  });
  return clean ? found : attrByPattern(attrs, name);
}

/**
 * A cell's r, s and t in one pass over its attributes (attr() would read them three times), with attr()'s rules:
 * the first of a name counts, values are decoded, and text that is no clean attribute list goes to attr().
 */
function cellAttributes(attrs: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  const clean = scanAttributes(attrs, (start, end, valueStart, valueEnd) => {
    if (end - start !== 1) return false;
    const key = attrs.charCodeAt(start);
    const name = key === 0x72 ? "r" : key === 0x73 ? "s" : key === 0x74 ? "t" : undefined;
    if (name && out[name] === undefined) out[name] = decode(attrs.slice(valueStart, valueEnd));
    return false;
  });
  return clean ? out : { r: attr(attrs, "r"), s: attr(attrs, "s"), t: attr(attrs, "t") };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
  return i;
}

// Excel writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return) in <t> elements of
// shared strings and rich text runs; ExcelJS decodes them there (upper-case hex only), and so does this reader.
const ESCAPED_CHAR = /_x([0-9A-F]{4})_/g;
function unescapeChars(text: string): string {
  return text.includes("_x")
    ? text.replace(ESCAPED_CHAR, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** Shared strings in order; rich text runs joined, phonetic guides (rPh) left out, as Excel shows the text. */
function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  const tags = new XmlTags(xml);
  while (tags.next()) {
    const kind = tags.kind;
    if (tags.is("t")) {
      // <t>text</t>: the end tag read at once, with what reading it would do.
      const direct = kind === OPEN ? tags.textToEnd() : undefined;
      if (direct !== undefined) {
        if (current !== null && phonetic === 0) {
          const text = unescapeChars(decode(direct));
          current = current === "" ? text : current + text;
        }
        inT = false;
        continue;
      }
      if (kind === CLOSE && inT && current !== null && phonetic === 0) {
        const text = unescapeChars(decode(tags.text()));
        current = current === "" ? text : current + text;
      }
      inT = kind === OPEN;
    } else if (tags.is("si")) {
      if (kind === OPEN) current = "";
      else if (kind === CLOSE && current !== null) {
        out.push(current);
        current = null;
      } else if (kind === EMPTY) out.push("");
    } else if (tags.is("rPh")) {
      if (kind === OPEN) phonetic++;
      else if (kind === CLOSE) phonetic--;
    }
    if (current !== null || inT || phonetic !== 0) continue;
    // The items that follow as <si><t>text</t></si> (nearly all of them) are read here, each in one look rather
    // than four tags of the tokenizer; what is read is what those four tags would give.
    let at = tags.position;
    while (xml.startsWith("<si><t>", at)) {
      const end = xml.indexOf("<", at + 7);
      if (end < 0 || !xml.startsWith("</t></si>", end)) break;
      out.push(unescapeChars(decode(xml.slice(at + 7, end))));
      at = end + 9;
    }
    if (at !== tags.position) tags.resumeAt(at);
  }
  return out;
}

/** Number format of each cell style (cellXfs index), as ExcelJS resolves it: custom codes first, then built-ins. */
function readStyleFormats(xml: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  const formats: Array<string | undefined> = [];
  let inCellXfs = false;
  walkTags(xml, (name, attrs, kind) => {
    if (name === "numFmt" && kind !== "close") {
      const id = Number(attr(attrs, "numFmtId"));
      const code = attr(attrs, "formatCode");
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    } else if (name === "cellXfs") {
      inCellXfs = kind === "open";
    } else if (name === "xf" && inCellXfs && kind !== "close") {
      const id = Number(attr(attrs, "numFmtId") ?? 0);
      // Id 0 is General: no format, as in ExcelJS.
      formats.push(id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined);
    }
  });
  return formats;
}

/** Whether a number format shows a date or time (quoted text and [bracketed] parts do not count). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

// Serial 25569 is 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer. The factors are
// applied one by one, as ExcelJS does, so that both readers round to the same millisecond.
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetContext {
  name: string;
  shared: readonly string[];
  formats: ReadonlyArray<string | undefined>;
  date1904: boolean;
}

/**
 * What a cell style's number format means for a cell's value, worked out once per style rather than once per cell:
 * the format, whether numbers in it are dates, and the decimals a percentage shows (-1: no percentage).
 */
export interface StyleInfo {
  format: string | undefined;
  date: boolean;
  percentDecimals: number;
}

export function styleInfo(format: string | undefined): StyleInfo {
  return {
    format,
    date: isDateFormat(format),
    percentDecimals: format && format.includes("%") ? (/\.(0+)%/.exec(format)?.[1]?.length ?? 0) : -1,
  };
}

const NO_STYLE: StyleInfo = styleInfo(undefined);

/**
 * The core's cell for a value in a style: rawCellOf (read.ts, the ExcelJS path) with the style's format worked out
 * beforehand; test/xlsx/fast-read-scan.test.ts pins the two to the same cells.
 */
export function styledCell(value: CellValue, style: StyleInfo): RawCell | undefined {
  if (value === null || value === "") return undefined;
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number")
    text = style.percentDecimals >= 0 ? `${(value * 100).toFixed(style.percentDecimals)}%` : String(value);
  else text = displayText(value);
  const raw: RawCell = { value, text };
  if (style.format) raw.numberFormat = style.format;
  return raw;
}

/**
 * A cell's value by the rules of ExcelJS's cell reader, so that both readers give the engine the same values: a
 * formula gives its cached result; text results are decoded once more (ExcelJS does); numbers in a date format
 * become dates; Excel also takes an inline string's text from a <v> (some writers put it there).
 */
function cellValue(
  type: string | undefined,
  formula: boolean,
  v: string | undefined,
  inline: string | undefined,
  style: StyleInfo,
  ctx: SheetContext,
): CellValue {
  if (formula) {
    if (!v) return null;
    if (type === "str") return decode(decode(v));
    if (type === "b") return parseInt(v, 10) !== 0;
    if (type === "e") return decode(v);
  } else {
    if (type === "inlineStr") return inline ?? (v === undefined ? null : decode(v));
    if (v === undefined) return null;
    if (type === "s") {
      const s = ctx.shared[indexOf(v)];
      if (s === undefined) throw new Unsupported(`shared string ${v} missing`);
      return s;
    }
    if (type === "str") return decode(decode(v));
    if (type === "b") return parseInt(v, 10) !== 0;
    if (type === "e") return decode(v);
  }
  const n = parseFloat(decode(v as string));
  return style.date ? serialToDate(n, ctx.date1904) : n;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A number written as JavaScript would write it (String(n) gives the same text back) in at most 15 digits: -12,
 * 0.32, 6.5; NaN for anything else (exponents, leading or trailing zeros, more digits, entities), which
 * parseFloat and String then read. Read by character: the digits make an integer below 2^53 and the power of ten
 * is exact, so the one rounding of the division is parseFloat's; and a decimal of at most 15 significant digits is
 * the shortest that gives its double back, which is what String writes (plainly, from 1e-6 up).
 */
export function plainNumber(text: string): number {
  const n = text.length;
  let i = 0;
  const negative = text.charCodeAt(0) === 0x2d; /* - */
  if (negative) i++;
  const intStart = i;
  let m = 0;
  while (i < n) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) break;
    m = m * 10 + c;
    i++;
  }
  const intDigits = i - intStart;
  // No integer part, or a leading zero (other than the one of 0.5).
  if (intDigits === 0 || (intDigits > 1 && text.charCodeAt(intStart) === 0x30)) return NaN;
  let fraction = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 0x2e /* . */) return NaN;
    i++;
    const fracStart = i;
    while (i < n) {
      const c = text.charCodeAt(i) - 0x30;
      if (c < 0 || c > 9) return NaN;
      m = m * 10 + c;
      i++;
    }
    fraction = i - fracStart;
    // Digits after the point, the last of them not 0; String writes 1e-7 and below with an exponent.
    if (fraction === 0 || text.charCodeAt(n - 1) === 0x30) return NaN;
    if (m === 0 || (m < 10 ** (fraction - 6) && intDigits === 1 && text.charCodeAt(intStart) === 0x30))
      return NaN;
  }
  if (intDigits + fraction > 15) return NaN;
  // -0 is written "0" by String.
  if (negative && m === 0) return NaN;
  const value = fraction === 0 ? m : m / (POWERS_OF_TEN[fraction] as number);
  return negative ? -value : value;
}

/** parseInt(text, 10) for a shared string's index, read by character when it is plain digits. */
function indexOf(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return parseInt(text, 10);
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return parseInt(text, 10);
    value = value * 10 + c;
  }
  return value;
}

/** Plain digits in codes[start, end) as a number (at most `most` of them); -1 when they are anything else. */
function digitsAt(codes: Uint8Array, start: number, end: number, most: number): number {
  if (end <= start || end - start > most) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = (codes[i] as number) - 0x30;
    if (!(c >= 0 && c <= 9)) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** A cell's t attribute at [start, end): the known types without cutting a string, anything else decoded. */
function cellTypeAt(codes: Uint8Array, xml: string, start: number, end: number): string {
  const n = end - start;
  const first = codes[start];
  if (n === 1) {
    if (first === 0x73) return "s";
    if (first === 0x6e) return "n";
    if (first === 0x62) return "b";
    if (first === 0x65) return "e";
  } else if (n === 3 && xml.startsWith("str", start)) return "str";
  else if (n === 9 && xml.startsWith("inlineStr", start)) return "inlineStr";
  return decode(xml.slice(start, end));
}

/**
 * The bounds of the r, s and t values found by scanCellAttributes: [start, end) for each, start -1 when absent.
 * One scratch array for every cell of every sheet (the reader is synchronous).
 */
const CELL_ATTRS = new Int32Array(6);

/**
 * scanAttributes' reading of a cell's attribute list, over the document in place: the first r, s and t (their raw
 * values' bounds in CELL_ATTRS). False when the text is no clean attribute list (cellAttributes then reads it).
 * With `onlyR`, stops at the first r, as attr(attrs, "r") does.
 */
function scanCellAttributes(xml: string, from: number, to: number, onlyR: boolean): boolean {
  const found = CELL_ATTRS;
  found[0] = found[2] = found[4] = -1;
  let i = from;
  for (;;) {
    while (i < to && isXmlSpace(xml.charCodeAt(i))) i++;
    if (i >= to) return true;
    const start = i;
    while (i < to) {
      const c = xml.charCodeAt(i);
      if (c === 0x3d /* = */ || isXmlSpace(c)) break;
      i++;
    }
    const nameEnd = i;
    while (i < to && isXmlSpace(xml.charCodeAt(i))) i++;
    if (i >= to || xml.charCodeAt(i) !== 0x3d) return false;
    i++;
    while (i < to && isXmlSpace(xml.charCodeAt(i))) i++;
    if (i >= to) return false;
    const quote = xml.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return false;
    // Values are a few characters: looked through here rather than by a call to indexOf.
    let close = i + 1;
    while (close < to && xml.charCodeAt(close) !== quote) close++;
    if (close >= to) return false;
    if (nameEnd - start === 1) {
      const key = xml.charCodeAt(start);
      const slot = key === 0x72 ? 0 : key === 0x73 ? 2 : key === 0x74 ? 4 : -1;
      if (slot >= 0 && (found[slot] as number) < 0) {
        found[slot] = i + 1;
        found[slot + 1] = close;
        if (onlyR && slot === 0) return true;
      }
    }
    i = close + 1;
  }
}

/**
 * What usualCellAttributes read: the reference (row * A1_COLS + col), the style (-1: none) and the type; and, when
 * it read to the tag's end, where that is (one past its >) and whether the tag is empty (<c …/>).
 */
const USUAL: { at: number; style: number; type: string | undefined; end: number; empty: boolean } = {
  at: -1,
  style: -1,
  type: undefined,
  end: -1,
  empty: false,
};

/**
 * The attribute list nearly every writer gives a cell, read in one pass: r="A1" first, then s="digits" and t="…"
 * at most once each, in either order, one space before each, double quotes, nothing else (not even a space before
 * the >). False for anything else, which scanCellAttributes reads; what this reads is what it would. The list ends
 * at `to`, or, when `to` is -1, at the tag's > or />, found here (USUAL.end and USUAL.empty say where and which):
 * none of the values read holds a < or >, so that is the > the tokenizer would find. It looks at `codes`, the text's
 * characters as bytes (asciiCodes); a type it does not know is decoded from the text itself.
 */
function usualCellAttributes(codes: Uint8Array, xml: string, from: number, to: number): boolean {
  if (
    codes[from] !== 0x20 ||
    codes[from + 1] !== 0x72 /* r */ ||
    codes[from + 2] !== 0x3d /* = */ ||
    codes[from + 3] !== 0x22 /* " */
  )
    return false;
  const limit = to < 0 ? codes.length : to;
  let i = from + 4;
  let col = 0;
  const lettersFrom = i;
  while (i < limit) {
    const c = codes[i] as number;
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 64);
    i++;
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return false;
  let row = 0;
  const digitsFrom = i;
  while (i < limit) {
    const c = (codes[i] as number) - 0x30;
    if (!(c >= 0 && c <= 9)) break;
    row = row * 10 + c;
    i++;
  }
  const digits = i - digitsFrom;
  if (digits < 1 || digits > 7 || row < 1 || i >= limit || codes[i] !== 0x22) return false;
  i++;
  let style = -1;
  let type: string | undefined;
  for (;;) {
    if (to < 0) {
      const c = codes[i];
      if (c === 0x3e /* > */ || (c === 0x2f /* / */ && codes[i + 1] === 0x3e)) {
        USUAL.empty = c === 0x2f;
        USUAL.end = c === 0x2f ? i + 2 : i + 1;
        break;
      }
    } else if (i >= to) break;
    if (limit - i < 5 || codes[i] !== 0x20 || codes[i + 2] !== 0x3d || codes[i + 3] !== 0x22) return false;
    const key = codes[i + 1];
    const start = i + 4;
    let end = start;
    for (; end < limit; end++) {
      const c = codes[end];
      if (c === 0x22) break;
      if (c === 0x3c || c === 0x3e) return false;
    }
    if (end >= limit) return false;
    if (key === 0x73 /* s */ && style < 0) {
      style = digitsAt(codes, start, end, 9);
      if (style < 0) return false;
    } else if (key === 0x74 /* t */ && type === undefined) type = cellTypeAt(codes, xml, start, end);
    else return false;
    i = end + 1;
  }
  USUAL.at = (row - 1) * A1_COLS + (col - 1);
  USUAL.style = style;
  USUAL.type = type;
  return true;
}

/**
 * A cell's start tag at `lt` in the usual form (usualCellAttributes) holding a number or a shared string (no t, or
 * t="n" or "s"), its results in USUAL; false for anything else.
 */
function usualCellTag(codes: Uint8Array, xml: string, lt: number): boolean {
  if (codes[lt] !== 0x3c || codes[lt + 1] !== 0x63 /* c */) return false;
  if (!usualCellAttributes(codes, xml, lt + 2, -1)) return false;
  const type = USUAL.type;
  return type === undefined || type === "s" || type === "n";
}

/** "</v></c>" at `at`: the end of a cell that holds a value and nothing else. */
function valueAndCellEndAt(codes: Uint8Array, at: number): boolean {
  return (
    codes[at] === 0x3c &&
    codes[at + 1] === 0x2f &&
    codes[at + 2] === 0x76 &&
    codes[at + 3] === 0x3e &&
    codes[at + 4] === 0x3c &&
    codes[at + 5] === 0x2f &&
    codes[at + 6] === 0x63 &&
    codes[at + 7] === 0x3e
  );
}

// The element names a worksheet's reader acts on, told apart by length and characters rather than by string.
const T_OTHER = 0;
const T_ROW = 1;
const T_C = 2;
const T_F = 3;
const T_V = 4;
const T_IS = 5;
const T_RPH = 6;
const T_R = 7;
const T_T = 8;
const T_MERGE = 9;
const T_VALIDATION = 10;

function sheetTag(xml: string, start: number, end: number): number {
  switch (end - start) {
    case 1:
      switch (xml.charCodeAt(start)) {
        case 0x63:
          return T_C;
        case 0x76:
          return T_V;
        case 0x66:
          return T_F;
        case 0x72:
          return T_R;
        case 0x74:
          return T_T;
      }
      return T_OTHER;
    case 2:
      return xml.startsWith("is", start) ? T_IS : T_OTHER;
    case 3:
      return xml.startsWith("row", start) ? T_ROW : xml.startsWith("rPh", start) ? T_RPH : T_OTHER;
    case 9:
      return xml.startsWith("mergeCell", start) ? T_MERGE : T_OTHER;
    case 14:
      return xml.startsWith("dataValidation", start) ? T_VALIDATION : T_OTHER;
  }
  return T_OTHER;
}

/** Cells kept to be given again, by style (its index + 1) and then by a key. */
type CellsByStyle = Array<Array<RawCell | undefined> | undefined>;

// Which element's text is being gathered.
const IN_NONE = 0;
const IN_F = 1;
const IN_V = 2;
const IN_IS = 3;

/** An A1 reference as row * A1_COLS + col; -1 when it is no cell address. */
function refAt(ref: string): number {
  const at = parseA1(ref);
  return at ? at.row * A1_COLS + at.col : -1;
}

/** A merged range, clipped to the sheet's grid; undefined when malformed or wholly beyond the grid. */
function parseRange(ref: string): MergeArea | undefined {
  const [a, b = a] = ref.split(":");
  const from = parseA1(a ?? "");
  const to = parseA1(b ?? "");
  if (!from || !to) return undefined;
  const top = Math.min(from.row, to.row);
  const left = Math.min(from.col, to.col);
  if (top >= MAX_ROWS || left >= MAX_COLS) return undefined;
  return {
    top,
    left,
    bottom: Math.min(Math.max(from.row, to.row), MAX_ROWS - 1),
    right: Math.min(Math.max(from.col, to.col), MAX_COLS - 1),
  };
}

/**
 * A worksheet's cells, merges and counts, in one pass of the tokenizer over its text. The cell being read is kept
 * in plain variables (no object per cell), its attributes are read where they are in the document, and text is cut
 * out only where a value is (issue 15).
 */
function readSheet(
  xml: string,
  /** The text's characters as bytes at the same offsets (asciiCodes): what the cell reading looks at. */
  codes: Uint8Array,
  ctx: SheetContext,
  /** Given when the sheet's bytes were not counted as they were inflated: the scan counts what TagCounter would. */
  recount?: () => Counts | undefined,
): { grid: Grid; stats: SheetStats } | Counts {
  const styles = ctx.formats.map(styleInfo);
  // TagCounter's counts, tag by tag: exact while every < of the text is a tag the tokenizer gives (not irregular).
  let counted = 0;
  let countedRows = 0;
  let recounted = false;
  let validatedCells = 0;
  const rows: (RawCell | undefined)[][] = [];
  const merges: MergeArea[] = [];
  let rowCount = 0;
  let cellCount = 0;
  let row = -1;
  let col = -1;
  // The open cell (none when inCell is false): where it is, its type and style, what it holds so far.
  let inCell = false;
  let cellRow = -1;
  let cellCol = -1;
  let cellType: string | undefined;
  let cellStyle = -1;
  let cellFormula = false;
  let cellV: string | undefined;
  let cellInline: string | undefined;
  let inside = IN_NONE;
  let inT = false;
  let inRun = false;
  let phonetic = 0;
  let text = "";
  const finish = (
    r: number,
    c: number,
    type: string | undefined,
    style: number,
    formula: boolean,
    v: string | undefined,
    inline: string | undefined,
  ) => {
    if (cellCount > SHEET_LIMITS.cells || rowCount > SHEET_LIMITS.rows) return;
    // A cell beyond the last row or column of a sheet cannot be shown by Excel, which drops it on opening.
    if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) return;
    const info = style >= 0 ? (styles[style] ?? NO_STYLE) : NO_STYLE;
    // Most cells of a list: a plain number in no date or percentage format, whose text is its <v> as written.
    if (
      !formula &&
      v !== undefined &&
      (type === undefined || type === "n") &&
      !info.date &&
      info.percentDecimals < 0
    ) {
      const n = plainNumber(v);
      if (n === n) {
        const raw: RawCell = { value: n, text: v };
        if (info.format) raw.numberFormat = info.format;
        (rows[r] ??= [])[c] = raw;
        return;
      }
    }
    const value = cellValue(type, formula, v, inline, info, ctx);
    // A formula without a cached result: the engine is told its value is unknown (not that the cell is empty).
    // (ExcelJS gives no result for an empty <v> whatever the cell's type, and neither does this reader.)
    const raw = formula && value === null ? uncalculatedCell(info.format) : styledCell(value, info);
    if (raw) (rows[r] ??= [])[c] = raw;
    // ExcelJS counts a row as there when any cell of it is more than a styled blank (an empty string, a formula
    // without a result, a bare <c/>); such rows set how far the grid reaches, so they are kept here as well.
    else if (value !== null || formula || style <= 0) rows[r] ??= [];
  };
  // Cells made once for all the cells that show the same thing in the same style (cells are never changed once
  // read): a shared string's by its index, a small whole number's by its value. Lists repeat both a great deal.
  const sharedCells: CellsByStyle = [];
  const wholeNumbers: CellsByStyle = [];
  const cellOnce = (made: CellsByStyle, key: number, style: number, value: string | number): RawCell => {
    const byKey = (made[style + 1] ??= []);
    let raw = byKey[key];
    if (!raw) {
      raw = styledCell(value, style >= 0 ? (styles[style] ?? NO_STYLE) : NO_STYLE) as RawCell;
      byKey[key] = raw;
    }
    return raw;
  };
  // The row the last cell read in one look went to, and its cells.
  let cellsRow = -1;
  let cells: (RawCell | undefined)[] = [];
  const tags = new XmlTags(xml);
  let whole: string | undefined;
  while (tags.next()) {
    // (An end tag is never counted.)
    if (recount && tags.kind !== CLOSE) {
      const tag = countedTagAt(xml, tags.start);
      if (tag === COUNTED_CELL) counted++;
      else if (tag === COUNTED_ROW) countedRows++;
      if (
        (countedRows > SHEET_LIMITS.rows || counted > SHEET_LIMITS.cells) &&
        !recounted &&
        !tags.irregular
      ) {
        // Over the limits by TagCounter's count: it would have stopped the sheet here (and says where).
        recounted = true;
        const over = recount();
        if (over) return over;
      }
    }
    const kind = tags.kind;
    if (inCell && inside !== IN_NONE && tags.hasText()) {
      if (inside === IN_V || inside === IN_F) text += tags.text();
      else if (inT && phonetic === 0) text += tags.text();
    }
    switch (sheetTag(xml, tags.nameStart, tags.nameEnd)) {
      case T_ROW: {
        if (kind === CLOSE) break;
        rowCount++;
        let r: number;
        if (!scanCellAttributes(xml, tags.attrsStart, tags.attrsEnd, true)) {
          const given = attr(tags.attrs(), "r");
          r = given === undefined ? row + 2 : Number(given);
        } else if ((CELL_ATTRS[0] as number) < 0) r = row + 2;
        else {
          const start = CELL_ATTRS[0] as number;
          const end = CELL_ATTRS[1] as number;
          r = digitsAt(codes, start, end, 15);
          if (r < 0) r = Number(decode(xml.slice(start, end)));
        }
        row = r - 1;
        if (!Number.isFinite(row)) row = -1;
        col = -1;
        break;
      }
      case T_C: {
        if (kind === CLOSE) {
          if (inCell) finish(cellRow, cellCol, cellType, cellStyle, cellFormula, cellV, cellInline);
          inCell = false;
          break;
        }
        cellCount++;
        let at = -1;
        let positional = false;
        let type: string | undefined;
        let style = -1;
        if (usualCellAttributes(codes, xml, tags.attrsStart, tags.attrsEnd)) {
          at = USUAL.at;
          style = USUAL.style;
          type = USUAL.type;
        } else if (scanCellAttributes(xml, tags.attrsStart, tags.attrsEnd, false)) {
          const found = CELL_ATTRS;
          const rStart = found[0] as number;
          const rEnd = found[1] as number;
          const sStart = found[2] as number;
          const tStart = found[4] as number;
          if (rStart < 0 || rEnd === rStart) positional = true;
          else {
            at = parseA1At(xml, rStart, rEnd);
            if (at === A1_OTHER) at = refAt(decode(xml.slice(rStart, rEnd)));
          }
          if (sStart >= 0) {
            const sEnd = found[3] as number;
            style = digitsAt(codes, sStart, sEnd, 9);
            if (style < 0) style = parseInt(decode(xml.slice(sStart, sEnd)), 10);
          }
          if (tStart >= 0) type = cellTypeAt(codes, xml, tStart, found[5] as number);
        } else {
          const { r, s, t } = cellAttributes(tags.attrs());
          if (!r) positional = true;
          else at = refAt(r);
          if (s !== undefined) style = parseInt(s, 10);
          type = t;
        }
        // A reference that is no cell address (ZZZZ1, A99999999) is beyond the grid: the cell is dropped.
        const r = positional ? row : at < 0 ? -1 : Math.floor(at / A1_COLS);
        const c = positional ? col + 1 : at < 0 ? -1 : at % A1_COLS;
        col = c;
        if (kind === EMPTY) finish(r, c, type, style, false, undefined, undefined);
        else if ((whole = tags.valueToEnd()) !== undefined) {
          // <c …><v>12</v></c> read at once, with what reading its three tags would do.
          text = whole;
          inside = IN_NONE;
          finish(r, c, type, style, false, whole, undefined);
          inCell = false;
        } else {
          inCell = true;
          cellRow = r;
          cellCol = c;
          cellType = type;
          cellStyle = style;
          cellFormula = false;
          cellV = undefined;
          cellInline = undefined;
        }
        break;
      }
      case T_F:
        if (!inCell) break;
        // A formula is any text in <f>, or a shared/array formula's t attribute (its text lives on another cell).
        if (kind !== CLOSE && attr(tags.attrs(), "t") !== undefined) cellFormula = true;
        if (kind === OPEN) {
          inside = IN_F;
          text = "";
        } else if (kind === CLOSE && inside === IN_F) {
          if (text !== "") cellFormula = true;
          inside = IN_NONE;
        }
        break;
      case T_V:
        if (!inCell) break;
        if (kind === OPEN) {
          // <v>12</v>: the end tag read at once, with what reading it would do (the text is all the value).
          const direct = tags.textToEnd();
          if (direct !== undefined) {
            text = direct;
            cellV = cellV === undefined ? direct : cellV + direct;
            inside = IN_NONE;
          } else {
            inside = IN_V;
            text = "";
          }
        } else if (kind === CLOSE && inside === IN_V) {
          cellV = cellV === undefined ? text : cellV + text;
          inside = IN_NONE;
        } else if (kind === EMPTY) cellV ??= "";
        break;
      case T_IS:
        if (!inCell) break;
        if (kind === OPEN) {
          inside = IN_IS;
          text = "";
        } else if (kind === CLOSE) inside = IN_NONE;
        break;
      case T_RPH:
        if (kind === OPEN) phonetic++;
        else if (kind === CLOSE) phonetic--;
        break;
      case T_R:
        if (inCell && inside === IN_IS) inRun = kind === OPEN;
        break;
      case T_T:
        if (!inCell || inside !== IN_IS || phonetic > 0) break;
        if (kind === OPEN) inT = true;
        else if (kind === CLOSE) {
          inT = false;
          // ExcelJS decodes _xHHHH_ in rich text runs only, not in a plain inline <t>.
          cellInline = (cellInline ?? "") + (inRun ? unescapeChars(decode(text)) : decode(text));
          text = "";
        }
        break;
      case T_MERGE: {
        const range = parseRange(attr(tags.attrs(), "ref") ?? "");
        if (range) merges.push(range);
        break;
      }
      case T_VALIDATION:
        if (kind === CLOSE) break;
        for (const ref of (attr(tags.attrs(), "sqref") ?? "").split(/\s+/)) {
          const full = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(ref);
          const range = full ? parseRange(`${full[1]}1:${full[2]}${MAX_ROWS}`) : parseRange(ref);
          if (range) validatedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
        }
        break;
    }
    if (inCell || inside !== IN_NONE) continue;
    // The cells that follow in the usual shape (<c r="B3" s="1" t="s"><v>12</v></c>, nearly every cell of a list)
    // are read here, each in one look rather than three tags of the tokenizer, a shared string's index without a
    // string cut out for it; the counts, limits and cells are what the tag-by-tag reading above would give.
    let at = tags.position;
    while (usualCellTag(codes, xml, at)) {
      const empty = USUAL.empty;
      const valueStart = USUAL.end + 3;
      let valueEnd = -1;
      if (!empty) {
        if (
          codes[USUAL.end] !== 0x3c ||
          codes[USUAL.end + 1] !== 0x76 /* v */ ||
          codes[USUAL.end + 2] !== 0x3e
        )
          break;
        // Values are a few characters: looked through here rather than by a call to indexOf.
        valueEnd = valueStart;
        while (valueEnd < codes.length && codes[valueEnd] !== 0x3c) valueEnd++;
        if (valueEnd >= codes.length || !valueAndCellEndAt(codes, valueEnd)) break;
      }
      cellCount++;
      // The tokenizer loop's count and look at the limits, written out again: shared through a closure, the counters
      // it captured made the whole read about 20% slower.
      if (recount) {
        counted++;
        if (
          (countedRows > SHEET_LIMITS.rows || counted > SHEET_LIMITS.cells) &&
          !recounted &&
          !tags.irregular
        ) {
          recounted = true;
          const over = recount();
          if (over) return over;
        }
      }
      const r = Math.floor(USUAL.at / A1_COLS);
      const c = USUAL.at % A1_COLS;
      const type = USUAL.type;
      const style = USUAL.style;
      col = c;
      at = empty ? USUAL.end : valueEnd + 8;
      if (empty) {
        finish(r, c, type, style, false, undefined, undefined);
        continue;
      }
      let raw: RawCell | undefined;
      let v: string | undefined;
      if (cellCount > SHEET_LIMITS.cells || rowCount > SHEET_LIMITS.rows || r >= MAX_ROWS || c >= MAX_COLS) {
        // Dropped, as finish drops it.
      } else if (type === "s") {
        const index = digitsAt(codes, valueStart, valueEnd, 9);
        const value = index >= 0 ? ctx.shared[index] : undefined;
        if (value !== undefined && value !== "") raw = cellOnce(sharedCells, index, style, value);
      } else {
        const info = style >= 0 ? (styles[style] ?? NO_STYLE) : NO_STYLE;
        if (!info.date && info.percentDecimals < 0) {
          // Up to five digits, no leading zero: the text is String(value), as styledCell writes it.
          const digits = valueEnd - valueStart;
          const small = digits <= 5 ? digitsAt(codes, valueStart, valueEnd, 5) : -1;
          if (small >= 0 && (digits === 1 || codes[valueStart] !== 0x30))
            raw = cellOnce(wholeNumbers, small, style, small);
          else {
            v = xml.slice(valueStart, valueEnd);
            const n = plainNumber(v);
            if (n === n)
              raw = info.format ? { value: n, text: v, numberFormat: info.format } : { value: n, text: v };
          }
        }
      }
      if (raw) {
        if (r !== cellsRow) {
          cellsRow = r;
          cells = rows[r] ??= [];
        }
        cells[c] = raw;
      } else finish(r, c, type, style, false, v ?? xml.slice(valueStart, valueEnd), undefined);
    }
    if (at !== tags.position) tags.resumeAt(at);
  }
  // A < the tokenizer did not give as a tag (in a comment, say) may be one TagCounter counts: it is asked.
  if (recount && tags.irregular && !recounted) {
    const over = recount();
    if (over) return over;
  }
  if (rowCount > SHEET_LIMITS.rows || cellCount > SHEET_LIMITS.cells)
    return { rows: rowCount, cells: cellCount };
  // Only the top-left cell of a merged area keeps its value, as in Excel (and ExcelJS). The loops stop at the
  // cells present, so a merge over whole columns costs no more than the rows that exist.
  for (const m of merges) {
    const lastRow = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= lastRow; r++) {
      const cells = rows[r];
      if (!cells) continue;
      const lastCol = Math.min(m.right, cells.length - 1);
      for (let c = m.left; c <= lastCol; c++)
        if ((r !== m.top || c !== m.left) && cells[c]) cells[c] = undefined;
    }
  }
  return { grid: makeGrid(ctx.name, rows, merges), stats: statsOf(rows, merges, validatedCells) };
}

const COUNTED_CELL = 1;
const COUNTED_ROW = 2;

/** What TagCounter counts for the < at `lt` of a sheet's text (its count() on characters instead of bytes). */
function countedTagAt(xml: string, lt: number): number {
  let n = lt + 1;
  let b = xml.charCodeAt(n);
  if (b === 0x2f || b === 0x21 || b === 0x3f || b !== b) return 0;
  if (b === 0x76 /* v */ && xml.charCodeAt(n + 1) === 0x3e) return 0;
  let p = n;
  const length = xml.length;
  while (p < length && p - n < 16 && isNameByte(xml.charCodeAt(p))) p++;
  if (xml.charCodeAt(p) === 0x3a) {
    n = p + 1;
    b = xml.charCodeAt(n);
  }
  if (b === 0x63 && isNameEnd(xml.charCodeAt(n + 1))) return COUNTED_CELL;
  if (
    b === 0x72 &&
    xml.charCodeAt(n + 1) === 0x6f &&
    xml.charCodeAt(n + 2) === 0x77 &&
    isNameEnd(xml.charCodeAt(n + 3))
  )
    return COUNTED_ROW;
  return 0;
}

/** A byte that ends a tag's name: whitespace, > or /. */
function isNameEnd(b: number | undefined): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x0a || b === 0x09 || b === 0x0d;
}
/** Bytes at the end of a chunk whose tags wait for the next one: more than the longest tag start counted. */
const CARRY = 24;
/** Bytes counted between looks at the limits. */
const COUNT_WINDOW = 64 * 1024;

/**
 * Counts <row> and <c> start tags (with or without a namespace prefix) in a sheet's bytes as they are inflated, so
 * that a sheet over the limits is refused as soon as it passes them, before the rest of it is ever produced.
 */
export class TagCounter {
  rows = 0;
  cells = 0;
  private carry = new Uint8Array(0);

  /**
   * Count a chunk; tags that start in its last few bytes wait for the next chunk, so a tag split across two is
   * counted once. Only those few bytes are ever copied: the chunks themselves are scanned where they are.
   */
  push(chunk: Uint8Array, final: boolean): void {
    if (this.carry.length > 0) {
      // The tags that start in the carried bytes, read with the start of this chunk after them.
      const head = new Uint8Array(this.carry.length + Math.min(chunk.length, CARRY));
      head.set(this.carry);
      head.set(chunk.subarray(0, head.length - this.carry.length), this.carry.length);
      if (chunk.length < CARRY && !final) {
        // Too short to hold a whole tag start of its own: carried on as a whole.
        this.carry = head;
        return;
      }
      this.count(head, 0, this.carry.length);
      this.carry = new Uint8Array(0);
    }
    const limit = final ? chunk.length : chunk.length - CARRY;
    // In windows, stopping after the one where a limit is passed: the counts then say "more than" by about as
    // much whatever the size of the chunks the inflater hands over (a megabyte from zlib, less from fflate).
    for (let from = 0; from < limit; from += COUNT_WINDOW) {
      this.count(chunk, from, Math.min(limit, from + COUNT_WINDOW));
      if (this.over()) {
        // Refused: nothing more is counted (a last push must not count the carried bytes twice).
        this.carry = new Uint8Array(0);
        return;
      }
    }
    this.carry = final ? new Uint8Array(0) : chunk.slice(limit);
  }

  /**
   * Counts the tags of `buf` that start from `from` to before `limit` (bytes after it may be read to tell a tag's name). A plain
   * loop over the bytes: a sheet has a tag every few bytes, and one native search per tag costs more than this.
   */
  private count(buf: Uint8Array, from: number, limit: number): void {
    for (let i = from; i < limit; i++) {
      if (buf[i] !== 0x3c) continue;
      let n = i + 1;
      let b = buf[n];
      // Closing tags, comments, declarations: nothing to count. (Most tags of a sheet are <c>, <v> and their ends.)
      if (b === 0x2f || b === 0x21 || b === 0x3f || b === undefined) continue;
      if (b === 0x76 /* v */ && buf[n + 1] === 0x3e) continue;
      // Skip a prefix (x:row): letters, digits, - _ . up to a colon.
      let p = n;
      while (p < buf.length && p - n < 16 && isNameByte(buf[p] as number)) p++;
      if (buf[p] === 0x3a) {
        n = p + 1;
        b = buf[n];
      }
      if (b === 0x63 && isNameEnd(buf[n + 1])) this.cells++;
      else if (b === 0x72 && buf[n + 1] === 0x6f && buf[n + 2] === 0x77 && isNameEnd(buf[n + 3])) this.rows++;
    }
  }

  over(): boolean {
    return this.rows > SHEET_LIMITS.rows || this.cells > SHEET_LIMITS.cells;
  }
}

function isNameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x2d ||
    b === 0x5f ||
    b === 0x2e
  );
}

/**
 * Sheet text up to this size is not counted byte by byte as it is inflated: the reader's scan of it counts the
 * same tags on its way (see readSheet), a pass over the bytes less (issue 15). Beyond it, the bytes are counted as
 * they come, as always, so a bomb of rows is stopped there at the latest.
 */
const COUNTED_BY_SCAN_BYTES = 64 * 1024 * 1024;

type Counts = { rows: number; cells: number };

/** A worksheet's text; `recount` when its tags were not counted as it was inflated (the scan counts them). */
interface SheetText {
  text: string;
  /** asciiCodes of the text. */
  codes: Uint8Array;
  /**
   * The counts TagCounter would have stopped at over the same chunks (undefined: within the limits), for the scan
   * to ask when it cannot tell by itself.
   */
  recount?: () => Counts | undefined;
}

/**
 * The characters of a part's text as bytes at the same offsets, for the cell reading to look at (a byte is read
 * faster than a character of a string, issue 15): ASCII characters as themselves, any other as 0x80, which equals
 * nothing the reading looks for, as the character itself would not. The inflated bytes themselves when they are that
 * already: as many as the characters means each character came from one byte (plain ASCII, or a stray byte decoded
 * as U+FFFD).
 */
function asciiCodes(text: string, bytes: Uint8Array): Uint8Array {
  if (bytes.length === text.length) return bytes;
  const codes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c < 0x80 ? c : 0x80;
  }
  return codes;
}

/** TagCounter over the chunks as they were inflated: where it would have stopped, or undefined. */
function countChunks(chunks: readonly Uint8Array[], final: boolean): Counts | undefined {
  const counter = new TagCounter();
  for (const chunk of chunks) {
    counter.push(chunk, false);
    if (counter.over()) return { rows: counter.rows, cells: counter.cells };
  }
  if (final) counter.push(new Uint8Array(0), true);
  return counter.over() ? { rows: counter.rows, cells: counter.cells } : undefined;
}

/**
 * A worksheet part's text; the counts instead when the sheet passes the limits (the counts are then those at the
 * moment inflation stopped, or would have stopped had every chunk been counted as it came).
 */
function sheetText(pkg: WorkbookPackage, part: string): SheetText | Counts {
  let counter: TagCounter | undefined;
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    pkg.stream(
      part,
      (chunk) => {
        if (!counter && length + chunk.length > COUNTED_BY_SCAN_BYTES) {
          // Too big for the scan to count: every chunk so far is counted now, and the rest as they come.
          counter = new TagCounter();
          for (const earlier of chunks) {
            counter.push(earlier, false);
            if (counter.over()) return false;
          }
        }
        if (counter) {
          counter.push(chunk, false);
          if (counter.over()) return false;
        }
        chunks.push(chunk);
        length += chunk.length;
        return true;
      },
      undefined,
      // Stops as soon as the sheet passes the limits, so that a bomb of rows is told as too many rows.
      true,
    );
  } catch (error) {
    // Past a cap before any count: had the chunks been counted, a sheet over the limits would have stopped first.
    if (!counter && error instanceof OverLimitError) {
      const over = countChunks(chunks, false);
      if (over) return over;
    }
    throw error;
  }
  if (counter) {
    counter.push(new Uint8Array(0), true);
    if (counter.over()) return { rows: counter.rows, cells: counter.cells };
    const joined = concatChunks(chunks, length);
    const text = utf8Text(joined);
    return { text, codes: asciiCodes(text, joined) };
  }
  const bytes = concatChunks(chunks, length);
  // A UTF-16 part's characters are not its bytes: the scan cannot count what TagCounter counts there.
  if (utf16Endian(bytes)) {
    const over = countChunks(chunks, true);
    if (over) return over;
    const text = utf8Text(bytes);
    return { text, codes: asciiCodes(text, bytes) };
  }
  // The chunks' bounds only (views of the joined bytes give TagCounter the same chunks): the inflater's own
  // buffers are not kept while the sheet is read.
  const ends: number[] = [];
  let end = 0;
  for (const chunk of chunks) ends.push((end += chunk.length));
  chunks.length = 0;
  const text = utf8Text(bytes);
  return {
    text,
    codes: asciiCodes(text, bytes),
    recount: () =>
      countChunks(
        ends.map((e, i) => bytes.subarray(i === 0 ? 0 : ends[i - 1], e)),
        true,
      ),
  };
}

const RELATIONSHIP_NAMESPACES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of a part, by id, with targets resolved to part names; external targets left out. */
function relationshipsOf(pkg: WorkbookPackage, part: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const xml = pkg.text(relsPathOf(part));
  if (xml === undefined) return out;
  walkTags(xml, (name, attrs, kind) => {
    if (name !== "Relationship" || kind === "close") return;
    const id = attr(attrs, "Id");
    const target = attr(attrs, "Target");
    if (id && target && attr(attrs, "TargetMode") !== "External")
      out.set(id, { type: attr(attrs, "Type") ?? "", target: resolvePartPath(part, target) });
  });
  return out;
}

const typeIs = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

/** The workbook part: the package's officeDocument relationship (_rels/.rels), as Excel finds it. */
export function workbookPartOf(pkg: WorkbookPackage): string | undefined {
  for (const rel of relationshipsOf(pkg, "").values())
    if (typeIs(rel, "officeDocument") && pkg.has(rel.target)) return pkg.entry(rel.target)?.name;
  return pkg.has("xl/workbook.xml") ? pkg.entry("xl/workbook.xml")?.name : undefined;
}

/** The prefixes a tag's xmlns declarations bind to the relationships namespace (r, rel, ns1 …). */
function relationshipPrefixes(attrs: string): string[] {
  const out: string[] = [];
  for (const m of attrs.matchAll(/xmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (RELATIONSHIP_NAMESPACES.includes(m[2] ?? m[3] ?? "")) out.push(m[1] as string);
  return out;
}

/**
 * Every sheet of an opened package as grids (very hidden ones included, so the caller can read the product's store),
 * or the sheet that is over the limits. Parts are found as Excel finds them: the workbook through _rels/.rels, its
 * sheets, shared strings and styles through the workbook's relationships. Throws OverLimitError and
 * DamagedPartError from the package.
 */
export function readWorkbookPackage(pkg: WorkbookPackage): FastRead {
  const workbookPart = workbookPartOf(pkg);
  if (workbookPart === undefined) return { ok: false, unsupported: "no workbook part" };
  if (/\.bin$/i.test(workbookPart)) return { ok: false, binary: true };
  try {
    const rels = relationshipsOf(pkg, workbookPart);
    const workbook = pkg.text(workbookPart) ?? "";
    let date1904: boolean | undefined;
    let prefixes: string[] = ["r"];
    let depth = 0;
    let inExtension = 0;
    const declared: Array<{ name: string; state: FastSheet["state"]; path: string }> = [];
    // Chart and dialog sheets: nothing to check, but a copy must keep them (see open-file.ts).
    const cellless: string[] = [];
    walkTags(workbook, (name, attrs, kind) => {
      if (kind === "close") {
        depth--;
        if (name === "extLst") inExtension--;
        return;
      }
      if (depth === 0) prefixes = [...relationshipPrefixes(attrs), "r"];
      if (kind === "open") depth++;
      if (name === "extLst" && kind === "open") inExtension++;
      // The date system is the workbook's own <workbookPr>; Excel 2013+ adds an x15:workbookPr inside extLst
      // that has no date1904 and must not switch it off.
      if (name === "workbookPr" && inExtension === 0 && date1904 === undefined) {
        const flag = attr(attrs, "date1904");
        date1904 = flag === "1" || flag === "true";
      }
      if (name !== "sheet") return;
      let id: string | undefined;
      for (const prefix of prefixes) id ??= attr(attrs, `${prefix}:id`);
      id ??= /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      const rel = rels.get(id ?? "");
      const state = attr(attrs, "state");
      // Chart sheets and dialog sheets hold no cells: ExcelJS leaves them out too.
      if (rel && !typeIs(rel, "worksheet")) cellless.push(attr(attrs, "name") ?? "");
      if (rel && typeIs(rel, "worksheet"))
        declared.push({
          name: attr(attrs, "name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          path: rel.target,
        });
    });
    const related = (kind: string, fallback: string) => {
      for (const rel of rels.values()) if (typeIs(rel, kind) && pkg.has(rel.target)) return rel.target;
      return fallback;
    };
    const shared = readSharedStrings(pkg.text(related("sharedStrings", "xl/sharedStrings.xml")) ?? "");
    const formats = readStyleFormats(pkg.text(related("styles", "xl/styles.xml")) ?? "");
    const sheets: FastSheet[] = [];
    for (const d of declared) {
      if (!pkg.has(d.path)) return { ok: false, unsupported: `missing ${d.path}` };
      const xml = sheetText(pkg, d.path);
      if (!("text" in xml)) return { ok: false, tooLarge: { sheet: d.name, ...xml } };
      let read: ReturnType<typeof readSheet>;
      try {
        read = readSheet(
          xml.text,
          xml.codes,
          { name: d.name, shared, formats, date1904: date1904 === true },
          xml.recount,
        );
      } catch (error) {
        // Counted as it was inflated, a sheet over the limits would never have been read.
        const over = error instanceof Unsupported ? xml.recount?.() : undefined;
        if (over) return { ok: false, tooLarge: { sheet: d.name, ...over } };
        throw error;
      }
      if (!("grid" in read)) return { ok: false, tooLarge: { sheet: d.name, ...read } };
      sheets.push({ name: d.name, state: d.state, grid: read.grid, stats: read.stats });
    }
    return { ok: true, sheets, cellless };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return { ok: false, unsupported: error.message };
  }
}

/** readWorkbookPackage over bytes and their zip entries (tests, and callers that hold an index already). */
export function readWorkbookFast(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): FastRead {
  try {
    return readWorkbookPackage(new WorkbookPackage(bytes, entries));
  } catch (error) {
    return { ok: false, unsupported: error instanceof Error ? error.message : String(error) };
  }
}
