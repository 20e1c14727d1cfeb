/**
 * The rule kinds a list table (tables/*.yaml with `layout: list`) may wire to its columns: the engine's list rules
 * (rules/list.ts) with their parameters as data. `field` names a column (a field of the table); `groupBy` a group
 * column (推荐单位) or, when the list has none, the section rows (一、市经济信息化委) or the whole list.
 */
import { cite, dateFigure, quotaFigure, stringList, type PackData } from "../packs/data";
import { jointHostParts } from "../read/units";
import { compactText } from "../read/normalise";
import { readNumber } from "../read/number";
import type { FooterLine } from "../recognise/list";
import { normaliseLabel } from "../recognise/labels";
import { checkDeadline, type Limit } from "./figures";
import type { RuleId } from "./ids";
import { kindText } from "../messages/kinds";
import { numberCheck, textOf, type RuleKind, type RuleParam, type RuleSpec } from "./kinds";
import {
  checkDuplicateTitles,
  checkHostOneProject,
  checkKeyQuota,
  checkRankingSequence,
  checkRequiredColumns,
  checkSerial,
  recommenderGroups,
  type ListView,
} from "./list";
import type { FindingSink } from "./sink";

export interface ListRuleContext {
  pack: PackData;
  sink: FindingSink;
  view: ListView<string>;
  /** The project rows, in sheet order. */
  rows: readonly number[];
  /** A column's display name: its first label. */
  nameOf(field: string): string;
  /** The labels of a footer field (填写时间), normalised. */
  labelsOf(field: string): readonly string[];
  tableClause: string;
}

type ListRuleKind = Omit<RuleKind, "apply"> & { apply(rule: RuleSpec, c: ListRuleContext): void };

const p = (name: string, refers: RuleParam["refers"], required = true): RuleParam => ({
  name,
  refers,
  required,
});

function clauseOf(rule: RuleSpec, c: ListRuleContext, figure?: Limit<unknown>): string {
  if (rule.clause !== undefined) return cite(c.pack, rule.clause);
  return figure?.clause ?? c.tableClause;
}

const col = (rule: RuleSpec) => rule.field as string;

/** The groups a per-group rule runs over: by the groupBy column, else section rows, else the whole list. */
function groups(rule: RuleSpec, c: ListRuleContext) {
  const by = typeof rule.groupBy === "string" ? rule.groupBy : "";
  return recommenderGroups(c.view, c.rows, by);
}

/** The date of a line above or below the table that starts with one of the field's labels (填写时间：2027年2月20日). */
function footerValue(
  lines: readonly FooterLine[],
  labels: readonly string[],
): { at: { row: number; col: number }; text: string } | undefined {
  for (const [i, line] of lines.entries()) {
    const norm = normaliseLabel(line.text);
    const label = labels.find((l) => norm.startsWith(l));
    if (label === undefined) continue;
    // The value follows the label in the same cell (填写时间：…) or stands in the next cell of the row.
    const rest = line.text
      .replace(/\s/g, "")
      .slice(label.length)
      .replace(/^[:：]/, "");
    if (rest !== "") return { at: { row: line.row, col: line.col }, text: rest };
    const next = lines[i + 1];
    if (next && next.row === line.row) return { at: { row: next.row, col: next.col }, text: next.text };
  }
  return undefined;
}

/** number-at-least and number-range on every row's cell of the column. */
function applyNumberRule(rule: RuleSpec, c: ListRuleContext): void {
  const check = numberCheck(rule, c, (figure) => clauseOf(rule, c, figure));
  const name = c.nameOf(col(rule));
  for (const row of c.rows) {
    const read = readNumber(c.view.cell(row, col(rule)));
    if (read.kind === "ok") check(c.sink, c.view.at(row, col(rule)), read.value, name);
  }
}

export const LIST_RULE_KINDS: ReadonlyMap<string, ListRuleKind> = new Map<string, ListRuleKind>([
  [
    "required",
    {
      params: [p("field", "field")],
      apply(rule, c) {
        checkRequiredColumns(c.sink, c.view, c.rows, [col(rule)], clauseOf(rule, c), rule.severity);
      },
    },
  ],
  [
    "serial",
    {
      params: [p("field", "field")],
      apply(rule, c) {
        checkSerial(c.sink, c.view, c.rows, col(rule), clauseOf(rule, c));
      },
    },
  ],
  [
    "sequence",
    {
      // 推荐排序 1..N without gap or repeat, within each group.
      params: [p("field", "field"), p("groupBy", "field", false)],
      apply(rule, c) {
        for (const g of groups(rule, c))
          checkRankingSequence(c.sink, c.view, g.rows, col(rule), clauseOf(rule, c));
      },
    },
  ],
  [
    "unique",
    {
      params: [p("field", "field")],
      apply(rule, c) {
        checkDuplicateTitles(c.sink, c.view, c.rows, col(rule), clauseOf(rule, c));
      },
    },
  ],
  [
    "at-most-once",
    {
      params: [p("field", "field")],
      apply(rule, c) {
        checkHostOneProject(c.sink, c.view, c.rows, col(rule), clauseOf(rule, c));
      },
    },
  ],
  [
    "marked-quota",
    {
      // 重点推荐 (marked 重点/是/√) at most max(atLeast, ⌊share × N⌋) per group.
      params: [p("field", "field"), p("figure", "figure"), p("groupBy", "field", false)],
      apply(rule, c) {
        const quota = quotaFigure(c.pack, rule.figure as string);
        for (const g of groups(rule, c))
          checkKeyQuota(c.sink, c.view, g.rows, col(rule), {
            clause: clauseOf(rule, c, quota),
            quota: quota.value,
            who: g.name === "" ? "" : `“${g.name}”：`,
            at: g.at ?? c.view.header(col(rule)),
            severity: quota.severity,
          });
      },
    },
  ],
  ["number-at-least", { params: [p("field", "field"), p("figure", "figure")], apply: applyNumberRule }],
  ["number-range", { params: [p("field", "field"), p("figure", "figure")], apply: applyNumberRule }],
  [
    "one-unit",
    {
      // Each row's cell names one unit only (不得与其他单位联办).
      params: [p("field", "field")],
      apply(rule, c) {
        const name = c.nameOf(col(rule));
        for (const row of c.rows) {
          const text = c.view.text(row, col(rule));
          const units = text === "" ? undefined : jointHostParts(text);
          if (!units) continue;
          const message = textOf(rule, c, kindText.severalUnits(name, text, units), {
            value: text,
            name,
            units: units.join("、"),
            row: row + 1,
          });
          const id = (rule.id as RuleId | undefined) ?? "fj.no-joint-host";
          c.sink.add(c.view.at(row, col(rule)), rule.severity ?? "warning", id, message, clauseOf(rule, c), {
            value: text,
          });
        }
      },
    },
  ],
  [
    "in-list",
    {
      params: [p("field", "field"), p("list", "list")],
      apply(rule, c) {
        const list = stringList(c.pack, rule.list as string).map(compactText);
        const name = c.nameOf(col(rule));
        for (const row of c.rows) {
          const text = c.view.text(row, col(rule));
          if (text === "" || list.includes(compactText(text))) continue;
          const fallback = kindText.notInList(name, text, list, row + 1);
          c.sink.add(
            c.view.at(row, col(rule)),
            rule.severity ?? "error",
            (rule.id as RuleId | undefined) ?? "domain.in-list",
            textOf(rule, c, fallback, { value: text, name, row: row + 1 }),
            clauseOf(rule, c),
            { value: text },
          );
        }
      },
    },
  ],
  [
    "date-not-after",
    {
      // A footer field (填写时间 above or below the table) or a date column, not after the figure's date.
      params: [p("field", "field"), p("figure", "figure")],
      apply(rule, c) {
        const deadline = dateFigure(c.pack, rule.figure as string);
        const name = c.nameOf(col(rule));
        if (!c.view.column(col(rule))) {
          const lines = [...c.view.table.above, ...c.view.table.below];
          const found = footerValue(lines, c.labelsOf(col(rule)));
          if (found) checkDeadline(c.sink, found.at, { value: found.text, text: found.text }, name, deadline);
          return;
        }
        for (const row of c.rows)
          checkDeadline(c.sink, c.view.at(row, col(rule)), c.view.cell(row, col(rule)), name, deadline);
      },
    },
  ],
]);
