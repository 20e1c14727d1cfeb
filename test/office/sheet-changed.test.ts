// onSheetChanged over the simulator, which raises Worksheet.onChanged as Excel does: the user's edits (and a
// co-author's) reach the handler, the add-in's own writes do not, on hosts that report triggerSource (ExcelApi 1.14)
// and on those that do not; unsubscribing stops the calls and removes the handler from Excel.

import { OfficeAdapterError } from "../../src/adapters/office";
import { ECHO_MS, OwnChanges } from "../../src/adapters/office/changes";
import { createWorkbook } from "../support/excel-sim";
import { finding, portFor } from "./helpers";

const LIST = [
  ["项目名称", "学员人数"],
  ["数字技术高级研修班", 60],
  ["人工智能高级研修班", 40],
];

function workbook(version = "1.18", eventDelayMs = 0) {
  return createWorkbook({
    sheets: [
      { name: "名单", values: LIST },
      { name: "说明", values: [["说明"]] },
    ],
    requirementSets: { ExcelApi: version },
    parsesTypedText: true,
    eventDelayMs,
  });
}

/** Subscribes and waits until the handler is registered in Excel. */
async function watch(wb: ReturnType<typeof workbook>, sheet = "名单") {
  const port = portFor(wb);
  const calls: number[] = [];
  const errors: unknown[] = [];
  const listen = port.onSheetChanged;
  if (!listen) throw new Error("onSheetChanged is missing");
  const stop = listen(
    sheet,
    () => calls.push(Date.now()),
    (e) => errors.push(e),
  );
  await waitFor(() => wb.changedHandlers(sheet) === 1 || errors.length > 0);
  return { port, calls, errors, stop };
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!done()) throw new Error("timed out");
}

describe.each([
  ["1.18", "reports who made a change (triggerSource)"],
  ["1.13", "does not say who made a change"],
])("on ExcelApi %s, which %s", (version) => {
  it("calls the handler for the user's edit, once", async () => {
    const wb = workbook(version);
    const { calls, errors } = await watch(wb);
    wb.typeInto("名单", "B3", [[50]]);
    await wb.eventsSettled();
    expect(calls).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("does not call it for the add-in's own writes and marks", async () => {
    const wb = workbook(version, 20);
    const { port, calls } = await watch(wb);
    await port.writeCells("名单", [
      { row: 0, col: 2, value: "评分排名" },
      { row: 1, col: 2, value: 1 },
      { row: 2, col: 2, value: 2 },
    ]);
    await port.writeCells("名单", [{ row: 2, col: 2, value: null }]);
    await port.readSheet("名单");
    await port.applyMarks("名单", [finding("名单", 2, 1)]);
    await port.clearMarks("名单");
    await port.setSetting("ignores", []);
    await wb.eventsSettled();
    expect(wb.events.raised.length).toBeGreaterThanOrEqual(2);
    expect(calls).toEqual([]);
  });

  it("tells the user's edit elsewhere right after a write of ours from that write's echo", async () => {
    const wb = workbook(version, 20);
    const { port, calls } = await watch(wb);
    await port.writeCells("名单", [{ row: 1, col: 2, value: 1 }]);
    wb.typeInto("名单", "A4", [["区块链高级研修班"]]);
    await wb.eventsSettled();
    expect(calls).toHaveLength(1);
  });

  it("calls it for a co-author's edit", async () => {
    const wb = workbook(version);
    const { calls } = await watch(wb);
    wb.typeInto("名单", "B2", [[55]], "remote");
    await wb.eventsSettled();
    expect(calls).toHaveLength(1);
  });
});

describe("onSheetChanged", () => {
  it("is there from ExcelApi 1.7, and missing (said by capabilities) before", async () => {
    expect(portFor(workbook("1.7")).onSheetChanged).toBeInstanceOf(Function);
    const old = portFor(workbook("1.6"));
    expect(old.onSheetChanged).toBeUndefined();
    expect((await old.capabilities()).missing).toContain("编辑后自动重新校验（实时校验） (ExcelApi 1.7)");
  });

  it("ignores other sheets' edits", async () => {
    const wb = workbook();
    const { calls } = await watch(wb);
    wb.typeInto("说明", "A2", [["补充"]]);
    await wb.eventsSettled();
    expect(calls).toEqual([]);
  });

  it("follows the sheet when it is renamed", async () => {
    const wb = workbook();
    const { calls } = await watch(wb);
    wb.edit(({ sheet }) => (sheet("名单").name = "名单（改）"));
    wb.typeInto("名单（改）", "B2", [[70]]);
    await wb.eventsSettled();
    expect(calls).toHaveLength(1);
  });

  it("stops calling once unsubscribed, and removes the handler from Excel", async () => {
    const wb = workbook();
    const { calls, errors, stop } = await watch(wb);
    stop();
    wb.typeInto("名单", "B2", [[70]]);
    await wb.eventsSettled();
    await waitFor(() => wb.changedHandlers("名单") === 0);
    expect(calls).toEqual([]);
    expect(errors).toEqual([]);
    stop();
  });

  it("removes the handler even when unsubscribed before it was registered", async () => {
    const wb = workbook();
    const stop = portFor(wb).onSheetChanged?.("名单", () => undefined);
    stop?.();
    await waitFor(() => wb.runs >= 2);
    await waitFor(() => wb.changedHandlers("名单") === 0);
    expect(wb.changedHandlers("名单")).toBe(0);
  });

  it("reports a sheet that does not exist to onError, worded for the pane", async () => {
    const wb = workbook();
    const errors: unknown[] = [];
    portFor(wb).onSheetChanged?.(
      "不存在",
      () => undefined,
      (e) => errors.push(e),
    );
    await waitFor(() => errors.length > 0);
    expect(errors[0]).toBeInstanceOf(OfficeAdapterError);
    expect(errors[0]).toMatchObject({ kind: "sheet-not-found" });
  });
});

describe("telling our changes from the user's without triggerSource", () => {
  const event = (address: string, extra: object = {}) => ({
    worksheetId: "S1",
    address,
    source: "Local",
    ...extra,
  });
  let now = 0;
  const own = () => new OwnChanges(() => now);

  it.each([
    ["a cell we wrote", "C2", true],
    ["a range inside what we wrote", "C2:C3", true],
    ["a range reaching beyond it", "C2:C5", false],
    ["a cell elsewhere", "A9", false],
    ["a whole column", "C:C", false],
  ])("within the echo time, an event on %s is ours: %s", (_what, address, ours) => {
    now = 1_000;
    const o = own();
    o.begin();
    o.end("S1", [{ top: 1, bottom: 3, left: 2, right: 2 }]);
    expect(o.isOwn(event(address))).toBe(ours);
  });

  it("takes every event for ours while a batch of ours runs, none after the echo time", () => {
    now = 0;
    const o = own();
    o.begin();
    expect(o.isOwn(event("A1"))).toBe(true);
    o.end("S1", [{ top: 0, bottom: 0, left: 0, right: 0 }]);
    now = ECHO_MS + 1;
    expect(o.isOwn(event("A1"))).toBe(false);
  });

  it("never takes a co-author's change or another sheet's for ours; trusts triggerSource where given", () => {
    now = 0;
    const o = own();
    o.begin();
    o.end("S1", [{ top: 0, bottom: 0, left: 0, right: 0 }]);
    expect(o.isOwn(event("A1", { source: "Remote" }))).toBe(false);
    expect(o.isOwn({ ...event("A1"), worksheetId: "S2" })).toBe(false);
    expect(o.isOwn(event("A1", { triggerSource: "Unknown" }))).toBe(false);
    expect(o.isOwn(event("Z9", { triggerSource: "ThisLocalAddin" }))).toBe(true);
  });
});
