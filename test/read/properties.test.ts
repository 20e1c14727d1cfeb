import fc from "fast-check";
import type { RawCell } from "../../src/core/grid/types";
import {
  addDays,
  cellText,
  checkCreditCode,
  checkIdCard,
  compactText,
  compareDates,
  creditCodeCheckChar,
  dateFromSerial,
  daysBetweenInclusive,
  formatDate,
  idCardCheckChar,
  isBlankCell,
  isValidEmail,
  isValidPostcode,
  lostPrecision,
  makeDate,
  parseChineseNumeral,
  readBatchNumber,
  readChoices,
  readCourseTime,
  readDate,
  readMoney,
  readNumber,
  readPercent,
  readPhone,
  readPhones,
  readYesNo,
  serialFromDate,
  textLength,
  toHalfWidth,
  type DateOnly,
  type ReadResult,
} from "../../src/core/read";

// Characters people type into these cells, so generated strings reach deep into the parsers, not only their
// first "not a number" exit.
const FORM_CHARS = [
  ..."0123456789０１２３４５６７８９",
  ..."零〇一二两三四五六七八九十百千万亿壹贰拾佰",
  ..."年月日号天起至到共约左右多余个人次名期元万",
  ..."-—–~～/.．,，、;；:：()（）[]【】 \u3000\n\t%％+＋#",
  ..."□☐○☑☒■√✓✔▣●×xX是否有无请打",
  ..."转分机中旬下旬星期周@",
];
const formString = fc.string({ unit: fc.constantFrom(...FORM_CHARS), maxLength: 40 });
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  formString,
);
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e6, max: 3e6 }),
  fc.constantFrom(0, -0, 1, 20000, 46127, 80000, 2958465, 2958466, 1e14, 1e21, Number.MAX_VALUE),
);
const anyDate = fc.date({ noInvalidDate: false });
const anyFormat = fc.option(
  fc.constantFrom(
    "General",
    "0",
    "0.00%",
    "0%",
    "yyyy-mm-dd",
    "m/d/yy h:mm",
    '[$-804]yyyy"年"m"月"d"日"',
    "@",
    "h:mm",
  ),
  { nil: undefined },
);

/** Any cell an adapter might hand over, including ones whose text disagrees with the value. */
const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  anyString.map((s): RawCell => ({ value: s, text: s })),
  fc
    .tuple(anyNumber, anyFormat, fc.option(anyString, { nil: undefined }))
    .map(([n, numberFormat, text]): RawCell => ({
      value: n,
      text: text ?? String(n),
      ...(numberFormat ? { numberFormat } : {}),
    })),
  fc
    .tuple(anyDate, fc.option(anyString, { nil: undefined }))
    .map(([d, text]): RawCell => ({ value: d, text: text ?? "" })),
  fc.boolean().map((b): RawCell => ({ value: b, text: b ? "TRUE" : "FALSE" })),
  fc.constant<RawCell>({ value: null, text: "" }),
  anyString.map((s): RawCell => ({ value: null, text: s })),
);

const RUNS = { numRuns: 400 };

function isResult<T>(r: ReadResult<T>): boolean {
  return r.kind === "ok" || r.kind === "empty" || r.kind === "unreadable";
}

function isRealDate(d: DateOnly): boolean {
  return makeDate(d.year, d.month, d.day) !== undefined;
}

describe("readers never throw, on any cell", () => {
  it("readNumber, readPercent, readMoney give finite numbers or an honest unreadable/empty", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        for (const r of [
          readNumber(cell),
          readPercent(cell),
          readMoney(cell, "万元"),
          readMoney(cell, "元"),
          readMoney(cell, null),
        ]) {
          expect(isResult(r)).toBe(true);
          if (r.kind === "ok") expect(Number.isFinite(r.value)).toBe(true);
          // A cell is empty to a reader exactly when it is blank.
          if (r.kind === "empty") expect(isBlankCell(cell)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("readDate gives real calendar days", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = readDate(cell);
        expect(isResult(r)).toBe(true);
        if (r.kind === "ok") expect(isRealDate(r.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it("readCourseTime keeps its dates and day count consistent", () => {
    fc.assert(
      fc.property(anyCell, fc.integer({ min: 1990, max: 2060 }), (cell, year) => {
        const r = readCourseTime(cell, year);
        expect(isResult(r)).toBe(true);
        if (r.kind !== "ok") return;
        const { start, end, days, monthOnly } = r.value;
        if (start) expect(isRealDate(start)).toBe(true);
        if (end) expect(isRealDate(end)).toBe(true);
        if (days !== undefined) expect(days).toBeGreaterThan(0);
        if (monthOnly) expect(end).toBeDefined();
        if (start && end) {
          expect(compareDates(start, end)).toBeLessThanOrEqual(0);
          expect(days).toBe(daysBetweenInclusive(start, end));
        }
      }),
      RUNS,
    );
  });

  it("readYesNo, cellText, lostPrecision", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = readYesNo(cell);
        expect(isResult(r)).toBe(true);
        if (r.kind === "ok") expect(typeof r.value).toBe("boolean");
        expect(typeof cellText(cell)).toBe("string");
        expect(typeof lostPrecision(cell)).toBe("boolean");
      }),
      RUNS,
    );
  });

  it("text readers: choices, phones, e-mail, postcode, codes, length, numerals", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        for (const layout of ["box-before", "box-after"] as const) {
          for (const option of readChoices(s, layout)) {
            expect(typeof option.marked).toBe("boolean");
            expect(option.label).toBe(compactText(option.label));
          }
        }
        for (const r of readPhones(s)) {
          expect(isResult(r)).toBe(true);
          if (r.kind === "ok") {
            expect(r.value.digits).toMatch(/^\d+$/);
            if (r.value.kind === "mobile") expect(r.value.digits).toMatch(/^1[3-9]\d{9}$/);
          }
        }
        expect(isResult(readPhone(s))).toBe(true);
        expect(typeof isValidEmail(s)).toBe("boolean");
        expect(typeof isValidPostcode(s)).toBe("boolean");
        expect(typeof checkCreditCode(s).ok).toBe("boolean");
        expect(typeof checkIdCard(s).ok).toBe("boolean");
        expect(textLength(s)).toBeLessThanOrEqual(s.length);
        const n = parseChineseNumeral(s);
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
        const batch = readBatchNumber(s);
        if (batch !== undefined) expect(batch).toBeGreaterThan(0);
        expect(toHalfWidth(s).length).toBe(s.length);
      }),
      RUNS,
    );
  });
});

describe("reader laws", () => {
  const calendarDay = fc
    .record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => isRealDate(d));

  it("a date written in any of the usual ways reads back as itself", () => {
    fc.assert(
      fc.property(calendarDay, (d) => {
        for (const text of [
          formatDate(d),
          `${d.year}年${d.month}月${d.day}日`,
          `${d.year}/${d.month}/${d.day}`,
          `${d.year}.${d.month}.${d.day}`,
        ]) {
          expect(readDate({ value: text, text })).toEqual({ kind: "ok", value: d, text });
        }
        const serial = serialFromDate(d);
        expect(dateFromSerial(serial)).toEqual(d);
        expect(readDate({ value: serial, text: String(serial), numberFormat: "yyyy-mm-dd" })).toMatchObject({
          kind: "ok",
          value: d,
        });
      }),
      RUNS,
    );
  });

  it("a range of n days reads back as n days", () => {
    fc.assert(
      fc.property(
        calendarDay.filter((d) => d.year < 2100),
        fc.integer({ min: 1, max: 60 }),
        (start, n) => {
          const end = addDays(start, n - 1);
          const text = `${start.year}年${start.month}月${start.day}日-${end.year}年${end.month}月${end.day}日`;
          const r = readCourseTime({ value: text, text }, 2026);
          expect(r).toMatchObject({ kind: "ok", value: { days: n, start, end } });
        },
      ),
      RUNS,
    );
  });

  // Standard Chinese numerals, written the long way, for the round trip below.
  const DIGIT_CHARS = "零一二三四五六七八九";
  function chineseBelow10000(n: number): string {
    let out = "";
    let zero = false;
    for (const [unit, name] of [
      [1000, "千"],
      [100, "百"],
      [10, "十"],
      [1, ""],
    ] as const) {
      const digit = Math.floor(n / unit) % 10;
      if (digit === 0) {
        if (out !== "") zero = true;
        continue;
      }
      if (zero) out += "零";
      zero = false;
      out += DIGIT_CHARS.charAt(digit) + name;
    }
    return out;
  }
  function chinese(n: number): string {
    if (n === 0) return "零";
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    if (high === 0) return chineseBelow10000(low);
    return chineseBelow10000(high) + "万" + (low > 0 && low < 1000 ? "零" : "") + chineseBelow10000(low);
  }

  it("Chinese numerals read back as the number they spell", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseChineseNumeral(chinese(n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it("numbers typed with units and full-width digits read as themselves", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.constantFrom("", "人", " 人", "人次", "名"),
        (n, unit) => {
          const full = String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          for (const text of [`${n}${unit}`, `${full}${unit}`, `约${n}${unit}`]) {
            expect(readNumber({ value: text, text })).toEqual({ kind: "ok", value: n, text });
          }
        },
      ),
      RUNS,
    );
  });

  const creditBody = fc.string({
    unit: fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXY"),
    minLength: 17,
    maxLength: 17,
  });
  const creditCode = fc
    .tuple(creditBody, fc.integer({ min: 100000, max: 999999 }))
    .map(([body, region]) => body.slice(0, 2) + String(region) + body.slice(8))
    .map((body) => body + creditCodeCheckChar(body));

  it("every credit code with its computed check character passes, and any one changed character fails", () => {
    fc.assert(
      fc.property(
        creditCode,
        fc.nat(17),
        fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXY"),
        (code, i, c) => {
          expect(checkCreditCode(code)).toEqual({ ok: true, code, region: code.slice(2, 8) });
          const changed = code.slice(0, i) + c + code.slice(i + 1);
          // Weights are non-zero mod 31 and 31 is prime: a single substitution always moves the sum.
          if (changed !== code) expect(checkCreditCode(changed).ok).toBe(false);
        },
      ),
      RUNS,
    );
  });

  const idCard = fc
    .tuple(fc.integer({ min: 110000, max: 659999 }), calendarDay, fc.integer({ min: 0, max: 999 }))
    .map(([region, d, seq]) => `${region}${formatDate(d).replace(/-/g, "")}${String(seq).padStart(3, "0")}`)
    .map((body) => body + idCardCheckChar(body));

  it("every ID number with its computed check character passes, and any one changed digit fails", () => {
    fc.assert(
      fc.property(idCard, fc.nat(16), fc.integer({ min: 0, max: 9 }), (code, i, digit) => {
        expect(checkIdCard(code)).toMatchObject({ ok: true, code });
        const changed = code.slice(0, i) + String(digit) + code.slice(i + 1);
        if (changed !== code) expect(checkIdCard(changed).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it("textLength ignores whitespace wherever it is", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 30 }),
        fc.constantFrom(" ", "\u3000", "\n", "\t"),
        (s, space) => {
          expect(textLength(space + s + space)).toBe(textLength(s));
        },
      ),
      RUNS,
    );
  });

  it("daysBetweenInclusive and addDays agree with the platform's calendar on every day from 1900 to 2100", () => {
    const day = fc
      .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
      .map((n) => {
        const d = new Date(n * 86_400_000);
        return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      });
    const utc = (d: DateOnly) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
    fc.assert(
      fc.property(day, day, fc.integer({ min: -800, max: 800 }), (a, b, n) => {
        expect(daysBetweenInclusive(a, b)).toBe(utc(b) - utc(a) + 1);
        const later = addDays(a, n);
        expect(utc(later)).toBe(utc(a) + n);
      }),
      RUNS,
    );
  });
});
