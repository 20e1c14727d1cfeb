import { sheetSignals } from "../../../src/core/check";
import { gridFromValues } from "../../../src/core/grid/grid";
import type { CellValue } from "../../../src/core/grid/types";
import { recogniseInstForm } from "../../../src/core/models/sh-digital-institution/form";
import { instContext } from "../../../src/core/models/sh-digital-institution/figures";
import { builtinPackData } from "../../../src/core/packs/builtin";

const INST_CONTEXT = instContext(builtinPackData("sh-2026-digital-institution"));
import {
  readInstTables,
  tableLabel,
  type InnerTable,
} from "../../../src/core/models/sh-digital-institution/tables";
import { indexLabels } from "../../../src/core/recognise/form";
import { instGrid, mergeOf } from "./support";

const tablesOf = (grid = instGrid()) => {
  const recognition = recogniseInstForm(INST_CONTEXT, sheetSignals(grid));
  if (!recognition) throw new Error("not recognised");
  return recognition.tables;
};

/** Rows of a table as 1-based sheet rows with the texts of the given columns. */
function rowsOf<K extends string>(
  table: InnerTable<K> | undefined,
  keys: readonly K[],
): Array<[number, ...string[]]> {
  return (table?.rows ?? []).map((r) => [r.row + 1, ...keys.map((k) => r.cells.get(k)?.text ?? "?")]);
}

describe("tables inside the institution form (golden layout)", () => {
  const tables = tablesOf();

  it("reads 近三年纳税情况 inside its merged section label", () => {
    expect(tables.tax?.headerRow).toBe(13);
    expect(rowsOf(tables.tax, ["year", "amount", "credit"])).toEqual([
      [15, "2023", "36.5", "否"],
      [16, "2024", "41.2", "否"],
      [17, "2025", "45.8", "否"],
    ]);
  });

  it("reads the five years of 培训规模 and stops at 培训总规模", () => {
    expect(rowsOf(tables.scale, ["year", "total", "independent", "cooperative"])).toEqual([
      [25, "2021年", "1820", "1320", "500"],
      [26, "2022年", "1950", "1400", "550"],
      [27, "2023年", "2260", "1610", "650"],
      [28, "2024年", "2480", "1780", "700"],
      [29, "2025年", "2710", "1930", "780"],
    ]);
  });

  it("finds 培训总规模 and the bracket-only label （其中独立培训规模）", () => {
    expect(
      tables.scaleTotal && [
        tables.scaleTotal.value.row + 1,
        tables.scaleTotal.value.col,
        tables.scaleTotal.value.text,
      ],
    ).toEqual([30, 3, "11220"]);
    expect(
      tables.scaleIndependent && [tables.scaleIndependent.value.row + 1, tables.scaleIndependent.value.text],
    ).toEqual([31, "8040"]);
  });

  it("reads the venues", () => {
    expect(rowsOf(tables.venues, ["address", "capacity"])).toEqual([
      [33, "上海市徐汇区漕溪北路88号12楼", "260"],
      [34, "上海市闵行区东川路555号实训楼3层", "120"],
    ]);
  });

  it("reads the teachers, skips the template's …… row and stops at the next label", () => {
    expect(rowsOf(tables.teachers, ["name", "kind", "phone"])).toEqual([
      [39, "张伟", "兼职师资", "13801234567"],
      [40, "刘洋", "专职师资", "021-64281235"],
      [41, "赵敏", "兼职师资", "136 6123 4567"],
      [42, "孙磊", "专职师资", "13512345678"],
    ]);
  });

  it("reads 年度计划培训人数 and 培训费用 by level, each block in its own columns", () => {
    const plan = [...(tables.plan?.values ?? [])].map(([level, c]) => [level, c.row + 1, c.col, c.text]);
    const fees = [...(tables.fees?.values ?? [])].map(([level, c]) => [level, c.row + 1, c.col, c.text]);
    expect(plan).toEqual([
      ["初级", 47, 3, "/"],
      ["中级", 48, 3, "600"],
      ["高级", 49, 3, "200人次"],
    ]);
    expect(fees).toEqual([
      ["初级", 47, 6, "/"],
      ["中级", 48, 6, "180"],
      ["高级", 49, 6, "260元/学时"],
    ]);
  });

  it("reads any number of teachers", () => {
    const header = ["培训教师姓名", "工作单位", "专业技术职务/职称", "专业", "人员性质", "联系电话"];
    const teachers = Array.from({ length: 12 }, (_, i) => [
      `教师${i + 1}`,
      "某大学",
      "副教授",
      "物联网",
      i % 2 ? "专职师资" : "兼职师资",
      "13800138000",
    ]);
    const grid = gridFromValues("表", [
      ["师资团队总人数", 12],
      header,
      ...teachers,
      ["已有培训情况简述", "……"],
    ]);
    const read = readInstTables(grid, indexLabels(grid), new Set(["已有培训情况简述"])).teachers;
    expect(read?.rows.map((r) => r.cells.get("name")?.text)).toEqual(teachers.map((t) => t[0]));
  });
});

describe("tables inside a form laid out differently", () => {
  // No merges at all: section labels in A, headers beside them, rows below; levels as "初级：200".
  const values: (CellValue | undefined)[][] = [
    ["数字技术工程师培育项目培训机构申报表"],
    ["拟申报开展培训的职业", "云计算工程技术人员"],
    ["近三年纳税情况", "年份", "税额（万元）", "是否有失信行为"],
    [undefined, "2023年度", 10, "无"],
    [undefined, "2024年度", 12, "无"],
    [undefined, "2025年度", 15, "无"],
    ["申报负责人", "姓名", "王五"],
    ["近五年培训规模", "年度", "培训人数", "独立培训人数", "合作培训人数"],
    [undefined, 2024, 1600, 1000, 600],
    [undefined, 2025, 1700, 1100, 600],
    [undefined, "培训总规模", 3300],
    [undefined, "其中：独立培训规模", 2100],
    ["师资团队总人数", 5, "专职师资队伍人数", 2, "兼职师资队伍人数", 3],
    ["培训教师姓名", "工作单位", "专业技术职务/职称", "专业", "人员性质", "联系电话"],
    ["甲", "某大学", "教授", "云计算", "兼职师资", "13800138000"],
    [],
    ["乙", "某公司", "工程师", "云计算", "专职师资", "13800138001"],
    ["注：3. 人员性质：专职师资、兼职师资"],
    ["年度计划培训人数", "初级：100", "中级：50", "高级：/"],
  ];
  const grid = gridFromValues("表", values);
  const tables = readInstTables(
    grid,
    indexLabels(grid),
    new Set(["申报负责人", "师资团队总人数", "培训总规模", "其中独立培训规模"]),
  );

  it("reads rows until the next labelled row when the section label is not merged", () => {
    expect(rowsOf(tables.tax, ["year", "credit"])).toEqual([
      [4, "2023年度", "无"],
      [5, "2024年度", "无"],
      [6, "2025年度", "无"],
    ]);
    expect(rowsOf(tables.scale, ["year", "total"])).toEqual([
      [9, "2024", "1600"],
      [10, "2025", "1700"],
    ]);
    expect(tables.scaleIndependent?.value.text).toBe("2100");
  });

  it("skips blank rows inside the teachers and stops at the notes", () => {
    expect(rowsOf(tables.teachers, ["name"])).toEqual([
      [15, "甲"],
      [17, "乙"],
    ]);
  });

  it("reads levels written inline", () => {
    expect([...(tables.plan?.values ?? [])].map(([l, c]) => `${l}=${c.text}`)).toEqual([
      "初级=100",
      "中级=50",
      "高级=/",
    ]);
  });
});

describe("a value merged down over several rows", () => {
  const values: (CellValue | undefined)[][] = [
    ["近三年纳税情况", "年份", "税额（万元）", "是否有失信行为"],
    [undefined, 2023, 10, "否"],
    [undefined, 2024, 12],
    [undefined, 2025, 15],
    ["申报负责人", "姓名", "王五"],
  ];
  const grid = gridFromValues("表", values, [mergeOf("A1:A4"), mergeOf("D2:D4")]);
  const tax = readInstTables(grid, indexLabels(grid), new Set(["申报负责人"])).tax;

  it("is read as the value of every row it covers, marked as shared", () => {
    expect(
      tax?.rows.map((r) => [r.cells.get("credit")?.text, r.cells.get("credit")?.shared ?? false]),
    ).toEqual([
      ["否", false],
      ["否", true],
      ["否", true],
    ]);
  });
});

describe("tableLabel", () => {
  it.each([
    ["（其中独立培训规模）", "其中独立培训规模"],
    ["(其中独立培训规模)", "其中独立培训规模"],
    ["培训总规模", "培训总规模"],
    ["专业技术职务/\n职称", "专业技术职务/职称"],
    ["是否有失信行为\n（从信用中国平台查询后填）", "是否有失信行为"],
    ["近 5 年\n培训规模\n（人次）", "近5年培训规模"],
  ])("%j → %s", (text, label) => {
    expect(tableLabel(text)).toBe(label);
  });
});

describe("a label at the sheet's right edge", () => {
  it("has an empty value, not itself", () => {
    const grid = gridFromValues("表", [
      ["近5年培训规模", "年度", "培训人数"],
      [undefined, 2025, 1600],
      [undefined, "培训总规模"],
    ]);
    const total = readInstTables(grid, indexLabels(grid)).scaleTotal;
    expect(total?.value.text).toBe("");
  });
});
