import type { Finding } from "../../findings";
import type { Grid } from "../../grid/types";
import { readForm, type FormField, type FormTable } from "../../recognise/form";
import type { LabelledLine } from "../../recognise/lines";
import { checkCourseTime, checkDeadline } from "../../rules/figures";
import { FindingSink } from "../../rules/sink";
import type { SheetSignals } from "../../packs/pack";
import type { Level } from "../../packs/types";
import {
  checkAnyPhone,
  checkBase,
  checkFundingCategory,
  checkProseTrainees,
  checkScope,
  headLines,
  readHeadLine,
  templateSignals,
  titleCell,
  type NationalFormKey,
  checkUnitPhones,
} from "../national-form/form";
import { tableOf } from "../../packs/data";
import { applyTableRules } from "../generic";
import type { HbContext } from "./figures";

export type HbFormKey = NationalFormKey | "recentWork";

export interface HbFormRecognition {
  confidence: number;
  form: FormTable<HbFormKey>;
  dateLine?: LabelledLine;
}

const SCOPE_ITEMS = ["服务国家战略", "服务重大战略", "对接产业需求", "突出数字技术"];

/**
 * How strongly the sheet looks like Hubei's 申报表. Fujian's 附件1 is the same template: （可多选）,
 * 近5年支撑知识更新工程工作情况 and 湖北 pull a sheet here; （仅单选）, 福建 and 附件2's provincial marks push it away.
 */
export function recogniseHbApplication(c: HbContext, signals: SheetSignals): HbFormRecognition | undefined {
  const t = templateSignals(signals, c.markers);
  if (t.core < 5 || t.shanghai >= 2) return undefined;
  const form = readForm(signals.grid, c.form, signals.labels);
  const share = form.found / c.form.fields.length;
  const hubei = /湖北|鄂人社/.test(t.text) ? 1 : 0;
  const fujian = /福建|闽人社/.test(t.text) ? 1 : 0;
  const fujianProvincial =
    /省级高级研修项目申报表/.test(t.head) || t.has("培训对象") || t.has("选题所属专业技术领域");
  const confidence =
    0.4 +
    0.2 * share +
    (t.multiChoice ? 0.15 : 0) +
    (t.recentWork ? 0.15 : 0) +
    0.1 * hubei +
    (/专业技术人员知识更新工程/.test(t.head) ? 0.05 : 0) +
    (t.singleChoice ? -0.35 : 0) -
    0.35 * fujian -
    (fujianProvincial ? 0.3 : 0) -
    0.3 * t.shanghai;
  if (confidence <= 0.2) return undefined;
  const firstRow = Math.min(...[...form.fields.values()].map((f) => f.labelRow));
  const dateLine = readHeadLine(headLines(signals.grid, Number.isFinite(firstRow) ? firstRow : 0), [
    "申报时间",
  ]);
  const recognition: HbFormRecognition = { confidence: Math.min(0.97, confidence), form };
  if (dateLine) recognition.dateLine = dateLine;
  return recognition;
}

const at = (f: FormField) => ({ row: f.valueRow, col: f.valueCol });

/**
 * Every rule of the Hubei 申报表 (rules.md "hb-2026-gaoyan"): the required fields as the pack's tables/application.yaml
 * wires them, then the model's own. The form never names its level: with `level` null the
 * figures that differ are judged against the looser of the two and an info finding says so.
 */
export function checkHbApplication(
  c: HbContext,
  grid: Grid,
  recognition: HbFormRecognition,
  level: Level | null,
): Finding[] {
  const sink = new FindingSink(grid.name);
  const form = recognition.form;
  const f = (k: HbFormKey) => form.fields.get(k);
  const figures = level ? c.figures[level] : c.unknownLevel;
  const clause = c.clause.form;

  if (!level) {
    const days = figures.course.days?.value ?? { min: 0, max: 0 };
    sink.add(
      titleCell(grid, /申报表/),
      "info",
      "level.unknown",
      c.T.levelUnknown(days.min, days.max, figures.trainees.value),
      c.clause.course,
    );
  }

  applyTableRules(c.pack, "application", tableOf(c.pack, "application"), form.fields, sink);
  checkAnyPhone(sink, f("applicantOffice"), f("applicantMobile"), c.T.anyPhone("申报单位"), clause);
  checkAnyPhone(sink, f("hostOffice"), f("hostMobile"), c.T.anyPhone("承办单位"), clause);

  const dateLine = recognition.dateLine;
  if (dateLine && dateLine.value !== "")
    checkDeadline(sink, dateLine, { value: dateLine.value, text: dateLine.value }, "申报时间", c.deadline);

  const course = f("courseTime");
  if (course) checkCourseTime(sink, at(course), course.cell, "办班时间", figures.course);
  checkProseTrainees(sink, f("audience"), figures.trainees, "研修对象");

  // 可多选: Fujian's 仅单选 does not hold here.
  checkFundingCategory(
    sink,
    f("category"),
    "any",
    { form: clause, funding: c.clause.funding },
    c.T.fundingSource(),
  );
  checkScope(sink, f("scope"), SCOPE_ITEMS, c.T.scope(), c.clause.scope);

  checkUnitPhones(sink, f, clause);
  checkBase(sink, f("base"), clause);
  return sink.findings;
}
