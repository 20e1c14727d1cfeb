import { parseChineseNumeral, readNumber, readPercent } from "../../src/core/read/number";
import { dateCell, emptyCell, numberCell, textCell } from "./cells";

describe("parseChineseNumeral", () => {
  it.each([
    ["零", 0],
    ["五", 5],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["五十", 50],
    ["一百", 100],
    ["一百二十", 120],
    ["一百零五", 105],
    ["一百一十", 110],
    ["一百五", 150],
    ["两千", 2000],
    ["两千五", 2500],
    ["一千零五十", 1050],
    ["三万", 30000],
    ["一万五", 15000],
    ["一万二千三百四十五", 12345],
    ["十二万七千", 127000],
    ["三亿五千万", 350000000],
    ["壹佰贰拾", 120],
    ["二〇二六", 2026],
    ["一二〇", 120],
  ])("%s = %d", (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it.each(["", "五十多", "几十", "百", "千五", "五五十", "十百", "三万二万", "万", "50", "五十人"])(
    "%j is not a numeral",
    (text) => {
      expect(parseChineseNumeral(text)).toBeUndefined();
    },
  );
});

describe("readNumber", () => {
  it.each([
    ["50", 50],
    ["５０", 50],
    ["50人", 50],
    ["50 人", 50],
    ["５０人", 50],
    ["五十人", 50],
    ["约50人", 50],
    ["大约 50 人", 50],
    ["50人左右", 50],
    ["一百二十", 120],
    ["一百二十人", 120],
    ["1,500", 1500],
    ["1，500人", 1500],
    ["1500人次", 1500],
    ["共计80名", 80],
    ["拟招收60人", 60],
    ["50人（含线上20人）", 50],
    ["1.5万人", 15000],
    ["1.1万", 11000],
    ["3期", 3],
    ["50名学员", 50],
    ["伍拾", 50],
    ["12.5", 12.5],
    ["-3", -3],
    [".5", 0.5],
  ])("%j → %d", (text, n) => {
    expect(readNumber(textCell(text))).toEqual({ kind: "ok", value: n, text });
  });

  it.each([
    "五十多人",
    "50余人",
    "50多",
    "50-60人",
    "若干",
    "不少于50人",
    "50人以上",
    "50人，60人",
    "1,50",
    "几十人",
    "N/A",
  ])("%j is unreadable", (text) => {
    expect(readNumber(textCell(text))).toEqual({ kind: "unreadable", text });
  });

  it("takes numeric cells as they are", () => {
    expect(readNumber(numberCell(50))).toEqual({ kind: "ok", value: 50, text: "50" });
    expect(readNumber(numberCell(0.25, "0%", "25%"))).toEqual({ kind: "ok", value: 0.25, text: "25%" });
  });

  it.each([
    ["an empty cell", emptyCell, "empty"],
    ["a blank text cell", textCell("  "), "empty"],
    ["NaN", numberCell(Number.NaN), "unreadable"],
    ["a date", dateCell("2026-04-15"), "unreadable"],
    ["a boolean", { value: true, text: "TRUE" }, "unreadable"],
  ])("%s gives %s", (_name, cell, kind) => {
    expect(readNumber(cell).kind).toBe(kind);
  });
});

describe("readPercent", () => {
  it.each([
    [textCell("30%"), 0.3],
    [textCell("３０％"), 0.3],
    [textCell("30 %"), 0.3],
    [textCell("33.3%"), 0.333],
    [textCell("约30%"), 0.3],
    [textCell("30%左右"), 0.3],
    [textCell("百分之三十"), 0.3],
    [textCell("百分之30"), 0.3],
    [textCell("30"), 0.3],
    [textCell("0.3"), 0.3],
    [textCell("100"), 1],
    [textCell("150%"), 1.5],
    [numberCell(0.3, "0%", "30%"), 0.3],
    [numberCell(0.3, "0.00%", "30.00%"), 0.3],
    [numberCell(1.2, "0%", "120%"), 1.2],
    [numberCell(0.3), 0.3],
    [numberCell(30), 0.3],
    [numberCell(7), 0.07],
    [numberCell(0), 0],
  ])("%j → %d", (cell, n) => {
    expect(readPercent(cell)).toEqual({ kind: "ok", value: n, text: cell.text });
  });

  it.each([
    textCell("150"),
    textCell("-5"),
    textCell("三成"),
    textCell("30%多"),
    numberCell(250),
    numberCell(-0.1),
  ])("%j is unreadable", (cell) => {
    expect(readPercent(cell).kind).toBe("unreadable");
  });

  it("reads an empty cell as empty", () => {
    expect(readPercent(emptyCell)).toEqual({ kind: "empty" });
  });
});

describe("readNumber regressions", () => {
  it("two numbers separated by a space are not one number (50 60 is not 5060)", () => {
    expect(readNumber(textCell("50 60")).kind).toBe("unreadable");
    expect(readNumber(textCell("５０\u3000６０")).kind).toBe("unreadable");
  });
});
