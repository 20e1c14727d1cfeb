import fc from "fast-check";
import { checkGrid } from "../../../src/core/check";
import type { CellValue } from "../../../src/core/grid/types";
import type { Level } from "../../../src/core/packs/types";
import { fjCases } from "../../golden/cases/fj-2026-gaoyan";
import { hbCases } from "../../golden/cases/hb-2026-gaoyan";
import type { GoldenSheet } from "../../golden/types";
import { gridOf } from "./support";

// Random grids seldom look enough like these forms to reach their rules; mutating the real layouts does.
const SHEETS: readonly GoldenSheet[] = [...fjCases, ...hbCases].flatMap((c) => c.sheets);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    "",
    "☑是第 批国家级继续教育基地 ☑否",
    "☑财政资助项目 ☑自筹经费项目（自筹经费来源：",
    "（盖章）",
    "年 月 日",
    "2026年13月40日-2日",
    "计划招收学员0人",
    "福州大学、",
    "、、和与",
    "0591-",
    "申报时间：",
    "填表日期：",
  ),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 200000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);

const mutation = fc.record({
  sheet: fc.nat(SHEETS.length - 1),
  edits: fc.array(fc.record({ row: fc.nat(24), col: fc.nat(6), value }), { maxLength: 8 }),
  dropMerges: fc.boolean(),
  level: fc.constantFrom<Level | undefined>(undefined, "national", "provincial"),
});

describe("the Fujian and Hubei packs on damaged forms and lists", () => {
  it("never throw, and every finding points inside the sheet", () => {
    fc.assert(
      fc.property(mutation, ({ sheet: index, edits, dropMerges, level }) => {
        const base = SHEETS[index] as GoldenSheet;
        const rows = base.rows.map((r) => [...r]);
        for (const e of edits) {
          while (rows.length <= e.row) rows.push([]);
          (rows[e.row] as (CellValue | undefined)[])[e.col] = e.value;
        }
        const grid = gridOf({ ...base, rows, merges: dropMerges ? [] : (base.merges ?? []) });
        const result = checkGrid(grid, level ? { level } : {});
        for (const f of result.findings) {
          expect(f.row).toBeLessThan(Math.max(1, grid.rowCount));
          expect(f.col).toBeLessThan(Math.max(1, grid.colCount));
          expect(f.row).toBeGreaterThanOrEqual(0);
          expect(f.col).toBeGreaterThanOrEqual(0);
          expect(f.message.zh).not.toBe("");
          expect(f.message.en).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });
});
