/**
 * The rule kinds a pack's tables/*.yaml may wire to its fields (docs/packs.md "规则类型"): each a small pure function
 * over one read form, parameterised by field names, figures (notice.yaml) and lists (lists/*.yaml). A notice that needs
 * a new kind gets it here, in the vocabulary, never in a pack.
 */
import type { Severity, Text } from "../findings";
import { fill, stringList, type PackData } from "../packs/data";
import { compactText } from "../read/normalise";
import { readNumber } from "../read/number";
import type { FormField } from "../recognise/form";
import {
  checkCreditCodeField,
  checkEmailField,
  checkIdCardField,
  checkMaxLength,
  checkPhoneField,
  checkPostcodeField,
  checkRequired,
} from "./fields";
import {
  checkCourseTime,
  checkDeadline,
  checkTrainees,
  outOfBounds,
  type Limit,
  type NumberBounds,
} from "./figures";
import { jointHostParts } from "../read/units";
import type { RuleId } from "./ids";
import { kindText } from "../messages/kinds";
import type { FindingSink } from "./sink";
import type { WorkbookReferences } from "../check-types";
import { isListedUnit } from "../references";
import { numberFigure, dateFigure, rangeFigure, cite } from "../packs/data";

export interface RuleParam {
  name: string;
  /** What the parameter names: a field of the table, a figure of notice.yaml, a list of lists/, or a plain value. */
  refers: "field" | "figure" | "list" | "value";
  required: boolean;
}

/** A rule as tables/*.yaml wires it (validated by the schema and pack lint). */
export interface RuleSpec {
  kind: string;
  field?: string;
  figure?: string;
  severity?: Severity;
  clause?: string;
  [param: string]: unknown;
}

export interface RuleContext {
  pack: PackData;
  sink: FindingSink;
  /** The fields the form reader found, by the table's field keys. */
  fields: ReadonlyMap<string, FormField>;
  /** A field's display name: its first label. */
  nameOf(field: string): string;
  /** The table's default clause (its attachment). */
  tableClause: string;
  /** What other sheets of the workbook say (the units that did not finish last year's task). */
  references?: WorkbookReferences;
}

export interface RuleKind {
  params: readonly RuleParam[];
  apply(rule: RuleSpec, c: RuleContext): void;
}

const p = (name: string, refers: RuleParam["refers"], required = true): RuleParam => ({
  name,
  refers,
  required,
});

function clauseOf(rule: RuleSpec, c: RuleContext, figure?: Limit<unknown>): string {
  if (rule.clause !== undefined) return cite(c.pack, rule.clause);
  return figure?.clause ?? c.tableClause;
}

const field = (rule: RuleSpec, c: RuleContext) => c.fields.get(rule.field as string);
const at = (f: FormField) => ({ row: f.valueRow, col: f.valueCol });

/** The rule's own text (messages.yaml key in `message`), or the kind's default. */
export function textOf(
  rule: RuleSpec,
  c: { pack: PackData },
  fallback: Text,
  vars: Record<string, string | number>,
): Text {
  const key = rule.message;
  if (typeof key !== "string") return fallback;
  const m = c.pack.messages[key];
  return m ? { zh: fill(m.zh, vars, "zh"), en: fill(m.en || m.zh, vars, "en") } : fallback;
}

/**
 * A number outside its bounds, reported with the rule's id and message (default `number.range` and the generic
 * text). Shared by the form and list kinds number-range and number-at-least.
 */
function reportBounds(
  sink: FindingSink,
  at: { row: number; col: number },
  value: number,
  name: string,
  bounds: NumberBounds,
  limit: Limit<unknown>,
  rule: RuleSpec,
  c: { pack: PackData },
  clause: string,
): void {
  if (!outOfBounds(value, bounds)) return;
  const expected =
    bounds.min !== undefined && bounds.max !== undefined
      ? `${bounds.min}-${bounds.max}`
      : bounds.min !== undefined
        ? `≥ ${bounds.min}`
        : `≤ ${bounds.max}`;
  sink.add(
    at,
    rule.severity ?? limit.severity,
    (rule.id as RuleId | undefined) ?? "number.range",
    textOf(rule, c, kindText.outOfBounds(name, value, bounds.min, bounds.max), {
      value,
      name,
      min: bounds.min ?? "",
      max: bounds.max ?? "",
    }),
    clause,
    { value: String(value), expected },
  );
}

/**
 * How number-at-least and number-range judge one number, on forms and lists alike. number-at-least without an id or
 * message of its own reads its figure as a number of trainees (学员人数, trainees.min), as the notices use it.
 */
export function numberCheck(
  rule: RuleSpec,
  c: { pack: PackData },
  clauseFor: (figure: Limit<unknown>) => string,
): (sink: FindingSink, at: { row: number; col: number }, value: number, name: string) => void {
  if (rule.kind === "number-range") {
    const range = rangeFigure(c.pack, rule.figure as string);
    const clause = clauseFor(range);
    return (sink, at, value, name) =>
      reportBounds(sink, at, value, name, range.value, range, rule, c, clause);
  }
  const min = numberFigure(c.pack, rule.figure as string);
  if (rule.id === undefined && rule.message === undefined)
    return (sink, at, value) => checkTrainees(sink, at, value, min);
  const clause = clauseFor(min);
  return (sink, at, value, name) =>
    reportBounds(sink, at, value, name, { min: min.value }, min, rule, c, clause);
}

function applyNumberRule(rule: RuleSpec, c: RuleContext): void {
  const f = field(rule, c);
  if (!f || f.text === "") return;
  const read = readNumber(f.cell);
  if (read.kind !== "ok") return;
  numberCheck(rule, c, (figure) => clauseOf(rule, c, figure))(
    c.sink,
    at(f),
    read.value,
    c.nameOf(rule.field as string),
  );
}

export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map<string, RuleKind>([
  [
    "required",
    {
      params: [p("field", "field")],
      apply(rule, c) {
        checkRequired(
          c.sink,
          field(rule, c),
          c.nameOf(rule.field as string),
          clauseOf(rule, c),
          rule.severity,
        );
      },
    },
  ],
  [
    "text-max-length",
    {
      params: [p("field", "field"), p("figure", "figure")],
      apply(rule, c) {
        const max = numberFigure(c.pack, rule.figure as string);
        checkMaxLength(c.sink, field(rule, c), c.nameOf(rule.field as string), max.value, max.clause);
      },
    },
  ],
  [
    "date-not-after",
    {
      params: [p("field", "field"), p("figure", "figure")],
      apply(rule, c) {
        const f = field(rule, c);
        if (f)
          checkDeadline(
            c.sink,
            at(f),
            f.cell,
            c.nameOf(rule.field as string),
            dateFigure(c.pack, rule.figure as string),
          );
      },
    },
  ],
  ["number-at-least", { params: [p("field", "field"), p("figure", "figure")], apply: applyNumberRule }],
  // A count or amount within a range figure of notice.yaml ({ min, max }), inclusive.
  ["number-range", { params: [p("field", "field"), p("figure", "figure")], apply: applyNumberRule }],
  [
    "one-unit",
    {
      // The field names one unit only (福建 三（二） 不得与其他单位联办): "甲大学、乙学院", "甲大学联合乙医院", "（联办）".
      params: [p("field", "field")],
      apply(rule, c) {
        const f = field(rule, c);
        if (!f || f.text === "") return;
        const units = jointHostParts(f.text);
        if (!units) return;
        const name = c.nameOf(rule.field as string);
        const text = textOf(rule, c, kindText.severalUnits(name, f.text, units), {
          value: f.text,
          name,
          units: units.join("、"),
        });
        const id = (rule.id as RuleId | undefined) ?? "fj.no-joint-host";
        c.sink.add(at(f), rule.severity ?? "warning", id, text, clauseOf(rule, c), { value: f.text });
      },
    },
  ],
  [
    "course-time",
    {
      params: [p("field", "field"), p("days", "figure", false), p("finishBy", "figure", false)],
      apply(rule, c) {
        const f = field(rule, c);
        if (!f) return;
        checkCourseTime(c.sink, at(f), f.cell, c.nameOf(rule.field as string), {
          year: c.pack.year,
          ...(typeof rule.days === "string" ? { days: rangeFigure(c.pack, rule.days) } : {}),
          ...(typeof rule.finishBy === "string" ? { finishBy: dateFigure(c.pack, rule.finishBy) } : {}),
        });
      },
    },
  ],
  [
    "in-list",
    {
      params: [p("field", "field"), p("list", "list")],
      apply(rule, c) {
        const f = field(rule, c);
        if (!f || f.text === "") return;
        const list = stringList(c.pack, rule.list as string).map(compactText);
        if (list.includes(compactText(f.text))) return;
        const name = c.nameOf(rule.field as string);
        const fallback = kindText.notInList(name, f.text, list);
        c.sink.add(
          at(f),
          rule.severity ?? "error",
          (rule.id as RuleId | undefined) ?? "domain.in-list",
          textOf(rule, c, fallback, { value: f.text, name }),
          clauseOf(rule, c),
          { value: f.text },
        );
      },
    },
  ],
  [
    "equals-field",
    {
      params: [p("field", "field"), p("other", "field")],
      apply(rule, c) {
        const a = field(rule, c);
        const b = c.fields.get(rule.other as string);
        if (!a || !b || a.text === "" || b.text === "") return;
        if (compactText(a.text) === compactText(b.text)) return;
        const fallback = kindText.fieldsDiffer(
          c.nameOf(rule.field as string),
          a.text,
          c.nameOf(rule.other as string),
          b.text,
        );
        c.sink.add(
          at(a),
          rule.severity ?? "error",
          (rule.id as RuleId | undefined) ?? "sh.bank.payee-match",
          textOf(rule, c, fallback, { value: a.text, other: b.text }),
          clauseOf(rule, c),
          { value: a.text, expected: b.text },
        );
      },
    },
  ],
  [
    "not-in-reference-sheet",
    {
      // 福建 三（一）: a host on the workbook's list of units that did not finish last year (a sheet named …未完成…).
      params: [p("field", "field")],
      apply(rule, c) {
        const f = field(rule, c);
        const units = c.references?.unfinishedUnits ?? [];
        if (!f || f.text === "" || !isListedUnit(f.text, units)) return;
        const fallback = kindText.onReferenceSheet(c.nameOf(rule.field as string), f.text);
        const id = (rule.id as RuleId | undefined) ?? "fj.unfinished-2025";
        const text = textOf(rule, c, fallback, { value: f.text, host: f.text });
        c.sink.add(at(f), rule.severity ?? "warning", id, text, clauseOf(rule, c), { value: f.text });
      },
    },
  ],
  [
    "sum-equals",
    {
      // A total that must be the sum of its parts (师资团队总人数 = 专职 + 兼职).
      params: [p("field", "field"), p("of", "field")],
      apply(rule, c) {
        const keys = (Array.isArray(rule.of) ? rule.of : [rule.of]).map(String);
        const total = field(rule, c);
        const parts = keys.map((k) => c.fields.get(k));
        if (!total || total.text === "" || parts.some((f) => !f || f.text === "")) return;
        const t = readNumber(total.cell);
        const values = parts.map((f) => (f ? readNumber(f.cell) : undefined));
        if (t.kind !== "ok") return;
        let sum = 0;
        for (const v of values) {
          if (v?.kind !== "ok") return;
          sum += v.value;
        }
        if (Math.abs(sum - t.value) < 1e-9) return;
        const names = keys.map((k) => c.nameOf(k));
        const fallback = kindText.notSum(c.nameOf(rule.field as string), t.value, names, sum);
        const id = (rule.id as RuleId | undefined) ?? "sum.consistency";
        const text = textOf(rule, c, fallback, { value: t.value, sum });
        c.sink.add(at(total), rule.severity ?? "error", id, text, clauseOf(rule, c), {
          value: String(t.value),
          expected: String(sum),
        });
      },
    },
  ],
  [
    "if-then",
    {
      // When a field holds a value (申报特色班 是), another field is required (特色班相关情况).
      params: [p("field", "field"), p("equals", "value"), p("then", "field")],
      apply(rule, c) {
        const f = field(rule, c);
        const then = c.fields.get(String(rule.then));
        if (!f || !then || compactText(f.text) !== compactText(String(rule.equals))) return;
        checkRequired(c.sink, then, c.nameOf(String(rule.then)), clauseOf(rule, c), rule.severity);
      },
    },
  ],
  [
    "phone",
    {
      params: [p("field", "field")],
      apply: (r, c) => checkPhoneField(c.sink, field(r, c), c.nameOf(r.field as string), clauseOf(r, c)),
    },
  ],
  [
    "mobile",
    {
      params: [p("field", "field")],
      apply: (r, c) =>
        checkPhoneField(c.sink, field(r, c), c.nameOf(r.field as string), clauseOf(r, c), "mobile"),
    },
  ],
  [
    "email",
    {
      params: [p("field", "field")],
      apply: (r, c) => checkEmailField(c.sink, field(r, c), c.nameOf(r.field as string), clauseOf(r, c)),
    },
  ],
  [
    "postcode",
    {
      params: [p("field", "field")],
      apply: (r, c) => checkPostcodeField(c.sink, field(r, c), c.nameOf(r.field as string), clauseOf(r, c)),
    },
  ],
  [
    "credit-code",
    {
      params: [p("field", "field")],
      apply: (r, c) => checkCreditCodeField(c.sink, field(r, c), c.nameOf(r.field as string), clauseOf(r, c)),
    },
  ],
  [
    "id-card",
    {
      params: [p("field", "field")],
      apply: (r, c) => checkIdCardField(c.sink, field(r, c), c.nameOf(r.field as string), clauseOf(r, c)),
    },
  ],
]);
