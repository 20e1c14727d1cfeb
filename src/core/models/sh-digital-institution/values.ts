import type { RawCell } from "../../grid/types";
import { readChoices, readYesNo, type ChoiceLayout } from "../../read/choice";
import { makeDate, readDate } from "../../read/date";
import { readMoney } from "../../read/money";
import { cellText, compactText, toHalfWidth } from "../../read/normalise";
import { shiftDecimal } from "../../read/number";
import type { DateOnly } from "../../read/types";
import { INST_LEVELS, type InstLevel } from "./figures";

/** The form's own small readers, built on the shared ones in src/core/read. */

const cellOf = (text: string): RawCell => ({ value: text === "" ? null : text, text });

// The attachment puts the box after the option (初级□ 中级□ 高级□); a cell that starts with a box was retyped
// the other way round (☑初级 □中级), and reading it box-after would hand every mark to the wrong level.
const STARTS_WITH_BOX = /^\s*(?:[□☐☑☒■√✓✔▣●]|\[\s*[xX√✓✔]?\s*\])/;

/**
 * The levels ticked in 拟申报开展培训的专业技术等级, in the form's order. A cell with no box or mark at all
 * ("中级、高级") names its levels in words: those are the chosen ones.
 */
export function readTickedLevels(text: string): InstLevel[] {
  const layout: ChoiceLayout = STARTS_WITH_BOX.test(toHalfWidth(text)) ? "box-before" : "box-after";
  const options = readChoices(text, layout);
  if (options.length === 0) return INST_LEVELS.filter((level) => compactText(text).includes(level));
  return INST_LEVELS.filter((level) => options.some((o) => o.marked && o.label.includes(level)));
}

const PER_HOUR = /(?:\/|每)(?:人\.?)?(?:学时|课时|小时)$/;

/**
 * 培训费用（元/学时） in yuan: 200, 200元, 200元/学时, ￥200/学时, 二百元. The form's header names the unit, so a bare
 * number is yuan.
 */
export function readFee(
  cell: RawCell,
): { kind: "ok"; value: number } | { kind: "empty" } | { kind: "unreadable"; text: string } {
  if (typeof cell.value === "number")
    return Number.isFinite(cell.value)
      ? { kind: "ok", value: cell.value }
      : { kind: "unreadable", text: cellText(cell) };
  const text = compactText(cellText(cell));
  if (text === "") return { kind: "empty" };
  const read = readMoney(cellOf(text.replace(PER_HOUR, "")), "元");
  return read.kind === "ok"
    ? { kind: "ok", value: shiftDecimal(read.value, 4) }
    : { kind: "unreadable", text: cellText(cell) };
}

// Partial dates people give for a founding date: 2015年6月, 2015-06, 2015.6, 2015年.
const YEAR_MONTH = /^(\d{4})(?:年|[-./])(\d{1,2})月?$/;
const YEAR_ONLY = /^(\d{4})年?$/;

/**
 * 单位成立时间 as the earliest day it can mean: a full date as it is, 2015年6月 as 2015-06-01, 2015年 (or the number
 * 2015) as 2015-01-01, so the five-year rule never fires on a date that could still be early enough.
 */
export function readFoundingDate(
  cell: RawCell,
): { kind: "ok"; value: DateOnly } | { kind: "empty" } | { kind: "unreadable"; text: string } {
  const full = readDate(cell);
  if (full.kind === "ok") return { kind: "ok", value: full.value };
  if (full.kind === "empty") return full;
  const text = typeof cell.value === "number" ? String(cell.value) : compactText(full.text);
  const ym = YEAR_MONTH.exec(text);
  const y = YEAR_ONLY.exec(text);
  const date = ym ? makeDate(Number(ym[1]), Number(ym[2]), 1) : y ? makeDate(Number(y[1]), 1, 1) : undefined;
  return date ? { kind: "ok", value: date } : { kind: "unreadable", text: full.text };
}

/** 是/否 for 是否有失信行为, also in words: 无失信行为, 否（已查询）, 有失信记录. Undefined when neither. */
export function readCreditAnswer(text: string): boolean | undefined {
  const read = readYesNo(cellOf(text));
  if (read.kind === "ok") return read.value;
  const t = compactText(text);
  if (/^(?:否|无|没有|未发现|未查询到|不存在)/.test(t)) return false;
  if (/^(?:是|有|存在)/.test(t)) return true;
  return undefined;
}

/** The year of a 年份/年度 cell: 2024, "2024", 2024年, 2024年度. */
export function readYear(cell: RawCell): number | undefined {
  const m = /^(\d{4})(?:年度?)?$/.exec(
    compactText(typeof cell.value === "number" ? String(cell.value) : cellText(cell)),
  );
  return m ? Number(m[1]) : undefined;
}
