import type { Grid } from "../grid/types";
import { cellText } from "../read/normalise";
import { normaliseLabel } from "../recognise/labels";
import type { ListStats } from "./types";

/**
 * The default header of the written rank. Not “排名”: that word is one of the 推荐排序 column's aliases, so a list
 * without a 推荐排序 column would read the written ranks back as its 推荐排序 and report every tie (1, 2, 2, 4) as a
 * repeated ranking.
 */
export const RANK_COLUMN_HEADER = "评分排名";

const MAX_COLUMNS = 16384; // Excel's last column is XFD

export interface CellWrite {
  row: number;
  col: number;
  /** The rank, the header text, or null to clear a stale rank of a row that has no score any more. */
  value: string | number | null;
}

export interface CellConflict {
  row: number;
  col: number;
  /** What the cell shows now. */
  current: string;
  /** What it would show after writing ("" when cleared). */
  next: string;
  /** The cell lies inside a merged area: writing would split the user's merge. */
  merged: boolean;
}

export interface RankColumnPlan {
  sheet: string;
  /** The 0-based column the ranks go to. */
  col: number;
  header: string;
  /** Every cell to write: the header, then one per project row that gets a rank (or loses a stale one). */
  writes: CellWrite[];
  /** The non-empty cells among the writes whose content would change: the UI asks before writing them. */
  overwrites: CellConflict[];
  /** The column already had this header (ranks written earlier), so it is written again rather than added. */
  reused: boolean;
}

export interface RankColumnOptions {
  /** 0-based column the user chose; by default a column with the same header, else the first empty one right of the table. */
  column?: number;
  header?: string;
}

/** A column chosen outside the sheet's possible columns (a programmer fault). */
export class RankColumnError extends Error {
  override name = "RankColumnError";
}

function occupied(grid: Grid, row: number, col: number): { text: string; merged: boolean } {
  const merge = grid.mergeAt(row, col);
  const spans = merge !== undefined && (merge.top !== merge.bottom || merge.left !== merge.right);
  const text = merge ? cellText(grid.cell(merge.top, merge.left)) : cellText(grid.cell(row, col));
  return { text, merged: spans };
}

/**
 * Where 写入排名 writes the ranks of computeStats and what it would overwrite. Plain data: nothing is written here.
 * The default column is never occupied (or is this feature's own earlier column); a chosen column may be, and then
 * every non-empty cell that would change is in `overwrites`, so the UI asks first. Rows without a score get no rank.
 */
export function planRankColumn(
  grid: Grid,
  stats: ListStats,
  options: RankColumnOptions = {},
): RankColumnPlan {
  const header = options.header ?? RANK_COLUMN_HEADER;
  const headerRow = stats.headerRow;
  const rows = stats.rows.map((p) => p.row);
  const lastRow = Math.max(headerRow, ...rows);
  const wanted = normaliseLabel(header);
  let col = options.column;
  let reused = false;
  if (col !== undefined && (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS))
    throw new RankColumnError(`Column ${col} is outside the sheet (0–${MAX_COLUMNS - 1})`);
  if (col === undefined) {
    for (let c = 0; c < grid.colCount && col === undefined; c++)
      if (normaliseLabel(cellText(grid.cell(headerRow, c))) === wanted) col = c;
    reused = col !== undefined;
  } else reused = normaliseLabel(cellText(grid.cell(headerRow, col))) === wanted;
  if (col === undefined) {
    let right = -1;
    for (let c = 0; c < grid.colCount; c++) if (occupied(grid, headerRow, c).text !== "") right = c;
    col = right + 1;
    const isFree = (c: number) => {
      for (let row = headerRow; row <= lastRow; row++) {
        const o = occupied(grid, row, c);
        if (o.text !== "" || o.merged) return false;
      }
      return true;
    };
    while (col < MAX_COLUMNS - 1 && !isFree(col)) col++;
  }

  const writes: CellWrite[] = [{ row: headerRow, col, value: header }];
  for (const p of stats.rows) {
    if (p.rank !== null) writes.push({ row: p.row, col, value: p.rank });
    else if (occupied(grid, p.row, col).text !== "") writes.push({ row: p.row, col, value: null });
  }
  const overwrites: CellConflict[] = [];
  for (const w of writes) {
    const o = occupied(grid, w.row, w.col);
    const next = w.value === null ? "" : String(w.value);
    if ((o.text !== "" && o.text !== next) || o.merged)
      overwrites.push({ row: w.row, col: w.col, current: o.text, next, merged: o.merged });
  }
  return { sheet: grid.name, col, header, writes, overwrites, reused };
}

/** The writes that change no non-empty cell: what to write when the user declines to overwrite. */
export function safeWrites(plan: RankColumnPlan): CellWrite[] {
  const conflict = new Set(plan.overwrites.map((o) => `${o.row}:${o.col}`));
  return plan.writes.filter((w) => !conflict.has(`${w.row}:${w.col}`));
}
