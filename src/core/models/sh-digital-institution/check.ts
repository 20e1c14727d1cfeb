import type { Finding } from "../../findings";
import type { Grid, RawCell } from "../../grid/types";
import { findingText } from "../../messages/findings";
import { instExpected } from "../../messages/sh-2026-digital-institution";
import { compareDates, formatDate, makeDate } from "../../read/date";
import { compactText } from "../../read/normalise";
import { readNumber } from "../../read/number";
import type { DateOnly } from "../../read/types";
import type { FormField } from "../../recognise/form";
import { checkCreditCodeField, checkPhoneField } from "../../rules/fields";
import { FindingSink } from "../../rules/sink";
import { tableOf } from "../../packs/data";
import { applyTableRules } from "../generic";
import type { InstContext, InstLevel } from "./figures";
import type { InstFormKey, InstRecognition } from "./form";
import { readIndustry } from "./industries";
import { readOccupation } from "./occupations";
import type { InnerTable, TableCell, TeacherKey } from "./tables";
import { readUnitType } from "./unit-types";
import { readCreditAnswer, readFee, readFoundingDate, readTickedLevels, readYear } from "./values";

type At = { row: number; col: number };
type Expected = { zh: string; en: string };

const valueAt = (f: FormField): At => ({ row: f.valueRow, col: f.valueCol });

// "/", "—", "无" in a count or fee cell: the user says "none", which is not a number to read.
const NONE = /^(?:[/\\\-—–_.…]+|无|没有|暂无|不适用)$/;

/** A count (人数, 人次) from a cell; undefined when empty, "none" or unreadable (which is reported). */
function readCount(
  sink: FindingSink,
  at: At,
  cell: RawCell,
  name: string,
  clause: string,
  expected: Expected = instExpected.count,
): number | undefined {
  const read = readNumber(cell);
  if (read.kind === "ok") return read.value;
  if (read.kind === "empty" || NONE.test(compactText(read.text))) return undefined;
  sink.add(
    at,
    "warning",
    "unreadable",
    findingText.unreadable(name, read.text, expected.zh, expected.en),
    clause,
    { value: read.text },
  );
  return undefined;
}

function checkOccupation(c: InstContext, sink: FindingSink, field: FormField | undefined): void {
  if (!field || field.text === "") return;
  const read = readOccupation(field.text, c.occupations);
  if (read.kind === "ok") return;
  const message =
    read.kind === "several"
      ? c.T.occupationSeveral(field.text, read.names)
      : c.T.occupationUnknown(field.text, read.suggestion);
  sink.add(valueAt(field), "error", "inst.occupation", message, c.clause.occupations, {
    value: field.text,
    expected: "一、申报范围所列职业之一（仅填一项）",
  });
}

/** The ticked levels; reports `inst.level` when none is ticked. */
function checkLevel(
  c: InstContext,
  sink: FindingSink,
  field: FormField | undefined,
): InstLevel[] | undefined {
  if (!field) return undefined;
  const ticked = readTickedLevels(field.text);
  // An empty answer is reported at its label, like every missing value (the value cell may not even exist).
  const at = field.text === "" ? { row: field.labelRow, col: field.labelCol } : valueAt(field);
  if (ticked.length === 0)
    sink.add(at, "error", "inst.level", c.T.levelNone(), c.clause.form, {
      expected: "初级/中级/高级 至少一项",
    });
  return ticked;
}

function checkFounded(c: InstContext, sink: FindingSink, field: FormField | undefined): void {
  if (!field || field.text === "") return;
  const read = readFoundingDate(field.cell);
  if (read.kind === "empty") return;
  if (read.kind === "unreadable") {
    sink.add(
      valueAt(field),
      "warning",
      "unreadable",
      findingText.unreadable("单位成立时间", read.text, instExpected.date.zh, instExpected.date.en),
      c.clause.experience,
      { value: read.text },
    );
    return;
  }
  const years = c.figures.experienceYears;
  const cutoff = makeDate(c.noticeDate.year - years, c.noticeDate.month, c.noticeDate.day) as DateOnly;
  if (compareDates(read.value, cutoff) > 0)
    sink.add(
      valueAt(field),
      "warning",
      "inst.experience-years",
      c.T.experience(formatDate(read.value), formatDate(cutoff), years),
      c.clause.experience,
      {
        value: formatDate(read.value),
        expected: `≤ ${formatDate(cutoff)}`,
      },
    );
}

function checkTax(c: InstContext, sink: FindingSink, tax: InstRecognition["tables"]["tax"]): void {
  if (!tax) return;
  const expected = c.figures.taxYears;
  const seen = new Set<number>();
  const reported = new Set<string>();
  for (const row of tax.rows) {
    const yearCell = row.cells.get("year");
    const year = yearCell ? readYear(yearCell.cell) : undefined;
    if (yearCell && yearCell.text !== "" && !yearCell.shared) {
      if (year !== undefined && (expected as readonly number[]).includes(year)) seen.add(year);
      else
        sink.add(yearCell, "warning", "inst.tax-years", c.T.taxYear(yearCell.text, expected), c.clause.form, {
          value: yearCell.text,
          expected: expected.join("/"),
        });
    }
    const credit = row.cells.get("credit");
    if (!credit) continue;
    const label = yearCell ? String(year ?? yearCell.text) : "";
    if (credit.text === "") {
      if (!credit.shared) sink.add(credit, "error", "required", c.T.taxCreditMissing(label), c.clause.form);
      continue;
    }
    const key = `${credit.row}:${credit.col}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const answer = readCreditAnswer(credit.text);
    if (answer === true)
      sink.add(credit, "error", "inst.credit-record", c.T.creditRecord(label), c.clause.registered, {
        value: credit.text,
        expected: "否",
      });
    else if (answer === undefined)
      sink.add(
        credit,
        "warning",
        "unreadable",
        findingText.unreadable("是否有失信行为", credit.text, instExpected.yesNo.zh, instExpected.yesNo.en),
        c.clause.registered,
        { value: credit.text },
      );
  }
  const missing = expected.filter((y) => !seen.has(y));
  const header = tax.headers.get("year");
  if (missing.length > 0 && header)
    sink.add(header, "warning", "inst.tax-years", c.T.taxYearsMissing(missing, expected), c.clause.form, {
      value: [...seen].join("/"),
      expected: expected.join("/"),
    });
}

function checkScale(c: InstContext, sink: FindingSink, tables: InstRecognition["tables"]): void {
  const scale = tables.scale;
  if (!scale) return;
  const clause = c.clause.experience;
  let sumTotal = 0;
  let sumIndependent = 0;
  let totalsComplete = scale.rows.length > 0;
  let independentComplete = scale.rows.length > 0;
  for (const row of scale.rows) {
    const yearCell = row.cells.get("year");
    // "2021年" and 2021 both read as 2021 in messages ("2021 年度…").
    const yearText = yearCell ? String(readYear(yearCell.cell) ?? yearCell.text) : "";
    const read = (key: "total" | "independent" | "cooperative", name: string) => {
      const c = row.cells.get(key);
      return c && !c.shared ? readCount(sink, c, c.cell, `${yearText} ${name}`.trim(), clause) : undefined;
    };
    const total = read("total", "培训人数");
    const independent = read("independent", "独立培训人数");
    const cooperative = read("cooperative", "合作培训人数");
    const totalCell = row.cells.get("total") as TableCell | undefined;
    if (total === undefined) totalsComplete = false;
    else sumTotal += total;
    if (independent === undefined) independentComplete = false;
    else sumIndependent += independent;
    if (totalCell && total !== undefined && total < c.figures.annualScale)
      sink.add(
        totalCell,
        "warning",
        "inst.annual-scale",
        c.T.annualScale(yearText, total, c.figures.annualScale),
        clause,
        {
          value: String(total),
          expected: `≥ ${c.figures.annualScale}`,
        },
      );
    if (
      totalCell &&
      total !== undefined &&
      independent !== undefined &&
      cooperative !== undefined &&
      total !== independent + cooperative
    )
      sink.add(
        totalCell,
        "error",
        "sum.consistency",
        c.T.sumRow(yearText, total, independent, cooperative),
        c.clause.form,
        {
          value: String(total),
          expected: String(independent + cooperative),
        },
      );
  }
  const stated = (v: InstRecognition["tables"]["scaleTotal"], name: string) =>
    v && v.value.text !== "" ? readCount(sink, v.value, v.value.cell, name, clause) : undefined;
  const total = tables.scaleTotal;
  const statedTotal = stated(total, "培训总规模");
  if (total && statedTotal !== undefined && totalsComplete && statedTotal !== sumTotal)
    sink.add(total.value, "error", "sum.consistency", c.T.sumTotal(statedTotal, sumTotal), c.clause.form, {
      value: String(statedTotal),
      expected: String(sumTotal),
    });
  const independent = tables.scaleIndependent;
  const statedIndependent = stated(independent, "其中独立培训规模");
  if (
    independent &&
    statedIndependent !== undefined &&
    independentComplete &&
    statedIndependent !== sumIndependent
  )
    sink.add(
      independent.value,
      "error",
      "sum.consistency",
      c.T.sumIndependent(statedIndependent, sumIndependent),
      c.clause.form,
      {
        value: String(statedIndependent),
        expected: String(sumIndependent),
      },
    );
}

function checkTeacherCounts(
  c: InstContext,
  sink: FindingSink,
  f: (k: InstFormKey) => FormField | undefined,
): void {
  const count = (k: InstFormKey, name: string) => {
    const field = f(k);
    return field && field.text !== ""
      ? readCount(sink, valueAt(field), field.cell, name, c.clause.form)
      : undefined;
  };
  const totalField = f("teachersTotal");
  const total = count("teachersTotal", "师资团队总人数");
  const fullTime = count("teachersFullTime", "专职师资队伍人数");
  const partTime = count("teachersPartTime", "兼职师资队伍人数");
  if (
    totalField &&
    total !== undefined &&
    fullTime !== undefined &&
    partTime !== undefined &&
    total !== fullTime + partTime
  )
    sink.add(
      valueAt(totalField),
      "error",
      "sum.consistency",
      c.T.sumTeachers(total, fullTime, partTime),
      c.clause.form,
      {
        value: String(total),
        expected: String(fullTime + partTime),
      },
    );
}

const TEACHER_KINDS = new Map([
  ["专职师资", "专职师资"],
  ["兼职师资", "兼职师资"],
  ["专职", "专职师资"],
  ["兼职", "兼职师资"],
]);

function checkTeachers(
  c: InstContext,
  sink: FindingSink,
  teachers: InnerTable<TeacherKey> | undefined,
): void {
  if (!teachers) return;
  for (const row of teachers.rows) {
    const name = row.cells.get("name");
    if (name && name.text === "") sink.add(name, "error", "required", c.T.teacherName(), c.clause.form);
    const kind = row.cells.get("kind");
    if (kind && !kind.shared && !TEACHER_KINDS.has(compactText(kind.text)))
      sink.add(
        kind,
        "error",
        "inst.teacher-kind",
        c.T.teacherKind(name?.text ?? "", kind.text),
        c.clause.teacherKind,
        {
          value: kind.text,
          expected: "专职师资/兼职师资",
        },
      );
    const phone = row.cells.get("phone");
    if (phone && !phone.shared && phone.text !== "") {
      const field: FormField = {
        labelRow: phone.row,
        labelCol: phone.col,
        valueRow: phone.row,
        valueCol: phone.col,
        cell: phone.cell,
        text: phone.text,
      };
      checkPhoneField(sink, field, `培训教师${name?.text ? `“${name.text}”` : ""}联系电话`, c.clause.form);
    }
  }
}

function checkPlan(
  c: InstContext,
  sink: FindingSink,
  tables: InstRecognition["tables"],
  ticked: readonly InstLevel[] | undefined,
): void {
  for (const [level, cell] of tables.plan?.values ?? []) {
    const count = readCount(sink, cell, cell.cell, `年度计划培训人数（${level}）`, c.clause.form);
    if (count === undefined || count <= 0 || !ticked || ticked.length === 0 || ticked.includes(level))
      continue;
    sink.add(cell, "warning", "inst.plan-level", c.T.planLevel(level, count, ticked), c.clause.form, {
      value: String(count),
      expected: ticked.join("/"),
    });
  }
  for (const [level, cell] of tables.fees?.values ?? []) {
    const read = readFee(cell.cell);
    if (read.kind === "unreadable" && !NONE.test(compactText(read.text)))
      sink.add(
        cell,
        "warning",
        "unreadable",
        findingText.unreadable(`培训费用（${level}）`, read.text, instExpected.fee.zh, instExpected.fee.en),
        c.clause.form,
        {
          value: read.text,
        },
      );
  }
}

/**
 * Every rule of the institution form (rules.md "sh-2026-digital-institution"): the ones the pack wires in
 * tables/institution.yaml (required fields, 填表日期, 身份证号, the contacts' phones and e-mails, the texts' lengths),
 * then the model's own.
 */
export function checkInstForm(c: InstContext, grid: Grid, recognition: InstRecognition): Finding[] {
  const sink = new FindingSink(grid.name);
  const { form, tables } = recognition;
  const f = (k: InstFormKey) => form.fields.get(k);
  const clause = c.clause.form;
  applyTableRules(c.pack, "institution", tableOf(c.pack, "institution"), form.fields, sink);

  checkOccupation(c, sink, f("occupation"));
  const ticked = checkLevel(c, sink, f("level"));

  const creditCode = f("creditCode");
  const region = checkCreditCodeField(sink, creditCode, "统一社会信用代码", clause);
  if (creditCode && region !== undefined && !region.startsWith("31"))
    sink.add(
      valueAt(creditCode),
      "warning",
      "sh.registered-locally",
      c.T.notLocal(creditCode.text, region),
      c.clause.registered,
      {
        value: region,
        expected: "31xxxx",
      },
    );

  const unitType = f("unitType");
  if (unitType && unitType.text !== "") {
    const read = readUnitType(unitType.text, c.unitTypes);
    if (!read.ok)
      sink.add(
        valueAt(unitType),
        "error",
        "inst.unit-type",
        c.T.unitType(unitType.text, read.suggestion),
        c.clause.unitType,
        {
          value: unitType.text,
          ...(read.suggestion ? { expected: read.suggestion } : {}),
        },
      );
  }
  const industry = f("industry");
  if (industry && industry.text !== "") {
    const read = readIndustry(c.industries, industry.text);
    if (!read.ok)
      sink.add(
        valueAt(industry),
        "warning",
        "inst.industry",
        c.T.industry(industry.text, read.suggestion),
        c.clause.industry,
        {
          value: industry.text,
          ...(read.suggestion ? { expected: read.suggestion } : {}),
        },
      );
  }
  checkFounded(c, sink, f("founded"));
  checkTax(c, sink, tables.tax);

  checkScale(c, sink, tables);
  checkTeacherCounts(c, sink, f);
  checkTeachers(c, sink, tables.teachers);
  checkPlan(c, sink, tables, ticked);
  return sink.findings;
}
