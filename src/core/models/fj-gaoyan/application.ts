import type { Finding } from "../../findings";
import type { Grid } from "../../grid/types";
import { findingText } from "../../messages/findings";
import { compactText } from "../../read/normalise";
import { readForm, type FormField, type FormTable } from "../../recognise/form";
import type { LabelledLine } from "../../recognise/lines";
import { checkRequired } from "../../rules/fields";
import { checkCourseTime, checkDeadline } from "../../rules/figures";
import { FindingSink } from "../../rules/sink";
import type { SheetSignals } from "../../packs/pack";
import type { Level } from "../../packs/types";
import type { FjContext } from "./figures";
import {
  checkAnyPhone,
  checkBase,
  checkFundingCategory,
  checkProseTrainees,
  checkScope,
  dateInText,
  headLines,
  readHeadLine,
  templateSignals,
  type TemplateSignals,
  type NationalFormKey,
  checkUnitPhones,
} from "../national-form/form";
import { jointHostParts } from "../../read/units";

export type FjFormKey = NationalFormKey | "review";

/** Which of the two forms the sheet is: 附件1 (国家级, filled by the host, the province is the applicant) or 附件2. */
export type FjFormVariant = "national" | "provincial";

export interface FjFormRecognition {
  variant: FjFormVariant;
  confidence: number;
  form: FormTable<FjFormKey>;
  applicantLine?: LabelledLine;
  dateLine?: LabelledLine;
}

const SCOPE_ITEMS = ["服务重大战略", "服务国家战略", "对接产业需求", "突出数字技术"];

/** Signs of 附件2: the word 省级 in the title, 选题所属专业技术领域, 培训对象, the reviewing department's opinion. */
function provincialMarks(c: FjContext, t: TemplateSignals): number {
  const review = c.form.fields.find((f) => f.key === "review")?.labels ?? [];
  return (
    (/省级高级研修项目申报表/.test(t.head) ? 1 : 0) +
    (t.has("选题所属专业技术领域") ? 1 : 0) +
    (t.has("培训对象") ? 1 : 0) +
    (review.some(t.has) ? 1 : 0)
  );
}

/**
 * How strongly the sheet looks like Fujian's 附件1 or 附件2. Hubei's form is the same template: （可多选）,
 * 近5年支撑知识更新工程工作情况 and the word 湖北 push it away; （仅单选） and the absence of 近5年 pull it here.
 */
export function recogniseFjApplication(c: FjContext, signals: SheetSignals): FjFormRecognition | undefined {
  const t = templateSignals(signals, c.markers);
  if (t.core < 5 || t.shanghai >= 2) return undefined;
  const form = readForm(signals.grid, c.form, signals.labels);
  const share = form.found / c.form.fields.length;
  const fujian = /福建|闽人社/.test(t.text) ? 1 : 0;
  const hubei = /湖北|鄂人社/.test(t.text) ? 1 : 0;
  const provincial = provincialMarks(c, t);
  const variant: FjFormVariant = provincial >= 2 ? "provincial" : "national";
  let confidence = 0.45 + 0.2 * share + 0.1 * fujian - 0.35 * hubei - 0.3 * t.shanghai;
  if (variant === "provincial") {
    confidence += 0.06 * provincial + (t.has("申报项目类别") ? -0.1 : 0.05);
  } else {
    confidence +=
      (t.singleChoice ? 0.15 : 0) +
      (t.has("研修对象") ? 0.05 : 0) +
      (t.has("申报单位信息") ? 0.05 : 0) +
      (/专业技术人才知识更新工程/.test(t.head) ? 0.05 : 0) +
      (t.recentWork ? -0.35 : 0.05) +
      (t.multiChoice ? -0.35 : 0);
  }
  if (confidence <= 0.2) return undefined;
  const firstRow = Math.min(...[...form.fields.values()].map((f) => f.labelRow));
  const lines = headLines(signals.grid, Number.isFinite(firstRow) ? firstRow : 0);
  const recognition: FjFormRecognition = { variant, confidence: Math.min(0.97, confidence), form };
  const applicantLine = readHeadLine(lines, ["申报单位"]);
  const dateLine = readHeadLine(lines, ["申报时间"]);
  if (applicantLine) recognition.applicantLine = applicantLine;
  if (dateLine) recognition.dateLine = dateLine;
  return recognition;
}

// A body of a province, city or county (附件4 第5条 asks for a national ministry). 市场 (国家市场监督管理总局) is not 市.
const LOCAL_BODY =
  /福建|闽|省|厅|自治区|(?<!城)市(?!场)|县|福州|厦门|泉州|漳州|莆田|三明|南平|龙岩|宁德|平潭/;

/** True when a 选题所属行业主管部门 names a provincial or local body rather than a national ministry. */
export function isLocalBody(text: string): boolean {
  return LOCAL_BODY.test(compactText(text));
}

const at = (f: FormField) => ({ row: f.valueRow, col: f.valueCol });

function checkJointHost(c: FjContext, sink: FindingSink, field: FormField | undefined): void {
  if (!field || field.text === "") return;
  const parts = jointHostParts(field.text);
  if (parts)
    sink.add(at(field), "warning", "fj.no-joint-host", c.T.jointHost(field.text, parts), c.clause.jointHost, {
      value: field.text,
    });
}

const COMMON_REQUIRED: ReadonlyArray<readonly [FjFormKey, string]> = [
  ["title", "项目名称"],
  ["courseTime", "办班时间"],
  ["location", "办班地点"],
  ["ministry", "选题所属行业主管部门"],
  ["purpose", "研修目的和作用"],
  ["methods", "研修内容和方式"],
  ["experts", "授课专家情况"],
  ["hostName", "承办单位 单位名称"],
  ["hostContact", "承办单位 联系人"],
  ["hostAddress", "承办单位 地址"],
];

/**
 * Every rule of 附件1 (国家级) or 附件2 (省级). Which fields are required follows the form (附件4 第2、3条); the
 * figures follow the level (detected from the form, or chosen by the user).
 */
export function checkFjApplication(
  c: FjContext,
  grid: Grid,
  recognition: FjFormRecognition,
  level: Level | null,
): Finding[] {
  const sink = new FindingSink(grid.name);
  const { form, variant } = recognition;
  const f = (k: FjFormKey) => form.fields.get(k);
  const figures = c.figures[level ?? variant];
  const national = variant === "national";
  const clause = national ? c.clause.national : c.clause.allFields;

  for (const [key, name] of COMMON_REQUIRED) checkRequired(sink, f(key), name, clause);
  checkRequired(sink, f("techField"), national ? "选题所属行业领域" : "选题所属专业技术领域", clause);
  checkRequired(sink, f("audience"), national ? "研修对象" : "培训对象", clause);
  if (national) {
    // 附件4 第2条: the province is the applicant of 附件1; its 申报单位/申报时间/申报单位信息 stay blank.
    checkAnyPhone(sink, f("hostOffice"), f("hostMobile"), c.T.anyPhone("承办单位"), clause);
  } else {
    // 附件4 第3条: 附件2 各施训机构作为申报单位，需填写所有栏目.
    checkRequired(sink, f("hostOffice"), "承办单位 办公电话", clause);
    checkRequired(sink, f("hostMobile"), "承办单位 手机", clause);
    checkRequired(sink, f("hostFax"), "承办单位 传真", clause);
    for (const [line, name] of [
      [recognition.applicantLine, "申报单位"],
      [recognition.dateLine, "申报时间"],
    ] as const)
      if (line && line.value === "") sink.add(line, "error", "required", findingText.required(name), clause);
    const review = f("review");
    if (review && dateInText(review.text) === undefined)
      sink.add({ row: review.labelRow, col: review.labelCol }, "error", "required", c.T.reviewDate(), clause);
  }

  const dateLine = recognition.dateLine;
  if (dateLine && dateLine.value !== "")
    checkDeadline(
      sink,
      dateLine,
      { value: dateLine.value, text: dateLine.value },
      "申报时间",
      figures.deadline,
    );

  const course = f("courseTime");
  if (course) checkCourseTime(sink, at(course), course.cell, "办班时间", figures.course);
  checkProseTrainees(sink, f("audience"), figures.trainees, national ? "研修对象" : "培训对象");

  const ministry = f("ministry");
  if (national && ministry && ministry.text !== "" && isLocalBody(ministry.text))
    sink.add(
      at(ministry),
      "warning",
      "fj.ministry.national",
      c.T.ministryNational(ministry.text),
      c.clause.ministry,
      { value: ministry.text },
    );

  if (national)
    checkFundingCategory(
      sink,
      f("category"),
      "single",
      { form: clause, funding: c.clause.funding },
      c.T.fundingSource(),
    );
  checkScope(sink, f("scope"), SCOPE_ITEMS, c.T.scope(), c.clause.scope);

  checkUnitPhones(sink, f, clause);
  checkBase(sink, f("base"), clause);
  checkJointHost(c, sink, f("hostName"));
  return sink.findings;
}
