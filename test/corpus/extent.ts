import * as zlib from "node:zlib";

/**
 * An oracle for the corpus test, independent of the project's reader: how far each sheet of a file reaches, read
 * straight from the file's own XML. The check's JSON names a cell per finding but not the sheet's extent, so the test
 * takes the extent from here. It is deliberately generous (every `<c>` the sheet declares, styled or not, its merges
 * and its `<dimension>`), so that a finding outside it points at a place the file does not have at all.
 *
 * Formats it reads: OOXML packages (.xlsx/.xlsm/.xltx, transitional and strict, any namespace prefix, parts anywhere
 * the relationships say) and OpenDocument spreadsheets (.ods in a zip, .fods as flat XML). For the binary formats
 * (.xls/.et BIFF, .xlsb) it returns null and the test falls back to the format's grid.
 */

/** The last used row and column of a sheet, 0-based; -1 when the sheet declares no cell. */
export interface Extent {
  lastRow: number;
  lastCol: number;
}

export type SheetExtents = Map<string, Extent>;

/** Grids of the formats, for files the oracle cannot read: a finding must at least be on the format's grid. */
export const GRID_LIMITS = {
  biff: { rows: 65536, cols: 256 },
  ooxml: { rows: 1048576, cols: 16384 },
} as const;

// Far more than any corpus part inflates to; a hostile part is cut off rather than read whole.
const MAX_PART_BYTES = 64 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip's central directory (first entry wins for a duplicated name); null when not a readable zip. */
function zipEntries(bytes: Buffer): Map<string, ZipEntry> | null {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const floor = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return entries;
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (!entries.has(name)) entries.set(name, { name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** XML bytes as text: UTF-8 unless a BOM or the first "<" says UTF-16 (which XML readers must accept). */
function decodeXmlBytes(data: Buffer): string {
  const [a, b] = [data[0], data[1]];
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) {
    const swapped = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
    swapped.swap16();
    return swapped.toString("utf16le").replace(/^\uFEFF/, "");
  }
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00))
    return data.toString("utf16le").replace(/^\uFEFF/, "");
  return data.toString("utf8");
}

function readEntry(bytes: Buffer, entry: ZipEntry): string | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return decodeXmlBytes(data);
    if (entry.method === 8)
      return decodeXmlBytes(zlib.inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }));
  } catch {
    return null;
  }
  return null;
}

/** A zip part by name, ignoring case and a leading slash as Excel does. */
function part(bytes: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const wanted = name.replace(/^\/+/, "").toLowerCase();
  for (const entry of entries.values())
    if (entry.name.replace(/^\/+/, "").toLowerCase() === wanted) return readEntry(bytes, entry);
  return null;
}

/** A zip's parts by name, read on demand (each inflated with the same cap); null when not a readable zip. */
export function readZip(bytes: Buffer): { names: string[]; read(name: string): string | null } | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  return { names: [...entries.keys()], read: (name) => part(bytes, entries, name) };
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex, dec, named) => {
    if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
    if (dec) return String.fromCodePoint(parseInt(dec as string, 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as string] ?? "";
  });
}

/** An attribute's value by local name, whatever its prefix (`prefixed` requires one, as for r:id). */
function attr(attrs: string, local: string, prefixed = false): string | undefined {
  const prefix = prefixed ? "[\\w.-]+:" : "(?:[\\w.-]+:)?";
  const m = new RegExp(`(?:^|\\s)${prefix}${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

/** Resolve a relationship target against the directory of the part that owns the relationships. */
function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${baseDir}${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function relationships(xml: string): Array<{ id: string; type: string; target: string }> {
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship(?=[\s/>])([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    out.push({
      id: attr(attrs, "Id") ?? "",
      type: attr(attrs, "Type") ?? "",
      target: attr(attrs, "Target") ?? "",
    });
  }
  return out;
}

/** "AB12" to 0-based row and column; undefined when it is not a cell address. */
function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of (m[1] ?? "").toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The extent a worksheet part declares: its cells (numbered or in order), its merges and its dimension. */
export function worksheetExtent(xml: string): Extent {
  const ext: Extent = { lastRow: -1, lastCol: -1 };
  const see = (row: number, col: number) => {
    if (row > ext.lastRow) ext.lastRow = row;
    if (col > ext.lastCol) ext.lastCol = col;
  };
  const seeRange = (ref: string | undefined) => {
    for (const end of (ref ?? "").split(":")) {
      const cell = parseCell(end);
      if (cell) see(cell.row, cell.col);
    }
  };
  let row = -1;
  let col = -1;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?(row|c|mergeCell|dimension)(?=[\s/>])([^>]*)>/g)) {
    const [, tag, attrs = ""] = m;
    if (tag === "row") {
      const r = Number(attr(attrs, "r"));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
    } else if (tag === "c") {
      const cell = parseCell(attr(attrs, "r") ?? "");
      if (cell) {
        row = cell.row;
        col = cell.col;
      } else col++;
      see(Math.max(row, 0), col);
    } else seeRange(attr(attrs, "ref"));
  }
  return ext;
}

function ooxmlExtents(bytes: Buffer, entries: Map<string, ZipEntry>): SheetExtents | null {
  const root = relationships(part(bytes, entries, "_rels/.rels") ?? "");
  const office = root.find((r) => /\/officeDocument$/.test(r.type));
  const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  // An .xlsb's workbook.bin is records, not XML: not for this oracle.
  const workbook = /\.bin$/i.test(workbookPath) ? null : part(bytes, entries, workbookPath);
  if (workbook === null || !/^\s*(\uFEFF)?\s*</.test(workbook)) return null;
  const slash = workbookPath.lastIndexOf("/");
  const dir = slash < 0 ? "" : workbookPath.slice(0, slash + 1);
  const rels = relationships(part(bytes, entries, `${dir}_rels/${workbookPath.slice(slash + 1)}.rels`) ?? "");
  const extents: SheetExtents = new Map();
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet(?=[\s/>])([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = attr(attrs, "name");
    if (name === undefined) continue;
    const rel = rels.find((r) => r.id === attr(attrs, "id", true));
    const xml = rel ? part(bytes, entries, resolveTarget(dir, rel.target)) : null;
    extents.set(name, xml === null ? { lastRow: -1, lastCol: -1 } : worksheetExtent(xml));
  }
  return extents;
}

/** The extent of each table of an OpenDocument content.xml (or .fods document): cells with content or a span. */
export function odfExtents(xml: string): SheetExtents {
  const extents: SheetExtents = new Map();
  let current: Extent | undefined;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  const tags =
    /<(\/?)(table:table-row|table:table-cell|table:covered-table-cell|table:table)(?=[\s/>])([^>]*?)(\/?)>/g;
  for (const m of xml.matchAll(tags)) {
    const [, closing, tag, attrs = "", selfClosing] = m;
    if (tag === "table:table") {
      if (closing) current = undefined;
      else {
        current = { lastRow: -1, lastCol: -1 };
        extents.set(attr(attrs, "name") ?? "", current);
        row = 0;
      }
    } else if (tag === "table:table-row") {
      if (!closing) {
        rowRepeat = Math.max(1, Number(attr(attrs, "number-rows-repeated") ?? 1) || 1);
        col = 0;
      }
      if (closing || selfClosing) row += rowRepeat;
    } else if (!closing && current) {
      const repeat = Math.max(1, Number(attr(attrs, "number-columns-repeated") ?? 1) || 1);
      const spanCols = Math.max(1, Number(attr(attrs, "number-columns-spanned") ?? 1) || 1);
      const spanRows = Math.max(1, Number(attr(attrs, "number-rows-spanned") ?? 1) || 1);
      let content = attr(attrs, "value-type") !== undefined || spanCols > 1 || spanRows > 1;
      if (!content && !selfClosing) {
        // Anything inside the cell (a paragraph, an annotation) makes it used.
        const end = xml.indexOf("</", (m.index ?? 0) + m[0].length);
        content = /<\w/.test(xml.slice((m.index ?? 0) + m[0].length, end < 0 ? undefined : end));
      }
      if (content) {
        current.lastRow = Math.max(current.lastRow, row + rowRepeat - 1, row + spanRows - 1);
        current.lastCol = Math.max(current.lastCol, col + repeat - 1 + spanCols - 1);
      }
      col += repeat;
    }
  }
  return extents;
}

/**
 * The extent of every sheet of a file, by sheet name; null when the oracle does not read the format (BIFF, xlsb,
 * anything damaged past reading), in which case only the format's grid bounds a finding.
 */
export function sheetExtents(bytes: Buffer): SheetExtents | null {
  const head = bytes
    .subarray(0, 512)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<"))
    return /<office:document\b/.test(bytes.toString("utf8")) ? odfExtents(bytes.toString("utf8")) : null;
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const content = part(bytes, entries, "content.xml");
  if (content !== null && /<office:document-content\b/.test(content)) return odfExtents(content);
  return ooxmlExtents(bytes, entries);
}

/** "AB12" to 0-based row/col; undefined for anything that is not a cell address on some grid (A0, "", -1…). */
function parseFindingCell(a1: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a1);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function columnLetters(col: number): string {
  let out = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function gridOf(file: string): { rows: number; cols: number } {
  return /\.(xls|et|xlt|ett)$/i.test(file) ? GRID_LIMITS.biff : GRID_LIMITS.ooxml;
}

/**
 * Why a finding's cell (as the JSON report writes it) is not inside its sheet, or null when it is. The file name
 * gives the format's grid for files the oracle cannot read (extents null).
 */
export function findingOutside(
  file: string,
  extents: SheetExtents | null,
  sheet: string,
  cell: string,
): string | null {
  const at = parseFindingCell(cell);
  if (!at) return `“${cell}” is not a cell address`;
  const grid = gridOf(file);
  if (at.row >= grid.rows || at.col >= grid.cols) return `${cell} is beyond the format's grid`;
  if (!extents) return null;
  const extent = extents.get(sheet);
  if (!extent) return `the file has no sheet named “${sheet}” (it has: ${[...extents.keys()].join(", ")})`;
  // A1 always counts: notes about a whole sheet (empty, not recognised) are anchored there.
  const lastRow = Math.max(extent.lastRow, 0);
  const lastCol = Math.max(extent.lastCol, 0);
  if (at.row > lastRow || at.col > lastCol)
    return `${cell} lies outside the sheet's used extent A1:${columnLetters(lastCol)}${lastRow + 1}`;
  return null;
}

/** Extents from each sheet's last used cell ("D5"; "" for an empty sheet), as corpus.json records them. */
export function extentsFromLastCells(lastCells: Record<string, string>): SheetExtents {
  const extents: SheetExtents = new Map();
  for (const [sheet, last] of Object.entries(lastCells)) {
    const cell = parseFindingCell(last);
    extents.set(sheet, cell ? { lastRow: cell.row, lastCol: cell.col } : { lastRow: -1, lastCol: -1 });
  }
  return extents;
}
