// Regressions for reading limits real Excel has:
// - getMergedAreasOrNullObject fails on a range with more than 512 merged areas (Excel's reference), which failed the
//   whole read; a list with a merged 推荐单位 per group passes 512 on a large compilation. Merges are now read apart.
// - Excel reads at most 5,000,000 cells at once on every platform (desktop too, where no 5 MB cap applies). Reads
//   over the limit now go to row blocks, halved until they fit.

import { createWorkbook } from "../support/excel-sim";
import { portFor } from "./helpers";

/** A list whose 推荐单位 (column A) is merged over each group of two rows: `groups` merged areas. */
function mergedList(groups: number) {
  const values: Array<Array<string | number>> = [["推荐单位", "姓名"]];
  const merges: string[] = [];
  for (let g = 0; g < groups; g++) {
    const top = 2 + g * 2;
    values.push([`单位${g}`, `甲${g}`], ["", `乙${g}`]);
    merges.push(`A${top}:A${top + 1}`);
  }
  return { values, merges };
}

describe("more than 512 merged areas", () => {
  it.each([
    ["readSheet", false],
    ["readActiveSheet", true],
  ])("%s reads every cell and every merge", async (_name, active) => {
    const { values, merges } = mergedList(1_300);
    const wb = createWorkbook({ sheets: [{ name: "名单", values, merges }] });
    const port = portFor(wb);
    const grid = active ? (await port.readActiveSheet()).grid : await port.readSheet("名单");
    expect(grid.merges).toHaveLength(1_300);
    expect(grid.mergeAt(2_600, 0)).toEqual({ top: 2_599, left: 0, bottom: 2_600, right: 0 });
    expect(grid.cell(2_599, 0).value).toBe("单位1299");
    expect(grid.cell(2_600, 1).value).toBe("乙1299");
  });

  it("reads in blocks with the merges apart when the sheet is also too large for one answer", async () => {
    const { values, merges } = mergedList(600);
    const wb = createWorkbook({
      sheets: [{ name: "名单", values, merges }],
      limits: { responseBytes: 20_000 },
    });
    const grid = await portFor(wb).readSheet("名单");
    expect(grid.merges).toHaveLength(600);
    expect(grid.cell(1_200, 1).value).toBe("乙599");
  });
});

describe("more cells than Excel reads at once", () => {
  it.each([
    ["fails with RangeExceedsLimit", false],
    ["answers null values", true],
  ])(
    "reads a sheet over the cell limit in blocks where Excel %s (desktop: no 5 MB cap)",
    async (_how, overReadNull) => {
      const wb = createWorkbook({
        sheets: [{ name: "大表", values: [["项目名称", "学员人数"]], cells: { H40000: { value: "末" } } }],
        limits: { readCells: 50_000, responseBytes: 1e9, requestBytes: 1e9, overReadNull },
      });
      const port = portFor(wb);
      for (const grid of [await port.readSheet("大表"), (await portFor(wb).readActiveSheet()).grid]) {
        expect(grid.cell(0, 0).value).toBe("项目名称");
        expect(grid.cell(39_999, 7).value).toBe("末");
      }
      if (!overReadNull) expect(wb.requests.some((r) => r.error === "RangeExceedsLimit")).toBe(true);
    },
  );
});
