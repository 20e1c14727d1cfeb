import type { RawCell } from "../grid/types";
import { cellText, compactText, cutSuffix } from "./normalise";
import { empty, ok, unreadable, type ReadResult } from "./types";

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  "0": 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/**
 * A number written in Chinese numerals: 五十, 一百二十, 十五, 两千, 三万, 一千零五, 一万五 (=15000, the spoken
 * abbreviation), 壹佰贰拾 (financial forms), or digit by digit (二〇二六). Anything else (五十多, 几十, mixed
 * text) gives undefined: a reader must not guess.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 40) return undefined;
  let hasUnit = false;
  for (const ch of s) {
    if (SMALL_UNITS[ch] !== undefined || BIG_UNITS[ch] !== undefined) hasUnit = true;
    else if (DIGITS[ch] === undefined) return undefined;
  }
  if (!hasUnit) {
    // 二〇二六, 一二〇: one digit per position.
    let n = 0;
    for (const ch of s) n = n * 10 + (DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0; // everything already closed by 万 or 亿
  let section = 0; // the part below 万 being built
  let digit: number | undefined; // a digit waiting for its unit
  let lastSmall = Infinity; // units inside a section must fall: 千 > 百 > 十
  let lastUnit = 1;
  let lastBig = 0;
  let zeroSeen = false;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined) return undefined; // 五五十: two digits in a row
      if (d === 0) zeroSeen = true;
      else digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return undefined;
      // 十五, 一百十: a bare 十 means one ten; a bare 百 or 千 is not a number.
      const times = digit ?? (small === 10 ? 1 : undefined);
      if (times === undefined) return undefined;
      section += times * small;
      digit = undefined;
      lastSmall = small;
      lastUnit = small;
      zeroSeen = false;
      continue;
    }
    const big = BIG_UNITS[ch] ?? 0;
    if (digit !== undefined) section += digit;
    digit = undefined;
    if (big === lastBig) return undefined; // 三万二万
    if (big > lastBig && lastBig !== 0) {
      total = (total + section) * big; // 一万亿, 三千万亿: the bigger unit scales everything before it
    } else {
      if (section === 0) return undefined; // 万 on its own, 亿万
      total += section * big;
    }
    section = 0;
    lastSmall = Infinity;
    lastUnit = big;
    lastBig = big;
    zeroSeen = false;
  }
  if (digit !== undefined) {
    // 一百五 = 150, 两千五 = 2500, 一万五 = 15000; after 零 the digit is a plain unit digit (一百零五 = 105).
    section += zeroSeen ? digit : digit * (lastUnit / 10);
  }
  return total + section;
}

// Readers run over 100,000-row lists: every pattern is compiled once, here.
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const COMMAS = /,/g;
const LEADING_DECIMAL = /^[+-]?\.\d+$/;
const SCALED_NUMBER = /^(\d+(?:\.\d+)?)(万|千|百|亿)$/;
const TRAILING_REMARK = /\([^()]*\)$/;
const APPROX_PREFIX = /^(?:大约|大概|约为|约计|约|预计|预期|计划|拟招收|拟招|拟|共计|总计|合计|共|计|~|≈)/;
// End-anchored regexes are tried at every position; suffix lists are checked with endsWith, longest first.
const APPROX_SUFFIXES = ["左右", "上下", "前后"] as const;
// Longest first, so 人次 is cut before 人.
const COUNT_UNITS = ["名学员", "位学员", "人次", "个人", "学员", "学时", "课时", "小时", "个月"].concat([
  ..."人名个位期天日次项家场所门年岁篇部台套户班",
]);
// "50 60" is two numbers, not 5060 (full-width digits and spaces included).
const SPLIT_DIGITS = /[0-9０-９][\s\u3000]+[0-9０-９]/;
const SCALE: Readonly<Record<string, number>> = { 百: 2, 千: 3, 万: 4, 亿: 8 };

/**
 * A number from compacted text, with no units around it: 1500, 1,500, 1.5万, 五十.
 * Exported for the other readers; returns undefined rather than guessing.
 */
export function parsePlainNumber(body: string): number | undefined {
  if (PLAIN_NUMBER.test(body) || LEADING_DECIMAL.test(body)) {
    const n = Number(body.indexOf(",") >= 0 ? body.replace(COMMAS, "") : body);
    return Number.isFinite(n) ? n : undefined;
  }
  const scaled = SCALED_NUMBER.exec(body);
  if (scaled) {
    // "1.1万" via the exponent, not 1.1 * 10000 (which is 11000.000000000002).
    const n = Number(`${scaled[1]}e${SCALE[scaled[2] ?? ""] ?? 0}`);
    return Number.isFinite(n) ? n : undefined;
  }
  return parseChineseNumeral(body);
}

function stripAround(t: string): string {
  let s = t;
  if (s.length > 1 && s.endsWith(")")) s = s.replace(TRAILING_REMARK, "");
  s = s.replace(APPROX_PREFIX, "");
  s = cutSuffix(s, APPROX_SUFFIXES).rest;
  s = cutSuffix(s, COUNT_UNITS).rest;
  return cutSuffix(s, APPROX_SUFFIXES).rest;
}

/**
 * A numeric cell's value, which readNumber reads as it is; undefined for every other cell (read those with
 * readNumber). The rules' common case without a result object, for each of 100,000 rows.
 */
export function finiteNumberOf(cell: RawCell): number | undefined {
  const value = cell?.value;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * A count as people type it: 50, ５０, 50人, 50 人, 五十人, 约50人, 50人左右, 一百二十, 1,500, 1500人次,
 * 50人（含线上20人）. Numeric cells are taken as they are. Vague counts (五十多人, 50余人, 50-60人) are unreadable.
 */
export function readNumber(cell: RawCell): ReadResult<number> {
  const value = cell?.value;
  const text = cellText(cell);
  if (typeof value === "number") return Number.isFinite(value) ? ok(value, text) : unreadable(text);
  if (text === "") return empty();
  if (typeof value === "boolean" || value instanceof Date) return unreadable(text);
  if (SPLIT_DIGITS.test(text)) return unreadable(text);
  const n = parsePlainNumber(stripAround(compactText(text)));
  return n === undefined ? unreadable(text) : ok(n, text);
}

const PERCENT_SIGN = /^([+-]?\d+(?:\.\d+)?)%$/;
const CHINESE_PERCENT = /^百分之(.+)$/;
const BARE_DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * n × 10^exponent done on the decimal digits, so the result is the double nearest to what was typed
 * (33.3 / 100 is 0.33299999999999996; shifting gives 0.333). Used for percentages and 元 → 万元.
 */
export function shiftDecimal(n: number, exponent: number): number {
  if (exponent === 0) return n;
  const s = String(n);
  return s.indexOf("e") >= 0 ? n * 10 ** exponent : Number(`${s}e${exponent}`);
}

/** n / 100 without binary drift: 33.3 → 0.333. */
export function percentToFraction(n: number): number {
  return shiftDecimal(n, -2);
}

/** A bare figure: 0–1 is already a fraction, 1–100 is a percentage written without its sign. */
function bareShare(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return n <= 1 ? n : percentToFraction(n);
}

/**
 * A share, returned as a FRACTION: 30%, ３０％, 百分之三十 → 0.3; a numeric 0.3 in a %-formatted cell → 0.3;
 * a bare 30 → 0.3 and a bare 0.3 → 0.3 (a share above 100 without a % sign is unreadable).
 */
export function readPercent(cell: RawCell): ReadResult<number> {
  const value = cell?.value;
  const text = cellText(cell);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return unreadable(text);
    if (cell.numberFormat !== undefined && cell.numberFormat.indexOf("%") >= 0) return ok(value, text);
    const share = bareShare(value);
    return share === undefined ? unreadable(text) : ok(share, text);
  }
  if (text === "") return empty();
  if (typeof value === "boolean" || value instanceof Date) return unreadable(text);
  const t = cutSuffix(compactText(text).replace(APPROX_PREFIX, ""), APPROX_SUFFIXES).rest;
  const signed = PERCENT_SIGN.exec(t);
  if (signed) return ok(percentToFraction(Number(signed[1])), text);
  const chinese = CHINESE_PERCENT.exec(t);
  if (chinese) {
    const n = parsePlainNumber(chinese[1] ?? "");
    return n === undefined ? unreadable(text) : ok(percentToFraction(n), text);
  }
  if (!BARE_DECIMAL.test(t)) return unreadable(text);
  const share = bareShare(Number(t));
  return share === undefined ? unreadable(text) : ok(share, text);
}
