// Node only (zlib). The CLI's reader: the same grids as gridsFromWorkbook (read.ts) builds from ExcelJS, straight from
// the package's XML. ExcelJS builds a full object model of every cell and style (which the CLI needs only to write an
// annotated copy); reading values, number formats and merges directly takes a fraction of the time and memory, and
// keeps `yanxiu check` close to the time ExcelJS needs just to load a file (bench/files.ts). Parity with read.ts is
// tested on every kind of cell (test/xlsx/fast-read.test.ts); anything this reader does not expect makes it step
// aside, and the caller falls back to ExcelJS.
import { inflateRawSync } from "node:zlib";
import { makeGrid, uncalculatedCell } from "../../core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../core/grid/types";
import { parseA1 } from "../../core/grid/a1";
import { SHEET_LIMITS } from "./problems";
import { rawCellOf } from "./read";
import { entryDataOffset, type ZipEntryInfo } from "./zip-index";

export interface FastSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  grid: Grid;
}

export type FastRead =
  | { ok: true; sheets: FastSheet[] }
  | { ok: false; tooLarge: { sheet: string; rows: number; cells: number } }
  /** Something this reader does not handle; the caller reads the file with ExcelJS instead. */
  | { ok: false; unsupported: string };

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
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

function attr(attrs: string, name: string): string | undefined {
  // Attribute names are matched whole: r= is not the end of ref= or of xr:uid=.
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return decode(m[1] ?? m[2] ?? "");
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
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) break;
    if (lt > at) text += xml.slice(at, lt);
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      at = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      // ExcelJS's parser reports CDATA apart from text and its readers ignore it; so does this one.
      const end = xml.indexOf("]]>", lt + 9);
      at = end < 0 ? xml.length : end + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) throw new Unsupported("unterminated tag");
    const second = xml.charCodeAt(lt + 1);
    if (second === 0x3f /* ? */ || second === 0x21 /* ! */) {
      at = gt + 1;
      continue;
    }
    const closing = second === 0x2f; /* / */
    const empty = !closing && xml.charCodeAt(gt - 1) === 0x2f;
    const body = xml.slice(lt + (closing ? 2 : 1), empty ? gt - 1 : gt);
    const space = body.search(/\s/);
    const qname = space < 0 ? body : body.slice(0, space);
    const colon = qname.indexOf(":");
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    if (closing) {
      if (open.pop() !== qname.trim()) throw new Unsupported(`unexpected </${qname}>`);
    } else if (!empty) open.push(qname);
    visit(name, space < 0 ? "" : body.slice(space), closing ? "close" : empty ? "empty" : "open", text);
    text = "";
    at = gt + 1;
  }
  if (open.length > 0) throw new Unsupported(`unclosed <${open[open.length - 1] ?? ""}>`);
}

function inflate(bytes: Buffer, entry: ZipEntryInfo): string {
  const start = entryDataOffset(bytes, entry);
  if (start < 0) throw new Unsupported(`no local header for ${entry.name}`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.toString("utf8");
  if (entry.method !== 8) throw new Unsupported(`compression method ${entry.method}`);
  return inflateRawSync(data).toString("utf8");
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
function serialToDate(serial: number, date1904: boolean): Date {
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
  if (c.type === "inlineStr") return { value: c.inline ?? null, format };
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

function parseRange(ref: string): MergeArea | undefined {
  const [a, b = a] = ref.split(":");
  const from = parseA1(a ?? "");
  const to = parseA1(b ?? "");
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

function readSheet(xml: string, ctx: SheetContext): Grid | { rows: number; cells: number } {
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
        col = -1;
        return;
      case "c": {
        if (kind === "close") {
          if (cell) finish(cell);
          cell = null;
          return;
        }
        cellCount++;
        const ref = attr(attrs, "r");
        const at = ref ? parseA1(ref) : { row, col: col + 1 };
        if (!at) throw new Unsupported(`cell reference ${ref ?? ""}`);
        col = at.col;
        const s = attr(attrs, "s");
        const state: CellState = {
          row: at.row,
          col: at.col,
          type: attr(attrs, "t"),
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
    }
  });
  if (rowCount > SHEET_LIMITS.rows || cellCount > SHEET_LIMITS.cells)
    return { rows: rowCount, cells: cellCount };
  // Only the top-left cell of a merged area keeps its value, as in Excel (and ExcelJS).
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && cells[c]) cells[c] = undefined;
    }
  }
  return makeGrid(ctx.name, rows, merges);
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/**
 * Every sheet of an xlsx package as grids (very hidden ones included, so the caller can read the product's store),
 * or the sheet that is over the limits, or `unsupported` when the caller should use ExcelJS.
 */
export function readWorkbookFast(bytes: Buffer, entries: readonly ZipEntryInfo[]): FastRead {
  try {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const part = (name: string) => {
      const entry = byName.get(name);
      return entry ? inflate(bytes, entry) : undefined;
    };
    const workbook = part("xl/workbook.xml");
    const rels = part("xl/_rels/workbook.xml.rels");
    if (workbook === undefined || rels === undefined) return { ok: false, unsupported: "no workbook part" };
    const targets = new Map<string, string>();
    walkTags(rels, (name, attrs, kind) => {
      if (name !== "Relationship" || kind === "close") return;
      const id = attr(attrs, "Id");
      const target = attr(attrs, "Target");
      if (id && target && attr(attrs, "TargetMode") !== "External") targets.set(id, resolveTarget(target));
    });
    let date1904 = false;
    const declared: Array<{ name: string; state: FastSheet["state"]; path: string }> = [];
    walkTags(workbook, (name, attrs, kind) => {
      if (kind === "close") return;
      if (name === "workbookPr") date1904 = attr(attrs, "date1904") === "1";
      if (name !== "sheet") return;
      const path = targets.get(attr(attrs, "r:id") ?? attr(attrs, "id") ?? "");
      const state = attr(attrs, "state");
      // Chart sheets and dialog sheets hold no cells: ExcelJS leaves them out too.
      if (path && /^xl\/worksheets\//.test(path))
        declared.push({
          name: attr(attrs, "name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          path,
        });
    });
    const shared = readSharedStrings(part("xl/sharedStrings.xml") ?? "");
    const formats = readStyleFormats(part("xl/styles.xml") ?? "");
    const sheets: FastSheet[] = [];
    for (const d of declared) {
      const xml = part(d.path);
      if (xml === undefined) return { ok: false, unsupported: `missing ${d.path}` };
      const grid = readSheet(xml, { name: d.name, shared, formats, date1904 });
      if (!("cell" in grid)) return { ok: false, tooLarge: { sheet: d.name, ...grid } };
      sheets.push({ name: d.name, state: d.state, grid });
    }
    return { ok: true, sheets };
  } catch (error) {
    return { ok: false, unsupported: error instanceof Error ? error.message : String(error) };
  }
}
