// The pane's 校验 over the Office port on the simulator, counting requests as issue 4 budgets them: looking at the
// workbook, reading the active sheet, checking it with the engine and marking its findings take at most 3
// context.sync calls for sheets of 1,000, 10,000 and 100,000 rows (up to 10,000 marked cells); a reference sheet
// of units that did not finish 2025 costs one more.

import { lookAtWorkbook, checkSheetThroughPort } from "../../src/taskpane/workbook-check";
import { createWorkbook } from "../support/excel-sim";
import { expectSyncsAtMost, measureSyncs } from "../support/excel-sim/syncs";
import { portFor, traineeList } from "./helpers";

const FIVE_MB = 5 * 1024 * 1024;

/** What the pane does on 校验: look at the workbook (reading the active sheet where the port can), check, mark. */
async function paneCheck(port: ReturnType<typeof portFor>) {
  const { sheets, activeGrid } = await lookAtWorkbook(port);
  const sheet = sheets.find((s) => s.active)?.name ?? "";
  return checkSheetThroughPort(port, sheet, {
    mark: true,
    sheetNames: sheets.map((s) => s.name),
    grid: activeGrid,
  });
}

describe.each([1_000, 10_000, 100_000])("the pane's 校验 of a %s-row list inside Excel", (rows) => {
  it("looks, reads, checks and marks in at most 3 syncs (4 the first time at 100,000 rows), each request under 5 MB", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "说明" }, { name: "汇总表", values: traineeList(rows) }],
      active: "汇总表",
    });
    const port = portFor(wb);
    // A sheet read for the first time: its first request brings its first 12,000 rows with its size, the rest
    // follows in blocks that fill a response (issue 15: no request refused). Later readings know its shape.
    const m = await expectSyncsAtMost(wb, rows < 100_000 ? 3 : 4, () => paneCheck(port));
    const { check, grid } = m.result;
    expect(grid?.rowCount).toBe(rows);
    const tooFew = check.findings.filter((f) => f.rule === "trainees.min");
    expect(tooFew).toHaveLength(Math.floor((rows - 1) / 10));
    expect(Object.keys(wb.sheet("汇总表").notes()).length).toBeGreaterThanOrEqual(tooFew.length);
    expect(m.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(m.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(m.requests.filter((r) => r.error)).toEqual([]);

    // Checking again with nothing fixed: the same up to 10,000 rows. At 100,000 rows the 10,000 notes of last time
    // are deleted and 10,000 added again, more than one 5 MB request holds: one more sync (the marks' own budget).
    await expectSyncsAtMost(wb, rows < 100_000 ? 3 : 4, () => paneCheck(port));
  }, 120_000);

  it("costs one sync more with a 2025未完成单位 reference sheet in the workbook", async () => {
    const wb = createWorkbook({
      sheets: [
        { name: "汇总表", values: traineeList(rows) },
        { name: "2025未完成单位", values: [["单位名称"], ["某某培训中心"]] },
      ],
    });
    const m = await expectSyncsAtMost(wb, rows < 100_000 ? 4 : 5, () => paneCheck(portFor(wb)));
    expect(m.syncs).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe("without readActiveSheet (a port that lacks it)", () => {
  it("checks the same sheet the same way, reading it separately", async () => {
    const wb = createWorkbook({ sheets: [{ name: "汇总表", values: traineeList(100) }] });
    const port = portFor(wb);
    const plain = Object.assign(Object.create(Object.getPrototypeOf(port) as object) as typeof port, port, {
      readActiveSheet: undefined,
    });
    const withOne = await measureSyncs(wb, () => paneCheck(port));
    const withoutOne = await measureSyncs(wb, () => paneCheck(plain));
    expect(withoutOne.result.check.findings).toEqual(withOne.result.check.findings);
    expect([withOne.syncs, withoutOne.syncs]).toEqual([3, 4]);
  });
});

describe("the ribbon's 校验 inside Excel", () => {
  it("reads the stored ignores and choices, looks, reads, checks and marks in at most 5 syncs (2 of them read the stored settings)", async () => {
    const { checkActiveSheet } = await import("../../src/commands/validate");
    const wb = createWorkbook({
      sheets: [{ name: "汇总表", values: traineeList(10_000) }],
      active: "汇总表",
    });
    const m = await expectSyncsAtMost(wb, 5, () => checkActiveSheet(portFor(wb), "zh"));
    expect(m.result).toContain("汇总表");
    expect(Object.keys(wb.sheet("汇总表").notes()).length).toBeGreaterThan(0);
  }, 60_000);
});
