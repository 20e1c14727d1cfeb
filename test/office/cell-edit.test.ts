// Regression: a batch sent while the user is typing in a cell fails in Excel (InvalidOperationInCellEditMode). The port
// now asks every Excel.run to wait for the edit to end (RunOptions.delayForCellEdit, ExcelApi 1.11), and says in
// Chinese what to do on an Excel too old to wait.

import { OfficeAdapterError } from "../../src/adapters/office";
import { createWorkbook } from "../support/excel-sim";
import { finding, portFor } from "./helpers";

function workbook(excelApi: string) {
  return createWorkbook({
    sheets: [{ name: "名单", values: [["姓名"], ["张三"], [""]] }],
    requirementSets: { ExcelApi: excelApi },
  });
}

it("waits while the user edits a cell, then reads and marks", async () => {
  const wb = workbook("1.18");
  const port = portFor(wb);
  wb.startCellEdit();
  let done = false;
  const work = (async () => {
    await port.readSheet("名单");
    await port.applyMarks("名单", [finding("名单", 2, 0)]);
    done = true;
  })();
  await new Promise((r) => setTimeout(r, 20));
  expect(done).toBe(false);
  wb.endCellEdit();
  await work;
  expect(wb.sheet("名单").cell("A3").fill).not.toBeNull();
});

it("tells the user in Chinese to finish editing where Excel cannot wait (before ExcelApi 1.11)", async () => {
  const wb = workbook("1.10");
  wb.startCellEdit();
  const error = await portFor(wb)
    .readSheet("名单")
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OfficeAdapterError);
  expect((error as OfficeAdapterError).kind).toBe("cell-edit");
  expect((error as OfficeAdapterError).text.zh).toMatch(/正在编辑单元格.*Enter/);
  wb.endCellEdit();
  await expect(portFor(wb).readSheet("名单")).resolves.toBeDefined();
});
