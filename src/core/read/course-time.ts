import type { RawCell } from "../grid/types";
import { cellText, toHalfWidth } from "./normalise";
import {
  addDays,
  compareDates,
  dateFromSerial,
  dayNumberOf,
  daysBetweenInclusive,
  endOfMonth,
  isCalendarDay,
  isDateFormat,
  makeDate,
  numeralsToDigits,
  parseDateText,
  SERIAL_MAX,
  SERIAL_MIN,
} from "./date";
import { empty, ok, unreadable, type DateOnly, type ReadResult } from "./types";

/** 办班时间 as read: a day count, dates, or both. */
export interface CourseTime {
  /** Days of the course, counted inclusively (12th–16th is 5); undefined when only a date or a month is known. */
  days?: number;
  start?: DateOnly;
  /** Last day; for a month-only entry the month's last day. */
  end?: DateOnly;
  /** The count was hedged (约, 左右). */
  approximate: boolean;
  /** Only a month was given (2026年10月): no day count, end = the month's last day. */
  monthOnly: boolean;
  /** A day count written next to a date range ("…（5天）"); the range wins, this keeps what was written. */
  statedDays?: number;
}

/** The longest course a cell can plausibly describe; longer spans are typos. */
const MAX_DAYS = 366;

const WEEKDAY = /[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?/g;
const DIGIT_GAP = /(\d)\s+(?=\d)/g;
const SPACES = /[\s\u200B-\u200D]+/g;
const HAS_SPACE = /[\s\u200B-\u200D]/;
const HAS_WEEKDAY = /星期|礼拜|周/;
// 至, 到, ~ and the many dashes people use between two dates all become "~"; "-" stays (it is also a date separator).
const RANGE_WORDS = /[—–―─‐‑‒﹣~～〜]+|至|到/g;

const START = String.raw`(?:(\d{4})[年./-])?(\d{1,2})[月./-](\d{1,2})[日号]?`;
const END = String.raw`(?:(?:(\d{4})[年./-])?(\d{1,2})[月./-])?(\d{1,2})[日号]?`;
// After a date the count must say 天 (or 工作日): "2026年10月12日" is not 2026年10月1日 plus "2日".
const COUNT = String.raw`(?:共计|共|为期|计|约)?(\d+(?:\.\d+)?)(?:天|个?工作日)`;
const HEDGE = String.raw`(左右|上下|前后)?`;

/** Exported for the test that pins {@link plainRangeGroups} to it. */
export const RANGE = new RegExp(`^${START}[~-]${END}(?:[,;]?\\(?${COUNT}${HEDGE}\\)?)?$`);
const START_AND_COUNT = new RegExp(`^${START}(?:起|开始|开班|始)?[,;]?${COUNT}${HEDGE}$`);
const SINGLE = new RegExp(`^${START}(?:起|开始|开班)?$`);
const COUNT_ONLY =
  /^(约|大约|预计)?(?:共计|共|为期|计)?(\d+(?:\.\d+)?)(?:个)?(?:工作)?[天日]?(左右|上下|前后)?$/;
// 2026年10月, 10月份, 2026年10月-11月, 2026年10-11月 (the first 月 may be left out only before a range).
const MONTH = /^(?:(\d{4})年)?(\d{1,2})(月份?)?(?:[~-](?:(\d{4})年)?(\d{1,2})月份?)?$/;
const YEAR_MONTH = /^(\d{4})[./-](\d{1,2})$/;
const BRACKETED_TAIL = /^(.+)\(([^()]*)\)$/;
const HAS_DIGIT = /\d/;
const TWO_PARTS = /^([^,;]+)[,;]([^,;]+)$/;

/** 办班时间 text with its noise cleaned up (full-width forms, weekdays, spaces, range words, numerals). */
export function normaliseCourseText(text: string): string {
  // Most cells are already plain (2026年10月12日-16日): one scan tells whether any clean-up below has work to do.
  if (isPlain(text)) return text;
  let t = toHalfWidth(text);
  if (HAS_WEEKDAY.test(t)) t = t.replace(WEEKDAY, "");
  if (HAS_SPACE.test(t)) t = t.replace(DIGIT_GAP, "$1,").replace(SPACES, "");
  return numeralsToDigits(t.replace(RANGE_WORDS, "~"));
}

/** Digits, ASCII letters and punctuation other than "~", and the date words 年月日号天: nothing to normalise. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c === 0x7e) return false;
      continue;
    }
    // 年 月 日 号 天
    if (c === 0x5e74 || c === 0x6708 || c === 0x65e5 || c === 0x53f7 || c === 0x5929) continue;
    return false;
  }
  return true;
}

function dayCount(s: string | undefined): number | undefined {
  const n = Number(s);
  return s !== undefined && Number.isFinite(n) && n > 0 && n <= MAX_DAYS ? n : undefined;
}

function lastDayOf(start: DateOnly, days: number): DateOnly {
  return addDays(start, Math.ceil(days) - 1);
}

// The value of the digits digitRun last counted (module state: plainRange reads it before counting again).
let runValue = 0;

/** How many ASCII digits run from i; their value is left in runValue (what Number() gives, without a substring). */
function digitRun(t: string, i: number): number {
  let j = i;
  let v = 0;
  while (j < t.length) {
    const c = t.charCodeAt(j) - 0x30;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    j++;
  }
  runValue = v;
  return j - i;
}

/** 年 . / - (after a year), 月 . / - (after a month): the separators of START and END. */
const isYearSep = (c: number) => c === 0x5e74 || c === 0x2e || c === 0x2f || c === 0x2d;
const isMonthSep = (c: number) => c === 0x6708 || c === 0x2e || c === 0x2f || c === 0x2d;
/** 日 号 */
const isDaySuffix = (c: number) => c === 0x65e5 || c === 0x53f7;

/**
 * A text that is nothing but a date range without a count ("2026年10月12日-16日", "2026.10.12-10.16",
 * "12月30日-1月2日"), read by character into `out` (start year, month, day, end year, month, day; -1 where not written) with the values
 * RANGE.exec's groups have; false
 * for any other text, which the regexes then read. Nearly every 办班时间 of a list has this form, and the regex (with
 * its count and hedge tail) costs several times this scan on 100,000 rows. At each step the scan takes the branch the
 * regex tries first (a year, two digits, a month, 日) and gives up where that branch fails: so whenever it answers,
 * it has found the regex's own first match.
 */
export function plainRange(t: string, out: Int32Array): boolean {
  let i = 0;
  let n = digitRun(t, 0);
  out[0] = -1;
  if (n === 4 && isYearSep(t.charCodeAt(4))) {
    out[0] = runValue;
    i = 5;
    n = digitRun(t, i);
  }
  if (n < 1 || n > 2 || !isMonthSep(t.charCodeAt(i + n))) return false;
  out[1] = runValue;
  i += n + 1;
  n = digitRun(t, i);
  if (n < 1 || n > 2) return false;
  out[2] = runValue;
  i += n;
  if (isDaySuffix(t.charCodeAt(i))) i++;
  const sep = t.charCodeAt(i);
  if (sep !== 0x7e && sep !== 0x2d) return false;
  i++;
  out[3] = -1;
  out[4] = -1;
  n = digitRun(t, i);
  if (n === 4 && isYearSep(t.charCodeAt(i + 4))) {
    // With a year the end date needs its month too.
    out[3] = runValue;
    i += 5;
    n = digitRun(t, i);
    if (n < 1 || n > 2 || !isMonthSep(t.charCodeAt(i + n))) return false;
  }
  if (n >= 1 && n <= 2 && isMonthSep(t.charCodeAt(i + n))) {
    out[4] = runValue;
    i += n + 1;
    n = digitRun(t, i);
  }
  if (n < 1 || n > 2) return false;
  out[5] = runValue;
  i += n;
  if (isDaySuffix(t.charCodeAt(i))) i++;
  return i === t.length;
}

const numberOrNone = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/** A range's end year: as written, else the start's (plus one across New Year). */
function endYearOf(y2: number | undefined, startYear: number, startMonth: number, endMonth: number): number {
  return y2 !== undefined ? y2 : startYear + (endMonth < startMonth ? 1 : 0);
}

/** A range's start year: as written, else the end's (minus one across New Year), else the default. */
function startYearOf(
  y1: number | undefined,
  startMonth: number,
  y2: number | undefined,
  endMonth: number,
  defaultYear: number,
): number {
  if (y1 !== undefined) return y1;
  return y2 !== undefined ? y2 - (endMonth < startMonth ? 1 : 0) : defaultYear;
}

/**
 * A range from its parts (RANGE's groups as numbers; undefined where not written), or undefined when the days do
 * not exist, run backwards or span more than a year.
 */
function rangeOf(
  y1: number | undefined,
  startMonth: number,
  d1: number,
  y2: number | undefined,
  m2: number | undefined,
  d2: number,
  stated: string | undefined,
  hedge: string | undefined,
  defaultYear: number,
): CourseTime | undefined {
  const endMonth = m2 === undefined ? startMonth : m2;
  const startYear = startYearOf(y1, startMonth, y2, endMonth, defaultYear);
  const endYear = endYearOf(y2, startYear, startMonth, endMonth);
  const start = makeDate(startYear, startMonth, d1);
  const end = makeDate(endYear, endMonth, d2);
  if (!start || !end || compareDates(start, end) > 0) return undefined;
  const days = daysBetweenInclusive(start, end);
  if (days > MAX_DAYS) return undefined;
  const result: CourseTime = { days, start, end, approximate: false, monthOnly: false };
  if (stated !== undefined) {
    const statedDays = dayCount(stated);
    if (statedDays === undefined) return undefined;
    result.statedDays = statedDays;
  }
  if (hedge !== undefined) result.approximate = true;
  return result;
}

function parseRange(m: RegExpExecArray, defaultYear: number): CourseTime | undefined {
  // Indexed, not destructured: array destructuring goes through the iterator.
  return rangeOf(
    numberOrNone(m[1]),
    Number(m[2]),
    Number(m[3]),
    numberOrNone(m[4]),
    numberOrNone(m[5]),
    Number(m[6]),
    m[7],
    m[8],
    defaultYear,
  );
}

function parseMonth(m: RegExpExecArray, defaultYear: number): CourseTime | undefined {
  const y1 = m[1];
  const m1 = m[2];
  const firstMonthWord = m[3];
  const y2 = m[4];
  const m2 = m[5];
  if (firstMonthWord === undefined && m2 === undefined) return undefined;
  const year = y1 !== undefined ? Number(y1) : defaultYear;
  const firstMonth = Number(m1);
  const lastMonth = m2 === undefined ? firstMonth : Number(m2);
  const lastYear = y2 !== undefined ? Number(y2) : year + (lastMonth < firstMonth ? 1 : 0);
  if (!makeDate(year, firstMonth, 1) || !makeDate(lastYear, lastMonth, 1)) return undefined;
  if (lastYear * 12 + lastMonth < year * 12 + firstMonth) return undefined;
  return { end: endOfMonth(lastYear, lastMonth), approximate: false, monthOnly: true };
}

// plainRange's answer, reused (the engine is single-threaded and it is read at once).
const PLAIN_PARTS = new Int32Array(6);

/** The range plainRange read into p. */
function plainRangeOf(p: Int32Array, defaultYear: number): CourseTime | undefined {
  return rangeOf(
    p[0] === -1 ? undefined : p[0],
    p[1] as number,
    p[2] as number,
    p[3] === -1 ? undefined : p[3],
    p[4] === -1 ? undefined : p[4],
    p[5] as number,
    undefined,
    undefined,
    defaultYear,
  );
}

/**
 * What {@link readCourseTime} reads of a plain range, kept as numbers: true, with PLAIN_SPAN holding the days, end
 * year, end month and end day, when it would read the cell as such a range (no count, no hedge); false for every
 * other cell. Nearly every 办班时间 of a list is one, and the list rules check them without making a result, two
 * dates and a CourseTime for each of 100,000 rows.
 */
export function readPlainSpan(cell: RawCell, defaultYear: number): boolean {
  const value = cell?.value;
  if (value instanceof Date || typeof value === "number" || typeof value === "boolean") return false;
  const text = cellText(cell);
  if (text === "" || text.length > 80 || !plainRange(text, PLAIN_PARTS)) return false;
  const p = PLAIN_PARTS;
  const startMonth = p[1] as number;
  const endMonth = p[4] === -1 ? startMonth : (p[4] as number);
  const y2 = p[3] === -1 ? undefined : p[3];
  const startYear = startYearOf(p[0] === -1 ? undefined : p[0], startMonth, y2, endMonth, defaultYear);
  const endYear = endYearOf(y2, startYear, startMonth, endMonth);
  const d1 = p[2] as number;
  const d2 = p[5] as number;
  if (!isCalendarDay(startYear, startMonth, d1) || !isCalendarDay(endYear, endMonth, d2)) return false;
  const days = dayNumberOf(endYear, endMonth, d2) - dayNumberOf(startYear, startMonth, d1) + 1;
  if (days < 1 || days > MAX_DAYS) return false;
  PLAIN_SPAN[0] = days;
  PLAIN_SPAN[1] = endYear;
  PLAIN_SPAN[2] = endMonth;
  PLAIN_SPAN[3] = d2;
  return true;
}

/** readPlainSpan's answer (days, end year, month, day), reused like PLAIN_PARTS. */
export const PLAIN_SPAN = new Int32Array(4);

/** One 办班时间 text without a bracketed remark; undefined when no form fits. */
function parseCourseText(t: string, defaultYear: number): CourseTime | undefined {
  // The common form first (COUNT_ONLY never matches a text with a range separator, so the order does not matter).
  if (plainRange(t, PLAIN_PARTS)) return plainRangeOf(PLAIN_PARTS, defaultYear);
  // A bare count never holds 月: most cells are ranges that way, and skip this test.
  let m = t.indexOf("月") < 0 ? COUNT_ONLY.exec(t) : null;
  if (m) {
    const days = dayCount(m[2]);
    if (days !== undefined)
      return { days, approximate: m[1] !== undefined || m[3] !== undefined, monthOnly: false };
  }
  m = RANGE.exec(t);
  if (m) return parseRange(m, defaultYear);
  m = START_AND_COUNT.exec(t);
  if (m) {
    const start = makeDate(m[1] !== undefined ? Number(m[1]) : defaultYear, Number(m[2]), Number(m[3]));
    const days = dayCount(m[4]);
    if (!start || days === undefined) return undefined;
    return { days, start, end: lastDayOf(start, days), approximate: m[5] !== undefined, monthOnly: false };
  }
  m = SINGLE.exec(t);
  // "12-16日" is a day range without its month, not 16 December: a yearless single date needs its 月.
  if (m && (m[1] !== undefined || t.indexOf("月") >= 0)) {
    const start = makeDate(m[1] !== undefined ? Number(m[1]) : defaultYear, Number(m[2]), Number(m[3]));
    return start ? { start, approximate: false, monthOnly: false } : undefined;
  }
  m = MONTH.exec(t);
  if (m) return parseMonth(m, defaultYear);
  m = YEAR_MONTH.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return makeDate(year, month, 1)
      ? { end: endOfMonth(year, month), approximate: false, monthOnly: true }
      : undefined;
  }
  const date = parseDateText(t);
  return date ? { start: date, approximate: false, monthOnly: false } : undefined;
}

/**
 * Dates in one part and a day count in the other ("5天（10月12日-16日）", "2026年10月12日（5天）"):
 * a range wins over the count; a start date with a count gets its end.
 */
function combine(a: CourseTime, b: CourseTime): CourseTime | undefined {
  if (a.monthOnly !== b.monthOnly) {
    // 2026年10月（5天）: the month and how long.
    const month = a.monthOnly ? a : b;
    const counted = a.monthOnly ? b : a;
    if (counted.start || counted.days === undefined) return undefined;
    return { ...month, days: counted.days, approximate: counted.approximate };
  }
  const dated = a.start ? a : b.start ? b : undefined;
  const counted = dated === a ? b : a;
  if (!dated || counted.start || counted.monthOnly || counted.days === undefined) return undefined;
  if (dated.end) return { ...dated, statedDays: counted.days };
  const start = dated.start as DateOnly;
  return {
    days: counted.days,
    start,
    end: lastDayOf(start, counted.days),
    approximate: counted.approximate,
    monthOnly: false,
  };
}

function readCourseTextInParts(t: string, defaultYear: number): CourseTime | undefined {
  const whole = parseCourseText(t, defaultYear);
  if (whole) return whole;
  const bracketed = BRACKETED_TAIL.exec(t);
  if (bracketed) {
    const outer = parseCourseText(bracketed[1] ?? "", defaultYear);
    if (!outer) return undefined;
    const remark = bracketed[2] ?? "";
    const inner = parseCourseText(remark, defaultYear);
    if (inner) return combine(outer, inner);
    // "（共5天，含报到）": the one part with figures is the count, the rest is a note (含报到返程 is Fujian's wording).
    const counted = remark.split(/[,;]/).filter((p) => HAS_DIGIT.test(p));
    const countPart = counted.length === 1 ? parseCourseText(counted[0] ?? "", defaultYear) : undefined;
    if (countPart) return combine(outer, countPart);
    // A remark without figures ("（暂定）", "（含报到）") does not change what was read; "（4-5天）" does.
    return HAS_DIGIT.test(remark) ? undefined : outer;
  }
  const split = TWO_PARTS.exec(t);
  if (split) {
    const first = parseCourseText(split[1] ?? "", defaultYear);
    const second = parseCourseText(split[2] ?? "", defaultYear);
    return first && second ? combine(first, second) : undefined;
  }
  return undefined;
}

function fromNumber(n: number, numberFormat: string | undefined): CourseTime | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (isDateFormat(numberFormat) || (n >= SERIAL_MIN && n <= SERIAL_MAX)) {
    const d = dateFromSerial(n);
    const start = makeDate(d.year, d.month, d.day);
    return start ? { start, approximate: false, monthOnly: false } : undefined;
  }
  // A bare number under 办班时间（X天）is the day count.
  const days = dayCount(String(n));
  return days === undefined ? undefined : { days, approximate: false, monthOnly: false };
}

/**
 * 办班时间 as people fill it in: a day count (5天, 4天左右, 约5天), a range (2026年10月12日-16日, 2026.10.12—10.16,
 * 10月12日至10月16日 with defaultYear, 2026年10月30日-11月2日, 12月30日-1月2日 across New Year), a start and a length
 * (2026年10月12日起，共5天), a month (2026年10月: monthOnly, no days, end = month end), or a single start date.
 * Days are inclusive. A range with a stated count keeps the range's count (statedDays records the other).
 * Vague times (2026年10月中旬, 下旬, 4-5天) are unreadable.
 */
export function readCourseTime(cell: RawCell, defaultYear: number): ReadResult<CourseTime> {
  const value = cell?.value;
  const text = cellText(cell);
  if (value instanceof Date) {
    const ms = value.getTime();
    const d = Number.isNaN(ms) ? undefined : new Date(ms);
    const start = d ? makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) : undefined;
    return start ? ok({ start, approximate: false, monthOnly: false }, text) : unreadable(text);
  }
  if (typeof value === "number") {
    const read = fromNumber(value, cell.numberFormat);
    return read ? ok(read, text) : unreadable(text);
  }
  if (text === "") return empty();
  if (typeof value === "boolean" || text.length > 80) return unreadable(text);
  // A plain range is read before normalising: normalise leaves every text plainRange accepts as it is (digits,
  // 年月日号 . / - and one ~), so this spares the most common form the scan for characters to clean up.
  const read = plainRange(text, PLAIN_PARTS)
    ? plainRangeOf(PLAIN_PARTS, defaultYear)
    : readCourseTextInParts(normaliseCourseText(text), defaultYear);
  return read ? ok(read, text) : unreadable(text);
}
