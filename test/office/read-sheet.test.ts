import { createWorkbook } from "../support/excel-sim";
import { measureSyncs } from "../support/excel-sim/syncs";
import { listRows, portFor } from "./helpers";

describe("readSheet", () => {
  it("returns values, displayed text, number formats and merged areas in one sync", async () => {
    const wb = createWorkbook({
      sheets: [
        {
          name: "申报表",
          origin: "B2",
          values: [
            ["项目名称", null, "人数"],
            ["数字化转型研修班", null, 60],
          ],
          cells: {
            D4: { value: 46082, numberFormat: "yyyy-mm-dd" },
            E4: { value: 0.35, numberFormat: "0%" },
            F4: { value: true },
            G4: { value: 120, formula: "=D3*2" },
            H4: { value: "001" },
          },
          merges: ["B2:C2", "B3:C3"],
        },
      ],
    });
    const m = await measureSyncs(wb, () => portFor(wb).readSheet("申报表"));
    const grid = m.result;
    expect(m.syncs).toBe(1);
    expect([grid.rowCount, grid.colCount]).toEqual([4, 8]);
    expect(grid.cell(0, 0)).toEqual({ value: null, text: "" });
    expect(grid.cell(1, 1)).toEqual({ value: "项目名称", text: "项目名称" });
    expect(grid.cell(2, 3)).toEqual({ value: 60, text: "60", numberFormat: "General" });
    expect(grid.cell(3, 3)).toEqual({
      value: new Date(Date.UTC(2026, 2, 1)),
      text: "2026-03-01",
      numberFormat: "yyyy-mm-dd",
    });
    expect(grid.cell(3, 4)).toEqual({ value: 0.35, text: "35%", numberFormat: "0%" });
    expect(grid.cell(3, 5)).toEqual({ value: true, text: "TRUE" });
    expect(grid.cell(3, 6)).toEqual({ value: 120, text: "120", numberFormat: "General" });
    expect(grid.cell(3, 7)).toEqual({ value: "001", text: "001" });
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 2, left: 1, bottom: 2, right: 2 },
    ]);
    expect(grid.mergeAt(1, 2)).toEqual({ top: 1, left: 1, bottom: 1, right: 2 });
  });

  it("reads an empty sheet as an empty grid", async () => {
    const wb = createWorkbook({ sheets: [{ name: "空" }] });
    const grid = await portFor(wb).readSheet("空");
    expect([grid.rowCount, grid.colCount]).toEqual([0, 0]);
  });

  it("reads the used range only, ignoring formatted but empty cells beyond it", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", values: [["a"]], fills: { Z100: "#FF0000" } }] });
    const grid = await portFor(wb).readSheet("S");
    expect([grid.rowCount, grid.colCount]).toEqual([1, 1]);
  });

  it("reads merges only where ExcelApi 1.13 is there, and still reads the values", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", values: [["a", "b"]], merges: ["A2:B2"] }],
      requirementSets: { ExcelApi: "1.12" },
    });
    const grid = await portFor(wb).readSheet("S");
    expect(grid.merges).toEqual([]);
    expect(grid.cell(0, 1).value).toBe("b");
  });

  it("reads before ExcelApi 1.9 too, loading every cell's text and format", async () => {
    const wb = createWorkbook({
      sheets: [
        { name: "S", values: [["名称", 3]], cells: { C1: { value: 46082, numberFormat: "yyyy/m/d" } } },
      ],
      requirementSets: { ExcelApi: "1.2" },
    });
    const grid = await portFor(wb).readSheet("S");
    expect(grid.cell(0, 0)).toEqual({ value: "名称", text: "名称", numberFormat: "General" });
    expect(grid.cell(0, 2)).toEqual({
      value: new Date(Date.UTC(2026, 2, 1)),
      text: "2026/3/1",
      numberFormat: "yyyy/m/d",
    });
  });

  it("refuses on an Excel without ExcelApi 1.2, saying so and pointing to file mode", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }], requirementSets: { ExcelApi: "1.1" } });
    await expect(portFor(wb).readSheet("S")).rejects.toMatchObject({
      kind: "unsupported",
      text: { zh: expect.stringContaining("文件模式"), en: expect.stringContaining("file mode") },
    });
  });

  it("throws a typed, bilingual error for a sheet that does not exist", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await expect(portFor(wb).readSheet("不存在")).rejects.toMatchObject({
      name: "OfficeAdapterError",
      kind: "sheet-not-found",
      code: "ItemNotFound",
      text: { zh: expect.stringContaining("不存在"), en: expect.stringContaining("不存在") },
    });
  });

  it("reads a sheet too large for one 5 MB response in row blocks, each under the limit", async () => {
    // 150,000 rows of long text: about 10 MB of values, beyond one response.
    const rows = listRows(150_000).map((r, i) => [
      `${r[0]}（上海市浦东新区张江高科技园区第${i}号楼）`,
      r[1] ?? 0,
    ]);
    const wb = createWorkbook({ sheets: [{ name: "大表", values: rows }] });
    const port = portFor(wb);
    const m = await measureSyncs(wb, () => port.readSheet("大表"));
    expect(m.result.rowCount).toBe(150_000);
    expect(m.result.cell(149_999, 0).value).toBe(rows[149_999]?.[0]);
    expect(m.result.cell(149_999, 1)).toEqual({
      value: rows[149_999]?.[1],
      text: String(rows[149_999]?.[1]),
      numberFormat: "General",
    });
    // No request refused, not even the first (issue 15): the first reads a bounded block with the sheet's size, the
    // rest comes in blocks sized from the bytes the cells took, each close to the 5 MB limit and under it.
    expect(m.requests.filter((r) => r.error)).toEqual([]);
    expect(m.requests.length).toBeGreaterThan(2);
    for (const r of m.requests) expect(r.responseBytes).toBeLessThan(5 * 1024 * 1024);
    const total = m.requests.reduce((n, r) => n + r.responseBytes, 0);
    expect(m.requests.length).toBeLessThanOrEqual(1 + Math.ceil(total / (0.9 * 5 * 1024 * 1024)));
    // The port remembers the shape: the next reading is as few requests, none refused.
    const again = await measureSyncs(wb, () => port.readSheet("大表"));
    expect(again.requests.filter((r) => r.error)).toEqual([]);
    expect(again.requests.length).toBeLessThanOrEqual(m.requests.length);
    expect(again.result.cell(149_999, 0).value).toBe(rows[149_999]?.[0]);
  }, 60_000);
});
