import { parseA1, toRangeA1 } from "../../core/grid/a1";
import type { CellRef, MergeArea } from "../../core/grid/types";

/**
 * Excel fails `getRanges` on address strings longer than about 8,000 characters (reported against Excel on the
 * web and desktop), so batched painting splits its address lists at this length.
 */
export const MAX_GET_RANGES_CHARS = 8000;

/** A numeric key for a cell, stable across calls (Excel's column limit is 16,384). */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

export function keyToCell(key: number): CellRef {
  return { row: Math.floor(key / 16384), col: key % 16384 };
}

/**
 * Covers a set of cells with rectangles: vertical runs per column, merged with the neighbouring column when
 * the runs are identical. Findings tend to run down a column, so this keeps address lists short.
 */
export function cellRects(cells: Iterable<CellRef>): MergeArea[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col);
    if (rows) rows.push(row);
    else byCol.set(col, [row]);
  }
  const rects: MergeArea[] = [];
  let open = new Map<string, MergeArea>();
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    const next = new Map<string, MergeArea>();
    let start = rows[0] ?? 0;
    rows.forEach((row, i) => {
      const following = rows[i + 1];
      if (following === row + 1) return;
      const runKey = `${start}:${row}`;
      const prev = open.get(runKey);
      if (prev && prev.right === col - 1) {
        prev.right = col;
        next.set(runKey, prev);
      } else {
        const rect = { top: start, bottom: row, left: col, right: col };
        rects.push(rect);
        next.set(runKey, rect);
      }
      start = following ?? 0;
    });
    open = next;
  }
  return rects;
}

export function rectAddress(r: MergeArea): string {
  return toRangeA1(r.top, r.left, r.bottom, r.right);
}

/** Joins addresses with commas into strings of at most `maxChars` characters each. */
export function chunkAddresses(addresses: readonly string[], maxChars = MAX_GET_RANGES_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (a.length > maxChars) throw new RangeError(`A single address is longer than ${maxChars} characters.`);
    if (current === "") current = a;
    else if (current.length + 1 + a.length <= maxChars) current += `,${a}`;
    else {
      chunks.push(current);
      current = a;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** The cells' rectangles as getRanges address strings, each within the length Excel accepts. */
export function addressChunks(cells: Iterable<CellRef>, maxChars = MAX_GET_RANGES_CHARS): string[] {
  return chunkAddresses(cellRects(cells).map(rectAddress), maxChars);
}

/** Splits an address list on commas outside quoted sheet names. */
function splitList(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Rectangles of an Excel address or address list ("Sheet1!A1:B2,Sheet1!C3", "'My sheet'!A1"), sheet names
 * dropped. Parts that are not cell ranges (whole rows or columns) are skipped.
 */
export function parseAddressList(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const part of splitList(address)) {
    const bang = part.lastIndexOf("!");
    const ref = bang >= 0 ? part.slice(bang + 1) : part;
    const [a, b] = ref.split(":");
    const start = parseA1(a ?? "");
    const end = b === undefined ? start : parseA1(b);
    if (!start || !end) continue;
    out.push({
      top: Math.min(start.row, end.row),
      left: Math.min(start.col, end.col),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.col, end.col),
    });
  }
  return out;
}

/** Every cell of a list of rectangles. */
export function rectCells(rects: readonly MergeArea[]): CellRef[] {
  const out: CellRef[] = [];
  for (const r of rects)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** A sheet-qualified address; the name is always quoted, which Excel accepts for any sheet name. */
export function qualified(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${toRangeA1(row, col, row, col)}`;
}
