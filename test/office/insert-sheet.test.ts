import { TEMPLATES } from "../../src/core/templates";
import type { SheetLayout } from "../../src/core/templates/layout";
import { uniqueSheetName, widthToPoints } from "../../src/adapters/office/insert-sheet";
import { createWorkbook } from "../support/excel-sim";
import { measureSyncs } from "../support/excel-sim/syncs";
import { portFor } from "./helpers";

const LAYOUT: SheetLayout = {
  name: "申报表",
  cells: [
    {
      row: 0,
      col: 0,
      value: "高级研修项目申报表",
      style: { bold: true, fontSize: 16, fontName: "方正小标宋简体", hAlign: "center" },
    },
    { row: 1, col: 0, value: "项目编号", style: { fill: "#D9E1F2", vAlign: "middle" } },
    { row: 1, col: 1, value: "001" },
    { row: 2, col: 0, value: "培训天数", style: { fill: "#D9E1F2", vAlign: "middle" } },
    { row: 2, col: 1, value: 5, style: { numberFormat: "0", hAlign: "right" } },
    { row: 3, col: 0, value: "经费（万元）", style: { fill: "#D9E1F2", vAlign: "middle", wrap: true } },
    {
      row: 3,
      col: 1,
      formula: "=B3*2",
      value: 10,
      style: { numberFormat: "0.00", italic: true, color: "#808080" },
    },
    { row: 4, col: 0, value: "=不是公式" },
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  borders: [{ top: 1, left: 0, bottom: 3, right: 1 }],
  columnWidths: [14, 30, 12],
  rowHeights: { 0: 36, 3: 30 },
  validations: [
    { area: { top: 2, left: 2, bottom: 3, right: 2 }, list: ["是", "否"], prompt: "请选择是否" },
    {
      area: { top: 1, left: 2, bottom: 1, right: 2 },
      list: [],
      formula: "=$E$1:$E$3",
      errorStyle: "warning",
    },
  ],
  print: {
    orientation: "landscape",
    margins: { top: 1, bottom: 1, left: 0.75, right: 0.75, header: 0.5, footer: 0.5 },
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: 3, right: 2 },
    repeatRows: [0, 1],
    centerHorizontally: true,
  },
  charts: [
    {
      kind: "bar",
      title: "各区人数",
      categories: { top: 1, left: 0, bottom: 3, right: 0 },
      values: { top: 1, left: 1, bottom: 3, right: 1 },
      anchor: { row: 6, col: 0, rows: 10, cols: 4 },
    },
  ],
  hiddenColumns: [4],
  showGridLines: false,
  rowBreaks: [3],
};

describe("insertSheet", () => {
  it("draws the whole layout in two syncs and activates the new sheet", async () => {
    const wb = createWorkbook({ sheets: [{ name: "Sheet1" }] });
    const m = await measureSyncs(wb, () => portFor(wb).insertSheet(LAYOUT));
    expect(m.result).toBe("申报表");
    expect(m.syncs).toBe(2);
    expect(wb.activeSheet()).toBe("申报表");
    const s = wb.sheet("申报表");
    expect(s.cell("A1")).toMatchObject({
      value: "高级研修项目申报表",
      font: { bold: true, size: 16, name: "方正小标宋简体" },
      horizontalAlignment: "Center",
    });
    expect(s.cell("B2").value).toBe("001");
    expect(s.cell("A5").value).toBe("=不是公式");
    expect(s.cell("A5").formula).toBeUndefined();
    expect(s.cell("B3")).toMatchObject({ value: 5, numberFormat: "0", horizontalAlignment: "Right" });
    expect(s.cell("B4")).toMatchObject({
      formula: "=B3*2",
      numberFormat: "0.00",
      font: { italic: true, color: "#808080" },
    });
    expect(s.cell("A4")).toMatchObject({
      fill: { color: "#D9E1F2", pattern: "Solid" },
      verticalAlignment: "Center",
      wrapText: true,
    });
    expect(s.merges()).toEqual(["A1:C1"]);
    for (const a of ["A2", "B2", "A4", "B4"])
      expect(s.cell(a).borders).toEqual(
        Object.fromEntries(
          ["top", "bottom", "left", "right"].map((k) => [
            k,
            { style: "Continuous", weight: "Thin", color: "#000000" },
          ]),
        ),
      );
    expect(s.cell("C2").borders).toEqual({});
    expect([s.columnWidth(0), s.columnWidth(1), s.columnWidth(2)]).toEqual([
      widthToPoints(14),
      widthToPoints(30),
      widthToPoints(12),
    ]);
    expect([s.rowHeight(0), s.rowHeight(1), s.rowHeight(3)]).toEqual([36, 15, 30]);
    expect(s.hiddenColumns()).toEqual([4]);
    expect(s.validations()).toEqual([
      {
        address: "C3:C4",
        rule: { list: { inCellDropDown: true, source: "是,否" } },
        prompt: { showPrompt: true, title: "", message: "请选择是否" },
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      },
      {
        address: "C2",
        rule: { list: { inCellDropDown: true, source: "=$E$1:$E$3" } },
        errorAlert: { showAlert: true, style: "Warning", title: "", message: "" },
      },
    ]);
    expect(s.pageLayout()).toMatchObject({
      orientation: "Landscape",
      topMargin: 72,
      leftMargin: 54,
      headerMargin: 36,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:C4",
      printTitleRows: "1:2",
      centerHorizontally: true,
    });
    expect(s.rowBreaks()).toEqual([4]);
    expect(s.showGridlines).toBe(false);
    expect(s.charts()).toEqual([
      {
        type: "BarClustered",
        title: "各区人数",
        legendVisible: false,
        source: "B2:B4",
        xValues: "A2:A4",
        position: { start: "A7", end: "D16" },
      },
    ]);
  });

  it("gives the sheet a unique name", async () => {
    const wb = createWorkbook({ sheets: [{ name: "申报表" }, { name: "申报表 (2)" }] });
    expect(await portFor(wb).insertSheet(LAYOUT)).toBe("申报表 (3)");
    expect(wb.sheetNames()).toEqual(["申报表", "申报表 (2)", "申报表 (3)"]);
  });

  it.each([
    ["申报表", [], "申报表"],
    ["申报表", ["申报表"], "申报表 (2)"],
    ["申报表", ["申报表", "申报表 (2)"], "申报表 (3)"],
    ["a/b:c*?[d]", [], "abcd"],
    ["'quoted'", [], "quoted"],
    ["", [], "Sheet"],
    [
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二",
      ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"],
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)",
    ],
    ["Sheet", ["sheet"], "Sheet (2)"],
  ])("names %j, with %j taken, %j", (wanted, taken, expected) => {
    const name = uniqueSheetName(wanted, taken);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "inserts the %s template in two syncs",
    async (_id, template) => {
      const layout = template.build();
      const wb = createWorkbook({ sheets: [{ name: "Sheet1" }] });
      const m = await measureSyncs(wb, () => portFor(wb).insertSheet(layout));
      expect(m.syncs).toBe(2);
      const s = wb.sheet(m.result);
      const first = layout.cells.find(
        (c) => typeof c.value === "string" && c.formula === undefined && !/^[=+\-@\d]/.test(c.value),
      );
      if (first)
        expect(s.cell(`${String.fromCharCode(65 + first.col)}${first.row + 1}`).value).toBe(first.value);
      expect(s.merges()).toHaveLength(layout.merges.length);
      expect(s.validations().length).toBeGreaterThanOrEqual(layout.validations.length > 0 ? 1 : 0);
    },
  );

  it("refuses before ExcelApi 1.9, saying so", async () => {
    const wb = createWorkbook({ sheets: [{ name: "Sheet1" }], requirementSets: { ExcelApi: "1.8" } });
    await expect(portFor(wb).insertSheet(LAYOUT)).rejects.toMatchObject({ kind: "unsupported" });
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
  });
});
