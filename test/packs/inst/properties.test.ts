import fc from "fast-check";
import { checkGrid } from "../../../src/core/check";
import { gridFromValues } from "../../../src/core/grid/grid";
import type { CellValue, MergeArea } from "../../../src/core/grid/types";
import { instContext } from "../../../src/core/models/sh-digital-institution/figures";
import { sectionLabels } from "../../../src/core/models/sh-digital-institution/form";
import { builtinPackData } from "../../../src/core/packs/builtin";
import { instSheet, CLEAN_INST } from "../../golden/cases/sh-2026-digital-institution";
import { mergeOf } from "./support";

// The form's own labels and the values people put beside them, so random sheets get recognised as the
// institution form and reach its table readers and rules, not only the "not recognised" exit.
const LABELS = [
  ...sectionLabels(instContext(builtinPackData("sh-2026-digital-institution")).form),
  "初级",
  "中级",
  "高级",
  "年份",
  "年度",
  "培训人数",
  "独立培训人数",
  "合作培训人数",
  "人员性质",
];
const VALUES: CellValue[] = [
  "初级□ 中级☑ 高级□（请打√）",
  "是",
  "否",
  "2023",
  "2022年",
  "1500人次",
  "专职",
  "外聘",
  "021-6428",
  "/",
  "……",
  "（其中独立培训规模）",
  1200,
  0,
  -3,
  2025,
  1e20,
  "",
];

const cell = fc.oneof(
  fc.constantFrom<CellValue>(...LABELS),
  fc.constantFrom(...VALUES),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.constant(null),
);

const sheet = fc
  .record({ rows: fc.integer({ min: 1, max: 30 }), cols: fc.integer({ min: 1, max: 9 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      values: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      merges: fc.array(
        fc
          .record({ top: fc.nat(rows - 1), left: fc.nat(cols - 1), h: fc.nat(3), w: fc.nat(3) })
          .map(({ top, left, h, w }): MergeArea => ({
            top,
            left,
            bottom: Math.min(rows - 1, top + h),
            right: Math.min(cols - 1, left + w),
          })),
        { maxLength: 6 },
      ),
    }),
  )
  // Merges in a real sheet never overlap: keep the first of any overlapping pair.
  .map(({ values, merges }) => {
    const kept: MergeArea[] = [];
    for (const m of merges) {
      if (!kept.some((k) => m.top <= k.bottom && k.top <= m.bottom && m.left <= k.right && k.left <= m.right))
        kept.push(m);
    }
    return gridFromValues("表", values, kept);
  });

describe("the institution pack on any sheet", () => {
  it("never throws, and every finding points inside the sheet", () => {
    fc.assert(
      fc.property(sheet, (grid) => {
        const check = checkGrid(grid, { policy: "sh-2026-digital-institution" });
        for (const f of check.findings) {
          expect(f.row).toBeGreaterThanOrEqual(0);
          expect(f.col).toBeGreaterThanOrEqual(0);
          expect(f.row).toBeLessThan(Math.max(1, grid.rowCount));
          expect(f.col).toBeLessThan(Math.max(1, grid.colCount));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on the golden layout with any answer in any cell", () => {
    const base = instSheet("表", CLEAN_INST);
    fc.assert(
      fc.property(fc.nat(base.rows.length - 1), fc.nat(7), cell, (r, c, value) => {
        const rows = base.rows.map((row) => [...row]);
        (rows[r] as (CellValue | undefined)[])[c] = value;
        const grid = gridFromValues("表", rows, (base.merges ?? []).map(mergeOf));
        const check = checkGrid(grid);
        for (const f of check.findings) expect(f.row < grid.rowCount && f.col < grid.colCount).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
