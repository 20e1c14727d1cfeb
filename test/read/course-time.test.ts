import { readCourseTime, type CourseTime } from "../../src/core/read/course-time";
import type { DateOnly } from "../../src/core/read/types";
import { dateCell, emptyCell, numberCell, textCell } from "./cells";

const d = (year: number, month: number, day: number): DateOnly => ({ year, month, day });
const YEAR = 2026;

const range = (
  start: DateOnly,
  end: DateOnly,
  days: number,
  extra: Partial<CourseTime> = {},
): CourseTime => ({
  days,
  start,
  end,
  approximate: false,
  monthOnly: false,
  ...extra,
});

describe("readCourseTime: day counts", () => {
  it.each([
    ["5天", 5, false],
    ["５天", 5, false],
    ["5 天", 5, false],
    ["五天", 5, false],
    ["共5天", 5, false],
    ["为期5天", 5, false],
    ["5个工作日", 5, false],
    ["4天左右", 4, true],
    ["约4天", 4, true],
    ["2.5天", 2.5, false],
    ["5", 5, false],
  ])("%j → %d days (approximate: %s)", (text, days, approximate) => {
    expect(readCourseTime(textCell(text), YEAR)).toEqual({
      kind: "ok",
      value: { days, approximate, monthOnly: false },
      text,
    });
  });

  it("a bare number in a numeric cell is the day count", () => {
    expect(readCourseTime(numberCell(5), YEAR)).toEqual({
      kind: "ok",
      value: { days: 5, approximate: false, monthOnly: false },
      text: "5",
    });
  });
});

describe("readCourseTime: ranges", () => {
  it.each([
    ["2026年10月12日-16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12-16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["10月12-16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026.10.12-2026.10.16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日—16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日~16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日至16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日-10月16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日－2026年10月16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年 10 月 12 日 - 16 日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026.10.12—10.16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026.10.12-10.16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026.10.12-16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026/10/12～2026/10/16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026-10-12至2026-10-16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026-10-12-10-16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["10月12日至10月16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["10月12日-16日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["10.12-10.16", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["十月十二日至十六日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日（周一）-16日（周五）", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月30日-11月2日", range(d(2026, 10, 30), d(2026, 11, 2), 4)],
    ["2026年12月30日-1月2日", range(d(2026, 12, 30), d(2027, 1, 2), 4)],
    ["12月30日-2027年1月2日", range(d(2026, 12, 30), d(2027, 1, 2), 4)],
    ["2026年10月12日", { start: d(2026, 10, 12), approximate: false, monthOnly: false }],
    ["2026年10月12日-16日（5天）", range(d(2026, 10, 12), d(2026, 10, 16), 5, { statedDays: 5 })],
    ["2026年10月12日-16日，共5天", range(d(2026, 10, 12), d(2026, 10, 16), 5, { statedDays: 5 })],
    ["2026.10.12-10.16 5天", range(d(2026, 10, 12), d(2026, 10, 16), 5, { statedDays: 5 })],
    // The range wins over a count that disagrees; the stated count is kept for whoever wants to flag it.
    ["2026年10月12日-16日（4天）", range(d(2026, 10, 12), d(2026, 10, 16), 5, { statedDays: 4 })],
    ["5天（10月12日-16日）", range(d(2026, 10, 12), d(2026, 10, 16), 5, { statedDays: 5 })],
    ["2026年10月12日-16日（暂定）", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    // Fujian counts 报到 and 返程 days in (二（一） 含报到返程时间): the note beside the count is not a figure.
    ["2026年9月14日至9月18日（共5天，含报到）", range(d(2026, 9, 14), d(2026, 9, 18), 5, { statedDays: 5 })],
    [
      "2026年9月14日至9月18日（含报到返程，共5天）",
      range(d(2026, 9, 14), d(2026, 9, 18), 5, { statedDays: 5 }),
    ],
  ])("%j", (text, value) => {
    expect(readCourseTime(textCell(text), YEAR)).toEqual({ kind: "ok", value, text });
  });
});

describe("readCourseTime: start and length, months, single dates", () => {
  it.each([
    ["2026年10月12日起，共5天", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["10月12日起5天", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日起，共5个工作日", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日起共5天", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月12日开班，为期5天", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月30日起，共4天", range(d(2026, 10, 30), d(2026, 11, 2), 4)],
    ["2026年10月12日起，5天左右", range(d(2026, 10, 12), d(2026, 10, 16), 5, { approximate: true })],
    ["2026年10月12日（5天）", range(d(2026, 10, 12), d(2026, 10, 16), 5)],
    ["2026年10月", { end: d(2026, 10, 31), approximate: false, monthOnly: true }],
    ["2026年10月份", { end: d(2026, 10, 31), approximate: false, monthOnly: true }],
    ["2026.11", { end: d(2026, 11, 30), approximate: false, monthOnly: true }],
    ["10月", { end: d(2026, 10, 31), approximate: false, monthOnly: true }],
    ["2026年10-11月", { end: d(2026, 11, 30), approximate: false, monthOnly: true }],
    ["2026年10月-11月", { end: d(2026, 11, 30), approximate: false, monthOnly: true }],
    ["2028年2月", { end: d(2028, 2, 29), approximate: false, monthOnly: true }],
    ["2026年10月（5天）", { days: 5, end: d(2026, 10, 31), approximate: false, monthOnly: true }],
    ["2026年10月，约5天", { days: 5, end: d(2026, 10, 31), approximate: true, monthOnly: true }],
    ["2026-10-12", { start: d(2026, 10, 12), approximate: false, monthOnly: false }],
  ])("%j", (text, value) => {
    expect(readCourseTime(textCell(text), YEAR)).toEqual({ kind: "ok", value, text });
  });

  it.each([
    ["a Date cell", dateCell("2026-10-12")],
    ["a serial in a date-formatted cell", numberCell(46307, "yyyy/m/d", "2026/10/12")],
    ["a serial in a General cell", numberCell(46307)],
  ])("%s is a start date", (_name, cell) => {
    expect(readCourseTime(cell, YEAR)).toEqual({
      kind: "ok",
      value: { start: d(2026, 10, 12), approximate: false, monthOnly: false },
      text: cell.text,
    });
  });
});

describe("readCourseTime: what it refuses", () => {
  it.each([
    "2026年10月中旬",
    "2026年10月下旬",
    "10月上旬",
    "2026年10月底",
    "4-5天",
    "4~5天",
    "五天左右或更长",
    "12-16日",
    "2026年10月16日-12日",
    "2026年2月27日-30日",
    "2026年13月",
    "待定",
    "一周",
    "0天",
    "400天",
    "2026年10月12日-2027年12月16日",
    "2026年10月12日-16日（4-5天）",
    "5天，6天",
  ])("%j is unreadable", (text) => {
    expect(readCourseTime(textCell(text), YEAR)).toEqual({ kind: "unreadable", text });
  });

  it.each([
    ["an empty cell", emptyCell, "empty"],
    ["a blank text cell", textCell(" \u3000 "), "empty"],
    ["a negative number", numberCell(-5), "unreadable"],
    ["NaN", numberCell(Number.NaN), "unreadable"],
    ["a boolean", { value: true, text: "TRUE" }, "unreadable"],
    ["an invalid Date", { value: new Date(Number.NaN), text: "" }, "unreadable"],
  ])("%s gives %s", (_name, cell, kind) => {
    expect(readCourseTime(cell, YEAR).kind).toBe(kind);
  });
});
