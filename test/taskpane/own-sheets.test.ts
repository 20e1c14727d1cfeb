// Sheets the add-in made itself are told apart before checking (issue 13, re-checking our own outputs).

import ExcelJS from "exceljs";
import { addLayoutSheet } from "../../src/adapters/xlsx/draw";
import { gridFromWorksheet } from "../../src/adapters/xlsx/read";
import { makeGrid, rawCell } from "../../src/core/grid/grid";
import { TEMPLATES } from "../../src/core/templates/registry";
import { ownSheetOf } from "../../src/taskpane/own-sheets";

function drawn(templateIndex: number) {
  const wb = new ExcelJS.Workbook();
  const template = TEMPLATES[templateIndex]!;
  return { template, ws: addLayoutSheet(wb, template.build()) };
}

describe("ownSheetOf", () => {
  it.each(TEMPLATES.map((t, i) => [t.id, i] as const))(
    "takes the blank %s for a blank template",
    (_id, i) => {
      const { template, ws } = drawn(i);
      expect(ownSheetOf(gridFromWorksheet(ws))).toEqual({ kind: "blank-template", template });
    },
  );

  it("takes a template with one value typed in for the user's own sheet", () => {
    const { ws } = drawn(TEMPLATES.findIndex((t) => t.id === "sh-82-application"));
    const grid = gridFromWorksheet(ws);
    // The first empty cell inside the drawn area gets a value, as a person filling the form would.
    let typed = false;
    for (let r = 2; r < grid.rowCount && !typed; r++)
      for (let c = 1; c < grid.colCount && !typed; c++)
        if (grid.cell(r, c).value === null && !grid.mergeAt(r, c)) {
          ws.getCell(r + 1, c + 1).value = "上海人工智能产业研究院";
          typed = true;
        }
    expect(typed).toBe(true);
    expect(ownSheetOf(gridFromWorksheet(ws))).toBeNull();
  });

  it("takes only a title copied from a template for the user's own sheet", () => {
    const { ws } = drawn(0);
    const title = gridFromWorksheet(ws).cell(0, 0);
    expect(ownSheetOf(makeGrid("Sheet1", [[title]]))).toBeNull();
  });

  it.each([
    ["校验结果", ["工作表", "单元格", "严重程度", "规则"]],
    ["校验结果 (2)", ["工作表", "单元格", "严重程度", "规则"]],
    ["Check results", ["Sheet", "Cell", "Severity", "Rule"]],
  ])("takes %s with its header for the results sheet of an annotated copy", (name, header) => {
    const grid = makeGrid(name, [
      header.map((h) => rawCell(h)),
      ["推荐表", "B3", "错误", "必填项未填"].map((v) => rawCell(v)),
    ]);
    expect(ownSheetOf(grid)).toEqual({ kind: "results" });
  });

  it("takes a user's sheet that happens to be named 校验结果 but holds something else for theirs", () => {
    const grid = makeGrid("校验结果", [["序号", "项目名称"].map((v) => rawCell(v))]);
    expect(ownSheetOf(grid)).toBeNull();
  });
});
