import type { Finding, Severity, Text } from "../findings";
import type { RuleId } from "./ids";

/** Collects the findings of one sheet; rules add to it instead of throwing. */
export class FindingSink {
  readonly findings: Finding[] = [];

  constructor(readonly sheet: string) {}

  add(
    at: { row: number; col: number },
    severity: Severity,
    rule: RuleId,
    message: Text,
    clause: string,
    extra: { value?: string; expected?: string } = {},
  ): void {
    const f: Finding = { sheet: this.sheet, row: at.row, col: at.col, severity, rule, message, clause };
    if (extra.value !== undefined) f.value = extra.value;
    if (extra.expected !== undefined) f.expected = extra.expected;
    this.findings.push(f);
  }
}
