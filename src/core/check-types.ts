import type { Finding } from "./findings";
import type { Level, PackId, TableKind } from "./packs/types";
import type { RuleId } from "./rules/ids";

/** A finding the user chose to ignore, stored in the workbook with the reason. */
export interface IgnoreEntry {
  sheet: string;
  rule: RuleId;
  /** A1 address of the cell. */
  cell: string;
  reason: string;
}

/** What other sheets of the same workbook tell the check of one sheet. */
export interface WorkbookReferences {
  /** Units that did not finish their 2025 task (福建 三（一）), from a sheet such as "2025未完成单位". */
  unfinishedUnits: readonly string[];
}

export interface CheckOptions {
  /** Force a pack instead of detecting it. */
  policy?: PackId;
  /** Force a level (Fujian/Hubei) instead of detecting it. */
  level?: Level;
  /** Findings to leave out (reported separately as ignored). */
  ignored?: readonly IgnoreEntry[];
  /** Reference lists from other sheets (see checkWorkbook, which gathers them). */
  references?: WorkbookReferences;
}

/** What the engine says about one sheet. */
export interface SheetCheck {
  sheet: string;
  table: TableKind;
  policy: PackId | null;
  level: Level | null;
  /** How sure the recognition is, 0..1. */
  confidence: number;
  findings: Finding[];
  /** Findings matched by an ignore entry (not marked, listed under 已忽略). */
  ignored: Finding[];
}
