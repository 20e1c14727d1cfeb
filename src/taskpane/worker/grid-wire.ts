// A Grid as it crosses from the worker to the pane. Structured cloning 200,000 cell objects costs the page a long
// task to take in; flat arrays of values, texts and format numbers cost a fraction of it, and the pane makes a
// cell's object only when something reads that cell.

import { makeGrid } from "../../core/grid/grid";
import type { CellRef, CellValue, Grid, MergeArea, RawCell } from "../../core/grid/types";

export interface PackedGrid {
  name: string;
  rowCount: number;
  colCount: number;
  merges: MergeArea[];
  /** Row r's cells are at [rowStart[r], rowStart[r + 1]) of the per-cell arrays below. */
  rowStart: Int32Array;
  /** Per cell: what kind of value (KIND_*), plus SAME_TEXT when a text value is the cell's text. */
  kind: Uint8Array;
  /** Per cell: the number, the boolean as 0/1, or the date as milliseconds. */
  num: Float64Array;
  /** Every cell's text, one after another: cell i's is texts.slice(textStart[i], textStart[i + 1]). */
  texts: string;
  textStart: Int32Array;
  /** Text values that are not their cell's text, the same way. */
  values: string;
  valueStart: Int32Array;
  /** Index into `formats` plus one; 0 for none. */
  formatOf: Uint16Array;
  formats: string[];
  /** Flat indices of cells whose formula was never calculated. */
  uncalculated: number[];
  firstUncalculated?: CellRef;
}

const KIND_NULL = 0;
const KIND_TEXT = 1;
const KIND_NUMBER = 2;
const KIND_BOOLEAN = 3;
const KIND_DATE = 4;
const SAME_TEXT = 8;

const EMPTY: RawCell = Object.freeze({ value: null, text: "" }) as RawCell;

/** The grid as flat arrays and two strings (its buffers are listed for transfer). */
export function packGrid(grid: Grid): { packed: PackedGrid; transfer: ArrayBuffer[] } {
  const rowStart = new Int32Array(grid.rowCount + 1);
  let total = 0;
  for (let r = 0; r < grid.rowCount; r++) total += grid.rowWidth(r);
  const kind = new Uint8Array(total);
  const num = new Float64Array(total);
  const textStart = new Int32Array(total + 1);
  const valueStart = new Int32Array(total + 1);
  const formatOf = new Uint16Array(total);
  const texts: string[] = [];
  const values: string[] = [];
  let textLength = 0;
  let valueLength = 0;
  const formats: string[] = [];
  const formatNumber = new Map<string, number>();
  const uncalculated: number[] = [];
  let i = 0;
  for (let r = 0; r < grid.rowCount; r++) {
    rowStart[r] = i;
    const width = grid.rowWidth(r);
    for (let c = 0; c < width; c++, i++) {
      const cell = grid.cell(r, c);
      if (cell.uncalculated) uncalculated.push(i);
      const v = cell.value;
      textStart[i] = textLength;
      valueStart[i] = valueLength;
      if (cell.text !== "") {
        texts.push(cell.text);
        textLength += cell.text.length;
      }
      if (typeof v === "string") {
        if (v === cell.text) kind[i] = KIND_TEXT | SAME_TEXT;
        else {
          kind[i] = KIND_TEXT;
          values.push(v);
          valueLength += v.length;
        }
      } else if (typeof v === "number") {
        kind[i] = KIND_NUMBER;
        num[i] = v;
      } else if (typeof v === "boolean") {
        kind[i] = KIND_BOOLEAN;
        num[i] = v ? 1 : 0;
      } else if (v instanceof Date) {
        kind[i] = KIND_DATE;
        num[i] = v.getTime();
      } else kind[i] = KIND_NULL;
      if (cell.numberFormat !== undefined) {
        let f = formatNumber.get(cell.numberFormat) ?? 0;
        // More distinct formats than a Uint16 holds does not happen in a real sheet; the rest read as none.
        if (f === 0 && formats.length < 65_534) {
          formats.push(cell.numberFormat);
          f = formats.length;
          formatNumber.set(cell.numberFormat, f);
        }
        formatOf[i] = f;
      }
    }
  }
  rowStart[grid.rowCount] = i;
  textStart[total] = textLength;
  valueStart[total] = valueLength;
  const packed: PackedGrid = {
    name: grid.name,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    merges: grid.merges.map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right })),
    rowStart,
    kind,
    num,
    texts: texts.join(""),
    textStart,
    values: values.join(""),
    valueStart,
    formatOf,
    formats,
    uncalculated,
    ...(grid.firstUncalculated ? { firstUncalculated: { ...grid.firstUncalculated } } : {}),
  };
  const transfer = [rowStart, kind, num, textStart, valueStart, formatOf].map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer };
}

/** The Grid over packed arrays: the same cells, rows, widths and merges as the grid packed. */
export function unpackGrid(p: PackedGrid): Grid {
  const uncalculated = new Set(p.uncalculated);
  const made = new Map<number, RawCell>();
  // The merge index the core builds (small merges by cell, large ones looked through).
  const merges = makeGrid(p.name, [], p.merges);
  const rowsPacked = p.rowStart.length - 1;
  const cellAt = (i: number): RawCell => {
    let cell = made.get(i);
    if (cell) return cell;
    const text = p.texts.slice(p.textStart[i], p.textStart[i + 1]);
    const k = p.kind[i]!;
    let value: CellValue = null;
    switch (k & 7) {
      case KIND_TEXT:
        value = k & SAME_TEXT ? text : p.values.slice(p.valueStart[i], p.valueStart[i + 1]);
        break;
      case KIND_NUMBER:
        value = p.num[i]!;
        break;
      case KIND_BOOLEAN:
        value = p.num[i] === 1;
        break;
      case KIND_DATE:
        value = new Date(p.num[i]!);
        break;
    }
    cell = { value, text };
    const f = p.formatOf[i] ?? 0;
    if (f > 0) cell.numberFormat = p.formats[f - 1]!;
    if (uncalculated.has(i)) cell.uncalculated = true;
    made.set(i, cell);
    return cell;
  };
  return {
    name: p.name,
    rowCount: p.rowCount,
    colCount: p.colCount,
    merges: p.merges,
    cell(row, col) {
      if (row < 0 || row >= rowsPacked || col < 0) return EMPTY;
      const start = p.rowStart[row]!;
      const end = p.rowStart[row + 1]!;
      return col < end - start ? cellAt(start + col) : EMPTY;
    },
    rowWidth(row) {
      if (row < 0 || row >= rowsPacked) return 0;
      return p.rowStart[row + 1]! - p.rowStart[row]!;
    },
    mergeAt: (row, col) => merges.mergeAt(row, col),
    ...(p.firstUncalculated ? { firstUncalculated: p.firstUncalculated } : {}),
  };
}
