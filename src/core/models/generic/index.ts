/**
 * The generic model: a pack whose tables are wholly data. Each tables/*.yaml declares how the table is recognised
 * (scored by the one generic recogniser), its fields (labels, read by the form reader) and the rules wired to them
 * (rule kinds of rules/kinds.ts). Forms only for now: list tables still need one of the other models.
 */
import type { WorkbookReferences } from "../../check-types";
import type { Finding } from "../../findings";
import { cite, type PackData } from "../../packs/data";
import type { Model, Recognition, SheetSignals } from "../../packs/pack";
import type { TableData } from "../../packs/schema";
import { normaliseLabel } from "../../recognise/labels";
import { readForm, type FormSpec } from "../../recognise/form";
import { recogniseDeclared } from "../../recognise/signals";
import { RULE_KINDS, type RuleSpec } from "../../rules/kinds";
import { FindingSink } from "../../rules/sink";

function specOf(table: TableData): FormSpec {
  return {
    fields: Object.entries(table.fields ?? {}).map(([key, f]) => ({
      key,
      labels: f.labels.map(normaliseLabel),
    })),
  };
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
  const form = readForm(signals, specOf(table), index);
  const sink = new FindingSink(signals.name);
  const fields = table.fields ?? {};
  const context = {
    pack,
    sink,
    fields: form.fields as ReadonlyMap<string, import("../../recognise/form").FormField>,
    nameOf: (key: string) => fields[key]?.labels[0] ?? key,
    tableClause: cite(pack, pack.clauses[tableName] ?? pack.clauses.form ?? ""),
    ...(references ? { references } : {}),
  };
  // A field marked required: true is the `required` rule; maxLength is `text-max-length` with a literal.
  for (const [key, f] of Object.entries(fields)) {
    if (f.required)
      RULE_KINDS.get("required")?.apply(
        { kind: "required", field: key, severity: f.required === "warning" ? "warning" : "error" },
        context,
      );
  }
  for (const rule of table.rules ?? []) RULE_KINDS.get(rule.kind)?.apply(rule as RuleSpec, context);
  return sink.findings;
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
  const best = recogniseDeclared(signals, data.tables);
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
  return table ? checkTable(data, declared, table, signals.grid, signals.labels, references) : [];
}
