import { SH_FORM, type ShFormKey } from "../models/sh-gaoyan/application";
import { shDomains } from "../models/sh-gaoyan/domains";
import { pct } from "../messages/findings";
import { quotaFigure, type PackData } from "../packs/data";
import { findPack } from "../packs/registry";
import { compactText } from "../read/normalise";
import { LayoutBuilder } from "./builder";
import { writeCascade } from "./cascade";
import { FormWriter } from "./form-writer";
import type { SheetLayout } from "./layout";
import { writeList } from "./list-writer";
import { boxes, tickOption } from "./options";
import { mergedDown, STYLES } from "./styles";
import type {
  ApplicationForm,
  FormBinding,
  FormDraft,
  ListBinding,
  ListLines,
  ListRow,
  Template,
} from "./types";

// 沪人社专〔2026〕82号: the three attachments, in the notice's words.
const SH_TITLE_DOMAINS = "上海市专业技术人才知识更新工程重点领域和主要专业范围";
const SH_TITLE_FORM = "专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）申报表";
const SH_TITLE_LIST = "专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）推荐表";

/** The pack these templates draw (its 附件1 list and quota are read from packs/sh-2026-gaoyan). */
const PACK_ID = "sh-2026-gaoyan";

function packData(): PackData {
  const pack = findPack(PACK_ID);
  if (!pack) throw new Error(`Pack “${PACK_ID}” is not loaded.`);
  return pack.data;
}

/** 附件1 row by row as printed (lists/domains.yaml): 序号, 领域, 主要专业范围, 牵头部门 ("" continues the row above). */
function domainRows(): ReadonlyArray<readonly [number, string, string, string]> {
  return shDomains(packData()).groups.map((g) => [g.serial, g.domain, g.printed, g.leads] as const);
}

/** The quota of 附件3 注 as the notes print it ("15%"). */
const quotaText = () => pct(quotaFigure(packData(), "keyQuota").value.share);

/** 附件1 as a reference sheet: the attachment's table, merged where a 序号/领域/牵头部门 runs over several rows. */
function buildDomains(): SheetLayout {
  const b = new LayoutBuilder("附件1 重点领域和主要专业范围", [7, 13, 50, 22]);
  b.line(0, "附件1", STYLES.attachment);
  b.line(1, SH_TITLE_DOMAINS, STYLES.title);
  const header = 2;
  ["序号", "领域", "主要专业范围", "牵头部门"].forEach((h, c) => b.put(header, c, h, STYLES.header));
  const first = header + 1;
  const DOMAIN_ROWS = domainRows();
  // Runs of equal 序号 (and of equal 领域 within them) become one merged cell, as in the attachment.
  const runs = (same: (i: number) => boolean) => {
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let i = 1; i <= DOMAIN_ROWS.length; i++) {
      if (i < DOMAIN_ROWS.length && same(i)) continue;
      out.push([start, i - 1]);
      start = i;
    }
    return out;
  };
  const row = (i: number) => DOMAIN_ROWS[i] as readonly [number, string, string, string];
  for (const [s, e] of runs((i) => row(i)[0] === row(i - 1)[0]))
    b.put(first + s, 0, row(s)[0], mergedDown(STYLES.centred, e - s + 1), { rows: e - s + 1 });
  for (const [s, e] of runs((i) => row(i)[0] === row(i - 1)[0] && row(i)[1] === row(i - 1)[1]))
    b.put(first + s, 1, row(s)[1], mergedDown(STYLES.centred, e - s + 1), { rows: e - s + 1 });
  for (const [s, e] of runs((i) => row(i)[3] === ""))
    b.put(first + s, 3, row(s)[3], mergedDown(STYLES.centred, e - s + 1), { rows: e - s + 1 });
  DOMAIN_ROWS.forEach((r, i) => b.put(first + i, 2, r[2], STYLES.value));
  return b.build({ orientation: "portrait", repeatRows: [header, header] });
}

/** The 专业范围 names of each 领域 (the bracketed 含… items are not offered: people pick the main name). */
function majorGroups() {
  const { domains, groups } = shDomains(packData());
  return domains.map((domain) => ({
    name: domain,
    items: groups.filter((g) => g.domain === domain).flatMap((g) => g.majors.map((m) => m.name)),
  }));
}

/** The dropdown items of a □ group: the group's text with each option ticked in turn. */
function tickedVariants(text: string, options: readonly string[]): string[] {
  return options.map((o) => tickOption(text, o, true));
}

const FEATURE = boxes(["是", "否"]);
const CATEGORY = boxes(["高级研修项目", "急需紧缺人才培养项目"]);
const LODGING =
  "□提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：□是  □否）\n□不提供学员住宿\n备注：提供学员住宿的项目原则上在市郊举办或面向长三角地区招收学员";
const SCOPE = "服务本市战略：____________\n对接产业需求：____________\n突出数字技术：____________";
const METHODS =
  "（包括但不限于主题报告、专题研讨、学术交流、现场教学）\n□主题报告：____________\n□专题研讨：____________\n□学术交流：____________\n□现场教学：____________\n□其他方式：____________";
const EXPERTS =
  "（如有院士及其他高层次专家或厅局级以上领导出席，请重点阐述）\n□院士：____________\n□全国杰出专业技术人才：____________\n□享受国务院政府特殊津贴人员：____________\n□上海市领军人才：____________\n□上海杰出人才：____________\n□正高级职称专家：____________";
const BASE = boxes(["国家基地", "本市基地", "否"]);
const LAST_YEAR = "□高级研修项目  □急需紧缺人才培养项目  项目名称：____________\n□未承办";

/** 附件2 申报表, laid out like the attachment, with where each of SH_FORM's fields is answered. */
function draftApplication(): FormDraft {
  const w = new FormWriter("附件2 申报表");
  w.attachment("附件2");
  w.title(SH_TITLE_FORM);
  // A fill-in line after the colon: "申报单位：" alone would make the engine look for the answer in the next cell.
  w.line("申报单位：______________________________", "applicantLine", "申报单位：");
  w.line("申报时间：        年      月      日", "dateLine", "申报时间：");
  w.wide({ label: "项目名称", key: "title" });
  w.pair(
    { label: "办班时间", value: "（X 天）", key: "courseTime" },
    { label: "办班地点", value: "上海市 XX 区", key: "location" },
  );
  const domainRow = w.row;
  w.pair(
    { label: "领域", value: "（参考附件1）", key: "domain" },
    { label: "专业范围", value: "（参考附件1）", key: "major" },
  );
  const featureRow = w.row;
  w.pair(
    { label: "申报特色班", value: FEATURE, key: "featureClass", slot: { kind: "choice", single: true } },
    { label: "特色班\n拟办年限", value: "X 年", key: "featureYears" },
  );
  const categoryRow = w.row;
  w.wide({ label: "申报项目类别", value: CATEGORY, key: "category", slot: { kind: "choice", single: true } });
  w.wide({
    label: "是否提供学员住宿（单选）",
    value: LODGING,
    key: "lodging",
    slot: {
      kind: "choice",
      single: true,
      optionAliases: {
        是: "提供学员住宿",
        提供: "提供学员住宿",
        住宿: "提供学员住宿",
        否: "不提供学员住宿",
        不提供: "不提供学员住宿",
        无: "不提供学员住宿",
      },
    },
  });
  w.wide({
    label: "是否符合选题范围",
    value: SCOPE,
    key: "scope",
    slot: { items: ["服务本市战略", "对接产业需求", "突出数字技术"] },
  });
  w.wide({ label: "研修目的和作用", key: "purpose", lines: 6 });
  w.wide({ label: "主要目标", value: "（100字以内，突出特色、言简意赅）", key: "goal", lines: 4 });
  w.wide({
    label: "研修内容和方式",
    value: METHODS,
    key: "methods",
    lines: 7,
    slot: {
      kind: "choice",
      single: false,
      items: ["主题报告", "专题研讨", "学术交流", "现场教学", "其他方式"],
    },
  });
  w.wide({
    label: "授课专家情况",
    value: EXPERTS,
    key: "experts",
    lines: 8,
    slot: {
      kind: "choice",
      single: false,
      items: [
        "院士",
        "全国杰出专业技术人才",
        "享受国务院政府特殊津贴人员",
        "上海市领军人才",
        "上海杰出人才",
        "正高级职称专家",
      ],
    },
  });
  w.wide({
    label: "培训对象",
    value: "（学员一般应具有中高级职称，或是在管理岗位工作的经营管理人员，并应向基层一线人才倾斜）",
    key: "audience",
    lines: 4,
  });
  w.wide({
    label: "特色班相关情况",
    value:
      "（首次举办该主题项目的请填“无”，已多次举办该主题项目的请列已办相关班次的名称、时间、授课专家、培训对象及人数、取得成效等基本情况，本次办班的侧重点和今后办系列班次的长期考虑，相关班次的详细情况可另附页）",
    key: "featureInfo",
    lines: 6,
  });
  w.wide({
    label: "宣传推广计划",
    value: "（重点描述项目特色亮点及拟实施的宣传推广手段）",
    key: "promotion",
    lines: 4,
  });
  w.block("推荐单位\n信息", [
    [
      { label: "单位名称", key: "recommenderName" },
      { label: "联系人", key: "recommenderContact" },
    ],
    { label: "联系方式", key: "recommenderPhone" },
  ]);
  const baseRow = w.row + 6;
  w.block("申报单位\n信息", [
    [
      { label: "单位名称", value: "（加盖公章）", key: "applicantName" },
      { label: "联系人", key: "applicantContact" },
    ],
    [
      { label: "办公电话", key: "officePhone" },
      { label: "手机", key: "mobile" },
    ],
    [
      { label: "传  真", key: "fax" },
      { label: "邮  编", key: "postcode" },
    ],
    { label: "统一社会\n信用代码", key: "creditCode" },
    { label: "地  址", key: "address" },
    {
      label: "银行账户信息",
      value: "收款人名称：（须与申报单位信息一致）\n收款人账号：\n收款人开户行：",
      key: "bank",
      lines: 3,
      slot: { items: ["收款人名称", "收款人账号", "收款人开户行"] },
    },
    {
      label: "是否继续\n教育基地",
      value: BASE,
      key: "base",
      slot: {
        kind: "choice",
        single: true,
        optionAliases: { 国家级: "国家基地", 市级: "本市基地", 上海市: "本市基地", 无: "否" },
      },
    },
  ]);
  w.wide({
    label: "上一年度项目情况",
    value: LAST_YEAR,
    key: "lastYear",
    slot: { kind: "choice", single: true, items: ["项目名称"] },
  });

  const b = w.builder;
  const majorFormula = writeCascade(b, majorGroups(), { row: 6, col: 7 }, { row: domainRow, col: 2 });
  b.validate({
    area: { top: domainRow, left: 2, bottom: domainRow, right: 2 },
    list: [...shDomains(packData()).domains],
    prompt: "请选择附件1所列领域",
  });
  b.validate({
    area: { top: domainRow, left: 4, bottom: domainRow, right: 4 },
    list: [],
    formula: majorFormula,
    prompt: "先选领域，再选附件1中该领域的专业范围（可另行填写多项）",
    errorStyle: "warning",
  });
  const choiceDropdown = (
    row: number,
    col: number,
    text: string,
    options: readonly string[],
    prompt: string,
  ) =>
    b.validate({
      area: { top: row, left: col, bottom: row, right: col },
      list: tickedVariants(text, options),
      prompt,
      errorStyle: "warning",
    });
  choiceDropdown(featureRow, 2, FEATURE, ["是", "否"], "是否申报特色班（单选）");
  choiceDropdown(categoryRow, 2, CATEGORY, ["高级研修项目", "急需紧缺人才培养项目"], "申报项目类别（单选）");
  choiceDropdown(baseRow, 2, BASE, ["国家基地", "本市基地", "否"], "是否继续教育基地（单选）");
  return w.finish();
}

const shBinding: FormBinding<ShFormKey> = {
  spec: SH_FORM,
  titleKey: "title",
  fromList: {
    title: ["title"],
    host: ["applicantName", "applicantLine"],
    recommender: ["recommenderName"],
    courseTime: ["courseTime"],
    days: ["courseTime"],
    location: ["location"],
    lodging: ["lodging"],
    domain: ["domain"],
    major: ["major"],
    contact: ["applicantContact"],
    phone: ["officePhone", "mobile"],
    category: ["category"],
    trainees: ["audience"],
  },
};

/** 附件3 推荐表 with the given rows (blank: five ranked rows, the first marked 重点推荐, as the attachment shows). */
function buildRecommendation(
  rows: readonly ListRow[] | undefined,
  lines: ListLines,
  blankRows = 5,
): SheetLayout {
  const data: ListRow[] =
    rows && rows.length > 0
      ? [...rows]
      : Array.from({ length: blankRows }, (_, i) =>
          i === 0 ? { rank: 1, remark: "重点推荐" } : { rank: i + 1 },
        );
  return writeList({
    name: "附件3 推荐表",
    attachment: "附件3",
    title: SH_TITLE_LIST,
    orientation: "portrait",
    columns: [
      { key: "rank", label: "推荐排序", width: 10, centred: true },
      { key: "title", label: "项目名称", width: 40 },
      { key: "host", label: "承办单位", width: 28 },
      {
        key: "remark",
        label: "备注",
        width: 12,
        centred: true,
        choices: {
          list: ["重点推荐"],
          prompt: `重点推荐项目原则上不超过推荐项目总数的${quotaText()}`,
          errorStyle: "warning",
        },
      },
    ],
    above: [
      `推荐单位：${lines.recommender ?? "                              "}（盖章）`,
      `填写时间：${lines.date ?? "        年      月      日"}`,
    ],
    below: [`推荐单位联系人：${lines.contact ?? ""}`, `联系方式：${lines.phone ?? ""}`],
    notes: [
      `注：请各推荐单位（市委、市政府各有关部、委、办、局，或各区人力资源和社会保障局）将推荐项目按推荐程度排序，标注重点推荐项目（原则上不超过推荐项目总数的${quotaText()}），并加盖单位公章。`,
    ],
    rows: data,
  }).layout;
}

const same = (values: readonly string[]): string | undefined => {
  const set = new Set(values.map((v) => compactText(v)).filter((v) => v !== ""));
  return set.size === 1 ? values.find((v) => compactText(v) !== "") : undefined;
};

const shListBinding: ListBinding = {
  policy: "sh-2026-gaoyan",
  columns: ["rank", "title", "host", "remark"],
  keyColumn: true,
  buildRows: (rows, lines) => buildRecommendation(rows, lines),
  rowFromForm: (form: ApplicationForm): ListRow => ({
    title: form.fields.title ?? "",
    host: form.fields.applicantName ?? "",
    remark: form.keyRecommended ? "重点推荐" : "",
  }),
  linesFromForms: (forms) => {
    const lines: ListLines = {};
    const recommender = same(forms.map((f) => f.fields.recommenderName ?? ""));
    if (recommender) lines.recommender = recommender;
    const contact = same(forms.map((f) => f.fields.recommenderContact ?? ""));
    if (contact) lines.contact = contact;
    const phone = same(forms.map((f) => f.fields.recommenderPhone ?? ""));
    if (phone) lines.phone = phone;
    return lines;
  },
};

/** 沪人社专〔2026〕82号 附件1–3. */
export const SH_82_TEMPLATES: readonly Template[] = [
  {
    id: "sh-82-domains",
    policy: PACK_ID,
    level: null,
    table: "reference",
    attachment: "附件1",
    title: SH_TITLE_DOMAINS,
    build: buildDomains,
  },
  {
    id: "sh-82-application",
    policy: PACK_ID,
    level: null,
    table: "application",
    attachment: "附件2",
    title: SH_TITLE_FORM,
    build: () => draftApplication().layout,
    form: { binding: shBinding as FormBinding, draft: draftApplication },
  },
  {
    id: "sh-82-recommendation",
    policy: PACK_ID,
    level: null,
    table: "recommendation",
    attachment: "附件3",
    title: SH_TITLE_LIST,
    build: (options) => buildRecommendation(undefined, {}, options?.rows ?? 5),
    list: shListBinding,
  },
];
