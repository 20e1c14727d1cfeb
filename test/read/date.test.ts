import {
  addDays,
  compareDates,
  dateFromSerial,
  daysBetweenInclusive,
  daysInMonth,
  formatDate,
  isDateFormat,
  readDate,
  serialFromDate,
} from "../../src/core/read/date";
import type { DateOnly } from "../../src/core/read/types";
import { emptyCell, numberCell, textCell } from "./cells";

const d = (year: number, month: number, day: number): DateOnly => ({ year, month, day });

describe("readDate from text", () => {
  it.each([
    ["2026年4月15日", d(2026, 4, 15)],
    ["2026年04月15日", d(2026, 4, 15)],
    ["2026年 4 月 15 日", d(2026, 4, 15)],
    ["２０２６年４月１５日", d(2026, 4, 15)],
    ["2026年4月15号", d(2026, 4, 15)],
    ["2026年4月15", d(2026, 4, 15)],
    ["2026-04-15", d(2026, 4, 15)],
    ["2026-4-5", d(2026, 4, 5)],
    ["2026/4/15", d(2026, 4, 15)],
    ["2026.4.15", d(2026, 4, 15)],
    ["2026.4.15.", d(2026, 4, 15)],
    ["20260415", d(2026, 4, 15)],
    ["2026-04-15 00:00:00", d(2026, 4, 15)],
    ["2026-04-15T08:30:00Z", d(2026, 4, 15)],
    ["2026年4月15日（星期三）", d(2026, 4, 15)],
    ["二〇二六年四月十五日", d(2026, 4, 15)],
    ["2024年2月29日", d(2024, 2, 29)],
    ["2000/2/29", d(2000, 2, 29)],
  ])("%j → %j", (text, date) => {
    expect(readDate(textCell(text))).toEqual({ kind: "ok", value: date, text });
  });

  it.each([
    "2026年2月30日",
    "2026年2月29日",
    "1900/2/29",
    "2026-13-01",
    "2026-04-31",
    "2026年4月",
    "4月15日",
    "2026-04-15-",
    "2026/04-15",
    "明天",
    "2026年4月中旬",
    "15/04/2026",
    "3026-04-15",
  ])("%j is unreadable", (text) => {
    expect(readDate(textCell(text))).toEqual({ kind: "unreadable", text });
  });
});

describe("readDate from numbers and Date cells", () => {
  it.each([
    // 46127 is 2026-04-15 in Excel's 1900 system (45658 is 2025-01-01).
    ["serial in a date-formatted cell", numberCell(46127, "yyyy-mm-dd", "2026-04-15"), d(2026, 4, 15)],
    ["serial with a Chinese date format", numberCell(46127, '[$-804]yyyy"年"m"月"d"日"'), d(2026, 4, 15)],
    ["serial with a time fraction", numberCell(46127.75, "m/d/yy h:mm"), d(2026, 4, 15)],
    ["serial in a General cell (date field)", numberCell(45658), d(2025, 1, 1)],
    ["small serial with a date format", numberCell(1, "yyyy-mm-dd"), d(1900, 1, 1)],
    ["serial 61", numberCell(61, "yyyy-mm-dd"), d(1900, 3, 1)],
    ["yyyymmdd typed as a number", numberCell(20260415), d(2026, 4, 15)],
    ["a Date cell", { value: new Date(Date.UTC(2026, 3, 15)), text: "2026/4/15" }, d(2026, 4, 15)],
    [
      "a Date cell late in the UTC day",
      { value: new Date(Date.UTC(2026, 3, 15, 23, 59)), text: "2026/4/15 23:59" },
      d(2026, 4, 15),
    ],
  ])("%s", (_name, cell, date) => {
    expect(readDate(cell)).toEqual({ kind: "ok", value: date, text: cell.text });
  });

  it.each([
    ["a small plain number", numberCell(2026)],
    ["a number beyond the serial range", numberCell(90000)],
    ["NaN", numberCell(Number.NaN)],
    ["an invalid Date", { value: new Date(Number.NaN), text: "" }],
    ["a boolean", { value: false, text: "FALSE" }],
    ["an invalid yyyymmdd", numberCell(20260230)],
  ])("%s is unreadable", (_name, cell) => {
    expect(readDate(cell).kind).toBe("unreadable");
  });

  it("reads an empty cell as empty", () => {
    expect(readDate(emptyCell)).toEqual({ kind: "empty" });
  });
});

describe("date arithmetic", () => {
  it.each([
    [d(2026, 10, 12), d(2026, 10, 16), 5],
    [d(2026, 10, 12), d(2026, 10, 12), 1],
    [d(2026, 10, 30), d(2026, 11, 2), 4],
    [d(2024, 2, 28), d(2024, 3, 1), 3],
    [d(2026, 12, 30), d(2027, 1, 2), 4],
    [d(2026, 10, 16), d(2026, 10, 12), -3],
  ])("%j to %j is %i days inclusive", (a, b, n) => {
    expect(daysBetweenInclusive(a, b)).toBe(n);
  });

  it.each([
    [d(2026, 4, 15), d(2026, 4, 15), 0],
    [d(2026, 4, 15), d(2026, 4, 16), -1],
    [d(2026, 5, 1), d(2026, 4, 30), 1],
    [d(2025, 12, 31), d(2026, 1, 1), -1],
  ])("compareDates(%j, %j) has sign %i", (a, b, sign) => {
    expect(Math.sign(compareDates(a, b))).toBe(sign);
  });

  it.each([
    [d(2026, 4, 15), "2026-04-15"],
    [d(2026, 12, 1), "2026-12-01"],
  ])("formatDate(%j) = %s", (date, text) => {
    expect(formatDate(date)).toBe(text);
  });

  it.each([
    [45658, d(2025, 1, 1)],
    [46127, d(2026, 4, 15)],
    [46127.999, d(2026, 4, 15)],
    [1, d(1900, 1, 1)],
    [59, d(1900, 2, 28)],
    [61, d(1900, 3, 1)],
    [2958465, d(9999, 12, 31)],
  ])("dateFromSerial(%d) = %j", (serial, date) => {
    expect(dateFromSerial(serial)).toEqual(date);
  });

  it("serialFromDate inverts dateFromSerial", () => {
    for (const serial of [1, 59, 61, 100, 45658, 46127, 73050]) {
      expect(serialFromDate(dateFromSerial(serial))).toBe(serial);
    }
  });

  it.each([
    [2026, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
    [2026, 13, 0],
  ])("daysInMonth(%i, %i) = %i", (year, month, n) => {
    expect(daysInMonth(year, month)).toBe(n);
  });

  it("addDays crosses months and years", () => {
    expect(addDays(d(2026, 10, 30), 3)).toEqual(d(2026, 11, 2));
    expect(addDays(d(2026, 12, 31), 1)).toEqual(d(2027, 1, 1));
    expect(addDays(d(2026, 3, 1), -1)).toEqual(d(2026, 2, 28));
  });

  it.each([
    ["yyyy-mm-dd", true],
    ["m/d/yyyy", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["mmm-yy", true],
    ["General", false],
    ["0.00%", false],
    ["#,##0.00", false],
    ["h:mm", false],
    ["[Red]0.00", false],
    ['0.00"元"', false],
    [undefined, false],
  ])("isDateFormat(%j) = %s", (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });
});
