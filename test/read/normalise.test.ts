import { cellText, compactText, isBlankCell, toHalfWidth } from "../../src/core/read/normalise";
import { textLength } from "../../src/core/read/text";
import { dateCell, emptyCell, numberCell, textCell } from "./cells";

describe("toHalfWidth", () => {
  it.each([
    ["５０", "50"],
    ["３０％", "30%"],
    ["１２．７万元", "12.7万元"],
    ["（０２１）６３８１６８５８", "(021)63816858"],
    ["２０２６－０４－１５", "2026-04-15"],
    ["１０：３０", "10:30"],
    ["ＡＢｃ", "ABc"],
    ["a\u3000b", "a b"],
    ["五十人", "五十人"],
    ["plain", "plain"],
  ])("%s → %s", (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe("compactText", () => {
  it.each([
    ["50 人", "50人"],
    ["2026年 4 月 15 日", "2026年4月15日"],
    [" １３８\u3000００１３ ８０００\n", "13800138000"],
    ["a\u200Bb\tc", "abc"],
  ])("%j → %s", (input, expected) => {
    expect(compactText(input)).toBe(expected);
  });
});

describe("cellText and isBlankCell", () => {
  it.each([
    [textCell("  50人 "), "50人", false],
    [textCell(" \u3000\n"), "", true],
    [emptyCell, "", true],
    [{ value: 12.5, text: "" }, "12.5", false],
    [{ value: 12.5, text: "12.50" }, "12.50", false],
    [{ value: new Date(Date.UTC(2026, 3, 15)), text: "" }, "2026-04-15", false],
    [dateCell("2026-04-15"), "2026-04-15", false],
    [numberCell(0), "0", false],
    [{ value: true, text: "" }, "true", false],
  ])("%j → %j", (cell, text, blank) => {
    expect(cellText(cell)).toBe(text);
    expect(isBlankCell(cell)).toBe(blank);
  });
});

describe("textLength", () => {
  it.each([
    ["", 0],
    ["研修项目", 4],
    ["研修 项目\n", 4],
    ["研修\u3000项目", 4],
    ["AI 赋能", 4],
    ["𠀀𠀁", 2], // outside the BMP: one character each, not two UTF-16 units
    ["a\u200Bb", 2],
    ["（一）服务重大战略。", 10],
  ])("%j has %i characters", (text, n) => {
    expect(textLength(text)).toBe(n);
  });
});
