import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { IgnoreEntry } from "../../src/core/check-types";
import {
  IGNORES_KEY,
  readIgnores,
  readStore,
  STORE_CHUNK,
  STORE_SHEET,
  writeIgnores,
  writeStore,
} from "../../src/adapters/xlsx/ignores";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { loadWorkbook } from "./helpers";

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { wb: await loadWorkbook(bytes), bytes };
}

const entry = (i: number): IgnoreEntry => ({
  sheet: "推荐表",
  rule: "host.one-project",
  cell: `C${i + 5}`,
  reason: `同一单位不同方向 ${i}`,
});

describe("the ignore store (docs/ignores.md)", () => {
  it("round-trips through an xlsx file in a very hidden sheet the engine does not check", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("推荐表").getCell("A1").value = "推荐排序";
    writeIgnores(wb, [entry(0), entry(1)]);
    const { wb: back, bytes } = await roundTrip(wb);
    expect(readIgnores(back)).toEqual({ ignores: [entry(0), entry(1)], unreadable: false });
    expect(gridsFromWorkbook(back).map((g) => g.name)).toEqual(["推荐表"]);
    // The state as written in the file, read by another zip reader.
    const workbookXml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")?.async("string");
    expect(workbookXml).toMatch(/<sheet [^>]*name="_yanxiu"[^>]*state="veryHidden"/);
  });

  it("splits a long value over rows and joins it back", async () => {
    const many = Array.from({ length: 800 }, (_, i) => entry(i));
    const wb = new ExcelJS.Workbook();
    writeIgnores(wb, many);
    const store = wb.getWorksheet(STORE_SHEET);
    expect(JSON.stringify(many).length).toBeGreaterThan(STORE_CHUNK * 2);
    expect(store?.rowCount).toBe(1 + Math.ceil(JSON.stringify(many).length / STORE_CHUNK));
    const { wb: back } = await roundTrip(wb);
    expect(readIgnores(back).ignores).toEqual(many);
  });

  it("keeps the other keys of the store when the ignores are replaced", () => {
    const wb = new ExcelJS.Workbook();
    writeStore(
      wb,
      new Map<string, unknown>([
        ["lang", "en"],
        [IGNORES_KEY, [entry(0)]],
      ]),
    );
    writeIgnores(wb, [entry(2)]);
    expect([...readStore(wb).values]).toEqual([
      ["lang", "en"],
      [IGNORES_KEY, [entry(2)]],
    ]);
  });

  it("drops malformed entries and says when the value is not JSON", () => {
    const wb = new ExcelJS.Workbook();
    writeStore(
      wb,
      new Map<string, unknown>([
        [
          IGNORES_KEY,
          [
            entry(0),
            { sheet: "推荐表", rule: "no.such-rule", cell: "A1", reason: "" },
            { sheet: "推荐表", rule: "required", cell: "a1", reason: "" },
            { sheet: 3, rule: "required", cell: "A1" },
            "text",
            { sheet: "推荐表", rule: "required", cell: "B2" },
          ],
        ],
      ]),
    );
    expect(readIgnores(wb).ignores).toEqual([
      entry(0),
      { sheet: "推荐表", rule: "required", cell: "B2", reason: "" },
    ]);
    const broken = new ExcelJS.Workbook();
    const ws = broken.addWorksheet(STORE_SHEET, { state: "veryHidden" });
    ws.addRow(["yanxiu-store", 1]);
    ws.addRow([IGNORES_KEY, '[{"sheet":']);
    expect(readIgnores(broken)).toEqual({ ignores: [], unreadable: true });
  });

  it("a workbook without a store has no ignores", () => {
    expect(readIgnores(new ExcelJS.Workbook())).toEqual({ ignores: [], unreadable: false });
  });
});
