import ExcelJS from "exceljs";
import type { CellValue } from "../../core/grid/types";
import { LEVEL_NAMES, TABLE_NAMES, type Level, type PackId, type TableKind } from "../../core/packs/types";
import { packName } from "../../core/packs/registry";
import { safeCellValue, writableText } from "./safe-text";
import { entryDataOffset, readZipIndex } from "./zip-index";

type Lang = "zh" | "en";

/** One sheet of one file as the summary's file list shows it. */
export interface SummarySheet {
  sheet: string;
  table: TableKind;
  policy: PackId | null;
  level: Level | null;
  errors: number;
  warnings: number;
  infos: number;
}

export interface SummaryFile {
  file: string;
  /** The reason the file could not be checked, or null. */
  error: string | null;
  sheets: SummarySheet[];
}

/** One merged project row: its source and its values by column key. */
export interface SummaryRow {
  file: string;
  sheet: string;
  row: number | null;
  values: Partial<Record<string, CellValue>>;
}

export const FILES_SHEET = "文件清单";
export const PROJECTS_SHEET = "项目汇总";

const FILE_HEADERS: Record<Lang, string[]> = {
  zh: ["文件", "工作表", "表格", "政策", "层级", "错误", "提醒", "说明", "无法校验的原因"],
  en: [
    "File",
    "Sheet",
    "Table",
    "Policy",
    "Level",
    "Errors",
    "Warnings",
    "Notes",
    "Why it could not be checked",
  ],
};

function styleHeader(ws: ExcelJS.Worksheet, count: number): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: count } };
}

/**
 * The workbook `yanxiu check --summary` writes: the list of files with what was recognised and the counts, and every
 * project of every list and form merged into one list with its source file, sheet and row. Project columns keep the
 * notices' own header words so that the merged list is itself recognised as a summary list by the engine.
 */
export function buildSummaryWorkbook(
  files: readonly SummaryFile[],
  rows: readonly SummaryRow[],
  columns: ReadonlyArray<{ key: string; header: string }>,
  lang: Lang,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "yanxiu";

  const list = wb.addWorksheet(FILES_SHEET);
  list.addRow(FILE_HEADERS[lang]);
  for (const file of files) {
    if (file.error !== null || file.sheets.length === 0) {
      list.addRow([
        writableText(file.file),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        writableText(file.error ?? ""),
      ]);
      continue;
    }
    for (const s of file.sheets) {
      list.addRow([
        writableText(file.file),
        writableText(s.sheet),
        TABLE_NAMES[s.table][lang],
        s.policy ? packName(s.policy)[lang] : null,
        s.level ? LEVEL_NAMES[s.level][lang] : null,
        s.errors,
        s.warnings,
        s.infos,
        null,
      ]);
    }
  }
  styleHeader(list, FILE_HEADERS[lang].length);
  [36, 16, 14, 36, 8, 7, 7, 7, 50].forEach((w, i) => (list.getColumn(i + 1).width = w));

  const used = columns.filter((c) => rows.some((r) => r.values[c.key] !== undefined));
  const projects = wb.addWorksheet(PROJECTS_SHEET);
  const sourceHeaders =
    lang === "zh" ? ["来源文件", "来源工作表", "来源行"] : ["Source file", "Source sheet", "Source row"];
  projects.addRow([...sourceHeaders, ...used.map((c) => c.header)]);
  for (const r of rows) {
    projects.addRow([
      writableText(r.file),
      writableText(r.sheet),
      r.row,
      ...used.map((c) => safeCellValue(r.values[c.key])),
    ]);
  }
  styleHeader(projects, sourceHeaders.length + used.length);
  projects.getColumn(1).width = 36;
  projects.getColumn(2).width = 14;
  used.forEach(
    (c, i) => (projects.getColumn(sourceHeaders.length + i + 1).width = c.key === "title" ? 40 : 14),
  );
  return wb;
}

/** A raw-deflate compressor (RFC 1951, no header): Node's zlib in the CLI. */
export type RawDeflate = (data: Uint8Array) => Uint8Array;

/**
 * A workbook's .xlsx bytes. With `deflate` (native, in the CLI) ExcelJS only lays the parts out, uncompressed, and
 * each part is compressed by `deflate`: ExcelJS's own compression is JSZip's JavaScript deflate, most of the time a
 * large workbook takes to write. Without it, ExcelJS writes the file as it always has.
 */
export async function xlsxBytes(wb: ExcelJS.Workbook, deflate?: RawDeflate): Promise<Uint8Array> {
  if (!deflate) return new Uint8Array(await wb.xlsx.writeBuffer());
  const stored = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  return recompressZip(stored, deflate) ?? new Uint8Array(await wb.xlsx.writeBuffer());
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The same zip with every stored entry deflated by `deflate` (kept stored where that is no smaller), in the same
 * order, names, dates and checksums; undefined for what this small writer does not do (ZIP64, entries already
 * compressed), so that the caller writes the file the usual way.
 */
export function recompressZip(stored: Uint8Array, deflate: RawDeflate): Uint8Array | undefined {
  const index = readZipIndex(stored);
  if (!index.ok || index.entries.length > 0xffff) return undefined;
  const src = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of index.entries) {
    if (entry.method !== 0) return undefined;
    const start = entryDataOffset(stored, entry);
    if (start < 0) return undefined;
    const data = stored.subarray(start, start + entry.compressedSize);
    const at = entry.localHeaderOffset;
    const flags = src.getUint16(at + 6, true);
    // The checksum of the content, which compressing does not change: from the local header unless it was left
    // for a data descriptor after the data (flag bit 3).
    const crc = flags & 0x08 ? crc32(data) : src.getUint32(at + 14, true);
    const packed = deflate(data);
    const method = packed.length < data.length ? 8 : 0;
    const body = method === 8 ? packed : data;
    const name = encoder.encode(entry.name);
    if (offset + 30 + name.length + body.length > 0xffffffff) return undefined;
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true); // names in UTF-8
    l.setUint16(8, method, true);
    l.setUint16(10, src.getUint16(at + 10, true), true); // time
    l.setUint16(12, src.getUint16(at + 12, true), true); // date
    l.setUint32(14, crc, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, method, true);
    c.setUint16(12, src.getUint16(at + 10, true), true);
    c.setUint16(14, src.getUint16(at + 12, true), true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(local, body);
    central.push(record);
    offset += local.length + body.length;
  }
  const directorySize = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, central.length, true);
  e.setUint16(10, central.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let p = 0;
  for (const chunk of [...parts, ...central, end]) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}
