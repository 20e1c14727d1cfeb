import { gridFromValues, makeGrid, rawCell } from "../../src/core/grid/grid";
import type { CellValue, Grid, RawCell } from "../../src/core/grid/types";
import { LIST_COLUMNS } from "../../src/core/recognise/columns";
import { readList } from "../../src/core/recognise/list";
import {
  computeStats as computeStatsWith,
  planRankColumn,
  statsProfileFor,
  RANK_COLUMN_HEADER,
  RankColumnError,
  safeWrites,
  type CellWrite,
} from "../../src/core/stats";

/** The statistics of a Shanghai list: the tests read it with the sh-2026-gaoyan pack's profile (stats.yaml). */
const computeStats = (
  grid: Parameters<typeof computeStatsWith>[0],
  options: Parameters<typeof computeStatsWith>[1] = {},
) => computeStatsWith(grid, { profile: statsProfileFor("sh-2026-gaoyan"), ...options });

const scored = (extra: (CellValue | undefined)[][] = []) =>
  gridFromValues("s", [
    ["项目名称", "承办单位", "评审得分"],
    ["甲", "A", 80],
    ["乙", "B", 90],
    ["丙", "C", undefined],
    ["丁", "D", 80],
    ...extra,
  ]);

function statsOf(grid: Grid) {
  const stats = computeStats(grid);
  if (!stats) throw new Error("not a list");
  return stats;
}

/** The grid with the writes applied, as an adapter would. */
function applied(grid: Grid, writes: readonly CellWrite[]): Grid {
  const rows: (RawCell | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    rows.push([]);
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      (rows[r] as (RawCell | undefined)[])[c] = cell.value === null ? undefined : cell;
    }
  }
  for (const w of writes) {
    while (rows.length <= w.row) rows.push([]);
    (rows[w.row] as (RawCell | undefined)[])[w.col] = w.value === null ? undefined : rawCell(w.value);
  }
  return makeGrid(grid.name, rows, grid.merges);
}

describe("planRankColumn", () => {
  it("by default adds a column right of the table with the header and the ranks, overwriting nothing", () => {
    const grid = scored();
    const plan = planRankColumn(grid, statsOf(grid));
    expect(plan).toMatchObject({ col: 3, header: RANK_COLUMN_HEADER, reused: false, overwrites: [] });
    expect(plan.writes).toEqual([
      { row: 0, col: 3, value: RANK_COLUMN_HEADER },
      { row: 1, col: 3, value: 2 },
      { row: 2, col: 3, value: 1 },
      { row: 4, col: 3, value: 2 },
    ]);
  });

  it("skips a column that holds anything in the table's rows, even without a header", () => {
    const grid = gridFromValues("s", [
      ["项目名称", "评审得分"],
      ["甲", 80, undefined, "备忘"],
      ["乙", 90],
    ]);
    const plan = planRankColumn(grid, statsOf(grid));
    // Column C is empty in every table row; column D holds a note.
    expect(plan.col).toBe(2);
    const crowded = gridFromValues("s", [
      ["项目名称", "评审得分"],
      ["甲", 80, "备忘"],
      ["乙", 90],
    ]);
    expect(planRankColumn(crowded, statsOf(crowded)).col).toBe(3);
  });

  it("reports every non-empty cell a chosen column would change, and safeWrites leaves them alone", () => {
    const grid = scored();
    const plan = planRankColumn(grid, statsOf(grid), { column: 1 });
    expect(plan.overwrites).toEqual([
      { row: 0, col: 1, current: "承办单位", next: RANK_COLUMN_HEADER, merged: false },
      { row: 1, col: 1, current: "A", next: "2", merged: false },
      { row: 2, col: 1, current: "B", next: "1", merged: false },
      { row: 3, col: 1, current: "C", next: "", merged: false },
      { row: 4, col: 1, current: "D", next: "2", merged: false },
    ]);
    expect(safeWrites(plan)).toEqual([]);
  });

  it("writes again into its own earlier column, and asks only about ranks that changed", () => {
    const grid = gridFromValues("s", [
      ["项目名称", "评审得分", RANK_COLUMN_HEADER],
      ["甲", 80, 2],
      ["乙", 95, 1],
      ["丙", undefined, 3],
    ]);
    const plan = planRankColumn(grid, statsOf(grid));
    expect(plan).toMatchObject({ col: 2, reused: true });
    // 乙's 1 stays 1; 甲's 2 stays 2; 丙 lost its score, so its stale 3 would be cleared: that one is asked about.
    expect(plan.overwrites).toEqual([{ row: 3, col: 2, current: "3", next: "", merged: false }]);
    expect(safeWrites(plan).map((w) => w.row)).toEqual([0, 1, 2]);
  });

  it("treats a cell inside a merged area as occupied", () => {
    const grid = gridFromValues(
      "s",
      [
        ["项目名称", "评审得分", "说明"],
        ["甲", 80, "合并说明"],
        ["乙", 90],
      ],
      [{ top: 1, left: 2, bottom: 2, right: 2 }],
    );
    const plan = planRankColumn(grid, statsOf(grid), { column: 2 });
    expect(plan.overwrites.map((o) => [o.row, o.merged])).toEqual([
      [0, false],
      [1, true],
      [2, true],
    ]);
    expect(planRankColumn(grid, statsOf(grid)).col).toBe(3);
  });

  it.each([-1, 1.5, 16384])("refuses column %p", (column) => {
    const grid = scored();
    expect(() => planRankColumn(grid, statsOf(grid), { column })).toThrow(RankColumnError);
  });

  it("regression: the written column is not read back as 推荐排序, so ties are not reported as repeated rankings", () => {
    const grid = scored();
    const after = applied(grid, planRankColumn(grid, statsOf(grid)).writes);
    const list = readList(after, LIST_COLUMNS);
    expect(list?.columns.has("rank")).toBe(false);
    expect(list?.columns.get("score")?.col).toBe(2);
  });

  it("a header the user picks is used as given", () => {
    const grid = scored();
    expect(planRankColumn(grid, statsOf(grid), { header: "排名" }).writes[0]).toEqual({
      row: 0,
      col: 3,
      value: "排名",
    });
  });
});
