import fc from "fast-check";
import { normaliseCourseText, plainRange, RANGE } from "../../src/core/read/course-time";

// plainRange is the by-character fast path of the 办班时间 range regex: wherever it answers, it must give exactly
// the groups RANGE.exec gives (the regex's first match, without a count), and it must answer for the plain ranges
// lists hold.
function plainRangeGroups(t: string): number[] | undefined {
  const out = new Int32Array(6);
  return plainRange(t, out) ? Array.from(out) : undefined;
}
let answered = 0;
function agrees(t: string): void {
  const fast = plainRangeGroups(t);
  if (fast === undefined) return;
  answered++;
  // readCourseTime tries plainRange before normalising: that is right only if normalising changes nothing here.
  expect(normaliseCourseText(t)).toBe(t);
  const m = RANGE.exec(t);
  expect(m).not.toBeNull();
  const groups = Array.from(m as RegExpExecArray);
  expect(groups.slice(7)).toEqual([undefined, undefined]);
  expect(fast).toEqual(groups.slice(1, 7).map((g) => (g === undefined ? -1 : Number(g))));
}

const piece = fc.constantFrom(
  "2026",
  "12",
  "1",
  "0",
  "123",
  "05",
  "年",
  "月",
  "日",
  "号",
  ".",
  "/",
  "-",
  "~",
  "天",
  "(",
  ")",
  ",",
  "5天",
  "共",
  "左右",
);

describe("plainRange", () => {
  it.each([
    "2026年10月12日-16日",
    "2026年10月30日-11月2日",
    "2026.10.12-10.16",
    "2026/10/12-2026/10/16",
    "2026-10-12-2026-10-16",
    "10月12日~16日",
    "12月30日-1月2日",
    "2026年1月5号-9号",
    "10-12-16",
  ])("reads %s as RANGE does", (t) => {
    expect(plainRangeGroups(t)).toBeDefined();
    agrees(t);
  });

  it.each([
    "2026年10月12日-16日(5天)",
    "2026年10月12日-16日,共5天",
    "2026年10月",
    "5天",
    "20261012-16",
    "2026年10月12日-",
  ])("leaves %s to the regexes", (t) => {
    expect(plainRangeGroups(t)).toBeUndefined();
  });

  it("agrees with RANGE on texts made of date pieces", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => agrees(parts.join(""))),
      { numRuns: 20000 },
    );
  });

  it("agrees with RANGE on generated ranges", () => {
    answered = 0;
    // Ranges as lists hold them, with every part optional or slightly wrong (3 digits, a stray separator, a tail).
    const num = fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom("123", "05", "") },
    );
    const year = fc.constantFrom("2026", "2027", "1999", "12", "20261");
    const opt = (a: fc.Arbitrary<string>) => fc.oneof(fc.constant(""), a);
    const yearSep = fc.constantFrom("年", "年", ".", "/", "-", "月");
    const monthSep = fc.constantFrom("月", "月", ".", "/", "-", "年");
    const daySuffix = fc.constantFrom("", "日", "号", "天");
    const rangeSep = fc.constantFrom("-", "-", "~", "", "至");
    const tail = fc.constantFrom("", "", "", "(5天)", "共5天", "5天", "左右", ".");
    const date = (y: fc.Arbitrary<string>) =>
      fc
        .tuple(opt(fc.tuple(y, yearSep).map(([a, b]) => a + b)), num, monthSep, num, daySuffix)
        .map((p) => p.join(""));
    const endDate = fc
      .tuple(
        opt(
          fc.tuple(opt(fc.tuple(year, yearSep).map(([a, b]) => a + b)), num, monthSep).map((p) => p.join("")),
        ),
        num,
        daySuffix,
      )
      .map((p) => p.join(""));
    fc.assert(
      fc.property(fc.tuple(date(year), rangeSep, endDate, tail), (parts) => agrees(parts.join(""))),
      { numRuns: 20000 },
    );
    // The property means something only if the fast path answered for many of the texts.
    expect(answered).toBeGreaterThan(300);
  });
});
