import { checkGrid } from "../../src/core/check";
import { gridFromValues } from "../../src/core/grid/grid";
import { figuresFromProse } from "../../src/core/rules/prose";
import { readChoices } from "../../src/core/read/choice";
import {
  TemplateError,
  buildListFromForms,
  fillFormFromRecord,
  readApplicationForms,
  recordsFromGrid,
  sheetNameFor,
  type FormRecord,
} from "../../src/core/templates/fill";
import { gridFromLayout, layoutText } from "../../src/core/templates/grid";
import type { SheetLayout } from "../../src/core/templates/layout";
import { getTemplate } from "../../src/core/templates/registry";
import type { ApplicationForm } from "../../src/core/templates/types";
import { CLEAN_RECORDS } from "./examples";

/** The text of a form's field after filling, found where the template puts it. */
function answer(id: string, layout: SheetLayout, key: string): string {
  const slot = getTemplate(id)?.form?.draft().slots[key];
  if (!slot) throw new Error(`no slot ${key} in ${id}`);
  return layoutText(layout, slot.row, slot.col);
}

const SH = "sh-82-application";

describe("fillFormFromRecord maps a list row's columns by the engine's words", () => {
  it.each<[string, FormRecord, string, string]>([
    ["a form label", { 项目名称: "数据安全研修班" }, "title", "数据安全研修班"],
    ["a list alias (选题)", { 研修选题: "数据安全研修班" }, "title", "数据安全研修班"],
    ["a field key", { title: "数据安全研修班" }, "title", "数据安全研修班"],
    ["承办单位 → 申报单位 单位名称", { 承办单位: "上海示范大学" }, "applicantName", "上海示范大学"],
    ["承办单位 → the 申报单位 line", { 承办单位: "上海示范大学" }, "applicantLine", "申报单位：上海示范大学"],
    ["block + label", { "推荐单位 单位名称": "上海市科委" }, "recommenderName", "上海市科委"],
    ["a label only one block has", { 邮编: "200237" }, "postcode", "200237"],
    ["联系电话 (office number)", { 联系电话: "021-64251234" }, "officePhone", "021-64251234"],
    ["联系电话 (a mobile goes to 手机)", { 联系电话: "138 1234 5678" }, "mobile", "138 1234 5678"],
    ["天数 as 办班时间", { 天数: 4 }, "courseTime", "4天"],
    [
      "办班时间 wins over 天数",
      { 天数: 4, 办班时间: "2026年9月14日-18日" },
      "courseTime",
      "2026年9月14日-18日",
    ],
    ["a date cell", { 申报时间: new Date(Date.UTC(2026, 3, 10)) }, "dateLine", "申报时间：2026年4月10日"],
    [
      "a named blank inside a cell",
      { 服务本市战略: "助力科创中心建设" },
      "scope",
      "服务本市战略：助力科创中心建设\n对接产业需求：____________\n突出数字技术：____________",
    ],
  ])("%s", (_what, record, key, expected) => {
    expect(answer(SH, fillFormFromRecord(SH, record), key)).toBe(expected);
  });

  it.each([
    ["是", "提供学员住宿"],
    ["提供", "提供学员住宿"],
    ["否", "不提供学员住宿备注"],
    ["不提供学员住宿", "不提供学员住宿备注"],
  ])("是否住宿 %j ticks %j", (value, option) => {
    const text = answer(SH, fillFormFromRecord(SH, { 是否住宿: value }), "lodging");
    const marked = readChoices(text, "box-before")
      .filter((o) => o.marked)
      .map((o) => o.label.replace(/[()]/g, ""));
    expect(marked).toEqual([option]);
  });

  it("ticks the project category and keeps the group single", () => {
    const text = answer(SH, fillFormFromRecord(SH, { 项目类别: "急需紧缺人才培养项目" }), "category");
    expect(text).toBe("□高级研修项目  ☑急需紧缺人才培养项目");
  });

  it("writes a □ group given with its marks as it is", () => {
    const text = answer(SH, fillFormFromRecord(SH, { 申报特色班: "□是 ☑否" }), "featureClass");
    expect(text).toBe("□是 ☑否");
  });

  it("ticks the box of a named blank it fills", () => {
    const text = answer(SH, fillFormFromRecord(SH, { 主题报告: "前沿进展" }), "methods");
    expect(text).toContain("☑主题报告：前沿进展\n□专题研讨：");
  });

  it.each<[FormRecord, { trainees?: number; grassroots?: number; grassrootsShare?: number }]>([
    [
      { 学员人数: 60, 基层人数: 20 },
      { trainees: 60, grassroots: 20 },
    ],
    [
      { 学员人数: "80", 基层比例: 0.35 },
      { trainees: 80, grassrootsShare: 0.35 },
    ],
    [{ 计划人数: 55 }, { trainees: 55 }],
  ])("turns the list's figures %j into 培训对象 prose the engine reads back", (record, figures) => {
    const text = answer(SH, fillFormFromRecord(SH, record), "audience");
    expect(figuresFromProse(text)).toEqual(figures);
  });

  it("keeps a 培训对象 the row gives over prose from the figures", () => {
    const text = answer(
      SH,
      fillFormFromRecord(SH, { 学员人数: 60, 培训对象: "本市中高级专业技术人员" }),
      "audience",
    );
    expect(text).toBe("本市中高级专业技术人员");
  });

  it("leaves the template's hint where the row says nothing, and ignores columns the form does not have", () => {
    const layout = fillFormFromRecord(SH, { 项目名称: "X", 评审得分: 95, 序号: 3, 无关列: "…" });
    expect(answer(SH, layout, "courseTime")).toBe("（X 天）");
    expect(answer(SH, layout, "title")).toBe("X");
  });

  it("names the sheet after the project (Excel's characters and length)", () => {
    expect(fillFormFromRecord(SH, { 项目名称: "AI/大数据: 应用[高级]研修班" }).name).toBe(
      "AI大数据应用高级研修班",
    );
    expect(sheetNameFor("申报表", "很".repeat(40))).toHaveLength(31);
    expect(fillFormFromRecord(SH, {}).name).toBe("附件2 申报表");
  });

  it("fills the institution form's tables and works out its totals as Excel would", () => {
    const id = "sh-55-institution";
    const layout = fillFormFromRecord(id, {
      "scale:2021:total": 1500,
      "scale:2022:total": "1700",
      "scale:2023:total": "一千",
    });
    const total = layout.cells.find(
      (c) => c.formula?.includes("SUM") && c.row === getTemplate(id)?.form?.draft().slots.scaleTotal?.row,
    );
    // "1700" is a count: written as a number. "一千" is text: SUM skips it, as Excel's does.
    expect(total?.value).toBe(3200);
    const blank = fillFormFromRecord(id, {}).cells.filter((c) => c.formula !== undefined);
    expect(blank.map((c) => c.value)).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    ["no-such-template", TemplateError],
    ["sh-82-recommendation", TemplateError],
    ["sh-82-domains", TemplateError],
  ])("refuses %s", (id, error) => {
    expect(() => fillFormFromRecord(id, {})).toThrow(error);
  });
});

describe("fill (a): the rows of a list sheet, one application form each", () => {
  const list = gridFromValues(
    "清单",
    [
      ["2026年项目清单"],
      ["序号", "项目名称", "承办单位", "办班时间", "学员人数", "基层人数", "领域", "专业范围"],
      [1, "数据要素高级研修班", "上海示范大学", "2026年9月14日-18日", 60, 20, "数字技术", "大数据"],
      [2, "低空经济高级研修班", "上海航空学院", "2026年10月12日-16日", 50, 14, "装备制造", "低空经济"],
    ],
    [],
  );

  it("reads each project row as a record by its headers", () => {
    const records = recordsFromGrid(list);
    expect(records.map((r) => r.row)).toEqual([2, 3]);
    expect(records[1]?.record).toEqual({
      序号: 2,
      项目名称: "低空经济高级研修班",
      承办单位: "上海航空学院",
      办班时间: "2026年10月12日-16日",
      学员人数: 50,
      基层人数: 14,
      领域: "装备制造",
      专业范围: "低空经济",
    });
  });

  it("gives forms the engine recognises as 申报表 with the row's answers in them", () => {
    for (const { record } of recordsFromGrid(list)) {
      const layout = fillFormFromRecord(SH, record);
      const check = checkGrid(gridFromLayout(layout));
      expect([check.table, check.policy]).toEqual(["application", "sh-2026-gaoyan"]);
      const [form] = readApplicationForms([gridFromLayout(layout)]);
      expect(form?.fields.title).toBe(record["项目名称"]);
      expect(form?.fields.domain).toBe(record["领域"]);
      // 学员人数 50 with 14 基层 is below 30%: the engine reads the prose and says so.
      const rules = check.findings.map((f) => f.rule);
      expect(rules.includes("grassroots.share")).toBe(record["基层人数"] === 14);
    }
  });

  it("finds no rows on a sheet that is not a list", () => {
    expect(recordsFromGrid(gridFromValues("x", [["随便写点什么"]]))).toEqual([]);
  });
});

describe("fill (b): a 推荐表 or 汇总表 from application forms", () => {
  const form = (title: string, host: string, extra: Partial<ApplicationForm> = {}): ApplicationForm => ({
    sheet: title,
    policy: "sh-2026-gaoyan",
    level: null,
    fields: {
      title,
      applicantName: host,
      recommenderName: "上海市科委",
      recommenderContact: "王老师",
      recommenderPhone: "021-23112311",
    },
    ...extra,
  });

  /** The list's rows as [推荐排序, 项目名称, 承办单位, 备注] read back from its grid. */
  function rows(layout: SheetLayout): string[][] {
    const grid = gridFromLayout(layout);
    const header =
      [...Array(grid.rowCount).keys()].find((r) =>
        layout.cells.some((c) => c.row === r && c.value === "推荐排序"),
      ) ?? -1;
    const out: string[][] = [];
    for (let r = header + 1; r < grid.rowCount; r++) {
      const first = grid.cell(r, 0).text;
      if (!/^\d+$/.test(first)) break;
      out.push([0, 1, 2, 3].map((c) => grid.cell(r, c).text));
    }
    return out;
  }

  it("sorts by rank (forms without one follow in their order), numbers 1..N and writes 重点推荐", () => {
    const { layout } = buildListFromForms("sh-82-recommendation", [
      form("C", "丙", {}),
      form("B", "乙", { rank: 2 }),
      form("D", "丁", {}),
      form("A", "甲", { rank: 1, keyRecommended: true }),
    ]);
    expect(rows(layout)).toEqual([
      ["1", "A", "甲", "重点推荐"],
      ["2", "B", "乙", ""],
      ["3", "C", "丙", ""],
      ["4", "D", "丁", ""],
    ]);
    const text = layout.cells.map((c) => String(c.value ?? "")).join("\n");
    expect(text).toContain("推荐单位：上海市科委（盖章）");
    expect(text).toContain("推荐单位联系人：王老师");
  });

  it.each([
    [5, 1, []],
    [5, 2, ["warning"]],
    [14, 2, []],
    [14, 3, ["warning"]],
    [20, 3, []],
  ])("%i forms with %i 重点推荐: warning hints %j", (n, keys, warnings) => {
    const forms = Array.from({ length: n }, (_, i) =>
      form(`项目${i + 1}`, `单位${i + 1}`, { keyRecommended: i < keys }),
    );
    const { layout, hints } = buildListFromForms("sh-82-recommendation", forms);
    expect(hints.filter((h) => h.severity !== "info").map((h) => h.severity)).toEqual(warnings);
    for (const h of hints) {
      expect(h.rule).toBe("key-recommendation.quota");
      // At the 备注 header, as the engine reports the quota.
      expect(layoutText(layout, h.row, h.col)).toBe("备注");
    }
    expect(hints.filter((h) => h.severity === "info")).toHaveLength(1);
    // The list the hint warns about is the list the engine checks: it agrees.
    const check = checkGrid(gridFromLayout(layout));
    const quota = check.findings.filter(
      (f) => f.rule === "key-recommendation.quota" && f.severity === "warning",
    );
    expect(quota.length).toBe(warnings.length);
  });

  it("takes only the forms of the list's notice", () => {
    const fj: ApplicationForm = {
      sheet: "fj",
      policy: "fj-2026-gaoyan",
      level: "national",
      fields: { title: "福建项目", hostName: "福州示范学院" },
    };
    const { layout } = buildListFromForms("sh-82-recommendation", [form("上海项目", "上海单位"), fj]);
    expect(rows(layout).map((r) => r[1])).toEqual(["上海项目"]);
  });

  it("fills 附件3 汇总表 columns from the Fujian form's host block", () => {
    const fj = (title: string, office: string, mobile: string): ApplicationForm => ({
      sheet: title,
      policy: "fj-2026-gaoyan",
      level: "national",
      fields: {
        title,
        hostName: `${title}学院`,
        hostContact: "陈老师",
        hostOffice: office,
        hostMobile: mobile,
        techField: "电子信息",
        applicantName: "福建省人社厅",
      },
    });
    const { layout, hints } = buildListFromForms(
      "fj-summary",
      [fj("甲", "0591-87612345", "13912345678"), fj("乙", "0591-87612346", "")],
      { date: "2026年1月12日" },
    );
    expect(hints).toEqual([]);
    const grid = gridFromLayout(layout);
    const header = layout.cells.find((c) => c.value === "序号")?.row ?? -1;
    const read = [1, 2].map((i) => [0, 1, 2, 3, 4, 5].map((c) => grid.cell(header + i, c).text));
    expect(read).toEqual([
      ["1", "甲", "甲学院", "陈老师", "13912345678", "电子信息"],
      ["2", "乙", "乙学院", "陈老师", "0591-87612346", "电子信息"],
    ]);
    const text = layout.cells.map((c) => String(c.value ?? "")).join("\n");
    expect(text).toContain("主管部门或申报单位（盖章）：福建省人社厅");
    expect(text).toContain("填表日期：2026年1月12日");
  });

  it("gives the blank template's rows when there are no forms", () => {
    const { layout, hints } = buildListFromForms("sh-82-recommendation", []);
    expect(rows(layout).map((r) => r[0])).toEqual(["1", "2", "3", "4", "5"]);
    expect(hints).toEqual([]);
  });

  it.each(["sh-82-application", "fj-instructions", "nope"])("refuses %s", (id) => {
    expect(() => buildListFromForms(id, [])).toThrow(TemplateError);
  });
});

describe("readApplicationForms", () => {
  it("reads the application forms of a workbook with the pack's spec and skips every other sheet", () => {
    const sh = fillFormFromRecord(SH, CLEAN_RECORDS[SH] ?? {});
    const fj = fillFormFromRecord(
      "fj-provincial-application",
      CLEAN_RECORDS["fj-provincial-application"] ?? {},
    );
    const grids = [
      gridFromLayout(getTemplate("sh-82-domains")?.build() as SheetLayout),
      gridFromLayout(sh),
      gridFromLayout(fj),
    ];
    const forms = readApplicationForms(grids);
    expect(forms.map((f) => [f.sheet, f.policy, f.level])).toEqual([
      [sh.name, "sh-2026-gaoyan", null],
      [fj.name, "fj-2026-gaoyan", "provincial"],
    ]);
    expect(forms[0]?.fields.applicantName).toBe("上海示范大学");
    expect(forms[1]?.fields.hostName).toBe("福州示范学院");
  });
});
