import type { Severity, Text } from "../../findings";
import type { Grid } from "../../grid/types";
import { findingText } from "../../messages/findings";
import { readBatchNumber } from "../../read/choice";
import { cellText, compactText } from "../../read/normalise";
import type { FormField } from "../../recognise/form";
import { findLabelledLine, type LabelledLine } from "../../recognise/lines";
import type { FooterLine } from "../../recognise/list";
import { checkAnyChoice, checkPhoneField, checkSingleChoice, option } from "../../rules/fields";
import { checkTrainees, type Limit } from "../../rules/figures";
import type { FindingSink } from "../../rules/sink";
import type { SheetSignals } from "../../packs/pack";
import { figuresFromProse, filledItems } from "../../rules/prose";

/*
 * Pieces of the 人社部 申报表 template (the shared base packs/national-form) that the fj-gaoyan and hb-gaoyan models
 * both read; neither model imports the other.
 */

/** Labels only Shanghai's No. 82 附件2 has: a sheet with two of them is not one of these forms. */
const SHANGHAI_LABELS = [
  "领域",
  "专业范围",
  "申报特色班",
  "是否提供学员住宿",
  "宣传推广计划",
  "银行账户信息",
  "主要目标",
  "上一年度项目情况",
];

/** The labels 近5年支撑知识更新工程工作情况 is written with (Hubei's form only). */
export const RECENT_WORK_LABELS = ["近5年支撑知识更新工程工作情况", "近五年支撑知识更新工程工作情况"];

/** What recognition needs to tell the template's forms apart, read once per sheet. */
export interface TemplateSignals {
  /** How many of the form's core labels (the table's markers) the sheet has. */
  core: number;
  /** Shanghai-only labels found. */
  shanghai: number;
  /** The 申报项目类别 label says （仅单选） / （可多选）. */
  singleChoice: boolean;
  multiChoice: boolean;
  /** 近5年支撑知识更新工程工作情况 is there (Hubei). */
  recentWork: boolean;
  has(label: string): boolean;
  /** Compacted text of the first rows (titles and lines). */
  head: string;
  /** Compacted text of the whole form (its notes name the province). */
  text: string;
}

const FORM_TEXT_ROWS = 80;

function sheetText(grid: Grid): string {
  const parts: string[] = [];
  for (let row = 0; row < Math.min(grid.rowCount, FORM_TEXT_ROWS); row++)
    for (let col = 0; col < Math.min(grid.colCount, 20); col++) parts.push(cellText(grid.cell(row, col)));
  return compactText(parts.join(""));
}

/** The raw texts of the cells a normalised label was found in (their bracketed notes are kept). */
function rawLabelTexts(signals: SheetSignals, label: string): string[] {
  return (signals.labels.get(label) ?? []).map((hit) =>
    compactText(cellText(signals.grid.cell(hit.row, hit.col))),
  );
}

export function templateSignals(signals: SheetSignals, coreLabels: readonly string[]): TemplateSignals {
  const has = (label: string) => signals.labels.has(label);
  const category = rawLabelTexts(signals, "申报项目类别").join(" ");
  return {
    core: coreLabels.filter(has).length,
    shanghai: SHANGHAI_LABELS.filter(has).length,
    singleChoice: /仅单选|限单选|只能单选/.test(category),
    multiChoice: /可多选|多选/.test(category),
    recentWork: RECENT_WORK_LABELS.some(has),
    has,
    head: signals.head,
    text: sheetText(signals.grid),
  };
}

/** The 申报单位 / 申报时间 lines above the form's grid: every non-empty cell above `firstRow`. */
export function headLines(grid: Grid, firstRow: number): FooterLine[] {
  const lines: FooterLine[] = [];
  for (let row = 0; row < Math.min(firstRow, grid.rowCount); row++) {
    for (let col = 0; col < grid.colCount; col++) {
      const m = grid.mergeAt(row, col);
      if (m && (m.top !== row || m.left !== col)) continue;
      const text = cellText(grid.cell(row, col));
      if (text !== "") lines.push({ row, col, text });
    }
  }
  return lines;
}

// "年 月 日" with no figures is the template's blank date.
const BLANK_DATE = /^[年月日\s_]*$/;

/**
 * A "label：value" line of the form's head (申报单位：…（盖章）, 申报时间：2026年1月10日); the template's blanks
 * (（盖章）, 年 月 日, underscores) read as empty. Undefined when the line is not there.
 */
export function readHeadLine(
  lines: readonly FooterLine[],
  labels: readonly string[],
): LabelledLine | undefined {
  const line = findLabelledLine(lines, labels);
  if (!line) return undefined;
  const value = line.value.replace(/[（(]\s*盖\s*章\s*[）)]/g, "").replace(/^[_\s]+|[_\s]+$/g, "");
  return { ...line, value: BLANK_DATE.test(value) ? "" : value };
}

/** A date written anywhere in a text (审核意见 "同意推荐。（盖章）2026年2月10日"); undefined when there is none. */
export function dateInText(text: string): string | undefined {
  const m =
    /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*[日号]/.exec(
      compactText(text),
    );
  if (m) return m[0];
  const iso = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.exec(compactText(text));
  return iso?.[0];
}

const at = (f: FormField) => ({ row: f.valueRow, col: f.valueCol });
const labelAt = (f: FormField) => ({ row: f.labelRow, col: f.labelCol });

/** The options the national form prints, for answers written in words. */
const FUNDING_OPTIONS = ["财政资助项目", "自筹经费项目"];
const BASE_OPTIONS = ["是第__批国家级继续教育基地", "是省级继续教育基地", "否"];

/**
 * 申报项目类别 (□财政资助项目 □自筹经费项目（自筹经费来源：…）): Fujian's is 仅单选 (`choice.single`), Hubei's
 * 可多选 (`choice.required`); either way a ticked 自筹经费项目 needs its source stated (`required`).
 */
export function checkFundingCategory(
  sink: FindingSink,
  field: FormField | undefined,
  mode: "single" | "any",
  clauses: { form: string; funding: string },
  sourceMissing: Text,
): void {
  if (!field) return;
  const choices =
    mode === "single"
      ? checkSingleChoice(sink, field, "申报项目类别", clauses.form, { words: FUNDING_OPTIONS })
      : checkAnyChoice(sink, field, "申报项目类别", clauses.form, { words: FUNDING_OPTIONS });
  const selfFunded = option(choices, "自筹经费");
  if (selfFunded?.marked && selfFunded.detail.replace(/[_\s:：]/g, "") === "")
    sink.add(at(field), "error", "required", sourceMissing, clauses.funding);
}

/** 是否符合选题范围: at least one of the three items ticked or described (`choice.required`). */
export function checkScope(
  sink: FindingSink,
  field: FormField | undefined,
  items: readonly string[],
  message: Text,
  clause: string,
): void {
  if (!field) return;
  if ([...filledItems(field.text, items).values()].some(Boolean)) return;
  sink.add(at(field), "error", "choice.required", message, clause);
}

/** 是否继续教育基地: exactly one option (`choice.single`); "是第__批…基地" ticked needs its batch (`base.batch-number`). */
export function checkBase(sink: FindingSink, field: FormField | undefined, clause: string): void {
  const choices = checkSingleChoice(sink, field, "是否继续教育基地", clause, { words: BASE_OPTIONS });
  if (!field || !choices) return;
  const batch = choices.find((c) => c.marked && c.label.startsWith("是第"));
  if (batch && readBatchNumber(batch.label) === undefined)
    sink.add(at(field), "warning", "base.batch-number", findingText.batchNumber(batch.label), clause, {
      value: batch.label,
    });
}

/** 办公电话 and 手机 both empty (`required`, at the 办公电话 label): a unit must be reachable by one of them. */
export function checkAnyPhone(
  sink: FindingSink,
  office: FormField | undefined,
  mobile: FormField | undefined,
  message: Text,
  clause: string,
  severity: Severity = "error",
): void {
  if (!office || !mobile) return;
  if (office.text === "" && mobile.text === "")
    sink.add(labelAt(office), severity, "required", message, clause);
}

/** The trainee count stated in 研修对象/培训对象 prose against the level's minimum (always a warning: read from prose). */
export function checkProseTrainees(
  sink: FindingSink,
  field: FormField | undefined,
  limit: Limit<number>,
  name: string,
): void {
  if (!field || field.text === "") return;
  const prose = figuresFromProse(field.text);
  if (prose.trainees !== undefined) checkTrainees(sink, at(field), prose.trainees, limit, name);
}

/** Where a note about the whole sheet goes: the title cell (the first cell naming the table), else A1. */
export function titleCell(grid: Grid, words: RegExp): { row: number; col: number } {
  for (let row = 0; row < Math.min(grid.rowCount, 8); row++)
    for (let col = 0; col < Math.min(grid.colCount, 20); col++)
      if (words.test(cellText(grid.cell(row, col)))) return { row, col };
  return { row: 0, col: 0 };
}

/**
 * The fields Fujian's 附件1/附件2 and Hubei's 申报表 share: both follow the 人社部 national form (项目名称 … 是否继续教育基地,
 * with 申报单位信息 and 承办单位信息 blocks). Each pack adds its own last row.
 */
export type NationalFormKey =
  | "title"
  | "courseTime"
  | "location"
  | "techField"
  | "ministry"
  | "category"
  | "scope"
  | "purpose"
  | "methods"
  | "experts"
  | "audience"
  | "applicantName"
  | "applicantContact"
  | "applicantOffice"
  | "applicantMobile"
  | "applicantFax"
  | "applicantAddress"
  | "hostName"
  | "hostContact"
  | "hostOffice"
  | "hostMobile"
  | "hostFax"
  | "hostAddress"
  | "base";

/** 办公电话, 手机 and 传真 of the 申报单位 and 承办单位 blocks (formats only; which are required is the pack's call). */
export function checkUnitPhones(
  sink: FindingSink,
  field: (key: NationalFormKey) => FormField | undefined,
  clause: string,
): void {
  for (const [block, name] of [
    ["applicant", "申报单位"],
    ["host", "承办单位"],
  ] as const) {
    checkPhoneField(sink, field(`${block}Office`), `${name} 办公电话`, clause);
    checkPhoneField(sink, field(`${block}Mobile`), `${name} 手机`, clause, "mobile");
    checkPhoneField(sink, field(`${block}Fax`), `${name} 传真`, clause);
  }
}
