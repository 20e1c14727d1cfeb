import { checkGrid, sheetSignals } from "../../../src/core/check";
import type { CheckOptions } from "../../../src/core/check-types";
import { toA1 } from "../../../src/core/grid/a1";
import { parseA1 } from "../../../src/core/grid/a1";
import { gridFromValues } from "../../../src/core/grid/grid";
import type { Grid, MergeArea } from "../../../src/core/grid/types";
import { allPacks } from "../../../src/core/packs/registry";
import type { PackId } from "../../../src/core/packs/types";
import type { GoldenSheet } from "../../golden/types";

/** A golden sheet as a core Grid, without the xlsx round trip (merges from their A1 ranges). */
export function gridOf(sheet: GoldenSheet): Grid {
  const merges: MergeArea[] = (sheet.merges ?? []).map((range) => {
    const [a, b] = range.split(":");
    const from = parseA1(a ?? "");
    const to = parseA1(b ?? a ?? "");
    if (!from || !to) throw new Error(`bad range ${range}`);
    return { top: from.row, left: from.col, bottom: to.row, right: to.col };
  });
  return gridFromValues(sheet.name, sheet.rows, merges);
}

/** Every pack's confidence for the sheet (undefined: the pack does not recognise it). */
export function confidences(sheet: GoldenSheet): Record<PackId, number | undefined> {
  const signals = sheetSignals(gridOf(sheet));
  const out: Partial<Record<PackId, number | undefined>> = {};
  for (const pack of allPacks()) out[pack.id] = pack.recognise(signals)?.confidence;
  return out as Record<PackId, number | undefined>;
}

/** The findings of a sheet as "A1 rule severity" strings, sorted. */
export function findingsOf(sheet: GoldenSheet, options: CheckOptions = {}): string[] {
  return checkGrid(gridOf(sheet), options)
    .findings.map((f) => `${toA1(f.row, f.col)} ${f.rule} ${f.severity}`)
    .sort();
}

/** The findings of one rule only. */
export function ruleFindings(sheet: GoldenSheet, rule: string, options: CheckOptions = {}): string[] {
  return findingsOf(sheet, options).filter((f) => f.split(" ")[1] === rule);
}
