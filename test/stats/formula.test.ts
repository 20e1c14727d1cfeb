import { HyperFormula } from "hyperformula";
import {
  criterionSafe,
  exactCriterion,
  quoteSheetName,
  SheetNameError,
  sheetCell,
  sheetRange,
  stringLiteral,
} from "../../src/core/stats";

describe("quoteSheetName", () => {
  it.each([
    ["Sheet1", "Sheet1"],
    ["data_2026", "data_2026"],
    ["list.v2", "list.v2"],
    ["推荐表", "'推荐表'"],
    ["推荐 表", "'推荐 表'"],
    ["city list", "'city list'"],
    ["O'Brien", "'O''Brien'"],
    ["推荐 '汇总' 表", "'推荐 ''汇总'' 表'"],
    ["2026", "'2026'"],
    ["2026年", "'2026年'"],
    ["A1", "'A1'"],
    ["xfd1048576", "'xfd1048576'"],
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["c", "'c'"],
    ["RC", "'RC'"],
    ["TRUE", "'TRUE'"],
    ["a-b", "'a-b'"],
    ["统计(2)", "'统计(2)'"],
    ["Rate", "Rate"],
  ])("%s → %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  it.each(["", "a/b", "a:b", "a[1]", "a*", "what?", "back\\slash", "'lead", "trail'"])(
    "refuses %p",
    (name) => {
      expect(() => quoteSheetName(name)).toThrow(SheetNameError);
    },
  );

  // The quoted name must lead a real spreadsheet engine to the sheet: HyperFormula reads each reference back.
  it.each(["推荐 表", "O'Brien", "推荐 '汇总' 表", "Sheet1", "2026", "A1", "R1C1", "city list"])(
    "HyperFormula resolves %p",
    (name) => {
      const hf = HyperFormula.buildFromSheets(
        { [name]: [[7], [8]], out: [[`=SUM(${sheetRange(name, 0, 0, 1)})+${sheetCell(name, 1, 0)}`]] },
        { licenseKey: "gpl-v3" },
      );
      expect(hf.getCellValue({ sheet: hf.getSheetId("out") as number, row: 0, col: 0 })).toBe(23);
    },
  );
});

describe("references and literals", () => {
  it("makes absolute ranges and column-fixed cells", () => {
    expect(sheetRange("推荐 表", 2, 1, 39)).toBe("'推荐 表'!$B$3:$B$40");
    expect(sheetRange("s", 0, 0, 0)).toBe("s!$A$1");
    expect(sheetRange("s", 0, 0, 4, 2)).toBe("s!$A$1:$C$5");
    expect(sheetCell("推荐 表", 4, 5)).toBe("'推荐 表'!$F5");
  });

  it("spells inner double quotes as CHAR(34), which Excel and HyperFormula both read", () => {
    expect(stringLiteral("好")).toBe('"好"');
    expect(stringLiteral('他说"好"')).toBe('("他说"&CHAR(34)&"好"&CHAR(34)&"")');
    const hf = HyperFormula.buildFromArray(
      [[`=${stringLiteral('他说"好"')}`, `=LEN(${stringLiteral('"')})`]],
      { licenseKey: "gpl-v3" },
    );
    expect([
      hf.getCellValue({ sheet: 0, row: 0, col: 0 }),
      hf.getCellValue({ sheet: 0, row: 0, col: 1 }),
    ]).toEqual(['他说"好"', 1]);
  });

  it.each([
    ["plain", '"=plain"'],
    ["x*y", '"=x~*y"'],
    ["a?b~c", '"=a~?b~~c"'],
    [">5", '"=>5"'],
    ['say "hi"', '("=say "&CHAR(34)&"hi"&CHAR(34)&"")'],
  ])("exactCriterion(%p) = %s", (text, criterion) => {
    expect(exactCriterion(text)).toBe(criterion);
  });

  it.each([
    ["甲局", true],
    [" ", false],
    ["", false],
    [">5", false],
    ["=x", false],
    ["<a", false],
    ["a>b", true],
  ])("criterionSafe(%p) = %p", (text, safe) => {
    expect(criterionSafe(text)).toBe(safe);
  });

  it("exactCriterion matches only that text, even with wildcards and comparison signs", () => {
    const words = ["x*y", "xzy", "a?b", "acb", "9", 'say "hi"', "X*Y"];
    const hf = HyperFormula.buildFromSheets(
      { d: words.map((w) => [w]), out: [words.map((w) => `=COUNTIFS(d!$A$1:$A$7,${exactCriterion(w)})`)] },
      { licenseKey: "gpl-v3" },
    );
    const out = hf.getSheetId("out") as number;
    // Case-insensitive as in Excel: x*y and X*Y match each other and nothing else.
    expect(words.map((_, col) => hf.getCellValue({ sheet: out, row: 0, col }))).toEqual([
      2, 1, 1, 1, 1, 1, 2,
    ]);
  });
});
