import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkGrid } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { buildGoldenWorkbook } from "./build-workbook";
import { GOLDEN_CASES } from "./cases";
import type { GoldenExpected } from "./types";

const EXPECTED_DIR = path.join(__dirname, "expected");

describe.each(GOLDEN_CASES.map((c) => [c.id, c] as const))("golden workbook %s", (id, golden) => {
  let actual: ReturnType<typeof checkGrid>[];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await buildGoldenWorkbook(golden));
    actual = gridsFromWorkbook(wb).map((grid) => checkGrid(grid, golden.options ?? {}));
  });

  it("is recognised as the right table, pack and level", () => {
    for (const e of golden.expect) {
      const sheet = actual.find((a) => a.sheet === e.sheet);
      expect(
        sheet && { sheet: sheet.sheet, table: sheet.table, policy: sheet.policy, level: sheet.level },
      ).toEqual(e);
    }
  });

  it("gives exactly the expected findings", () => {
    const expected = JSON.parse(
      fs.readFileSync(path.join(EXPECTED_DIR, `${id}.json`), "utf8"),
    ) as GoldenExpected;
    const got = actual.map((s) => ({
      sheet: s.sheet,
      findings: s.findings
        .map((f) => ({ cell: toA1(f.row, f.col), rule: f.rule, severity: f.severity }))
        .sort((a, b) => (a.cell + a.rule + a.severity).localeCompare(b.cell + b.rule + b.severity)),
    }));
    const want = expected.sheets.map((s) => ({
      sheet: s.sheet,
      findings: [...s.findings].sort((a, b) =>
        (a.cell + a.rule + a.severity).localeCompare(b.cell + b.rule + b.severity),
      ),
    }));
    expect(got).toEqual(want);
  });

  if (id.endsWith("-clean")) {
    it("a clean variant has no errors and no warnings", () => {
      for (const s of actual) expect(s.findings.filter((f) => f.severity !== "info")).toEqual([]);
    });
  }
});
