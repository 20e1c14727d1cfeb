// Regression: Workbook.settings belong to one add-in id. A workbook marked by another deployment of the add-in (a dev
// copy, another office's server) has our fills but no record this add-in can see, so 清除标记 left every fill behind.
// The simulator now keeps settings per add-in; the port finds such fills by colour and clears them when the pane's
// user asks.

import { MARKS_SETTING_KEY } from "../../src/adapters/office";
import { strayExamples } from "../../src/adapters/office/stray-marks";
import { MARK_FILL } from "../../src/core/marks";
import { createWorkbook } from "../support/excel-sim";
import { finding, listRows, portFor } from "./helpers";

function markedByAnotherDeployment() {
  const wb = createWorkbook({ sheets: [{ name: "S", values: listRows(30), fills: { B3: "#DDEBF7" } }] });
  return wb;
}

it("finds our fills that no record lists, and clears them (and our notes) when asked", async () => {
  const wb = markedByAnotherDeployment();
  wb.switchAddin("production");
  await portFor(wb).applyMarks("S", [finding("S", 2, 1), finding("S", 5, 0, "warning"), finding("S", 9, 0)]);
  expect(wb.settings()[MARKS_SETTING_KEY]).toBeDefined();

  wb.switchAddin("this");
  const port = portFor(wb);
  await port.clearMarks("S");
  const s = wb.sheet("S");
  // Without a record the fills stay; notes go, found by their prefix.
  expect(s.cell("A6").fill).toEqual({ color: MARK_FILL.warning, pattern: "Solid" });
  expect(s.notes()).toEqual({});

  const stray = await port.findStrayMarks("S");
  expect(strayExamples(stray)).toEqual(["B3", "A6", "A10"]);
  expect(await port.clearStrayMarks("S")).toBe(3);
  expect(s.cell("A6").fill).toBeNull();
  expect(s.cell("A10").fill).toBeNull();
  // The original fill of B3 was recorded by the other deployment only: it comes back as no fill, the best guess.
  expect(s.cell("B3").fill).toBeNull();
  expect((await port.findStrayMarks("S")).cells).toEqual([]);
});

it("does not count the cells its own record knows, which 清除标记 restores", async () => {
  const wb = markedByAnotherDeployment();
  const port = portFor(wb);
  await port.applyMarks("S", [finding("S", 2, 1)]);
  expect((await port.findStrayMarks("S")).cells).toEqual([]);
  await port.clearMarks("S");
  expect(wb.sheet("S").cell("B3").fill).toEqual({ color: "#DDEBF7", pattern: "Solid" });
});

it("scans a large sheet in blocks within Excel on the web's 5 MB", async () => {
  const wb = createWorkbook({
    sheets: [{ name: "S", values: listRows(30_000), fills: { A29999: MARK_FILL.error } }],
  });
  const stray = await portFor(wb).findStrayMarks("S");
  expect(strayExamples(stray)).toEqual(["A29999"]);
  expect(wb.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
});
