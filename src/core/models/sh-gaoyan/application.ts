import type { Finding } from "../../findings";
import type { Grid } from "../../grid/types";
import { findingText } from "../../messages/findings";
import { compactText, toHalfWidth } from "../../read/normalise";
import { readNumber } from "../../read/number";
import { stripHint } from "../../recognise/labels";
import { readChoices, readChoicesOrWords, type ChoiceOption } from "../../read/choice";
import { readForm, type FormField, type FormTable } from "../../recognise/form";
import { checkSingleChoice, option } from "../../rules/fields";
import { checkGrassroots, checkTrainees } from "../../rules/figures";
import { FindingSink } from "../../rules/sink";
import { figuresFromProse, filledItems } from "../../rules/prose";
import type { SheetSignals } from "../../packs/pack";
import { tableOf } from "../../packs/data";
import { applyTableRules } from "../generic";
import type { ShContext } from "./context";

export type ShFormKey =
  | "applicantLine"
  | "dateLine"
  | "title"
  | "courseTime"
  | "location"
  | "domain"
  | "major"
  | "featureClass"
  | "featureYears"
  | "category"
  | "lodging"
  | "scope"
  | "purpose"
  | "goal"
  | "methods"
  | "experts"
  | "audience"
  | "featureInfo"
  | "promotion"
  | "recommenderName"
  | "recommenderContact"
  | "recommenderPhone"
  | "applicantName"
  | "applicantContact"
  | "officePhone"
  | "mobile"
  | "fax"
  | "postcode"
  | "creditCode"
  | "address"
  | "bank"
  | "base"
  | "lastYear";

/** The options 附件2 prints, for answers written in words (提供, 高级研修项目) instead of a tick. */
const CATEGORY_OPTIONS = ["高级研修项目", "急需紧缺人才培养项目"];
const LODGING_OPTIONS = ["提供学员住宿", "不提供学员住宿"];

/** Scope items of 是否符合选题范围; one filled (or ticked) is enough. */
const SCOPE_ITEMS = ["服务本市战略", "对接产业需求", "突出数字技术"];

const stripBrackets = (s: string) => compactText(s).replace(/[（(][^）)]*[）)]/g, "");

function payeeName(bankText: string): string {
  const m = /收款人名称[:：]?(.*?)(?:收款人账号|收款人开户行|$)/s.exec(toHalfWidth(bankText));
  return stripBrackets(m?.[1] ?? "");
}

function districtOf(c: ShContext, location: string): string | undefined {
  return c.districts.find((d) => location.includes(d));
}

function checkLodging(c: ShContext, sink: FindingSink, form: FormTable<ShFormKey>, lodging: FormField): void {
  const choices = readChoicesOrWords(lodging.text, "box-before", LODGING_OPTIONS);
  const main = choices.filter((c) => /^(不)?提供学员住宿/.test(c.label.replace(/\s/g, "")));
  const marked = main.filter((c) => c.marked);
  const at = { row: lodging.valueRow, col: lodging.valueCol };
  if (marked.length !== 1) {
    sink.add(
      at,
      "error",
      "choice.single",
      findingText.choiceSingle("是否提供学员住宿", marked.length),
      c.F.clause.form,
    );
    return;
  }
  const provided = !(marked[0] as ChoiceOption).label.replace(/\s/g, "").startsWith("不");
  if (!provided) return;
  const pooling = choices.filter((c) => /^[是否]$/.test(c.label.replace(/[\s（）():：]/g, "")));
  if (pooling.length > 0 && !pooling.some((c) => c.marked))
    sink.add(at, "warning", "choice.single", c.T.pooling(), c.F.clause.form);
  const location = form.fields.get("location")?.text ?? "";
  const district = districtOf(c, location);
  const central = c.central.find((d) => d === district);
  const delta = [
    form.fields.get("audience")?.text,
    form.fields.get("scope")?.text,
    form.fields.get("promotion")?.text,
  ]
    .join(" ")
    .includes("长三角");
  if (central && !delta)
    sink.add(at, "warning", "sh.lodging.suburb", c.T.suburb(central), c.F.clause.funding, {
      value: location,
    });
}

function checkDomain(c: ShContext, sink: FindingSink, form: FormTable<ShFormKey>): void {
  const domainField = form.fields.get("domain");
  if (!domainField || domainField.text === "") return;
  const domain = c.D.domainName(compactText(domainField.text));
  const at = { row: domainField.valueRow, col: domainField.valueCol };
  if (!c.D.domains.includes(domain)) {
    sink.add(
      at,
      "error",
      "domain.in-list",
      c.T.domainNotInList(domainField.text, c.D.domainOfMajor(domain)),
      c.F.clause.domains,
      {
        value: domainField.text,
      },
    );
    return;
  }
  const major = form.fields.get("major");
  if (major && major.text !== "" && !c.D.majorFitsDomain(major.text, domain))
    sink.add(
      { row: major.valueRow, col: major.valueCol },
      "warning",
      "major.in-domain",
      c.T.majorNotInDomain(major.text, domain),
      c.F.clause.domains,
      {
        value: major.text,
      },
    );
}

/**
 * 附件2 identity: 办班地点 and 领域/专业范围. The required fields, 申报时间 and 办班时间 are wired in the pack's
 * tables/application.yaml.
 */
function checkIdentity(c: ShContext, sink: FindingSink, form: FormTable<ShFormKey>): void {
  const f = (k: ShFormKey) => form.fields.get(k);
  const clause = c.F.clause.form;
  const location = f("location");
  if (location && location.text !== "" && !districtOf(c, location.text))
    sink.add(
      { row: location.valueRow, col: location.valueCol },
      "warning",
      "sh.location.district",
      c.T.district(location.text),
      clause,
      { value: location.text },
    );

  checkDomain(c, sink, form);
}

/** 四（一） 申报特色班: 是 asks for 拟办年限 within the figure and 特色班相关情况. */
function checkFeatureClass(c: ShContext, sink: FindingSink, form: FormTable<ShFormKey>): void {
  const f = (k: ShFormKey) => form.fields.get(k);
  const clause = c.F.clause.form;
  const feature = checkSingleChoice(sink, f("featureClass"), "申报特色班", clause, { words: ["是", "否"] });
  if (option(feature, "是")?.marked) {
    const years = f("featureYears");
    if (years && years.text !== "") {
      const read = readNumber({ value: years.text, text: years.text });
      const { min, max } = c.F.featureYears;
      if (read.kind !== "ok" || read.value < min || read.value > max)
        sink.add(
          { row: years.valueRow, col: years.valueCol },
          "warning",
          "sh.feature-class.years",
          c.T.featureYears(years.text),
          c.F.clause.featureClass,
          {
            value: years.text,
            expected: `${min}-${max}`,
          },
        );
    } else if (years) {
      sink.add(
        { row: years.labelRow, col: years.labelCol },
        "warning",
        "sh.feature-class.years",
        c.T.featureYears("（空）"),
        c.F.clause.featureClass,
      );
    }
    const info = f("featureInfo");
    if (info && info.text === "")
      sink.add({ row: info.labelRow, col: info.labelCol }, "error", "required", c.T.featureInfo(), clause);
  }
}

/** 类别, 住宿, 选题范围, 主要目标, 研修方式 and the trainee figures read from 培训对象. */
function checkContent(c: ShContext, sink: FindingSink, form: FormTable<ShFormKey>): void {
  const f = (k: ShFormKey) => form.fields.get(k);
  const clause = c.F.clause.form;
  checkSingleChoice(sink, f("category"), "申报项目类别", clause, { words: CATEGORY_OPTIONS });
  const lodging = f("lodging");
  if (lodging) checkLodging(c, sink, form, lodging);

  const scope = f("scope");
  if (scope && ![...filledItems(scope.text, SCOPE_ITEMS).values()].some(Boolean))
    sink.add({ row: scope.valueRow, col: scope.valueCol }, "error", "choice.required", c.T.scope(), clause);

  const methods = f("methods");
  if (methods) {
    const options = readChoices(methods.text, "box-before");
    // Ways written out without any box ("主题报告、现场教学") answer the group as ticks do.
    const chosen =
      options.length === 0
        ? stripHint(methods.text).replace(/[_\s:：]/g, "") !== ""
        : options.some((c) => c.marked || c.detail.replace(/[_\s:：]/g, "") !== "");
    if (!chosen)
      sink.add(
        { row: methods.valueRow, col: methods.valueCol },
        "error",
        "choice.required",
        c.T.methods(),
        clause,
      );
  }

  const audience = f("audience");
  if (audience && audience.text !== "") {
    const prose = figuresFromProse(audience.text);
    const at = { row: audience.valueRow, col: audience.valueCol };
    if (prose.trainees !== undefined) checkTrainees(sink, at, prose.trainees, c.F.trainees, "培训对象");
    const share =
      prose.grassrootsShare ??
      (prose.grassroots !== undefined && prose.trainees ? prose.grassroots / prose.trainees : undefined);
    if (share !== undefined) checkGrassroots(sink, at, share, c.F.grassroots, "培训对象");
  }
}

/**
 * The payee that must be the applicant, 基地 and 上一年度项目情况 (phones, postcode and credit code are wired in the
 * pack's tables/application.yaml).
 */
function checkContacts(c: ShContext, sink: FindingSink, form: FormTable<ShFormKey>): void {
  const f = (k: ShFormKey) => form.fields.get(k);
  const clause = c.F.clause.form;

  const bank = f("bank");
  const applicant = f("applicantName");
  if (bank && applicant && applicant.text !== "") {
    const payee = payeeName(bank.text);
    if (payee !== "" && payee !== stripBrackets(applicant.text))
      sink.add(
        { row: bank.valueRow, col: bank.valueCol },
        "error",
        "sh.bank.payee-match",
        c.T.payee(payee, applicant.text),
        clause,
        { value: payee },
      );
  }

  checkSingleChoice(sink, f("base"), "是否继续教育基地", clause, { words: ["国家基地", "本市基地", "否"] });
  const lastYear = f("lastYear");
  if (lastYear) {
    const marked = readChoicesOrWords(lastYear.text, "box-before", [...CATEGORY_OPTIONS, "未承办"]).filter(
      (c) => c.marked,
    ).length;
    if (marked !== 1)
      sink.add(
        { row: lastYear.valueRow, col: lastYear.valueCol },
        "warning",
        "choice.single",
        c.T.lastYear(marked),
        clause,
      );
  }
}

/**
 * Every rule of 附件2 申报表 (rules.md "sh-2026-gaoyan"): the ones the pack wires in tables/application.yaml (required
 * fields, 申报时间, 办班时间, 主要目标's length, phones, postcode, credit code), then the model's own, section by section.
 */
export function checkShApplication(c: ShContext, grid: Grid, form: FormTable<ShFormKey>): Finding[] {
  const sink = new FindingSink(grid.name);
  applyTableRules(c.pack, "application", tableOf(c.pack, "application"), form.fields, sink);
  checkIdentity(c, sink, form);
  checkFeatureClass(c, sink, form);
  checkContent(c, sink, form);
  checkContacts(c, sink, form);
  return sink.findings;
}

/** How strongly the sheet looks like 附件2 (0 when it is not a form of ours). */
export function recogniseShApplication(
  c: ShContext,
  signals: SheetSignals,
): { confidence: number; form: FormTable<ShFormKey> } | undefined {
  const markers = c.markers.filter((m) => signals.labels.has(m)).length;
  // Two labels alone are a reference list (领域 | 专业范围 over rows of names), not a form.
  if (markers < 3) return undefined;
  const form = readForm(signals.grid, c.form, signals.labels);
  const share = form.found / c.form.fields.length;
  const confidence = Math.min(
    0.99,
    0.2 + 0.6 * share + 0.03 * markers + (signals.head.includes("急需紧缺人才培养项目") ? 0.1 : 0),
  );
  return { confidence, form };
}
