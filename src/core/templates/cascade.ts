import { toA1 } from "../grid/a1";
import type { LayoutBuilder } from "./builder";

/** One dropdown choice and the choices of the dependent dropdown it opens (领域 → 专业范围). */
export interface CascadeGroup {
  name: string;
  items: readonly string[];
}

/**
 * A dependent dropdown (专业范围 by 领域) that both Excel hosts can write and that travels with the sheet:
 * the table lives in hidden helper columns of the same sheet — names down one column, each name's item count beside
 * it, its items across the row — and the dependent cell's list is
 * `=OFFSET(firstItem, MATCH(parent, names, 0) - 1, 0, 1, INDEX(counts, MATCH(parent, names, 0)))`.
 *
 * Why not INDIRECT over named ranges: names are workbook-wide in ExcelJS (sheet-scoped names are Office.js only), so a
 * second inserted 申报表 would clash with or silently reuse the first one's names. OFFSET/MATCH/INDEX over the sheet's
 * own cells needs no names and survives copying the sheet.
 * Returns the formula for the dependent cell's validation.
 */
export function writeCascade(
  builder: LayoutBuilder,
  groups: readonly CascadeGroup[],
  at: { row: number; col: number },
  parent: { row: number; col: number },
): string {
  groups.forEach((group, i) => {
    builder.helper(at.row + i, at.col, group.name);
    builder.helper(at.row + i, at.col + 1, group.items.length);
    group.items.forEach((item, j) => builder.helper(at.row + i, at.col + 2 + j, item));
  });
  const widest = Math.max(...groups.map((g) => g.items.length));
  for (let c = at.col; c < at.col + 2 + widest; c++) builder.hideColumn(c);
  const abs = (row: number, col: number) => toA1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const last = at.row + groups.length - 1;
  const names = `${abs(at.row, at.col)}:${abs(last, at.col)}`;
  const counts = `${abs(at.row, at.col + 1)}:${abs(last, at.col + 1)}`;
  const match = `MATCH(${abs(parent.row, parent.col)},${names},0)`;
  return `=OFFSET(${abs(at.row, at.col + 2)},${match}-1,0,1,INDEX(${counts},${match}))`;
}
