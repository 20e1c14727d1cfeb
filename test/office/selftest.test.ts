// The 自检 (self-test users run in Excel) against the simulator: every operation passes on a current Excel, what an
// older Excel lacks is "not supported" rather than failed, a host that claims more than it has shows failures instead
// of throwing, and the workbook is left as it was.

import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { formatSelfTestReport, runSelfTest } from "../../src/adapters/office/selftest";
import { createWorkbook } from "../support/excel-sim";

jest.setTimeout(60_000);

function workbook(excelApi: string) {
  return createWorkbook({
    sheets: [
      { name: "说明", values: [["请勿修改"]] },
      { name: "汇总表", values: [["项目名称", "学员人数"]], fills: { A1: "#FFFFFF" } },
    ],
    active: "汇总表",
    requirementSets: { ExcelApi: excelApi },
    parsesTypedText: true,
  });
}

const diagnostics = { host: "Excel", platform: "PC", version: "16.0.18526.20168" };

it("passes every operation on a current Excel and leaves the workbook as it was", async () => {
  const wb = workbook("1.18");
  const before = { names: wb.sheetNames(), cells: wb.sheet("汇总表").cells(), settings: wb.settings() };
  const report = await runSelfTest({ run: wb.run, isSetSupported: wb.isSetSupported, diagnostics });
  expect(report.steps.filter((s) => s.status !== "passed")).toEqual([]);
  expect(report.passed).toBeGreaterThanOrEqual(12);
  expect(wb.sheetNames()).toEqual(before.names);
  expect(wb.activeSheet()).toBe("汇总表");
  expect(wb.sheet("汇总表").cells()).toEqual(before.cells);
  expect(wb.settings()).toEqual(before.settings);

  const text = formatSelfTestReport(report);
  expect(text).toContain("平台 PC，版本 16.0.18526.20168");
  expect(text).toContain("ExcelApi 1.18");
  expect(text).toMatch(/结果：通过 \d+ 项，失败 0 项/);
  for (const s of report.steps) expect(text).toContain(`${s.name}：通过（${s.ms} 毫秒`);
});

it("keeps a store the user already has, and their other settings in it", async () => {
  const wb = workbook("1.18");
  const { OfficeWorkbookPort } = await import("../../src/adapters/office");
  await new OfficeWorkbookPort({ run: wb.run, isSetSupported: wb.isSetSupported }).setSetting("override", {
    a: 1,
  });
  const report = await runSelfTest({ run: wb.run, isSetSupported: wb.isSetSupported });
  expect(report.failed).toBe(0);
  const fresh = new OfficeWorkbookPort({ run: wb.run, isSetSupported: wb.isSetSupported });
  expect(await fresh.getSetting("override")).toEqual({ a: 1 });
  expect(await fresh.getSetting("selftest")).toBeUndefined();
});

it.each([
  ["1.12", ["sheet.merges"]],
  ["1.9", ["sheet.merges", "marks.annotations"]],
  ["1.8", ["sheet.merges", "marks.paint", "marks.annotations", "marks.record", "marks.clear"]],
])("on ExcelApi %s reports what is missing as not supported, with no failure", async (v, missing) => {
  const wb = workbook(v);
  const report = await runSelfTest({ run: wb.run, isSetSupported: wb.isSetSupported });
  expect(report.failed).toBe(0);
  const unsupported = report.steps.filter((s) => s.status === "unsupported").map((s) => s.id);
  expect(unsupported).toEqual(expect.arrayContaining(missing));
  expect(formatSelfTestReport(report)).toContain("不支持");
});

it("reports failures, not a crash, when Excel cannot do what it claims", async () => {
  const wb = workbook("1.9");
  // The host says 1.18, Excel has 1.9: notes and merges fail with ApiNotFound.
  const report = await runSelfTest({ run: wb.run, isSetSupported: (name) => name === "ExcelApi" });
  const failed = report.steps.filter((s) => s.status === "failed");
  expect(failed.map((s) => s.id)).toEqual(expect.arrayContaining(["sheet.merges", "marks.annotations"]));
  expect(failed.every((s) => (s.detail ?? "").length > 0)).toBe(true);
  expect(report.steps.find((s) => s.id === "sheet.delete")?.status).toBe("passed");
  expect(wb.sheetNames()).toEqual(["说明", "汇总表"]);
});

it("npm run selftest:sim prints the summary line CI reads", () => {
  const root = path.join(__dirname, "..", "..");
  const npm = spawnSync("npm", ["run", "-s", "selftest:sim"], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(npm.status).toBe(0);
  const summary = /selftest passed=(\d+) failed=(\d+)/.exec(npm.stdout);
  expect(summary).not.toBeNull();
  expect(Number(summary?.[1])).toBeGreaterThanOrEqual(12);
  expect(Number(summary?.[2])).toBe(0);
});
