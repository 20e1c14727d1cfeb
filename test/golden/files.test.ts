import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkGrid } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import type { Grid } from "../../src/core/grid/types";
import { readWorkbookFast } from "../../src/adapters/xlsx/fast-read";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { readZipIndex } from "../../src/adapters/xlsx/zip-index";
import { GOLDEN_FILES } from "./files/cases";
import type { GoldenExpected } from "./types";

const FILES = path.join(__dirname, "files");
const EXPECTED = path.join(__dirname, "expected");

type Row = { cell: string; rule: string; severity: string };
const order = (a: Row, b: Row) => (a.cell + a.rule + a.severity).localeCompare(b.cell + b.rule + b.severity);

function findingsOf(grids: readonly Grid[]) {
  return grids.map((grid) => {
    const check = checkGrid(grid);
    return {
      check,
      sheet: check.sheet,
      findings: check.findings
        .map((f) => ({ cell: toA1(f.row, f.col), rule: f.rule as string, severity: f.severity as string }))
        .sort(order),
    };
  });
}

describe.each(GOLDEN_FILES.map((g) => [g.id, g] as const))("golden file %s", (id, golden) => {
  let viaExcelJs: ReturnType<typeof findingsOf>;
  let viaDirect: ReturnType<typeof findingsOf>;
  beforeAll(async () => {
    const bytes = fs.readFileSync(path.join(FILES, `${id}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    viaExcelJs = findingsOf(gridsFromWorkbook(wb));
    const index = readZipIndex(bytes);
    if (!index.ok) throw new Error(`zip index: ${index.reason}`);
    const direct = readWorkbookFast(bytes, index.entries);
    if (!direct.ok) throw new Error(`direct reader: ${JSON.stringify(direct)}`);
    viaDirect = findingsOf(direct.sheets.map((s) => s.grid));
  });

  it("is recognised as the right table, pack and level", () => {
    const got = viaExcelJs.map(({ check }) => ({
      sheet: check.sheet,
      table: check.table,
      policy: check.policy,
      level: check.level,
    }));
    expect(got).toEqual(golden.expect);
  });

  it("gives exactly the expected findings (hand-written from the notices)", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(EXPECTED, `${id}.json`), "utf8")) as GoldenExpected;
    const want = expected.sheets.map((s) => ({ sheet: s.sheet, findings: [...s.findings].sort(order) }));
    expect(viaExcelJs.map(({ sheet, findings }) => ({ sheet, findings }))).toEqual(want);
  });

  it("reads the same through the CLI's direct reader", () => {
    expect(viaDirect.map(({ sheet, findings }) => ({ sheet, findings }))).toEqual(
      viaExcelJs.map(({ sheet, findings }) => ({ sheet, findings })),
    );
  });

  if (id.endsWith("-clean")) {
    it("a clean workbook has no errors and no warnings", () => {
      for (const s of viaExcelJs) expect(s.findings.filter((f) => f.severity !== "info")).toEqual([]);
    });
  }
});
