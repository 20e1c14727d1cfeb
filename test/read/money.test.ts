import { moneyUnitOf, readMoney } from "../../src/core/read/money";
import { dateCell, emptyCell, numberCell, textCell } from "./cells";

describe("readMoney (result in 万元)", () => {
  it.each([
    ["12.7", "万元", 12.7],
    ["12.7", null, 12.7],
    ["12.7万", "元", 12.7],
    ["12.7万元", null, 12.7],
    ["１２．７万元", null, 12.7],
    ["12.7 万元", null, 12.7],
    ["127000元", "万元", 12.7],
    ["127,000元", null, 12.7],
    ["￥127,000元", null, 12.7],
    ["¥127000", "元", 12.7],
    ["人民币12.7万元", null, 12.7],
    ["约12.7万元", null, 12.7],
    ["12,7000", "元", 12.7], // a misplaced thousands comma is still 127000
    ["12,7000", "万元", 127000], // bare number under 万元: taken at its word, the cap rule flags it
    ["127000", "元", 12.7],
    ["127000", "万元", 127000],
    ["1234.56元", null, 0.123456],
    ["50千元", null, 5],
    ["十二万七千元", null, 12.7],
    ["二十万元", null, 20],
    ["十五", "万元", 15],
    ["0", null, 0],
    ["1.2亿元", null, 12000],
    ["12.7万元（自筹）", null, 12.7],
    ["12.7万元整", null, 12.7],
    ["壹拾贰万柒仟元整", null, 12.7],
  ] as const)("%j with header unit %s → %d 万元", (text, unit, wan) => {
    expect(readMoney(textCell(text), unit)).toEqual({ kind: "ok", value: wan, text });
  });

  it.each([
    [12.7, "万元", 12.7],
    [12.7, null, 12.7],
    [127000, "元", 12.7],
    [33, "元", 0.0033],
    [150000, "万元", 150000],
  ] as const)("numeric %d with header unit %s → %d 万元", (n, unit, wan) => {
    expect(readMoney(numberCell(n), unit)).toEqual({ kind: "ok", value: wan, text: String(n) });
  });

  it.each(["十几万", "12.7万多", "待定", "12.7美元", "12 7", "/", "12.7万-15万"])(
    "%j is unreadable",
    (text) => {
      expect(readMoney(textCell(text), "万元")).toEqual({ kind: "unreadable", text });
    },
  );

  it.each([
    ["empty", emptyCell, "empty"],
    ["date", dateCell("2026-04-15"), "unreadable"],
    ["infinite", numberCell(Number.POSITIVE_INFINITY), "unreadable"],
  ])("%s cell gives %s", (_name, cell, kind) => {
    expect(readMoney(cell, null).kind).toBe(kind);
  });
});

describe("moneyUnitOf", () => {
  it.each([
    ["资助经费（万元）", "万元"],
    ["资助经费(万元)", "万元"],
    ["经费（元）", "元"],
    ["申请资助经费", null],
  ])("%s → %s", (header, unit) => {
    expect(moneyUnitOf(header)).toBe(unit);
  });
});

describe("readMoney regressions", () => {
  it("十二万七千元 is 12.7万元: the 千 belongs to the numeral, not to a 千元 unit", () => {
    expect(readMoney(textCell("十二万七千元"), null)).toMatchObject({ kind: "ok", value: 12.7 });
    expect(readMoney(textCell("三千万元"), null)).toMatchObject({ kind: "ok", value: 3000 });
  });
});
