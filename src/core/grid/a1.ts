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

/** An A1 address (with or without $) to a 0-based ref; undefined when malformed. */
export function parseA1(address: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
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
