// What the simulator learned from Excel's API reference and the office-js issue tracker while the add-in was made
// ready for real Excel (issue 10). Each behaviour here made an adapter test fail before the adapter was fixed.

import { createWorkbook, isSimError } from "../support/excel-sim";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isSimError(e)) return e.code;
    throw e;
  }
  return "resolved";
}

describe("deleting a very hidden sheet", () => {
  it("is refused with InvalidOperation; made hidden first, it is deleted", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }, { name: "_store", visibility: "VeryHidden" }] });
    expect(await codeOf(wb.run(async (ctx) => ctx.workbook.worksheets.getItem("_store").delete()))).toBe(
      "InvalidOperation",
    );
    expect(wb.sheetNames()).toEqual(["S", "_store"]);
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("_store");
      ws.visibility = "Hidden";
      ws.delete();
      await ctx.sync();
    });
    expect(wb.sheetNames()).toEqual(["S"]);
  });
});

describe("cell-edit mode", () => {
  it("refuses a batch while a cell is edited, unless the run asks to wait (ExcelApi 1.11)", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", values: [[1]] }] });
    const read = (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
      return ctx.sync().then(() => r.values[0]?.[0]);
    };
    wb.startCellEdit();
    expect(await codeOf(wb.run(read))).toBe("InvalidOperationInCellEditMode");
    const waiting = wb.run({ delayForCellEdit: true }, read);
    await new Promise((r) => setTimeout(r, 10));
    wb.endCellEdit();
    await expect(waiting).resolves.toBe(1);
    wb.setRequirementSet("ExcelApi", "1.10");
    wb.startCellEdit();
    expect(await codeOf(wb.run({ delayForCellEdit: true }, read))).toBe("InvalidOperationInCellEditMode");
  });
});

describe("reading limits", () => {
  it("fails getMergedAreasOrNullObject beyond 512 merged areas, and finds areas by their top-left cell", async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`);
    const wb = createWorkbook({ sheets: [{ name: "S", merges }] });
    const load = (address: string) =>
      wb.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem("S").getRange(address).getMergedAreasOrNullObject();
        m.load("areaCount");
        await ctx.sync();
        return m.isNullObject ? 0 : m.areaCount;
      });
    expect(await codeOf(load("A:A"))).toBe("GeneralException");
    expect(await load("1:1024")).toBe(512);
    expect(await load("2:3")).toBe(1); // A3:A4 starts in it; A1:A2 does not
  });

  it("refuses to read more cells at once than the limit (5,000,000 by default) with RangeExceedsLimit", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S" }],
      limits: { responseBytes: 1e12, requestBytes: 1e12 },
    });
    const read = (address: string) =>
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange(address).load("values");
        await ctx.sync();
      });
    expect(await codeOf(read("A1:E1000001"))).toBe("RangeExceedsLimit");
  });
});
