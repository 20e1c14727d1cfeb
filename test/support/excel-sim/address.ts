import { columnIndex, columnLetters } from "../../../src/core/grid/a1";
import { SimError } from "./errors";

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

function cellOf(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const col = columnIndex(m[1] ?? "");
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

function normalise(a: { row: number; col: number }, b: { row: number; col: number }): Rect {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** "A1", "A1:B2", "A:C", "3:5" (with or without $) to a rectangle; undefined when malformed. */
export function parseRef(text: string): Rect | undefined {
  const t = text.trim();
  const parts = t.split(":");
  if (parts.length === 1) {
    const c = cellOf(t);
    return c && { top: c.row, left: c.col, bottom: c.row, right: c.col };
  }
  if (parts.length !== 2) return undefined;
  const a = cellOf(parts[0] ?? "");
  const b = cellOf(parts[1] ?? "");
  if (a && b) return normalise(a, b);
  const cols = COLS.exec(t);
  if (cols) {
    const l = columnIndex(cols[1] ?? "");
    const r = columnIndex(cols[2] ?? "");
    if (l < 0 || r < 0 || l >= MAX_COLS || r >= MAX_COLS) return undefined;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const rows = ROWS.exec(t);
  if (rows) {
    const a1 = Number(rows[1]) - 1;
    const b1 = Number(rows[2]) - 1;
    if (a1 < 0 || b1 < 0 || a1 >= MAX_ROWS || b1 >= MAX_ROWS) return undefined;
    return { top: Math.min(a1, b1), bottom: Math.max(a1, b1), left: 0, right: MAX_COLS - 1 };
  }
  return undefined;
}

/** Splits "Sheet1!A1:B2" or "'My sheet'!A1" into sheet and reference; the sheet is undefined when absent. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const t = address.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < t.length) {
      const ch = t[i];
      if (ch === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (t[i + 1] !== "!") throw new SimError("InvalidArgument", `Malformed address: ${address}`);
    return { sheet: name, ref: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf("!");
  if (bang < 0) return { ref: t };
  return { sheet: t.slice(0, bang), ref: t.slice(bang + 1) };
}

/** Whether Excel writes this sheet name in quotes inside an address. */
export function needsQuotes(name: string): boolean {
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return true;
  return !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
}

export function quoteSheet(name: string): string {
  return needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** A rectangle as Excel writes it: "A1", "A1:B2", whole columns "A:C", whole rows "3:5". */
export function formatRect(r: Rect): string {
  const wholeCols = r.top === 0 && r.bottom === MAX_ROWS - 1;
  const wholeRows = r.left === 0 && r.right === MAX_COLS - 1;
  if (wholeCols && !wholeRows) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  if (wholeRows) return `${r.top + 1}:${r.bottom + 1}`;
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetters(r.right)}${r.bottom + 1}`;
}

export function qualify(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${formatRect(r)}`;
}

/** Splits a multi-area address ("A1:B2, D4" or with sheet prefixes) into its parts. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "" || out.length > 0) out.push(cur.trim());
  return out;
}
