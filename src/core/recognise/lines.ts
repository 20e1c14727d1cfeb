import type { FooterLine } from "./list";
import { normaliseLabel } from "./labels";

export interface LabelledLine {
  row: number;
  col: number;
  value: string;
  /** The value cell holds a formula never calculated: the value is unknown (not missing). */
  unknown?: boolean;
}

/**
 * A "label：value" line above or below a table (推荐单位：…, 填写时间：…, 推荐单位联系人：…), the value either after the
 * colon in the same cell or in the next non-empty cell of the row. Undefined when the label is not there.
 */
export function findLabelledLine(
  lines: readonly FooterLine[],
  labels: readonly string[],
): LabelledLine | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as FooterLine;
    if (line.uncalculated) continue;
    const text = line.text.replace(/\s/g, "");
    for (const label of labels) {
      if (!text.startsWith(label)) continue;
      const rest = text.slice(label.length);
      // "推荐单位：" but not "推荐单位联系人：" when looking for 推荐单位
      if (rest !== "" && !/^[:：（(]/.test(rest)) continue;
      const afterColon = rest
        .replace(/^[（(][^）)]*[）)]/, "")
        .replace(/^[:：]/, "")
        .replace(/[（(]盖章[）)]/g, "")
        .trim();
      if (afterColon !== "") return { row: line.row, col: line.col, value: afterColon };
      const next = lines[i + 1];
      // The value cell is a formula never calculated: unknown, and never the next label along the row.
      if (next && next.row === line.row && next.uncalculated)
        return { row: next.row, col: next.col, value: "", unknown: true };
      if (next && next.row === line.row && normaliseLabel(next.text) !== "")
        return { row: next.row, col: next.col, value: next.text.trim() };
      return { row: line.row, col: line.col, value: "" };
    }
  }
  return undefined;
}
