/**
 * The generic model: a pack whose tables are wholly data. Each tables/*.yaml declares how the table is recognised
 * (scored by the one generic recogniser), its fields (labels, read by the form reader) and the rules wired to them
 * (rule kinds of rules/kinds.ts). A table with `layout: list` is read by the list reader (header band, fill-down
 * groups, section rows) with its fields as the columns, and checked by the list rule kinds (rules/list-kinds.ts).
 */
import type { WorkbookReferences } from "../../check-types";
import type { Finding } from "../../findings";
import { cite, type PackData } from "../../packs/data";
import type { Model, Recognition, SheetSignals } from "../../packs/pack";
import type { TableData } from "../../packs/schema";
import { normaliseLabel } from "../../recognise/labels";
import { readForm, type FormField } from "../../recognise/form";
import { formSpecOf, recogniseDeclared } from "../../recognise/signals";
import { RULE_KINDS, type RuleSpec } from "../../rules/kinds";
import { LIST_RULE_KINDS } from "../../rules/list-kinds";
import { ListView } from "../../rules/list";
import { readList, type ColumnSpec, type ListModel, type ListTable } from "../../recognise/list";
import type { Grid } from "../../grid/types";
import { FindingSink } from "../../rules/sink";

/** The columns and list model of a list table, made once per table so the list reader's cache holds. */
const listSpecs = new WeakMap<TableData, { specs: ColumnSpec[]; model: ListModel<string> }>();

function listSpecOf(table: TableData): { specs: ColumnSpec[]; model: ListModel<string> } {
  const known = listSpecs.get(table);
  if (known) return known;
  const columns = Object.entries(table.fields ?? {}).filter(([, f]) => !f.footer);
  const anyAnchor = columns.some(([, f]) => f.anchor !== undefined);
  const specs: ColumnSpec[] = columns.map(([key, f]) => ({
    key,
    aliases: f.labels.map(normaliseLabel),
    anchor: anyAnchor ? f.anchor === true : true,
    content: f.content ?? true,
  }));
  const group = columns.filter(([, f]) => f.group).map(([key]) => key);
  // A column of 推荐排序 restarting at 1 under section rows makes those rows the groups (rank: the sequence rule's).
  const rank = (table.rules ?? []).find((r) => r.kind === "sequence")?.field;
  const model: ListModel<string> = {
    sub: [],
    group,
    fillDown: group,
    split: [],
    ...(rank !== undefined ? { rank } : {}),
  };
  const made = { specs, model };
  listSpecs.set(table, made);
  return made;
}

/** A declared list table read from a sheet; undefined when no row looks like its header. */
export function readDeclaredList(grid: Grid, table: TableData): ListTable<string> | undefined {
  const { specs, model } = listSpecOf(table);
  return readList(grid, specs, model);
}

/** Check a sheet as one of the pack's declared list tables: required columns, then each list rule by kind. */
export function checkListTable(pack: PackData, tableName: string, table: TableData, grid: Grid): Finding[] {
  const sink = new FindingSink(grid.name);
  const list = readDeclaredList(grid, table);
  if (!list) return [];
  const fields = table.fields ?? {};
  const context = {
    pack,
    sink,
    view: new ListView(grid, list),
    rows: list.rows,
    nameOf: nameIn(table),
    labelsOf: (key: string) => (fields[key]?.labels ?? []).map(normaliseLabel),
    tableClause: cite(pack, pack.clauses[tableName] ?? pack.clauses.list ?? ""),
  };
  for (const [key, f] of Object.entries(fields))
    if (f.required && !f.footer)
      LIST_RULE_KINDS.get("required")?.apply(
        { kind: "required", field: key, severity: f.required === "warning" ? "warning" : "error" },
        context,
      );
  for (const rule of table.rules ?? []) LIST_RULE_KINDS.get(rule.kind)?.apply(rule as RuleSpec, context);
  return sink.findings;
}

/** Check a sheet as one of the pack's declared tables (fields read by label, rules by kind). Any model may use it. */
export function checkTable(
  pack: PackData,
  tableName: string,
  table: TableData,
  signals: Parameters<typeof readForm>[0],
  index: Parameters<typeof readForm>[2],
  references?: WorkbookReferences,
): Finding[] {
  const form = readForm(signals, formSpecOf(table), index);
  const sink = new FindingSink(signals.name);
  applyTableRules(pack, tableName, table, form.fields, sink, references);
  return sink.findings;
}

/** A field's name in messages: its `name`, else its first label. */
function nameIn(table: TableData): (key: string) => string {
  const fields = table.fields ?? {};
  return (key) => fields[key]?.name ?? fields[key]?.labels[0] ?? key;
}

/**
 * The rules a form table declares (`required` fields, then `rules:` by kind) on fields already read. Built-in models
 * call it after their own rules, so the simple ones (required, formats, figures) are wired in the pack's data.
 */
export function applyTableRules(
  pack: PackData,
  tableName: string,
  table: TableData,
  fields: ReadonlyMap<string, FormField>,
  sink: FindingSink,
  references?: WorkbookReferences,
): void {
  const context = {
    pack,
    sink,
    fields,
    nameOf: nameIn(table),
    tableClause: cite(pack, pack.clauses[tableName] ?? pack.clauses.form ?? ""),
    ...(references ? { references } : {}),
  };
  // A field marked required: true is the `required` rule.
  for (const [key, f] of Object.entries(table.fields ?? {})) {
    if (f.required)
      RULE_KINDS.get("required")?.apply(
        { kind: "required", field: key, severity: f.required === "warning" ? "warning" : "error" },
        context,
      );
  }
  for (const rule of table.rules ?? []) RULE_KINDS.get(rule.kind)?.apply(rule as RuleSpec, context);
}

export const genericModel: Model = {
  id: "generic",
  needs: { figures: [], clauses: [], lists: [], messages: [] },
  make(data) {
    return {
      id: data.id,
      data,
      tables: [...new Set(Object.values(data.tables).map((t) => t.table))],
      recognise: (signals) => recogniseDeclaredTable(data, signals),
      check: (signals, recognition, _level, references) =>
        checkDeclaredTable(data, signals, recognition, references) ?? [],
    };
  },
};

/** A declared table's recognition, carrying which table it is (for checkDeclaredTable). */
export function recogniseDeclaredTable(data: PackData, signals: SheetSignals): Recognition | undefined {
  const best = recogniseDeclared(
    signals,
    data.tables,
    (table) => table.layout !== "list" || readDeclaredList(signals.grid, table) !== undefined,
  );
  return (
    best && {
      table: best.table.table,
      confidence: best.confidence,
      level: null,
      data: { declared: best.name },
    }
  );
}

/** The findings of a declared table; undefined when the recognition is not one (the model's own tables). */
export function checkDeclaredTable(
  data: PackData,
  signals: SheetSignals,
  recognition: Recognition,
  references?: WorkbookReferences,
): Finding[] | undefined {
  const declared = (recognition.data as { declared?: string } | undefined)?.declared;
  if (declared === undefined) return undefined;
  const table = data.tables[declared];
  if (!table) return [];
  if (table.layout === "list") return checkListTable(data, declared, table, signals.grid);
  return checkTable(data, declared, table, signals.grid, signals.labels, references);
}
