import type { CellRef, CellValue, Grid, MergeArea, RawCell } from "./types";

const EMPTY: RawCell = Object.freeze({ value: null, text: "" }) as RawCell;

/** Text Excel would show for a value when the adapter did not give one. */
export function displayText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    const m = value.getUTCMonth() + 1;
    const d = value.getUTCDate();
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A cell from a bare value (text derived). */
export function rawCell(value: CellValue, numberFormat?: string): RawCell {
  const cell: RawCell = { value, text: displayText(value) };
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

/** How far beyond the cells present a merged area still extends the grid. */
const MERGE_REACH_ROWS = 256;
const MERGE_REACH_COLS = 64;
/** Merged areas up to this many cells are indexed cell by cell. */
const INDEXED_MERGE_CELLS = 1024;

/**
 * Build a Grid over rows of cells. Rows may be ragged or missing; missing cells read as empty.
 * Merges are indexed by every cell they cover so lookups stay O(1) on large sheets.
 */
export function makeGrid(
  name: string,
  rows: ReadonlyArray<ReadonlyArray<RawCell | undefined> | undefined>,
  merges: readonly MergeArea[] = [],
  source: { revisionsAccepted?: boolean } = {},
): Grid {
  let colCount = 0;
  // Rows may be holes (sparse arrays from readers that skip empty rows).
  for (const row of rows) if (row && row.length > colCount) colCount = row.length;
  let rowCount = rows.length;
  let firstUncalculated: CellRef | undefined;
  for (let r = 0; r < rows.length && !firstUncalculated; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++)
      if (row[c]?.uncalculated) {
        firstUncalculated = { row: r, col: c };
        break;
      }
  }
  // Merges reach the extent only near the cells present: a merge over whole columns or the whole sheet (files do
  // carry them) would otherwise make every scan of the grid walk a million rows of nothing. (Issue 12.)
  const rowReach = rowCount + MERGE_REACH_ROWS;
  const colReach = colCount + MERGE_REACH_COLS;
  for (const m of merges) if (m.right + 1 > colCount) colCount = Math.min(m.right + 1, colReach);
  for (const m of merges) if (m.bottom + 1 > rowCount) rowCount = Math.min(m.bottom + 1, rowReach);
  // Small merges are indexed by every cell they cover, so lookups stay O(1) on large sheets; large ones (few in
  // any real sheet) are kept apart and looked through, so a whole-sheet merge costs one entry, not 17 billion.
  const mergeIndex = new Map<number, MergeArea>();
  const large: MergeArea[] = [];
  const key = (r: number, c: number) => r * 16384 + c;
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > INDEXED_MERGE_CELLS) {
      large.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) mergeIndex.set(key(r, c), m);
  }
  return {
    ...(source.revisionsAccepted ? { revisionsAccepted: true as const } : {}),
    name,
    rowCount,
    colCount,
    merges,
    cell(row, col) {
      return rows[row]?.[col] ?? EMPTY;
    },
    rowWidth(row) {
      return rows[row]?.length ?? 0;
    },
    mergeAt(row, col) {
      const found = mergeIndex.get(key(row, col));
      if (found || large.length === 0) return found;
      return large.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
    },
    ...(firstUncalculated ? { firstUncalculated } : {}),
  };
}

/** A cell holding a formula that was never calculated: its value is unknown (see RawCell.uncalculated). */
export function uncalculatedCell(numberFormat?: string): RawCell {
  const cell: RawCell = { value: null, text: "", uncalculated: true };
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

/** True for a formula cell whose value is unknown. */
export function isUncalculated(cell: RawCell | undefined): boolean {
  return cell?.uncalculated === true;
}

/** A grid from plain values, for tests and generated data: strings, numbers, Dates or null. */
export function gridFromValues(
  name: string,
  values: ReadonlyArray<ReadonlyArray<CellValue | undefined>>,
  merges: readonly MergeArea[] = [],
): Grid {
  return makeGrid(
    name,
    values.map((row) => row.map((v) => (v === undefined || v === null || v === "" ? undefined : rawCell(v)))),
    merges,
  );
}
