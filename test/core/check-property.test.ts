import fc from "fast-check";
import { checkGrid } from "../../src/core/check";
import { makeGrid, rawCell } from "../../src/core/grid/grid";
import type { CellValue, MergeArea } from "../../src/core/grid/types";

// Words from the notices, so random grids often look like real tables and reach deep into the rules.
const WORDS = [
  "推荐排序",
  "项目名称",
  "承办单位",
  "备注",
  "重点推荐",
  "序号",
  "研修选题",
  "联系人",
  "联系电话",
  "所属专业技术领域",
  "推荐单位",
  "学员人数",
  "基层人数",
  "办班时间",
  "资助经费（万元）",
  "是否住宿",
  "领域",
  "专业范围",
  "申报特色班",
  "是否提供学员住宿",
  "申报单位信息",
  "单位名称",
  "统一社会信用代码",
  "拟申报开展培训的职业",
  "近三年纳税情况",
  "☑是 □否",
  "□是 ☑否",
  "初级□ 中级☑ 高级□",
  "2026年10月12日-16日",
  "5天",
  "五十多人",
  "021-32511306",
  "合计",
  "注：",
  "数字技术",
  "人工智能",
  "上海市黄浦区",
  "申报项目类别（仅单选）",
  "（可多选）",
  "福建",
  "湖北",
  "省级",
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 200000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);

const grid = fc
  .record({
    rows: fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 30 }),
    merges: fc.array(
      fc
        .record({ top: fc.nat(30), left: fc.nat(10), h: fc.nat(3), w: fc.nat(3) })
        .map(({ top, left, h, w }): MergeArea => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 5 },
    ),
  })
  .map(({ rows, merges }) =>
    makeGrid(
      "随机",
      rows.map((r) => r.map((v) => (v === null ? undefined : rawCell(v)))),
      merges,
    ),
  );

describe("checkGrid on any grid", () => {
  it("never throws, and every finding points inside the sheet", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const result = checkGrid(g);
        for (const f of result.findings) {
          expect(f.row).toBeGreaterThanOrEqual(0);
          expect(f.col).toBeGreaterThanOrEqual(0);
          expect(f.row).toBeLessThan(Math.max(1, g.rowCount));
          expect(f.col).toBeLessThan(Math.max(1, g.colCount));
          expect(f.message.zh.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
        }
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it("says so, once, when a sheet is not recognised", () => {
    const result = checkGrid(makeGrid("杂项", [[rawCell("会议纪要")], [rawCell("今天讨论了食堂菜单")]]));
    expect(result.table).toBe("unknown");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: "sheet.unrecognised", severity: "info" });
    expect(result.findings[0]?.message.zh).toContain("会议纪要");
  });

  it("treats an empty sheet as empty, not as an error", () => {
    const result = checkGrid(makeGrid("空表", []));
    expect(result.findings.map((f) => f.rule)).toEqual(["sheet.unrecognised"]);
    expect(result.findings[0]?.message.zh).toContain("为空");
  });
});
