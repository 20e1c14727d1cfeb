import type { Finding, Severity, Text } from "../findings";
import type { RuleId } from "./ids";

/**
 * Collects the findings of one sheet; rules add to it instead of throwing. One cell gets one finding per rule and
 * severity: rows that share a merged group cell (a 承办单位 merged over three projects) would otherwise repeat it.
 */
export class FindingSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly sheet: string) {}

  add(
    at: { row: number; col: number },
    severity: Severity,
    rule: RuleId,
    message: Text,
    clause: string,
    extra: { value?: string; expected?: string; related?: ReadonlyArray<{ row: number; col: number }> } = {},
  ): void {
    const key = `${at.row}:${at.col}:${rule}:${severity}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const f: Finding = { sheet: this.sheet, row: at.row, col: at.col, severity, rule, message, clause };
    if (extra.value !== undefined) f.value = extra.value;
    if (extra.expected !== undefined) f.expected = extra.expected;
    if (extra.related !== undefined && extra.related.length > 0)
      f.related = extra.related.map((c) => ({ row: c.row, col: c.col }));
    this.findings.push(f);
  }
}
