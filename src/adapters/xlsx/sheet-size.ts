// Node only (zlib): used by the CLI before it hands a file to ExcelJS.
import { createInflateRaw } from "node:zlib";
import { entryDataOffset, type ZipEntryInfo } from "./zip-index";

/** How much a worksheet holds: its <row> elements and its <c> (cell) elements. */
export interface SheetSize {
  rows: number;
  cells: number;
}

const ROW = Buffer.from("<row");
const CELL = Buffer.from("<c");
// A match must be the whole tag name: "<row" not "<rowBreaks", "<c" not "<col" or "<cfRule".
const AFTER_NAME = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);
// Bytes kept from one chunk for the next so that a tag split across chunks is counted once.
const OVERLAP = ROW.length + 1;

function countTags(buf: Buffer, tag: Buffer, limit: number): number {
  let n = 0;
  for (let i = buf.indexOf(tag); i >= 0 && i < limit; i = buf.indexOf(tag, i + tag.length)) {
    const next = buf[i + tag.length];
    if (next !== undefined && AFTER_NAME.has(next)) n++;
  }
  return n;
}

/**
 * Count the rows and cells of a worksheet entry by streaming its XML through inflate, without keeping it: a sheet
 * of a million rows is measured in a couple of seconds and a few megabytes, where loading it would take gigabytes.
 */
export async function measureSheet(bytes: Buffer, entry: ZipEntryInfo): Promise<SheetSize> {
  const start = entryDataOffset(bytes, entry);
  if (start < 0) throw new Error(`zip entry ${entry.name} has no local header`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const size: SheetSize = { rows: 0, cells: 0 };
  const scan = (buf: Buffer, final: boolean) => {
    const limit = final ? buf.length : buf.length - OVERLAP;
    size.rows += countTags(buf, ROW, limit);
    size.cells += countTags(buf, CELL, limit);
  };
  if (entry.method === 0) {
    scan(data, true);
    return size;
  }
  return new Promise<SheetSize>((resolve, reject) => {
    const inflate = createInflateRaw();
    let carry: Buffer = Buffer.alloc(0);
    inflate.on("data", (chunk: Buffer) => {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (buf.length <= OVERLAP) {
        carry = buf;
        return;
      }
      scan(buf, false);
      carry = Buffer.from(buf.subarray(buf.length - OVERLAP));
    });
    inflate.on("end", () => {
      scan(carry, true);
      resolve(size);
    });
    inflate.on("error", reject);
    inflate.end(data);
  });
}
