// The reader of every workbook file, in the CLI and the browser file mode: the grids the engine checks, straight from
// the package's XML, each part asked of the opened package (package.ts) under its inflation caps. ExcelJS is used
// only to write annotated copies. Parity with the grids ExcelJS would give (read.ts) is tested on every kind of cell
// (test/xlsx/fast-read.test.ts); where Excel reads more than ExcelJS (CDATA, inline <v>, parts found through
// relationships, any namespace prefix) this reader follows Excel.
import { makeGrid, uncalculatedCell } from "../../../src/core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../../src/core/grid/types";
import { parseA1 } from "../../../src/core/grid/a1";
import { SHEET_LIMITS } from "../../../src/adapters/xlsx/problems";
import { rawCellOf } from "../../../src/adapters/xlsx/read";
import {
  concatChunks,
  relsPathOf,
  resolvePartPath,
  utf8Text,
  WorkbookPackage,
} from "../../../src/adapters/xlsx/package";
import type { ZipEntryInfo } from "../../../src/adapters/xlsx/zip-index";

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
  rows.forEach((row) => {
    let inRow = 0;
    row?.forEach((cell) => {
      if (cell) inRow++;
    });
    if (inRow > 0) rowCount++;
    cells += inRow;
  });
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

class Unsupported extends Error {}

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

type TagKind = "open" | "close" | "empty";

/**
 * Walk the tags of an XML document in order: name without namespace prefix, raw attribute text, kind, and the text
 * that came before the tag. Comments, processing instructions, the doctype and CDATA sections are skipped.
 */
function walkTags(
  xml: string,
  visit: (name: string, attrs: string, kind: TagKind, textBefore: string) => void,
): void {
  let at = 0;
  let text = "";
  // Open elements, to refuse XML that is not well formed (a cut or damaged part) as ExcelJS's parser would.
  const open: string[] = [];
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) break;
    if (lt > at) text += xml.slice(at, lt);
    const second = xml.charCodeAt(lt + 1);
    if (second === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        at = end < 0 ? length : end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        // Excel reads a CDATA section as the text it holds (ExcelJS drops it). The text is escaped here so that the
        // decoding every text gets later gives back exactly what the section held.
        const end = xml.indexOf("]]>", lt + 9);
        text += xml
          .slice(lt + 9, end < 0 ? length : end)
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;");
        at = end < 0 ? length : end + 3;
        continue;
      }
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) throw new Unsupported("unterminated tag");
    if (second === 0x3f /* ? */ || second === 0x21 /* ! */) {
      at = gt + 1;
      continue;
    }
    const closing = second === 0x2f; /* / */
    const empty = !closing && xml.charCodeAt(gt - 1) === 0x2f;
    const bodyStart = lt + (closing ? 2 : 1);
    const bodyEnd = empty ? gt - 1 : gt;
    // The qualified name runs to the first whitespace; the local name follows its first colon. Scanned by character
    // rather than by slicing and searching: this runs for every tag of every sheet.
    let end = bodyStart;
    let colon = -1;
    while (end < bodyEnd) {
      const c = xml.charCodeAt(end);
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && SPACE.test(xml.charAt(end)))) break;
      if (c === 0x3a && colon < 0) colon = end;
      end++;
    }
    const qname = xml.slice(bodyStart, end);
    const name = colon < 0 ? qname : xml.slice(colon + 1, end);
    if (closing) {
      if (open.pop() !== qname) throw new Unsupported(`unexpected </${qname}>`);
    } else if (!empty) open.push(qname);
    visit(
      name,
      end < bodyEnd ? xml.slice(end, bodyEnd) : "",
      closing ? "close" : empty ? "empty" : "open",
      text,
    );
    text = "";
    at = gt + 1;
  }
  if (open.length > 0) throw new Unsupported(`unclosed <${open[open.length - 1] ?? ""}>`);
}

const SPACE = /\s/;

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
  walkTags(xml, (name, _attrs, kind, before) => {
    if (name === "si") {
      if (kind === "open") current = "";
      else if (kind === "close" && current !== null) {
        out.push(current);
        current = null;
      } else if (kind === "empty") out.push("");
    } else if (name === "rPh") {
      if (kind === "open") phonetic++;
      else if (kind === "close") phonetic--;
    } else if (name === "t") {
      if (kind === "close" && inT && current !== null && phonetic === 0)
        current += unescapeChars(decode(before));
      inT = kind === "open";
    }
  });
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

interface CellState {
  row: number;
  col: number;
  type: string | undefined;
  style: number;
  formula: boolean;
  value: string | undefined;
  inline: string | undefined;
}

interface SheetContext {
  name: string;
  shared: readonly string[];
  formats: ReadonlyArray<string | undefined>;
  date1904: boolean;
}

function cellValue(c: CellState, ctx: SheetContext): { value: CellValue; format: string | undefined } {
  const format = c.style >= 0 ? ctx.formats[c.style] : undefined;
  const v = c.value;
  // The rules of ExcelJS's cell reader, so that both readers give the engine the same values: a formula gives its
  // cached result; text results are decoded once more (ExcelJS does); numbers in a date format become dates.
  const number = (text: string): CellValue => {
    const n = parseFloat(text);
    return isDateFormat(format) ? serialToDate(n, ctx.date1904) : n;
  };
  if (c.formula) {
    if (!v) return { value: null, format };
    if (c.type === "str") return { value: decode(decode(v)), format };
    if (c.type === "b") return { value: parseInt(v, 10) !== 0, format };
    if (c.type === "e") return { value: decode(v), format };
    return { value: number(decode(v)), format };
  }
  // Excel also takes an inline string's text from a <v> (some writers put it there).
  if (c.type === "inlineStr") return { value: c.inline ?? (v === undefined ? null : decode(v)), format };
  if (v === undefined) return { value: null, format };
  switch (c.type) {
    case "s": {
      const s = ctx.shared[parseInt(v, 10)];
      if (s === undefined) throw new Unsupported(`shared string ${v} missing`);
      return { value: s, format };
    }
    case "str":
      return { value: decode(decode(v)), format };
    case "b":
      return { value: parseInt(v, 10) !== 0, format };
    case "e":
      return { value: decode(v), format };
    default:
      return { value: number(decode(v)), format };
  }
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

function readSheet(
  xml: string,
  ctx: SheetContext,
): { grid: Grid; stats: SheetStats } | { rows: number; cells: number } {
  let validatedCells = 0;
  const rows: (RawCell | undefined)[][] = [];
  const merges: MergeArea[] = [];
  let rowCount = 0;
  let cellCount = 0;
  let row = -1;
  let col = -1;
  let cell: CellState | null = null;
  let inside: "f" | "v" | "is" | null = null;
  let inT = false;
  let inRun = false;
  let phonetic = 0;
  let text = "";
  const finish = (c: CellState) => {
    if (cellCount > SHEET_LIMITS.cells || rowCount > SHEET_LIMITS.rows) return;
    // A cell beyond the last row or column of a sheet cannot be shown by Excel, which drops it on opening.
    if (c.row < 0 || c.col < 0 || c.row >= MAX_ROWS || c.col >= MAX_COLS) return;
    const { value, format } = cellValue(c, ctx);
    // A formula without a cached result: the engine is told its value is unknown (not that the cell is empty).
    // (ExcelJS gives no result for an empty <v> whatever the cell's type, and neither does this reader.)
    const raw = c.formula && value === null ? uncalculatedCell(format) : rawCellOf(value, format);
    if (raw) (rows[c.row] ??= [])[c.col] = raw;
    // ExcelJS counts a row as there when any cell of it is more than a styled blank (an empty string, a formula
    // without a result, a bare <c/>); such rows set how far the grid reaches, so they are kept here as well.
    else if (value !== null || c.formula || c.style <= 0) rows[c.row] ??= [];
  };
  walkTags(xml, (name, attrs, kind, before) => {
    if (cell && inside) {
      if (inside === "v" || inside === "f") text += before;
      else if (inT && phonetic === 0) text += before;
    }
    switch (name) {
      case "row":
        if (kind === "close") return;
        rowCount++;
        row = Number(attr(attrs, "r") ?? row + 2) - 1;
        if (!Number.isFinite(row)) row = -1;
        col = -1;
        return;
      case "c": {
        if (kind === "close") {
          if (cell) finish(cell);
          cell = null;
          return;
        }
        cellCount++;
        const { r: ref, s, t } = cellAttributes(attrs);
        // A reference that is no cell address (ZZZZ1, A99999999) is beyond the grid: the cell is dropped.
        const at = ref ? (parseA1(ref) ?? { row: -1, col: -1 }) : { row, col: col + 1 };
        col = at.col;
        const state: CellState = {
          row: at.row,
          col: at.col,
          type: t,
          style: s === undefined ? -1 : parseInt(s, 10),
          formula: false,
          value: undefined,
          inline: undefined,
        };
        if (kind === "empty") finish(state);
        else cell = state;
        return;
      }
      case "f":
        if (!cell) return;
        // A formula is any text in <f>, or a shared/array formula's t attribute (its text lives on another cell).
        if (kind !== "close" && attr(attrs, "t") !== undefined) cell.formula = true;
        if (kind === "open") {
          inside = "f";
          text = "";
        } else if (kind === "close" && inside === "f") {
          if (text !== "") cell.formula = true;
          inside = null;
        }
        return;
      case "v":
        if (!cell) return;
        if (kind === "open") {
          inside = "v";
          text = "";
        } else if (kind === "close" && inside === "v") {
          cell.value = (cell.value ?? "") + text;
          inside = null;
        } else if (kind === "empty") cell.value ??= "";
        return;
      case "is":
        if (!cell) return;
        if (kind === "open") {
          inside = "is";
          text = "";
        } else if (kind === "close") {
          inside = null;
        }
        return;
      case "rPh":
        if (kind === "open") phonetic++;
        else if (kind === "close") phonetic--;
        return;
      case "r":
        if (cell && inside === "is") inRun = kind === "open";
        return;
      case "t":
        if (!cell || inside !== "is" || phonetic > 0) return;
        if (kind === "open") inT = true;
        else if (kind === "close") {
          inT = false;
          // ExcelJS decodes _xHHHH_ in rich text runs only, not in a plain inline <t>.
          cell.inline = (cell.inline ?? "") + (inRun ? unescapeChars(decode(text)) : decode(text));
          text = "";
        }
        return;
      case "mergeCell": {
        const range = parseRange(attr(attrs, "ref") ?? "");
        if (range) merges.push(range);
        return;
      }
      case "dataValidation":
        if (kind === "close") return;
        for (const ref of (attr(attrs, "sqref") ?? "").split(/\s+/)) {
          const full = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(ref);
          const range = full ? parseRange(`${full[1]}1:${full[2]}${MAX_ROWS}`) : parseRange(ref);
          if (range) validatedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
        }
        return;
    }
  });
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
 * A worksheet part's text, counted as it is inflated; the counts instead when the sheet passes the limits (the
 * counts are then those at the moment inflation stopped).
 */
function sheetText(pkg: WorkbookPackage, part: string): string | { rows: number; cells: number } {
  const counter = new TagCounter();
  const chunks: Uint8Array[] = [];
  let length = 0;
  pkg.stream(
    part,
    (chunk) => {
      counter.push(chunk, false);
      if (counter.over()) return false;
      chunks.push(chunk);
      length += chunk.length;
      return true;
    },
    undefined,
    // Stops as soon as the sheet passes the limits, so that a bomb of rows is told as too many rows.
    true,
  );
  counter.push(new Uint8Array(0), true);
  if (counter.over()) return { rows: counter.rows, cells: counter.cells };
  return utf8Text(concatChunks(chunks, length));
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
      if (typeof xml !== "string") return { ok: false, tooLarge: { sheet: d.name, ...xml } };
      const read = readSheet(xml, { name: d.name, shared, formats, date1904: date1904 === true });
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
