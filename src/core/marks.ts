import { toA1 } from "./grid/a1";
import { compareFindings, SEVERITY_ORDER, type Finding, type Severity } from "./findings";

/** Every note or comment the product writes starts with this, so it can tell its own from the user's. */
export const MARK_PREFIX = "【研修申报助手】";

/** Fill colours by severity: distinct on screen and in greyscale print (light red vs light amber). */
export const MARK_FILL: Record<Exclude<Severity, "info">, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};

/** One marked cell: its worst severity and the note text that lists every reason for it. */
export interface CellMark {
  row: number;
  col: number;
  severity: Exclude<Severity, "info">;
  note: string;
}

/**
 * Group findings by cell into marks. Info findings are figures, not violations: they are not painted.
 * The note names each rule with its clause, zh-CN first (the users' language).
 */
export function planMarks(findings: readonly Finding[], lang: "zh" | "en" = "zh"): CellMark[] {
  const byCell = new Map<string, { row: number; col: number; list: Finding[] }>();
  for (const f of [...findings].sort(compareFindings)) {
    if (f.severity === "info") continue;
    // A finding about several rows (the 重点推荐 quota) marks every cell the user must change, not only the first.
    for (const cell of [f, ...(f.related ?? [])]) {
      const key = toA1(cell.row, cell.col);
      const entry = byCell.get(key);
      if (entry) entry.list.push(f);
      else byCell.set(key, { row: cell.row, col: cell.col, list: [f] });
    }
  }
  const marks: CellMark[] = [];
  for (const { row, col, list } of byCell.values()) {
    const first = list[0];
    if (!first) continue;
    const worst = list.reduce(
      (a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a),
      first,
    );
    const lines = list.map((f) => {
      const tag =
        f.severity === "error" ? (lang === "zh" ? "错误" : "Error") : lang === "zh" ? "提醒" : "Warning";
      return `[${tag}] ${lang === "zh" ? f.message.zh : f.message.en}（${f.clause}）`;
    });
    marks.push({
      row,
      col,
      severity: worst.severity === "error" ? "error" : "warning",
      note: `${MARK_PREFIX}\n${lines.join("\n")}`,
    });
  }
  return marks;
}

export function isOurNote(text: string | null | undefined): boolean {
  return typeof text === "string" && text.startsWith(MARK_PREFIX);
}
