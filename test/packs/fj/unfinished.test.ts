import { checkWorkbook } from "../../../src/core/check";
import { gridFromValues } from "../../../src/core/grid/grid";
import { collectReferences, isListedUnit } from "../../../src/core/references";

const summary = gridFromValues("汇总表", [
  ["福建省专业技术人才知识更新工程2026年高级研修项目汇总表"],
  ["序号", "研修选题", "承办单位", "联系人", "联系电话", "所属专业技术领域"],
  [1, "数字经济与产业数字化转型高级研修班", "福州示范学院", "陈老师", "0591-87612629", "信息技术"],
  [2, "海洋装备关键技术高级研修班", "厦门海洋研究院（继续教育中心）", "林老师", "13905912345", "海洋工程"],
  [null, "主管部门或申报单位(盖章):", null, null, "填表日期：2026年2月10日"],
]);
const reference = gridFromValues("2025未完成单位", [
  ["2025年未按计划完成高级研修项目任务的承办单位"],
  ["序号", "单位名称"],
  [1, "厦门海洋研究院"],
]);

describe("fj.unfinished-2025", () => {
  it("reads the unit names from a sheet that says 未完成", () => {
    expect(collectReferences([summary, reference]).unfinishedUnits).toEqual(["厦门海洋研究院"]);
  });

  it("warns on a host that is on the list, and the list itself is a reference sheet, not an unknown one", () => {
    const [checked, ref] = checkWorkbook([summary, reference]);
    const hits = checked?.findings.filter((f) => f.rule === "fj.unfinished-2025") ?? [];
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ row: 3, col: 2, severity: "warning" });
    expect(ref).toMatchObject({ table: "reference", findings: [] });
  });

  it("says nothing when the workbook has no such list", () => {
    expect(checkWorkbook([summary])[0]?.findings.some((f) => f.rule === "fj.unfinished-2025")).toBe(false);
  });

  it("compares names without spaces and bracketed notes", () => {
    expect(isListedUnit(" 厦门海洋研究院（继续教育中心）", ["厦门海洋研究院"])).toBe(true);
    expect(isListedUnit("厦门海洋大学", ["厦门海洋研究院"])).toBe(false);
  });
});
