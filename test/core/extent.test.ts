import { checkGrid } from "../../src/core/check";
import { makeGrid } from "../../src/core/grid/grid";
import type { RawCell } from "../../src/core/grid/types";

const text = (t: string | number): RawCell => ({ value: t, text: String(t) });

// Regression (issue 12): one cell at XFD1048576 made every row walk 16,384 columns, a million rows long.
describe("work follows the cells present, not the sheet's extent", () => {
  const rows: RawCell[][] = [
    [text("推荐排序"), text("项目名称"), text("承办单位"), text("备注")],
    [text(1), text("人工智能高级研修班"), text("甲院"), text("重点推荐")],
    [text(2), text("集成电路高级研修班"), text("乙院"), text("")],
  ];

  it("a lone far cell leaves the findings of the table unchanged and costs no walk over the extent", () => {
    const tidy = checkGrid(makeGrid("推荐表", rows));
    const far: RawCell[][] = [...rows];
    far[1048575] = [];
    (far[1048575] as RawCell[])[16383] = text("远");
    const grid = makeGrid("推荐表", far);
    expect([grid.rowCount, grid.colCount, grid.rowWidth(5), grid.rowWidth(1048575)]).toEqual([
      1048576, 16384, 0, 16384,
    ]);
    const started = process.cpuUsage();
    const result = checkGrid(grid);
    const cpu = process.cpuUsage(started);
    // The same findings; only where a missing footer is reported moves (below the last row the sheet has).
    const where = (f: { rule: string; row: number; col: number }) => [f.rule, Math.min(f.row, 2), f.col];
    expect(result.findings.map(where)).toEqual(tidy.findings.map(where));
    // Walking every column of every row would be 17 billion cell visits: minutes, not this.
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(5);
  });
});
