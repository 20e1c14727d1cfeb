import type { RawCell } from "../grid/types";
import { cellText, compactText, cutSuffix } from "./normalise";
import { parseChineseNumeral, shiftDecimal } from "./number";
import { empty, ok, unreadable, type ReadResult } from "./types";

/** The unit a column header or label names for its amounts. */
export type MoneyUnit = "万元" | "元";

// A comma anywhere between digits is a thousands separator typed in the wrong place (12,7000 = 127000).
const AMOUNT = /^[+-]?\d+(?:,\d+)*(?:\.\d+)?$/;
const COMMAS = /,/g;
const SPLIT_DIGITS = /[0-9０-９][\s\u3000]+[0-9０-９]/;
const CURRENCY_PREFIX = /^(?:约为|约|大约|人民币|RMB|CNY|￥|¥)+/i;
const CURRENCY_SUFFIXES = ["人民币", "RMB", "CNY", "rmb", "cny"] as const;
const TRAILING_REMARK = /\([^()]*\)$/;
const APPROX_SUFFIXES = ["左右", "上下"] as const;
const EXACTLY = ["整"] as const;
const UNIT_SUFFIXES = ["亿元", "万元", "千元", "亿", "万", "元", "块"] as const;
const ENDS_WITH_DIGIT = /\d$/;

/** Power of ten that turns an amount in the unit into 万元. */
const TO_WAN: Readonly<Record<string, number>> = { 亿元: 4, 亿: 4, 万元: 0, 万: 0, 千元: -1, 元: -4, 块: -4 };

function parseAmount(body: string): number | undefined {
  if (AMOUNT.test(body)) {
    const n = Number(body.indexOf(",") >= 0 ? body.replace(COMMAS, "") : body);
    return Number.isFinite(n) ? n : undefined;
  }
  return parseChineseNumeral(body);
}

/**
 * A numeric cell's amount in 万元, as readMoney reads it; undefined for every other cell (read those with readMoney).
 * The rules' common case without a result object.
 */
export function finiteMoneyOf(cell: RawCell, headerUnit: MoneyUnit | null): number | undefined {
  const value = cell?.value;
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return headerUnit === "元" ? shiftDecimal(value, -4) : value;
}

/**
 * An amount of money, returned in 万元: 12.7, 12.7万, 12.7万元, 127000元, ￥127,000元, 十二万七千元, 12,7000
 * (a misplaced comma: 127000). A bare number takes the header's unit (万元 when the header names none). A bare
 * number that looks too big for 万元 is still taken as 万元: the funding rules will flag it, a reader does not guess.
 */
export function readMoney(cell: RawCell, headerUnit: MoneyUnit | null): ReadResult<number> {
  const value = cell?.value;
  const text = cellText(cell);
  const bareShift = headerUnit === "元" ? -4 : 0;
  if (typeof value === "number") {
    const amount = finiteMoneyOf(cell, headerUnit);
    return amount !== undefined ? ok(amount, text) : unreadable(text);
  }
  if (text === "") return empty();
  if (typeof value === "boolean" || value instanceof Date) return unreadable(text);
  if (SPLIT_DIGITS.test(text)) return unreadable(text);
  let t = compactText(text);
  if (t.length > 1 && t.endsWith(")")) t = t.replace(TRAILING_REMARK, "");
  // 12.7万元整: 整 ("exactly") closes amounts in financial writing.
  t = cutSuffix(t.replace(CURRENCY_PREFIX, ""), EXACTLY).rest;
  t = cutSuffix(cutSuffix(t, APPROX_SUFFIXES).rest, CURRENCY_SUFFIXES).rest;
  let shift = bareShift;
  let unit = cutSuffix(t, UNIT_SUFFIXES);
  // 千元 only after a digit: in 十二万七千元 the 千 belongs to the numeral and the unit is 元.
  if (unit.suffix === "千元" && !ENDS_WITH_DIGIT.test(unit.rest))
    unit = { rest: `${unit.rest}千`, suffix: "元" };
  if (unit.suffix !== undefined) {
    shift = TO_WAN[unit.suffix] ?? 0;
    t = unit.rest;
  }
  const n = parseAmount(t);
  return n === undefined ? unreadable(text) : ok(shiftDecimal(n, shift), text);
}

const HEADER_WAN = /万元|万/;
const HEADER_YUAN = /元/;

/** The unit a header such as 资助经费（万元） or 经费(元) names, or null when it names none. */
export function moneyUnitOf(header: string): MoneyUnit | null {
  const h = compactText(header);
  if (HEADER_WAN.test(h)) return "万元";
  if (HEADER_YUAN.test(h)) return "元";
  return null;
}
