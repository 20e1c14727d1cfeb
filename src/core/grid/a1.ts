import type { CellRef } from "./types";

/** Column index (0-based) to letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based (row, col) to an A1 address. */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Letters to a 0-based column index; -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * An A1 address (with or without $) to a 0-based ref; undefined when malformed. Read by character: readers call
 * this for every cell of a sheet. Anything the plain shape does not cover (spaces around it) goes by the pattern.
 */
export function parseA1(address: string): CellRef | undefined {
  const n = address.length;
  let i = 0;
  if (address.charCodeAt(i) === 0x24 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  while (i < n && i - lettersFrom < 4) {
    const c = address.charCodeAt(i);
    const upper = c >= 0x61 && c <= 0x7a ? c - 32 : c;
    if (upper < 0x41 || upper > 0x5a) break;
    col = col * 26 + (upper - 64);
    i++;
  }
  const letters = i - lettersFrom;
  if (i < n && address.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digitsFrom = i;
  while (i < n) {
    const c = address.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
    i++;
  }
  const digits = i - digitsFrom;
  if (i === n && letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7)
    return row >= 1 ? { row: row - 1, col: col - 1 } : undefined;
  return parseA1ByPattern(address);
}

/** Columns per row in a packed reference (row * A1_COLS + col): more than the 18,278 that three letters name. */
export const A1_COLS = 32_768;
/** parseA1At's answer for text its reading by character does not settle: parseA1 of the text decides. */
export const A1_OTHER = -2;

/**
 * parseA1 of text[start, end) without cutting it out, for the readers' every cell: row * A1_COLS + col, -1 when
 * it is no address, A1_OTHER when only parseA1's pattern could say (surrounding whitespace, anything but the plain
 * shape).
 */
export function parseA1At(text: string, start: number, end: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x24 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  while (i < end && i - lettersFrom < 4) {
    const c = text.charCodeAt(i);
    const upper = c >= 0x61 && c <= 0x7a ? c - 32 : c;
    if (upper < 0x41 || upper > 0x5a) break;
    col = col * 26 + (upper - 64);
    i++;
  }
  const letters = i - lettersFrom;
  if (i < end && text.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digitsFrom = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
    i++;
  }
  const digits = i - digitsFrom;
  if (i === end && letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7)
    return row >= 1 ? (row - 1) * A1_COLS + (col - 1) : -1;
  return A1_OTHER;
}

function parseA1ByPattern(address: string): CellRef | undefined {
  const trimmed = address.trim();
  // Already read by character above; only surrounding whitespace can make the pattern answer otherwise.
  if (trimmed === address) return undefined;
  const m = A1.exec(trimmed);
  if (!m) return undefined;
  const col = columnIndex(m[1] ?? "");
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return undefined;
  return { row, col };
}

/** A range address "A1:C3" (or a single cell) for 0-based inclusive bounds. */
export function toRangeA1(top: number, left: number, bottom: number, right: number): string {
  const a = toA1(top, left);
  return top === bottom && left === right ? a : `${a}:${toA1(bottom, right)}`;
}
