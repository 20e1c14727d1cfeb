import { toA1 } from "../grid/a1";
import { hasFigure, rangeFigure, type PackData } from "../packs/data";
import type { TemplateData } from "../packs/template-schema";
import { LayoutBuilder } from "./builder";
import type { CellStyle } from "./layout";
import { heightForLines } from "./measure";
import { boxes } from "./options";
import { listValues } from "./pack-lists";
import { mergedDown, STYLES } from "./styles";
import { fillText } from "./text";
import type { FormDraft, FormSlot } from "./types";

/**
 * Tables whose grid is still drawn by code, named by a template's `drawing:`. The template file gives the identity,
 * title and fill; the pack gives the figures and lists the drawing prints (years, issuer, dropdown lists).
 *
 * institution-form: 沪人社专〔2026〕55号 附件 数字技术工程师培育项目培训机构申报表 — a cover page, then a six-column
 * grid with year tables, a teacher table and live totals. What is still code: the grid itself (rows, merges, slots)
 * and the 注 under it.
 */

/** Blank rows the institution form prints for 培训教师 and 自有场地. */
const INST_TEACHER_ROWS = 5;
const INST_VENUE_ROWS = 2;
const LEVELS = ["初级", "中级", "高级"] as const;

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** 近三年纳税: the figure tax.years (2023–2025) where the pack gives it, else the three years before the notice's. */
function taxYears(pack: PackData): number[] {
  if (hasFigure(pack, "tax.years")) {
    const { min, max } = rangeFigure(pack, "tax.years").value;
    return span(min, max);
  }
  return span(pack.year - 3, pack.year - 1);
}

/** 近5年培训规模: the five years before the notice's year (2021–2025 for 2026). */
const scaleYears = (pack: PackData) => span(pack.year - 5, pack.year - 1);

/** A live total that stays blank until a figure is entered (a blank form should not print 0). */
const total = (from: string, to: string) => `=IF(COUNT(${from}:${to})=0,"",SUM(${from}:${to}))`;

const NOTES = [
  "注：1. 单位类型：行业协会等社团组织、事业单位、企业、集体企业、民营企业、民办非企业单位；",
  "2. 所属行业：请参考《2017年国民经济行业分类》（GB/T 4754—2017）；",
  "3. 人员性质：专职师资、兼职师资；",
  "4. 工作单位：填写单位全称，建议填写至单位所在部门或二级单位；",
  "5. 申请开展多个职业的培训或评价工作，请按职业分别填报申请；",
  "6. 本表可另附页。",
];

const PROMISE =
  "本单位提交的所有材料均真实、准确、可靠，如有失信或弄虚作假，其责任由本单位自负并愿接受相关处理。\n\n" +
  "　　　　　　　　　　　　　　　　　　申报单位（盖章）：\n" +
  "　　　　　　　　　　　　　　　　　　法定代表人（或委托代理人）：\n" +
  "　　　　　　　　　　　　　　　　　　　　　　年　　月　　日";

/**
 * The form in six columns (label, then up to five values, as its widest tables need), with a cover page before it.
 * Slots: the pack's field keys, plus table cells as "tax:2023:amount", "scale:2021:total", "venue:1:address",
 * "teacher:1:name", "plan:初级", "fee:初级".
 */
function draftInstitution(pack: PackData, t: TemplateData): FormDraft {
  const taxYearList = taxYears(pack);
  const scaleYearList = scaleYears(pack);
  const b = new LayoutBuilder(t.sheet, [18, 13, 14, 15, 13, 17]);
  const slots: Record<string, FormSlot> = {};
  const slot = (key: string, row: number, col: number, extra: Partial<FormSlot> = {}) =>
    (slots[key] = { row, col, kind: "text", ...extra });
  const label = (row: number, col: number, text: string, options: { rows?: number; cols?: number } = {}) =>
    b.put(row, col, text, mergedDown(STYLES.label, options.rows ?? 1), options);
  const value = (
    row: number,
    col: number,
    key: string | undefined,
    options: { rows?: number; cols?: number; text?: string; style?: CellStyle; numeric?: boolean } = {},
  ) => {
    b.put(row, col, options.text, options.style ?? STYLES.value, {
      rows: options.rows ?? 1,
      cols: options.cols ?? 1,
    });
    if (key) slot(key, row, col, options.numeric ? { numeric: true } : {});
  };
  const count = { style: STYLES.centred, numeric: true };
  const long = (row: number, text: string, key: string, hint: string, lines: number) => {
    label(row, 0, text);
    value(row, 1, key, { cols: 5, text: hint, style: STYLES.long });
    b.minHeight(row, heightForLines(lines));
  };
  const section = (row: number, text: string) => b.put(row, 0, text, STYLES.section, { cols: 6 });

  // Cover page, as the attachment's first page.
  let r = 0;
  b.line(r++, t.attachment, STYLES.attachment);
  b.fixHeight(r++, 120);
  b.line(r++, fillText(t.title, pack), { ...STYLES.title, fontSize: 22 });
  b.fixHeight(r++, 140);
  const coverLine = { ...STYLES.line, fontSize: 14 };
  b.put(r, 1, "申报单位：______________________________", coverLine, { cols: 4, border: false });
  b.minHeight(r++, 36);
  b.put(r, 1, "填表日期：______________________________", coverLine, { cols: 4, border: false });
  slot("fillDate", r, 1, { kind: "inline", prefix: "填表日期：" });
  slots.applicantLine = { row: r - 1, col: 1, kind: "inline", prefix: "申报单位：" };
  b.minHeight(r++, 36);
  // The cover fills its page (about 720 of A4's 737 printable points), so the form starts on page 2 even where a
  // host ignores the manual page break under fit-to-width printing.
  b.fixHeight(r++, 240);
  b.line(r++, `${pack.issuer} 制`, { ...STYLES.line, fontSize: 14, hAlign: "center" });
  b.line(r++, `${pack.issued.year}年${pack.issued.month}月`, {
    ...STYLES.line,
    fontSize: 14,
    hAlign: "center",
  });
  b.breakAfter(r - 1);

  const occupationRow = r;
  label(r, 0, "拟申报开展培训的\n职业（仅填一项）");
  value(r++, 1, "occupation", { cols: 5 });
  label(r, 0, "拟申报开展培训的\n专业技术等级");
  value(r, 1, "level", { cols: 5, text: `${boxes(LEVELS, "box-after", "      ")}（请打√）` });
  slots.level = { row: r++, col: 1, kind: "choice", single: false, layout: "box-after" };

  section(r++, "申报单位基本情况");
  label(r, 0, "单位名称（盖章）");
  value(r++, 1, "unitName", { cols: 5 });
  label(r, 0, "统一社会信用代码");
  value(r++, 1, "creditCode", { cols: 5 });
  label(r, 0, "法定代表人");
  label(r, 1, "姓名");
  value(r, 2, "legalName");
  label(r, 3, "身份证号");
  value(r++, 4, "legalId", { cols: 2 });
  label(r, 0, "单位地址");
  value(r++, 1, "address", { cols: 5 });
  const unitTypeRow = r;
  label(r, 0, "单位类型");
  value(r, 1, "unitType", { cols: 2 });
  label(r, 3, "所属行业");
  value(r++, 4, "industry", { cols: 2 });
  label(r, 0, "注册资金（万元）");
  value(r, 1, "capital", { cols: 2, numeric: true });
  label(r, 3, "正式员工数");
  value(r++, 4, "employees", { cols: 2, numeric: true });
  label(r, 0, "单位成立时间");
  value(r++, 1, "founded", { cols: 5 });

  label(r, 0, "近三年纳税情况", { rows: taxYearList.length + 1 });
  label(r, 1, "年份");
  label(r, 2, "税额（万元）", { cols: 2 });
  label(r, 4, "是否有失信行为\n（从信用中国平台查询后填）", { cols: 2 });
  b.minHeight(r++, heightForLines(2));
  const taxTop = r;
  for (const year of taxYearList) {
    b.put(r, 1, `${year}年`, STYLES.centred);
    value(r, 2, `tax:${year}:amount`, { cols: 2, numeric: true });
    value(r++, 4, `tax:${year}:credit`, { cols: 2, style: STYLES.centred });
  }
  b.validate({
    area: { top: taxTop, left: 4, bottom: r - 1, right: 4 },
    list: ["否", "是"],
    prompt: "从信用中国平台查询后填写：是/否",
  });

  for (const [who, name] of [
    ["lead", "申报负责人"],
    ["contact", "申报联系人"],
  ] as const) {
    label(r, 0, name, { rows: 2 });
    label(r, 1, "姓名");
    value(r, 2, `${who}Name`);
    label(r, 3, "电话");
    value(r++, 4, `${who}Phone`, { cols: 2 });
    label(r, 1, "职务");
    value(r, 2, `${who}Title`);
    label(r, 3, "邮箱");
    value(r++, 4, `${who}Email`, { cols: 2 });
  }
  long(r++, "单位基本情况", "profile", "（主要包括：基本情况、行业地位、单位优势，800字以内）", 14);

  section(r++, "已有基础");
  label(r, 0, "近5年培训规模\n（人次）", { rows: scaleYearList.length + 3 });
  label(r, 1, "年度");
  label(r, 2, "培训人数");
  label(r, 3, "独立培训人数");
  label(r++, 4, "合作培训人数", { cols: 2 });
  const scaleTop = r;
  for (const year of scaleYearList) {
    b.put(r, 1, `${year}年`, STYLES.centred);
    value(r, 2, `scale:${year}:total`, count);
    value(r, 3, `scale:${year}:independent`, count);
    value(r++, 4, `scale:${year}:cooperative`, { ...count, cols: 2 });
  }
  const scaleBottom = r - 1;
  // 培训总规模 and 其中独立培训规模 add up the years: live formulas, so they cannot disagree with the rows.
  label(r, 1, "培训总规模");
  b.put(r, 2, undefined, STYLES.centred, {
    cols: 4,
    formula: total(toA1(scaleTop, 2), toA1(scaleBottom, 2)),
  });
  slot("scaleTotal", r++, 2);
  label(r, 1, "（其中独立\n培训规模）");
  b.put(r, 2, undefined, STYLES.centred, {
    cols: 4,
    formula: total(toA1(scaleTop, 3), toA1(scaleBottom, 3)),
  });
  slot("scaleIndependent", r++, 2);

  label(r, 0, "自有场地及\n设施设备情况", { rows: INST_VENUE_ROWS + 1 });
  ["场地地址", "场地面积", "容纳人数", "设施设备台套", "设施设备总值"].forEach((h, i) => label(r, 1 + i, h));
  r++;
  for (let i = 1; i <= INST_VENUE_ROWS; i++) {
    (["address", "area", "capacity", "equipment", "equipmentValue"] as const).forEach((k, j) =>
      value(r, 1 + j, `venue:${i}:${k}`),
    );
    r++;
  }
  long(
    r++,
    "信息化平台\n建设情况",
    "platform",
    "（主要内容：是否有信息化平台支撑线上培训工作，基本情况介绍，具体网址等，300字以内）",
    7,
  );

  label(r, 0, "师资团队总人数", { rows: 2 });
  b.put(r, 1, undefined, STYLES.centred, { rows: 2, cols: 2, formula: total(toA1(r, 5), toA1(r + 1, 5)) });
  slot("teachersTotal", r, 1);
  label(r, 3, "专职师资队伍人数", { cols: 2 });
  value(r++, 5, "teachersFullTime", count);
  label(r, 3, "兼职师资队伍人数", { cols: 2 });
  value(r++, 5, "teachersPartTime", count);

  ["培训教师姓名", "工作单位", "专业技术职务/职称", "专业", "人员性质", "联系电话"].forEach((h, i) =>
    label(r, i, h),
  );
  r++;
  const teacherTop = r;
  for (let i = 1; i <= INST_TEACHER_ROWS; i++) {
    (["name", "employer", "title", "major", "kind", "phone"] as const).forEach((k, j) =>
      value(r, j, `teacher:${i}:${k}`, { style: j === 0 || j === 4 ? STYLES.centred : STYLES.value }),
    );
    r++;
  }
  b.validate({
    area: { top: teacherTop, left: 4, bottom: r - 1, right: 4 },
    list: ["专职师资", "兼职师资"],
    prompt: "人员性质：专职师资、兼职师资",
  });
  long(
    r++,
    "已有培训\n情况简述",
    "trainingSummary",
    "（主要包括：近五年来在所申报职业领域组织开展培训的情况，培训课程、课时、人数、形式等，以及考勤管理、质量评估等相关培训管理制度等。具体文本、支撑材料另附。500字以内）",
    10,
  );
  long(
    r++,
    "师资团队\n建设机制简述",
    "teamMechanism",
    "（建设机制包括：专职与兼职师资队伍结构优化措施、专家聘请方式、师资团队建设激励机制等。500字以内）",
    10,
  );

  section(r++, "下一步工作方案");
  label(r, 0, "年度计划\n培训人数（人次）", { rows: 3 });
  label(r, 3, "培训费用\n（元/学时）", { rows: 3 });
  for (const level of LEVELS) {
    label(r, 1, level);
    value(r, 2, `plan:${level}`, count);
    label(r, 4, level);
    value(r++, 5, `fee:${level}`, count);
  }
  long(
    r++,
    "下一步培训\n工作规划",
    "plan",
    "（主要包括：下一步开展有关职业培训的工作考虑及有关条件保障等，包括实施方案及质量管控相关制度、培训规模、师资培训、学习资源开发、培训费用测算等，800字以内）",
    14,
  );
  section(r++, "承诺");
  b.put(r, 0, PROMISE, { ...STYLES.value, vAlign: "top" }, { cols: 6 });
  b.minHeight(r++, heightForLines(7));
  b.fixHeight(r++, 8);
  // One cell for the notes, so a page break never splits them.
  b.line(r++, NOTES.join("\n"), STYLES.note);

  // The dropdowns offer the pack's own lists (lists/occupations.yaml, lists/unit-types.yaml).
  b.validate({
    area: { top: occupationRow, left: 1, bottom: occupationRow, right: 1 },
    list: listValues(pack, "occupations", "name"),
    prompt: "仅填一项：通知“一、申报范围”所列职业",
  });
  b.validate({
    area: { top: unitTypeRow, left: 1, bottom: unitTypeRow, right: 1 },
    list: listValues(pack, "unit-types"),
    prompt: "单位类型（见注1）",
  });
  return { layout: b.build({ orientation: "portrait" }), slots };
}

/** The code drawings a template's `drawing:` may name. */
export const DRAWINGS: ReadonlyMap<string, (pack: PackData, t: TemplateData) => FormDraft> = new Map([
  ["institution-form", draftInstitution],
]);
