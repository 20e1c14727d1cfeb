/**
 * The one generic recogniser: scores a sheet against the signals a pack's tables/*.yaml declares — title words in the
 * sheet's first rows, labels that must, may or must not be present. No notice-specific code.
 */
import type { SheetSignals } from "../packs/pack";
import { compactText } from "../read/normalise";
import type { TableData } from "../packs/schema";
import { normaliseLabel } from "./labels";
import type { FormSpec } from "./form";

/**
 * 0..1, or 0 when a `must` label or `titleMust` word is missing or a `not` label (or word) is present. A sheet with
 * every must label scores 0.5, a title word adds 0.3, the share of `may` labels present up to 0.2; a declared
 * `confidence` is the score of any match instead.
 */
export function scoreSignals(signals: SheetSignals, recognise: NonNullable<TableData["recognise"]>): number {
  const has = (label: string) => signals.labels.has(normaliseLabel(label));
  const labels = recognise.labels ?? {};
  if ((labels.not ?? []).some((l) => has(l) || signals.head.includes(compactText(l)))) return 0;
  const must = labels.must ?? [];
  if (!must.every(has)) return 0;
  if (!(recognise.titleMust ?? []).every((w) => signals.head.includes(compactText(w)))) return 0;
  const title = recognise.title ?? [];
  const titled = title.some((w) => signals.head.includes(compactText(w)));
  if (must.length === 0 && !titled) return 0;
  const may = labels.may ?? [];
  const mayShare = may.length === 0 ? 1 : may.filter(has).length / may.length;
  if (recognise.confidence !== undefined) return recognise.confidence;
  return Math.min(1, (must.length > 0 ? 0.5 : 0.3) + (titled ? 0.3 : 0) + 0.2 * mayShare);
}

/** The best of a pack's declared tables for a sheet, with its score; undefined when none scores above 0. */
export function recogniseDeclared(
  signals: SheetSignals,
  tables: Readonly<Record<string, TableData>>,
  /** A further test of a table the signals match (a list table's header must be readable as a list). */
  accept: (table: TableData) => boolean = () => true,
): { name: string; table: TableData; confidence: number } | undefined {
  let best: { name: string; table: TableData; confidence: number } | undefined;
  for (const [name, table] of Object.entries(tables)) {
    if (!table.recognise) continue;
    const confidence = scoreSignals(signals, table.recognise);
    if (confidence > 0 && (!best || confidence > best.confidence) && accept(table))
      best = { name, table, confidence };
  }
  return best;
}

const specs = new WeakMap<TableData, FormSpec>();

/**
 * A form table's fields as the form reader takes them: each field's labels (normalised) and block, the blocks'
 * labels. Made once per table. Built-in models cast the keys to their own field-key types.
 */
export function formSpecOf(table: TableData): FormSpec {
  const known = specs.get(table);
  if (known) return known;
  const spec: FormSpec = {
    fields: Object.entries(table.fields ?? {}).map(([key, f]) => ({
      key,
      labels: f.labels.map(normaliseLabel),
      ...(f.block !== undefined ? { block: f.block } : {}),
    })),
    ...(table.blocks
      ? {
          blocks: Object.entries(table.blocks).map(([key, b]) => ({
            key,
            labels: b.labels.map(normaliseLabel),
          })),
        }
      : {}),
  };
  specs.set(table, spec);
  return spec;
}

/** The markers of a table (labels only it has), normalised: a built-in model counts how many a sheet holds. */
export function markersOf(table: TableData): string[] {
  return (table.markers ?? []).map(normaliseLabel);
}
