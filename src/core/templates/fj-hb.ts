import { FJ_FORM, type FjFormKey } from "../models/fj-gaoyan/application";
import { HB_FORM, type HbFormKey } from "../models/hb-gaoyan/application";
import { compactText } from "../read/normalise";
import { LayoutBuilder } from "./builder";
import { FormWriter, type BlockRow } from "./form-writer";
import type { SheetLayout } from "./layout";
import { writeList } from "./list-writer";
import { tickOption } from "./options";
import { STYLES } from "./styles";
import type { FormBinding, FormDraft, ListBinding, ListLines, ListRow, Template } from "./types";

/*
 * Fujian's 附件1–4 and Hubei's 申报表: both derive from the 人社部 申报表 template, so one writer draws the three
 * forms and the notices' differences are parameters (titles, 仅单选/可多选, 研修对象/培训对象, the blocks, the notes).
 */

const FJ_TITLE_NATIONAL = "专业技术人才知识更新工程\n2026年高级研修项目申报表";
const FJ_TITLE_PROVINCIAL = "专业技术人才知识更新工程\n2026年省级高级研修项目申报表";
const FJ_TITLE_SUMMARY = "福建省专业技术人才知识更新工程2026年高级研修项目汇总表";
const HB_TITLE = "专业技术人员知识更新工程2026年高级研修项目申报表";

/** 附件4 填表说明, item by item as the notice numbers them. */
export const FJ_INSTRUCTIONS: readonly string[] = [
  "1.申报国家级高级研修项目的，填报附件1、附件3；申报省级高级研修项目的，填报附件2、附件3；如申请国家级高级研修项目未入选的，自动转入申报省级高级研修项目，无需重复申报。",
  "2.附件1省人社厅作为申报单位，各施训机构作为承办单位，无需填写申报单位、申报时间、申报单位信息，无需盖章。",
  "3.附件2各施训机构作为申报单位，需填写所有栏目并盖章。",
  "4.附件1“选题所属行业领域”、附件3“所属专业技术领域”参考《专业技术人员继续教育专业科目省级行业主管部门及专业技术领域目录》（闽人社文办〔2023〕222号文附件1）填写。",
  "5.附件1“选题所属行业主管部门”填写国家部委。",
];

/** The 附件4 items that speak about a table, shown as 注 under it. */
function instructionNotes(items: readonly number[]): string[] {
  return ["注：填表说明（附件4）", ...items.map((i) => FJ_INSTRUCTIONS[i - 1] as string)];
}

type Variant = "fj-national" | "fj-provincial" | "hb";

const FUNDING = (multi: boolean) =>
  `□财政资助项目\n□自筹经费项目（自筹经费来源：${multi ? "____________" : "                    "}）`;
const BASE_FJ = "□是第____批国家级继续教育基地\n□是省级继续教育基地\n□否";
const BASE_HB = "□是第____批专业技术人员继续教育基地\n□是省级继续教育基地\n□否";
const METHODS_HINT = "（包括但不限于主题报告、专题研讨、学术交流、现场教学）";
const EXPERTS_HINT = "（如有院士或省部级领导出席，请重点阐述）";

const choice = (single: boolean, items?: readonly string[]) => ({
  kind: "choice" as const,
  single,
  ...(items ? { items } : {}),
});
const BASE_ALIASES = { 省级: "是省级继续教育基地", 国家级: "是第", 无: "否" };

/** The form of one variant, with where each of the pack's fields (FJ_FORM / HB_FORM keys) is answered. */
function draftForm(variant: Variant): FormDraft {
  const fj = variant !== "hb";
  const provincial = variant === "fj-provincial";
  const w = new FormWriter(
    variant === "fj-national" ? "附件1 国家级申报表" : provincial ? "附件2 省级申报表" : "申报表",
  );
  w.attachment(variant === "fj-national" ? "附件1" : provincial ? "附件2" : "附件");
  w.title(variant === "fj-national" ? FJ_TITLE_NATIONAL : provincial ? FJ_TITLE_PROVINCIAL : HB_TITLE);
  w.line("申报单位：                              （盖章）", "applicantLine", "申报单位：");
  w.line("申报时间：        年      月      日", "dateLine", "申报时间：");
  w.wide({ label: "项目名称", key: "title" });
  w.pair({ label: "办班时间", key: "courseTime" }, { label: "办班地点", key: "location" });
  w.pair(
    { label: provincial ? "选题所属专业技术领域" : "选题所属行业领域", key: "techField" },
    { label: "选题所属\n行业主管部门", key: "ministry" },
  );
  const categoryRow = w.row;
  if (!provincial)
    w.wide({
      label: fj ? "申报项目类别（仅单选）" : "申报项目类别（可多选）",
      value: FUNDING(!fj),
      key: "category",
      lines: 2,
      slot: {
        ...choice(fj, ["自筹经费来源"]),
        optionAliases: { 财政资助: "财政资助项目", 自筹: "自筹经费项目", 自筹经费: "自筹经费项目" },
      },
    });
  const scopeItems = [fj ? "服务重大战略" : "服务国家战略", "对接产业需求", "突出数字技术"];
  w.wide({
    label: "是否符合选题范围",
    value: scopeItems.map((s) => `□${s}：____________`).join("\n"),
    key: "scope",
    lines: 3,
    slot: choice(false, scopeItems),
  });
  w.wide({ label: "研修目的和作用", key: "purpose", lines: 6 });
  w.wide({ label: "研修内容和方式", value: METHODS_HINT, key: "methods", lines: 6 });
  w.wide({ label: "授课专家情况", value: provincial ? "" : EXPERTS_HINT, key: "experts", lines: 5 });
  w.wide({
    label: provincial ? "培训对象" : "研修对象",
    value:
      variant === "fj-national"
        ? "（应面向全国招收，研修学员一般应是具有中高级职称的专业技术人员，或是在管理岗位工作的经营管理人员，并应向基层一线人才倾斜）"
        : variant === "hb"
          ? "（按通知要求招收学员，研修人员一般应是具有中高级职称的专业技术人员，或在管理岗位工作的高级经营管理人员，并向基层一线专业技术骨干倾斜。）"
          : "",
    key: "audience",
    lines: 4,
  });
  const unitRows = (prefix: "applicant" | "host"): BlockRow[] => [
    [
      { label: "单位名称", key: `${prefix}Name` },
      { label: "联系人", key: `${prefix}Contact` },
    ],
    [
      { label: "办公电话", key: `${prefix}Office` },
      { label: fj ? "手机" : "手  机", key: `${prefix}Mobile` },
    ],
    [
      { label: fj ? "传真" : "传  真", key: `${prefix}Fax` },
      { label: fj ? "地址" : "地  址", key: `${prefix}Address` },
    ],
  ];
  if (!provincial) w.block("申报单位\n信息", unitRows("applicant"));
  const hostRows = unitRows("host");
  hostRows.push({
    label: "是否继续\n教育基地",
    value: fj ? BASE_FJ : BASE_HB,
    key: "base",
    lines: 3,
    slot: { ...choice(true), optionAliases: BASE_ALIASES },
  });
  if (!fj) hostRows.push({ label: "近5年支撑知识\n更新工程\n工作情况", key: "recentWork", lines: 6 });
  w.block("承办单位\n信息", hostRows);
  if (provincial) {
    // The stamp and date sit at the bottom right of the opinion box, as printed.
    w.wide({
      label: "省直主管单位或设区市\n人社部门审核意见",
      value: "（盖章）　　　　　　\n年　　月　　日　　",
      key: "review",
      lines: 5,
      style: { ...STYLES.value, hAlign: "right", vAlign: "bottom" },
    });
  }
  if (variant === "fj-national") w.notes(instructionNotes([1, 2, 4, 5]));
  else if (provincial) w.notes(instructionNotes([1, 3]));
  else
    w.notes([
      "注：请按照《湖北省人力资源和社会保障厅关于征集专业技术人员知识更新工程2026年高级研修项目选题的通知》有关要求，认真填写此表并加盖申报单位印章。",
    ]);
  const draft = w.finish();
  if (!provincial) {
    // 申报项目类别 dropdown: the group with each option ticked (Fujian 仅单选; Hubei may tick both, so both is offered).
    const text = FUNDING(!fj);
    const list = [tickOption(text, "财政资助项目", true), tickOption(text, "自筹经费项目", true)];
    if (!fj) list.push(tickOption(list[0] as string, "自筹经费项目", false));
    draft.layout.validations.push({
      area: { top: categoryRow, left: 2, bottom: categoryRow, right: 2 },
      list: list.map((l) => l.replace(/\n/g, " ")),
      prompt: fj
        ? "申报项目类别（仅单选）；自筹经费项目请填写经费来源"
        : "申报项目类别（可多选）；自筹经费项目请填写经费来源",
      errorStyle: "warning",
    });
  }
  return draft;
}

/** The 申报单位/申报时间 lines above the grid: the packs read them as lines, not as fields of their form spec. */
const LINE_LABELS = { applicantLine: ["申报单位"], dateLine: ["申报时间", "填表日期"] };

const fjBinding = (provincial: boolean): FormBinding<FjFormKey | "applicantLine" | "dateLine"> => ({
  spec: FJ_FORM,
  titleKey: "title",
  lineLabels: LINE_LABELS,
  fromList: {
    title: ["title"],
    host: provincial ? ["hostName", "applicantLine"] : ["hostName"],
    recommender: provincial ? [] : ["applicantName"],
    courseTime: ["courseTime"],
    days: ["courseTime"],
    location: ["location"],
    techField: ["techField"],
    domain: ["techField"],
    contact: ["hostContact"],
    phone: ["hostOffice", "hostMobile"],
    category: provincial ? [] : ["category"],
    trainees: ["audience"],
  },
});

const hbBinding: FormBinding<HbFormKey | "applicantLine" | "dateLine"> = {
  spec: HB_FORM,
  titleKey: "title",
  lineLabels: LINE_LABELS,
  fromList: {
    title: ["title"],
    host: ["hostName"],
    recommender: ["applicantName"],
    courseTime: ["courseTime"],
    days: ["courseTime"],
    location: ["location"],
    techField: ["techField"],
    domain: ["techField"],
    contact: ["hostContact"],
    phone: ["hostOffice", "hostMobile"],
    category: ["category"],
    trainees: ["audience"],
  },
};

/** 附件3 汇总表: 序号 研修选题 承办单位 联系人 联系电话 所属专业技术领域, the stamp and date line, and 附件4's notes. */
function buildSummary(rows: readonly ListRow[] | undefined, lines: ListLines, blankRows = 5): SheetLayout {
  const data: ListRow[] = rows && rows.length > 0 ? [...rows] : Array.from({ length: blankRows }, () => ({}));
  return writeList({
    name: "附件3 汇总表",
    attachment: "附件3",
    title: FJ_TITLE_SUMMARY,
    orientation: "landscape",
    columns: [
      { key: "serial", label: "序号", width: 7, centred: true },
      { key: "title", label: "研修选题", width: 42 },
      { key: "host", label: "承办单位", width: 32 },
      { key: "contact", label: "联系人", width: 11, centred: true },
      { key: "phone", label: "联系电话", width: 18, centred: true },
      { key: "techField", label: "所属专业技术领域", width: 20, centred: true },
    ],
    above: [],
    below: [
      {
        left: `主管部门或申报单位（盖章）：${lines.applicant ?? ""}`,
        right: `填表日期：${lines.date ?? "        年      月      日"}`,
        split: 3,
      },
    ],
    notes: instructionNotes([1, 4]),
    rows: data,
  }).layout;
}

const same = (values: readonly string[]): string | undefined => {
  const set = new Set(values.map((v) => compactText(v)).filter((v) => v !== ""));
  return set.size === 1 ? values.find((v) => compactText(v) !== "") : undefined;
};

const fjSummaryBinding: ListBinding = {
  policy: "fj-2026-gaoyan",
  columns: ["serial", "title", "host", "contact", "phone", "techField"],
  keyColumn: false,
  buildRows: (rows, lines) => buildSummary(rows, lines),
  rowFromForm: (form) => ({
    title: form.fields.title ?? "",
    host: form.fields.hostName ?? "",
    contact: form.fields.hostContact ?? "",
    phone: form.fields.hostMobile || form.fields.hostOffice || "",
    techField: form.fields.techField ?? "",
  }),
  linesFromForms: (forms) => {
    const applicant = same(forms.map((f) => f.fields.applicantName ?? ""));
    return applicant ? { applicant } : {};
  },
};

/** 附件4 填表说明 as a sheet of its own, to print with the forms. */
function buildInstructions(): SheetLayout {
  // Four columns merged across rather than one wide column: LibreOffice does not scale a single over-wide column to
  // the page and cuts the text on both sides.
  const b = new LayoutBuilder("附件4 填表说明", [22, 23, 22, 23]);
  b.line(0, "附件4", STYLES.attachment);
  b.line(1, "填表说明", STYLES.title);
  b.fixHeight(2, 10);
  FJ_INSTRUCTIONS.forEach((text, i) => b.line(3 + i, text, { ...STYLES.note, fontSize: 12 }));
  return b.build({ orientation: "portrait" });
}

/** Fujian 附件1–4 and the Hubei 申报表. */
export const FJ_HB_TEMPLATES: readonly Template[] = [
  {
    id: "fj-national-application",
    policy: "fj-2026-gaoyan",
    level: "national",
    table: "application",
    attachment: "附件1",
    title: FJ_TITLE_NATIONAL.replace("\n", ""),
    build: () => draftForm("fj-national").layout,
    form: { binding: fjBinding(false) as FormBinding, draft: () => draftForm("fj-national") },
  },
  {
    id: "fj-provincial-application",
    policy: "fj-2026-gaoyan",
    level: "provincial",
    table: "application",
    attachment: "附件2",
    title: FJ_TITLE_PROVINCIAL.replace("\n", ""),
    build: () => draftForm("fj-provincial").layout,
    form: { binding: fjBinding(true) as FormBinding, draft: () => draftForm("fj-provincial") },
  },
  {
    id: "fj-summary",
    policy: "fj-2026-gaoyan",
    level: null,
    table: "summary",
    attachment: "附件3",
    title: FJ_TITLE_SUMMARY,
    build: (options) => buildSummary(undefined, {}, options?.rows ?? 5),
    list: fjSummaryBinding,
  },
  {
    id: "fj-instructions",
    policy: "fj-2026-gaoyan",
    level: null,
    table: "reference",
    attachment: "附件4",
    title: "填表说明",
    build: buildInstructions,
  },
  {
    id: "hb-application",
    policy: "hb-2026-gaoyan",
    level: null,
    table: "application",
    attachment: "附件",
    title: HB_TITLE,
    build: () => draftForm("hb").layout,
    form: { binding: hbBinding as FormBinding, draft: () => draftForm("hb") },
  },
];
