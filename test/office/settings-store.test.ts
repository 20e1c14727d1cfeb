// The pane's settings inside Excel live in the very hidden "_yanxiu" sheet, in the rows the CLI and the browser file
// mode read and write (src/core/settings-rows.ts, docs/ignores.md): what is ignored in Excel is ignored by
// `yanxiu check`, and what the CLI or file mode stored is what the pane reads in Excel.

import ExcelJS from "exceljs";
import { MARKS_SETTING_KEY, OfficeAdapterError } from "../../src/adapters/office";
import { checkableWorkbookBytes } from "../../src/adapters/xlsx/open-file";
import {
  IGNORES_KEY,
  readIgnores,
  readStore,
  writeIgnores,
  writeStore,
} from "../../src/adapters/xlsx/ignores";
import type { IgnoreEntry } from "../../src/core/check-types";
import { STORE_SHEET } from "../../src/core/settings-rows";
import { createWorkbook, type SimWorkbook } from "../support/excel-sim";
import { measureSyncs } from "../support/excel-sim/syncs";
import { portFor } from "./helpers";

const entry = (i: number, reason = `同一单位不同方向 ${i}`): IgnoreEntry => ({
  sheet: "推荐表",
  rule: "host.one-project",
  cell: `C${i + 5}`,
  reason,
});

const OVERRIDE = { 推荐表: { policy: "sh-2026-gaoyan", level: "provincial" } };

function excelWorkbook(extra: Parameters<typeof createWorkbook>[0]["sheets"] = []): SimWorkbook {
  return createWorkbook({
    sheets: [{ name: "推荐表", values: [["推荐排序", "项目名称"]] }, ...extra],
    parsesTypedText: true,
  });
}

/** The cells of a sheet of an ExcelJS workbook, row by row, as a file opened in Excel would hold them. */
function sheetRows(wb: ExcelJS.Workbook, name: string): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  wb.getWorksheet(name)?.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = [1, 2].map((c) => {
      const v = row.getCell(c).value;
      return typeof v === "number" ? v : String(v ?? "");
    });
  });
  return rows;
}

/** The simulated workbook saved as an xlsx file: its sheets' values and visibility (what the CLI reads). */
async function saveAsXlsx(sim: SimWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of sim.sheetNames()) {
    const inspector = sim.sheet(name);
    const state =
      inspector.visibility === "VeryHidden"
        ? "veryHidden"
        : inspector.visibility === "Hidden"
          ? "hidden"
          : "visible";
    const ws = wb.addWorksheet(name, { state });
    for (const [address, cell] of Object.entries(inspector.cells())) {
      if (cell.value === "") continue;
      const target = ws.getCell(address);
      target.value = cell.value as ExcelJS.CellValue;
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("settings in the _yanxiu store sheet", () => {
  it("round-trips the pane's keys, one sync each once the store was read", async () => {
    const wb = excelWorkbook();
    const port = portFor(wb);
    expect(await port.getSetting(IGNORES_KEY)).toBeUndefined();
    const set = await measureSyncs(wb, () => port.setSetting(IGNORES_KEY, [entry(0), entry(1)]));
    expect(set.syncs).toBe(1);
    expect((await measureSyncs(wb, () => port.setSetting("override", OVERRIDE))).syncs).toBe(1);
    const get = await measureSyncs(wb, () => port.getSetting(IGNORES_KEY));
    expect(get).toMatchObject({ syncs: 1, result: [entry(0), entry(1)] });
    expect(await portFor(wb).getSetting("override")).toEqual(OVERRIDE);
    expect(wb.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
    expect(await port.listSheets()).toEqual([{ name: "推荐表", active: true }]);
    expect(wb.settings()).toEqual({});
  });

  it("reads a store the CLI's code wrote (ExcelJS) the same, long values split over rows included", async () => {
    const xlsx = new ExcelJS.Workbook();
    xlsx.addWorksheet("推荐表");
    const many = Array.from({ length: 400 }, (_, i) => entry(i, `理由 ${i} ${"说明".repeat(40)} 😀`));
    writeIgnores(xlsx, many);
    writeStore(xlsx, new Map([...readStore(xlsx).values, ["override", OVERRIDE], ["count", 12]]));
    const rows = sheetRows(xlsx, STORE_SHEET);
    expect(rows.length).toBeGreaterThan(3); // the ignores take more than one row of STORE_CHUNK characters
    const wb = excelWorkbook([{ name: STORE_SHEET, values: rows, visibility: "VeryHidden" }]);
    const port = portFor(wb);
    expect(await port.getSetting(IGNORES_KEY)).toEqual(many);
    expect(await port.getSetting("override")).toEqual(OVERRIDE);
    expect(await port.getSetting("count")).toBe(12);
  });

  it("writes what the CLI reads: ignores set in Excel are ignores for `yanxiu check`", async () => {
    const wb = excelWorkbook();
    const port = portFor(wb);
    const many = Array.from({ length: 300 }, (_, i) => entry(i, `理由 ${i} ${"'说明'".repeat(30)}`));
    await port.setSetting(IGNORES_KEY, many);
    await port.setSetting("override", OVERRIDE);
    const bytes = await saveAsXlsx(wb);
    const opened = await checkableWorkbookBytes(bytes, "推荐表.xlsx");
    if (!opened.ok) throw new Error(`unreadable: ${JSON.stringify(opened.problem)}`);
    expect(opened.workbook.ignores).toEqual(many);
    expect(opened.workbook.grids.map((g) => g.name)).toEqual(["推荐表"]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(readIgnores(back)).toEqual({ ignores: many, unreadable: false });
    expect(readStore(back).values.get("override")).toEqual(OVERRIDE);
    // The same rows as the ExcelJS writer makes from the same values.
    const same = new ExcelJS.Workbook();
    writeStore(
      same,
      new Map<string, unknown>([
        [IGNORES_KEY, many],
        ["override", OVERRIDE],
      ]),
    );
    expect(sheetRows(back, STORE_SHEET)).toEqual(sheetRows(same, STORE_SHEET));
  });

  it("keeps pieces of JSON that look like numbers or formulas as text", async () => {
    const wb = excelWorkbook();
    const port = portFor(wb);
    await port.setSetting("count", 12);
    await port.setSetting("formula", "=1+1");
    const fresh = portFor(wb);
    expect(await fresh.getSetting("count")).toBe(12);
    expect(await fresh.getSetting("formula")).toBe("=1+1");
    expect(wb.sheet(STORE_SHEET).cell("B2")).toMatchObject({ value: "12", numberFormat: "@" });
    expect(wb.sheet(STORE_SHEET).cell("B2").formula).toBeUndefined();
  });

  it("keeps every key it does not change, the file mode's record of marks included", async () => {
    const xlsx = new ExcelJS.Workbook();
    writeStore(xlsx, new Map<string, unknown>([[MARKS_SETTING_KEY, { version: 1, sheets: { a: 1 } }]]));
    const wb = excelWorkbook([
      { name: STORE_SHEET, values: sheetRows(xlsx, STORE_SHEET), visibility: "VeryHidden" },
    ]);
    const port = portFor(wb);
    await port.setSetting(IGNORES_KEY, [entry(0)]);
    await port.setSetting(IGNORES_KEY, []);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await saveAsXlsx(wb)) as unknown as ExcelJS.Buffer);
    expect(readStore(back).values).toEqual(
      new Map<string, unknown>([
        [MARKS_SETTING_KEY, { version: 1, sheets: { a: 1 } }],
        [IGNORES_KEY, []],
      ]),
    );
    await expect(port.getSetting(MARKS_SETTING_KEY)).rejects.toBeInstanceOf(OfficeAdapterError);
  });

  it("removes the sheet with the last key, leaving no cell behind when the store shrinks", async () => {
    const wb = excelWorkbook();
    const port = portFor(wb);
    await port.setSetting(
      IGNORES_KEY,
      Array.from({ length: 200 }, (_, i) => entry(i, "长".repeat(400))),
    );
    await port.setSetting("override", OVERRIDE);
    await port.setSetting(IGNORES_KEY, [entry(1)]);
    expect(
      Object.keys(wb.sheet(STORE_SHEET).cells()).filter((a) => wb.sheet(STORE_SHEET).cell(a).value !== ""),
    ).toEqual(["A1", "B1", "A2", "B2", "A3", "B3"]);
    await port.setSetting(IGNORES_KEY, undefined);
    await port.setSetting("override", undefined);
    expect(wb.sheetNames()).toEqual(["推荐表"]);
  });

  it("writes on top of a change someone else made since the store was read", async () => {
    const wb = excelWorkbook();
    const mine = portFor(wb);
    const theirs = portFor(wb);
    expect(await mine.getSetting(IGNORES_KEY)).toBeUndefined();
    await theirs.setSetting("override", OVERRIDE);
    const m = await measureSyncs(wb, () => mine.setSetting(IGNORES_KEY, [entry(0)]));
    expect(m.syncs).toBe(3); // the write, which sees the sheet came meanwhile; the read; the write again
    await theirs.getSetting("override");
    await theirs.setSetting("override", { 推荐表: { level: "national" } });
    const again = await measureSyncs(wb, () => mine.setSetting(IGNORES_KEY, [entry(0), entry(1)]));
    expect(again.syncs).toBe(2); // the write, which reads the store as it was; the write again on top of it
    const fresh = portFor(wb);
    expect(await fresh.getSetting(IGNORES_KEY)).toEqual([entry(0), entry(1)]);
    expect(await fresh.getSetting("override")).toEqual({ 推荐表: { level: "national" } });
  });

  it("lands two saves made at once", async () => {
    const wb = excelWorkbook();
    const port = portFor(wb);
    await port.getSetting(IGNORES_KEY);
    await Promise.all([port.setSetting(IGNORES_KEY, [entry(3)]), port.setSetting("override", OVERRIDE)]);
    const fresh = portFor(wb);
    expect(await fresh.getSetting(IGNORES_KEY)).toEqual([entry(3)]);
    expect(await fresh.getSetting("override")).toEqual(OVERRIDE);
  });

  it("reads a value an earlier version kept in the add-in settings, and moves it into the store on saving", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "推荐表" }],
      settings: { [IGNORES_KEY]: [entry(0)] },
    });
    const port = portFor(wb);
    expect(await port.getSetting(IGNORES_KEY)).toEqual([entry(0)]);
    await port.setSetting(IGNORES_KEY, [entry(0), entry(1)]);
    expect(wb.settings()).toEqual({});
    expect(await portFor(wb).getSetting(IGNORES_KEY)).toEqual([entry(0), entry(1)]);
  });

  it("needs the store's requirement set", async () => {
    const wb = createWorkbook({ sheets: [{ name: "推荐表" }], requirementSets: { ExcelApi: "1.3" } });
    await expect(portFor(wb).getSetting(IGNORES_KEY)).rejects.toMatchObject({ kind: "unsupported" });
  });
});
