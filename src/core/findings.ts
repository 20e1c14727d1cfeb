import type { RuleId } from "./rules/ids";

export type Severity = "error" | "warning" | "info";

/** A text in both languages the product speaks: zh-CN first, en second. */
export interface Text {
  zh: string;
  en: string;
}

/**
 * One thing the engine has to say about a sheet. Findings are data, never exceptions;
 * row and col are 0-based and become an A1 address only at the edges.
 */
export interface Finding {
  sheet: string;
  row: number;
  col: number;
  severity: Severity;
  rule: RuleId;
  message: Text;
  /** Where the rule comes from, e.g. "沪人社专〔2026〕82号 二（一）". */
  clause: string;
  /** The value as read (for display), when there is one. */
  value?: string;
  /** What was expected, in words or figures. */
  expected?: string;
  /**
   * Other cells the same finding is about, where the user also acts (the other 重点推荐 cells of a recommender over
   * its quota). The finding is reported once, at row/col.
   */
  related?: Array<{ row: number; col: number }>;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by row, then column, then severity, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.row - b.row ||
    a.col - b.col ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
