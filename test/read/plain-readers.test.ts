import fc from "fast-check";
import type { RawCell } from "../../src/core/grid/types";
import {
  finiteMoneyOf,
  finiteNumberOf,
  plainRange,
  plainYesNoOf,
  PLAIN_SPAN,
  readCourseTime,
  readMoney,
  readNumber,
  readPlainSpan,
  readYesNo,
  type MoneyUnit,
} from "../../src/core/read";
import { checkCourseTime, type CourseLimits } from "../../src/core/rules/figures";
import { FindingSink } from "../../src/core/rules/sink";

// The list rules read their usual cells without a result object (finiteNumberOf, finiteMoneyOf, plainYesNoOf,
// readPlainSpan) and fall back to the full readers for every other cell. Whenever a plain reader answers, its answer
// must be the full reader's.

const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.double().map((value) => ({ value, text: String(value) })),
  fc.integer({ min: -5, max: 200 }).map((value) => ({ value, text: String(value) })),
  fc
    .constantFrom(
      "是",
      "否",
      "有",
      "无",
      "Y",
      "n",
      "TRUE",
      " 是",
      "是的",
      "√",
      "×",
      "1",
      "0",
      "",
      "50",
      "12.5万",
      "五十人",
    )
    .map((text) => ({ value: text, text })),
  fc.string({ maxLength: 6 }).map((text) => ({ value: text, text })),
  fc.boolean().map((value) => ({ value, text: value ? "TRUE" : "FALSE" })),
  fc.constant({ value: new Date(Date.UTC(2026, 9, 12)), text: "2026-10-12" }),
  fc.constant({ value: null, text: "" }),
);

describe("plain readers", () => {
  it("finiteNumberOf answers only as readNumber does", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const plain = finiteNumberOf(cell);
        const read = readNumber(cell);
        if (plain !== undefined) expect(read).toMatchObject({ kind: "ok", value: plain });
        if (typeof cell.value === "number" && Number.isFinite(cell.value)) expect(plain).toBe(cell.value);
      }),
      { numRuns: 3000 },
    );
  });

  it("finiteMoneyOf answers only as readMoney does, in each header unit", () => {
    const unit = fc.constantFrom<MoneyUnit | null>(null, "万元", "元");
    fc.assert(
      fc.property(anyCell, unit, (cell, u) => {
        const plain = finiteMoneyOf(cell, u);
        if (plain !== undefined) expect(readMoney(cell, u)).toMatchObject({ kind: "ok", value: plain });
      }),
      { numRuns: 3000 },
    );
    expect(finiteMoneyOf({ value: 127000, text: "127000" }, "元")).toBe(12.7);
  });

  it("plainYesNoOf answers only as readYesNo does", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const plain = plainYesNoOf(cell);
        if (plain !== undefined) expect(readYesNo(cell)).toMatchObject({ kind: "ok", value: plain });
      }),
      { numRuns: 3000 },
    );
    expect(plainYesNoOf({ value: "是", text: "是" })).toBe(true);
    expect(plainYesNoOf({ value: "否", text: "否" })).toBe(false);
  });

  // Date ranges as people type them, with parts that do not exist (month 13, 2月30日, year 1899), backwards
  // ranges, ranges longer than a year and tails the plain scan does not take.
  const year = fc.constantFrom("", "2026年", "2025.", "2027/", "2026-", "1899年", "2101年", "2028年");
  const month = fc.constantFrom(0, 1, 2, 6, 10, 11, 12, 13).map(String);
  const day = fc.constantFrom(0, 1, 9, 12, 16, 28, 29, 30, 31, 32).map(String);
  const monthSep = fc.constantFrom("月", ".", "/", "-");
  const daySuffix = fc.constantFrom("", "日", "号");
  const tail = fc.constantFrom("", "", "", "（5天）", "左右", "共5天", " ");
  const rangeText = fc
    .tuple(
      year,
      month,
      monthSep,
      day,
      daySuffix,
      fc.constantFrom("-", "~", "至"),
      year,
      fc.option(month),
      monthSep,
    )
    .chain(([y1, m1, s1, d1, x1, sep, y2, m2, s2]) =>
      fc
        .tuple(day, daySuffix, tail)
        .map(
          ([d2, x2, t]) => `${y1}${m1}${s1}${d1}${x1}${sep}${y2}${m2 === null ? "" : m2 + s2}${d2}${x2}${t}`,
        ),
    );

  it("readPlainSpan answers only as readCourseTime does, and for every plain range it reads", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          rangeText.map((text) => ({ value: text, text })),
          anyCell,
        ),
        fc.integer({ min: 2025, max: 2027 }),
        (cell, defaultYear) => {
          const plain = readPlainSpan(cell, defaultYear);
          const read = readCourseTime(cell, defaultYear);
          if (plain) {
            const [days, y, m, d] = PLAIN_SPAN;
            expect(read).toMatchObject({ kind: "ok", value: { days, end: { year: y, month: m, day: d } } });
          } else if (typeof cell.value === "string" && plainRange(cell.text, new Int32Array(6))) {
            // A plain range the span reader turned down is one readCourseTime cannot read either.
            expect(read.kind).toBe("unreadable");
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("checkCourseTime reports what the course read says, with plain ranges taken the short way", () => {
    const limits = fc.record({
      year: fc.constant(2026),
      days: fc.option(
        fc.record({
          value: fc.constantFrom({ min: 2, max: 30 }, { min: 5, max: 5 }),
          severity: fc.constant("error" as const),
          clause: fc.constant("一"),
        }),
      ),
      finishBy: fc.option(
        fc.record({
          value: fc.constantFrom({ year: 2026, month: 11, day: 30 }, { year: 2026, month: 10, day: 16 }),
          severity: fc.constant("error" as const),
          clause: fc.constant("二"),
        }),
      ),
    });
    fc.assert(
      fc.property(rangeText, limits, (text, l) => {
        const course: CourseLimits = {
          year: l.year,
          days: l.days ?? undefined,
          finishBy: l.finishBy ?? undefined,
        };
        const sink = new FindingSink("表");
        checkCourseTime(sink, { row: 0, col: 0 }, { value: text, text }, "办班时间", course);
        const read = readCourseTime({ value: text, text }, l.year);
        const expected: string[] = [];
        if (read.kind === "unreadable") expected.push("unreadable");
        if (read.kind === "ok") {
          const { days, end } = read.value;
          if (
            course.days &&
            days !== undefined &&
            (days < course.days.value.min || days > course.days.value.max)
          )
            expected.push("course.days");
          const f = course.finishBy?.value;
          if (f && end && (end.year - f.year || end.month - f.month || end.day - f.day) > 0)
            expected.push("course.finish-by");
        }
        expect(sink.findings.map((f) => f.rule)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
