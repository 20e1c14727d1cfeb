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
  /** Row r's cells are at [rowStart[r], rowStart[r + 1]) of the arrays below. */
  rowStart: Int32Array;
  values: CellValue[];
  /** The cell's text; null where it is "" (most empty cells a row holds). */
  texts: (string | null)[];
  /** Index into `formats` plus one; 0 for none. */
  formatOf: Uint16Array;
  formats: string[];
  /** Flat indices of cells whose formula was never calculated. */
  uncalculated: number[];
  firstUncalculated?: CellRef;
}

const EMPTY: RawCell = Object.freeze({ value: null, text: "" }) as RawCell;

/** The grid as flat arrays (its buffers are listed for transfer). */
export function packGrid(grid: Grid): { packed: PackedGrid; transfer: ArrayBuffer[] } {
  const rowStart = new Int32Array(grid.rowCount + 1);
  const values: CellValue[] = [];
  const texts: (string | null)[] = [];
  const formatIndex: number[] = [];
  const formats: string[] = [];
  const formatNumber = new Map<string, number>();
  const uncalculated: number[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    rowStart[r] = values.length;
    const width = grid.rowWidth(r);
    for (let c = 0; c < width; c++) {
      const cell = grid.cell(r, c);
      if (cell.uncalculated) uncalculated.push(values.length);
      values.push(cell.value);
      texts.push(cell.text === "" ? null : cell.text);
      let f = 0;
      if (cell.numberFormat !== undefined) {
        f = formatNumber.get(cell.numberFormat) ?? 0;
        // More distinct formats than a Uint16 holds does not happen in a real sheet; the rest read as none.
        if (f === 0 && formats.length < 65_534) {
          formats.push(cell.numberFormat);
          f = formats.length;
          formatNumber.set(cell.numberFormat, f);
        }
      }
      formatIndex.push(f);
    }
  }
  rowStart[grid.rowCount] = values.length;
  const formatOf = Uint16Array.from(formatIndex);
  const packed: PackedGrid = {
    name: grid.name,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    merges: grid.merges.map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right })),
    rowStart,
    values,
    texts,
    formatOf,
    formats,
    uncalculated,
    ...(grid.firstUncalculated ? { firstUncalculated: { ...grid.firstUncalculated } } : {}),
  };
  return { packed, transfer: [rowStart.buffer as ArrayBuffer, formatOf.buffer as ArrayBuffer] };
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
    const value = p.values[i] ?? null;
    cell = { value, text: p.texts[i] ?? "" };
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
