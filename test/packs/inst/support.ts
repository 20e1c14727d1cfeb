import { checkGrid } from "../../../src/core/check";
import { parseA1, toA1 } from "../../../src/core/grid/a1";
import { gridFromValues } from "../../../src/core/grid/grid";
import type { Grid, MergeArea } from "../../../src/core/grid/types";
import { CLEAN_INST, instSheet, type InstAnswers } from "../../golden/cases/sh-2026-digital-institution";
import type { GoldenSheet } from "../../golden/types";

/** A1 range "A14:B17" as a merge area. */
export function mergeOf(range: string): MergeArea {
  const [a, b] = range.split(":");
  const from = parseA1(a ?? "");
  const to = parseA1(b ?? a ?? "");
  if (!from || !to) throw new Error(`bad range ${range}`);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

/** The grid the engine would see for a golden sheet (no xlsx round trip: unit tests stay fast). */
export function gridOf(sheet: GoldenSheet): Grid {
  return gridFromValues(sheet.name, sheet.rows, (sheet.merges ?? []).map(mergeOf));
}

/** The clean institution form with some answers changed, as a grid. */
export function instGrid(changes: Partial<InstAnswers> = {}): Grid {
  return gridOf(instSheet("培训机构申报表", { ...CLEAN_INST, ...changes }));
}

/** Findings of the clean form with some answers changed, as "A1 rule" strings. */
export function findingsOf(changes: Partial<InstAnswers> = {}): string[] {
  return checkGrid(instGrid(changes)).findings.map((f) => `${toA1(f.row, f.col)} ${f.rule}`);
}
