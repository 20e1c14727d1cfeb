import type { RawCell } from "../grid/types";
import { cellText, toHalfWidth } from "./normalise";
import { parseChineseNumeral } from "./number";
import { empty, ok, unreadable, type DateOnly, type ReadResult } from "./types";

const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-30 for every serial after its fictitious 1900-02-29 (serial 60).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Years a form date can plausibly have; anything else is a typo, not a date. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Serial numbers that are dates between 1954 and 2119: a plain number in this range in a date field is a date. */
export const SERIAL_MIN = 20000;
export const SERIAL_MAX = 80000;

/** True in leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** A DateOnly when the parts name a real calendar day in the years forms use (1900–2100). */
export function makeDate(year: number, month: number, day: number): DateOnly | undefined {
  return isCalendarDay(year, month, day) ? { year, month, day } : undefined;
}

/** True when makeDate makes a date of the parts (for readers that keep the parts as numbers). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return year >= MIN_YEAR && year <= MAX_YEAR && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, in integer arithmetic (no Date object: this runs for every
 * course of a list). Years are counted from March so the leap day is the last day of the counted year.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dayNumber(d: DateOnly): number {
  return dayNumberOf(d.year, d.month, d.day);
}

function toUtcMs(d: DateOnly): number {
  return dayNumber(d) * DAY_MS;
}

function fromUtcMs(ms: number): DateOnly {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Negative when a is before b, 0 on the same day, positive when after. */
export function compareDates(a: DateOnly, b: DateOnly): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The calendar day of an Excel serial number (1900 date system; the fractional time part is dropped).
 * Serial 60, Excel's fictitious 1900-02-29, reads as 1900-02-28.
 */
export function dateFromSerial(serial: number): DateOnly {
  const whole = Math.floor(serial);
  const days = whole >= 60 ? (whole === 60 ? 60 : whole) : whole + 1;
  return fromUtcMs(EXCEL_EPOCH_MS + days * DAY_MS);
}

/** The Excel serial number of a day (1900 date system). */
export function serialFromDate(d: DateOnly): number {
  const days = Math.round((toUtcMs(d) - EXCEL_EPOCH_MS) / DAY_MS);
  return days > 60 ? days : days - 1;
}

/** Days from a to b counting both ends: 12th to 16th is 5; b before a gives 0 or less. */
export function daysBetweenInclusive(a: DateOnly, b: DateOnly): number {
  return dayNumber(b) - dayNumber(a) + 1;
}

/** The day n days after d (n may be negative). */
export function addDays(d: DateOnly, n: number): DateOnly {
  return fromUtcMs(toUtcMs(d) + n * DAY_MS);
}

/** The last day of d's month. */
export function endOfMonth(year: number, month: number): DateOnly {
  return { year, month, day: daysInMonth(year, month) };
}

/** yyyy-mm-dd, e.g. "2026-04-15". */
export function formatDate(d: DateOnly): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

// Number formats that show a date: y, d or Chinese 年/月/日 outside quotes and brackets ([Red], [$-804]).
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\./g;
const DATE_FORMAT = /[yd年月日]|m{3,}/i;

/** True when an Excel number format displays a date (so the numeric value is a serial number). */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (numberFormat === undefined || numberFormat === "" || numberFormat === "General") return false;
  const bare = numberFormat.replace(FORMAT_NOISE, "");
  return DATE_FORMAT.test(bare) || (bare.indexOf("m") >= 0 && bare.indexOf("/") >= 0);
}

const TIME_SUFFIX = /(?:[\sT]+|(?<=日))\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const WEEKDAY = /[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?/g;
const SPACES = /[\s\u200B-\u200D]+/g;
const HAS_SPACE = /[\s\u200B-\u200D]/;
const HAS_WEEKDAY = /星期|礼拜|周/;
const CHINESE_STYLE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\.?$/;
const COMPACT_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERAL_RUN = /[〇零一二两三四五六七八九十]+/g;
const HAS_NUMERAL = /[〇零一二两三四五六七八九十]/;

/** Chinese numerals inside a date or period turned into digits: 二〇二六年十月十二日 → 2026年10月12日. */
export function numeralsToDigits(s: string): string {
  if (!HAS_NUMERAL.test(s)) return s;
  return s.replace(NUMERAL_RUN, (run) => {
    const n = parseChineseNumeral(run);
    return n === undefined ? run : String(n);
  });
}

/** A date from text that has already been made half-width; undefined when it is not one. */
export function parseDateText(raw: string): DateOnly | undefined {
  let t = raw.trim();
  if (t.length > 40) return undefined;
  // Each clean-up runs only when its trigger is present: this is on the hot path of every date column.
  if (t.indexOf(":") >= 0) t = t.replace(TIME_SUFFIX, "");
  if (HAS_WEEKDAY.test(t)) t = t.replace(WEEKDAY, "");
  if (HAS_SPACE.test(t)) t = t.replace(SPACES, "");
  t = numeralsToDigits(t);
  let m = CHINESE_STYLE.exec(t);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SEPARATED.exec(t);
  if (m) return makeDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = COMPACT_DIGITS.exec(t);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

function dateFromNumber(n: number, numberFormat: string | undefined): DateOnly | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (isDateFormat(numberFormat) || (n >= SERIAL_MIN && n <= SERIAL_MAX)) {
    if (n < 1 || n > 2958465) return undefined; // Excel's own range ends at 9999-12-31
    const d = dateFromSerial(n);
    return makeDate(d.year, d.month, d.day);
  }
  // 20260415 typed into a numeric cell.
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) {
    return makeDate(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return undefined;
}

/**
 * A calendar date: 2026年4月15日, 2026年 4 月 15 日, 2026-04-15, 2026/4/15, 2026.4.15, 20260415, 二〇二六年四月十五日,
 * an Excel serial number (numeric cell with a date format, or any number 20000–80000, since this is a date
 * field), or a Date cell (its UTC parts, which is how adapters hand over calendar days). 2月30日 is unreadable.
 */
export function readDate(cell: RawCell): ReadResult<DateOnly> {
  const value = cell?.value;
  const text = cellText(cell);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return unreadable(text);
    const d = fromUtcMs(ms);
    const checked = makeDate(d.year, d.month, d.day);
    return checked ? ok(checked, text) : unreadable(text);
  }
  if (typeof value === "number") {
    const d = dateFromNumber(value, cell.numberFormat);
    if (d) return ok(d, text);
    // The displayed text may still be a date the adapter could not type.
    const fromText = text === "" ? undefined : parseDateText(toHalfWidth(text));
    return fromText ? ok(fromText, text) : unreadable(text);
  }
  if (text === "") return empty();
  if (typeof value === "boolean") return unreadable(text);
  const d = parseDateText(toHalfWidth(text));
  return d ? ok(d, text) : unreadable(text);
}
