import { readBatchNumber, readChoices, readYesNo, type ChoiceOption } from "../../src/core/read/choice";
import { emptyCell, numberCell, textCell } from "./cells";

const opt = (label: string, marked: boolean, detail = ""): ChoiceOption => ({ label, marked, detail });

describe("readChoices, box before the option", () => {
  it.each([
    ["☑是 □否", [opt("是", true), opt("否", false)]],
    ["□是 ☑否", [opt("是", false), opt("否", true)]],
    ["☑是□否", [opt("是", true), opt("否", false)]],
    ["☑是\n□否", [opt("是", true), opt("否", false)]],
    ["■是 □否", [opt("是", true), opt("否", false)]],
    ["☒是 ☐否", [opt("是", true), opt("否", false)]],
    ["√是 □否", [opt("是", true), opt("否", false)]],
    ["✓是 ○否", [opt("是", true), opt("否", false)]],
    ["✔是 □否", [opt("是", true), opt("否", false)]],
    ["▣是 □否", [opt("是", true), opt("否", false)]],
    ["●是 ○否", [opt("是", true), opt("否", false)]],
    ["[x]是 [ ]否", [opt("是", true), opt("否", false)]],
    ["[X]是 []否", [opt("是", true), opt("否", false)]],
    ["（√）是 □否", [opt("是", true), opt("否", false)]],
    ["(√)是 □否", [opt("是", true), opt("否", false)]],
    ["□√是 □否", [opt("是", true), opt("否", false)]], // a tick typed next to the box
    ["□是，☑否", [opt("是", false), opt("否", true)]],
    ["□是 □否", [opt("是", false), opt("否", false)]],
    ["☑是 ☑否", [opt("是", true), opt("否", true)]],
    [
      "□是第__批国家级继续教育基地 ☑是省级继续教育基地 □否",
      [opt("是第__批国家级继续教育基地", false), opt("是省级继续教育基地", true), opt("否", false)],
    ],
    [
      // As the Fujian form lays it out: the blank is a line break.
      "\t□是第\n批国家级继续教育基地\n\n□是省级继续教育基地\n     □否",
      [opt("是第批国家级继续教育基地", false), opt("是省级继续教育基地", false), opt("否", false)],
    ],
    [
      "☑是第 3 批专业技术人员继续教育基地 □是省级继续教育基地 □否",
      [opt("是第3批专业技术人员继续教育基地", true), opt("是省级继续教育基地", false), opt("否", false)],
    ],
    [
      "□财政资助项目\n\n☑自筹经费项目（自筹经费来源：省财政）",
      [opt("财政资助项目", false), opt("自筹经费项目", true, "省财政")],
    ],
    [
      "☑财政资助项目 □自筹经费项目 (自筹经费来源: _____)",
      [opt("财政资助项目", true), opt("自筹经费项目", false, "")],
    ],
    ["□自筹经费项目（自筹经费来源：\n）", [opt("自筹经费项目", false, "")]],
    [
      "☑服务国家战略: 乡村振兴 □对接产业需求: _____ ☑突出数字技术：人工智能赋能制造业",
      [
        opt("服务国家战略", true, "乡村振兴"),
        opt("对接产业需求", false, ""),
        opt("突出数字技术", true, "人工智能赋能制造业"),
      ],
    ],
    ["（可多选）☑财政资助项目", [opt("财政资助项目", true)]],
    ["（请在相应□内打√）☑是 □否", [opt("是", true), opt("否", false)]],
    ["是", []],
    ["", []],
  ])("%j", (text, options) => {
    expect(readChoices(text, "box-before")).toEqual(options);
  });
});

describe("readChoices, box after the option", () => {
  it.each([
    ["初级□ 中级☑ 高级□（请打√）", [opt("初级", false), opt("中级", true), opt("高级", false)]],
    ["初级□ 中级□ 高级□（请打√）", [opt("初级", false), opt("中级", false), opt("高级", false)]],
    ["初级□中级□高级☑", [opt("初级", false), opt("中级", false), opt("高级", true)]],
    ["初级 □ 中级 ☑ 高级 □ （请打√）", [opt("初级", false), opt("中级", true), opt("高级", false)]],
    ["初级☑ 中级☑ 高级□", [opt("初级", true), opt("中级", true), opt("高级", false)]],
    ["初级√ 中级 高级", [opt("初级", true), opt("中级", false), opt("高级", false)]],
    ["初级 中级√ 高级", [opt("初级", false), opt("中级", true), opt("高级", false)]],
    ["初级 中级 高级✓", [opt("初级", false), opt("中级", false), opt("高级", true)]],
    ["初级（√） 中级（ ） 高级（ ）", [opt("初级", true), opt("中级", false), opt("高级", false)]],
    ["初级□√ 中级□ 高级□", [opt("初级", true), opt("中级", false), opt("高级", false)]],
    ["拟申报等级：初级□ 中级☑", [opt("初级", false), opt("中级", true)]],
    ["初级 中级 高级（请打√）", []],
  ])("%j", (text, options) => {
    expect(readChoices(text, "box-after")).toEqual(options);
  });

  it("the same text means different choices in the two layouts (the form decides, not a guess)", () => {
    const text = "是☑ 否□";
    expect(
      readChoices(text, "box-after")
        .filter((o) => o.marked)
        .map((o) => o.label),
    ).toEqual(["是"]);
    expect(
      readChoices(text, "box-before")
        .filter((o) => o.marked)
        .map((o) => o.label),
    ).toEqual(["否"]);
  });
});

describe("readBatchNumber", () => {
  it.each([
    ["是第3批国家级继续教育基地", 3],
    ["是第 12 批专业技术人员继续教育基地", 12],
    ["是第__5__批", 5],
    ["是第三批国家级继续教育基地", 3],
    ["是第十一批", 11],
    ["是第__批国家级继续教育基地", undefined],
    ["是第批国家级继续教育基地", undefined],
    ["是第０批", undefined],
    ["是省级继续教育基地", undefined],
  ])("%j → %s", (text, n) => {
    expect(readBatchNumber(text)).toBe(n);
  });
});

describe("readYesNo", () => {
  it.each([
    ["是", true],
    ["否", false],
    [" 是 ", true],
    ["Y", true],
    ["y", true],
    ["Yes", true],
    ["N", false],
    ["no", false],
    ["有", true],
    ["无", false],
    ["没有", false],
    ["√", true],
    ["×", false],
    ["☑是 □否", true],
    ["□是 ☑否", false],
    ["□是\n■否", false],
    ["是☑ 否□", true],
    ["是□ 否☑", false],
    ["是（√） 否（ ）", true],
    ["☑有 □无", true],
  ])("%j → %s", (text, yes) => {
    expect(readYesNo(textCell(text))).toEqual({ kind: "ok", value: yes, text: text.trim() });
  });

  it.each([
    [{ value: true, text: "TRUE" }, true],
    [{ value: false, text: "FALSE" }, false],
    [numberCell(1), true],
    [numberCell(0), false],
  ])("%j → %s", (cell, yes) => {
    expect(readYesNo(cell)).toMatchObject({ kind: "ok", value: yes });
  });

  it.each(["□是 □否", "☑是 ☑否", "也许", "待定", "X", "☑其他"])("%j is unreadable", (text) => {
    expect(readYesNo(textCell(text))).toEqual({ kind: "unreadable", text });
  });

  it("reads an empty cell as empty and a stray number as unreadable", () => {
    expect(readYesNo(emptyCell)).toEqual({ kind: "empty" });
    expect(readYesNo(numberCell(2)).kind).toBe("unreadable");
  });
});
