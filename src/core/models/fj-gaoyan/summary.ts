import type { Finding } from "../../findings";
import type { Grid } from "../../grid/types";
import { findingText } from "../../messages/findings";
import { formatDate } from "../../read/date";
import { compactText } from "../../read/normalise";
import { readPhones } from "../../read/phone";
import { LIST_COLUMNS, type ListKey } from "../../recognise/columns";
import { readList, type FooterLine, type ListTable } from "../../recognise/list";
import { checkDeadline } from "../../rules/figures";
import { ListView, checkDuplicateTitles, checkRequiredColumns, checkSerial } from "../../rules/list";
import { FindingSink } from "../../rules/sink";
import type { SheetSignals } from "../../packs/pack";
import type { Level } from "../../packs/types";
import type { FjContext } from "./figures";
import { jointHostParts } from "../../read/units";

/** The columns of 附件3: 序号 研修选题 承办单位 联系人 联系电话 所属专业技术领域. */
const FJ_SUMMARY_COLUMNS: readonly ListKey[] = ["serial", "title", "host", "contact", "phone", "techField"];
const REQUIRED_COLUMNS: readonly ListKey[] = ["title", "host", "contact", "phone", "techField"];

export interface FjSummaryRecognition {
  confidence: number;
  list: ListTable<ListKey>;
}

/**
 * 附件3 汇总表. Shanghai's lists share 项目名称/承办单位; 所属专业技术领域, 联系人/联系电话, 研修选题 and the word 福建 pull a
 * list here, and columns 附件3 does not have (推荐排序, 备注, 学员人数, 资助经费 …) push it away.
 */
export function recogniseFjSummary(signals: SheetSignals): FjSummaryRecognition | undefined {
  const list = readList(signals.grid, LIST_COLUMNS);
  if (!list || !list.columns.has("title")) return undefined;
  const keys = [...list.columns.keys()];
  const own = keys.filter((k) => FJ_SUMMARY_COLUMNS.includes(k)).length;
  const foreign = keys.length - own;
  const title = list.columns.get("title");
  let confidence = 0.35 + 0.08 * own - 0.1 * foreign;
  if (title && compactText(title.header) === "研修选题") confidence += 0.05;
  if (/福建/.test(signals.head)) confidence += 0.2;
  if (/汇总表/.test(signals.head)) confidence += 0.05;
  if (/上海|沪人社|湖北|鄂人社/.test(signals.head)) confidence -= 0.3;
  if (!list.columns.has("techField")) confidence -= 0.15;
  if (confidence <= 0.2) return undefined;
  return { confidence: Math.min(0.97, confidence), list };
}

/**
 * The 填表日期 under the table: "填表日期：2026年1月12日" in its own cell or after 主管部门或申报单位（盖章） in the same
 * cell, or in the next cell of the row. Undefined when the line is not there; "" when its date is the template's blank.
 */
function fillDate(lines: readonly FooterLine[]): { row: number; col: number; value: string } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as FooterLine;
    const text = compactText(line.text);
    const k = text.indexOf("填表日期");
    if (k < 0) continue;
    let value = text.slice(k + 4).replace(/^[:：]/, "");
    const next = lines[i + 1];
    if (value === "" && next && next.row === line.row) value = compactText(next.text);
    return { row: line.row, col: line.col, value: /^[年月日_]*$/.test(value) ? "" : value };
  }
  return undefined;
}

/** Every rule of 附件3 (rules.md "fj-2026-gaoyan"); `level` null: the list cannot say, the looser deadline holds. */
export function checkFjSummary(
  c: FjContext,
  grid: Grid,
  recognition: FjSummaryRecognition,
  level: Level | null,
): Finding[] {
  const sink = new FindingSink(grid.name);
  const list = recognition.list;
  const view = new ListView(grid, list);
  const rows = list.rows;
  const clause = c.clause.summary;

  checkRequiredColumns(sink, view, rows, REQUIRED_COLUMNS, clause);
  checkSerial(sink, view, rows, "serial", clause);
  checkDuplicateTitles(sink, view, rows, "title", clause);

  if (view.column("phone"))
    for (const row of rows) {
      const text = view.text(row, "phone");
      if (text === "") continue;
      const reads = readPhones(text);
      if (reads.length === 0 || reads.some((r) => r.kind !== "ok"))
        sink.add(
          view.at(row, "phone"),
          "error",
          "phone.format",
          findingText.phone("联系电话", text),
          clause,
          { value: text },
        );
    }

  if (view.column("host"))
    for (const row of rows) {
      const host = view.text(row, "host");
      const parts = host === "" ? undefined : jointHostParts(host);
      if (parts)
        sink.add(
          view.at(row, "host"),
          "warning",
          "fj.no-joint-host",
          c.T.jointHost(host, parts),
          c.clause.jointHost,
          { value: host },
        );
    }

  const deadline = level ? c.figures[level].deadline : c.looserDeadline;
  const date = fillDate(list.below) ?? fillDate(list.above);
  if (date && date.value !== "")
    checkDeadline(sink, date, { value: date.value, text: date.value }, "填表日期", deadline);
  if (!level) {
    const title = list.above.find((l) => /汇总表/.test(l.text)) ??
      list.above[0] ?? { row: list.headerRow, col: 0 };
    sink.add(
      { row: title.row, col: title.col },
      "info",
      "level.unknown",
      c.T.levelUnknown(formatDate(deadline.value)),
      c.clause.deadline,
    );
  }
  return sink.findings;
}
