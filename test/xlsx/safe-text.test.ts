import { neutraliseText, safeCellValue } from "../../src/adapters/xlsx/safe-text";

describe("neutraliseText: text the product writes cannot start a formula", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["=", "'="],
  ])("%j becomes %j", (input, output) => {
    expect(neutraliseText(input)).toBe(output);
  });

  it.each([["推荐表"], ["A=1"], ["1-2"], ["＝全角等号"], [""], [" =1"], ["【研修申报助手】=x"]])(
    "%j is left as it is",
    (text) => {
      expect(neutraliseText(text)).toBe(text);
    },
  );

  it("only strings are touched: numbers (even negative), dates and empties pass through", () => {
    const date = new Date(Date.UTC(2026, 3, 15));
    expect(safeCellValue(-5)).toBe(-5);
    expect(safeCellValue(date)).toBe(date);
    expect(safeCellValue(null)).toBeNull();
    expect(safeCellValue(undefined)).toBeNull();
    expect(safeCellValue("=1+1")).toBe("'=1+1");
  });
});
