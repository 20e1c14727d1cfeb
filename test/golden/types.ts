import type { CellValue } from "../../src/core/grid/types";
import type { Level, PackId, TableKind } from "../../src/core/packs/types";
import type { RuleId } from "../../src/core/rules/ids";
import type { Severity } from "../../src/core/findings";

/** One sheet of a golden workbook: rows of values (null or "" for empty) and merges as A1 ranges. */
export interface GoldenSheet {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>;
  merges?: readonly string[];
  /** Number formats by A1 address, e.g. { C5: "0%" }. */
  formats?: Readonly<Record<string, string>>;
}

/** A golden workbook: what it holds and what the engine must recognise in it. */
export interface GoldenCase {
  /** File stem, also the name of the expected JSON: test/golden/expected/<id>.json. */
  id: string;
  description: string;
  sheets: readonly GoldenSheet[];
  /** What every sheet must be recognised as (checked in the test besides the findings). */
  expect: ReadonlyArray<{ sheet: string; table: TableKind; policy: PackId | null; level: Level | null }>;
  /** Options passed to the check (e.g. a level chosen by the user). */
  options?: { policy?: PackId; level?: Level };
}

/** The expected JSON: per sheet, every finding as cell + rule + severity (messages are not compared). */
export interface GoldenExpected {
  sheets: Array<{ sheet: string; findings: Array<{ cell: string; rule: RuleId; severity: Severity }> }>;
}
