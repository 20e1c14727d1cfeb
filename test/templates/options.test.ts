import { readChoices } from "../../src/core/read/choice";
import { boxes, tickOption } from "../../src/core/templates/options";

describe("tickOption", () => {
  it.each([
    // box before the option, single choice: the chosen one ticked, the other cleared
    ["□是 □否", "是", true, "☑是 □否"],
    ["☑是 □否", "否", true, "□是 ☑否"],
    ["√是 □否", "否", true, "□是 ☑否"],
    ["[x]是 [ ]否", "否", true, "□是 ☑否"],
    ["□√是 □否", "否", true, "□是 ☑否"],
    ["☑是 □否", "是", true, "☑是 □否"],
    // several options, exact words beat prefixes
    [
      "□高级研修项目  □急需紧缺人才培养项目",
      "急需紧缺人才培养项目",
      true,
      "□高级研修项目  ☑急需紧缺人才培养项目",
    ],
    ["☑高级研修项目  □急需紧缺人才培养项目", "急需紧缺", true, "□高级研修项目  ☑急需紧缺人才培养项目"],
    ["□国家基地  □本市基地  □否", "否", true, "□国家基地  □本市基地  ☑否"],
    // a blank inside the option and line breaks, as Fujian prints it
    [
      "□是第____批国家级继续教育基地\n☑是省级继续教育基地\n□否",
      "是第批国家级继续教育基地",
      true,
      "☑是第____批国家级继续教育基地\n□是省级继续教育基地\n□否",
    ],
    [
      "□是第____批国家级继续教育基地\n□是省级继续教育基地\n□否",
      "是省级",
      true,
      "□是第____批国家级继续教育基地\n☑是省级继续教育基地\n□否",
    ],
    // multiple choice: the others stay as they are
    [
      "☑财政资助项目\n□自筹经费项目（自筹经费来源：  ）",
      "自筹经费项目",
      false,
      "☑财政资助项目\n☑自筹经费项目（自筹经费来源：  ）",
    ],
    ["☑主题报告：a\n□专题研讨：\n☑现场教学：b", "专题研讨", false, "☑主题报告：a\n☑专题研讨：\n☑现场教学：b"],
    // a group inside brackets is a group of its own
    [
      "□提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：□是  □否）\n☑不提供学员住宿",
      "提供学员住宿",
      true,
      "☑提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：□是  □否）\n□不提供学员住宿",
    ],
    [
      "☑提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：☑是  □否）\n□不提供学员住宿",
      "否",
      true,
      "☑提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：□是  ☑否）\n□不提供学员住宿",
    ],
    // box after the option (培训机构申报表), the instruction （请打√） untouched
    ["初级□  中级□  高级□（请打√）", "中级", true, "初级□  中级☑  高级□（请打√）"],
    ["初级☑  中级□  高级□（请打√）", "高级", true, "初级□  中级□  高级☑（请打√）"],
    ["初级☑  中级□  高级□（请打√）", "高级", false, "初级☑  中级□  高级☑（请打√）"],
    ["拟申报等级：初级□ 中级□ 高级□", "初级", true, "拟申报等级：初级☑ 中级□ 高级□"],
    // full-width words and spaces in the wanted option
    ["□是  □否", " 否 ", true, "□是  ☑否"],
  ])("%j: tick %j (single %s)", (text, option, single, expected) => {
    expect(tickOption(text, option, single)).toBe(expected);
  });

  it.each([
    ["□是 □否", "也许"],
    ["没有方框的文字", "是"],
    ["", "是"],
    ["□是 □否", ""],
  ])("leaves %j unchanged when %j is not an option", (text, option) => {
    expect(tickOption(text, option, true)).toBe(text);
  });

  it("follows the layout it is given over its own guess", () => {
    // Read box-after, "是□否□" ticks the box after 否; read box-before it would tick nothing after 否.
    expect(tickOption("是□否□", "否", true, "box-after")).toBe("是□否☑");
  });

  it.each([
    [boxes(["是", "否"]), "box-before" as const],
    [boxes(["初级", "中级", "高级"], "box-after"), "box-after" as const],
    [boxes(["国家基地", "本市基地", "否"]), "box-before" as const],
  ])("the engine reads exactly one chosen option after ticking each option of %j", (text, layout) => {
    const labels = readChoices(text, layout).map((o) => o.label);
    for (const label of labels) {
      const chosen = readChoices(tickOption(text, label, true), layout).filter((o) => o.marked);
      expect(chosen.map((o) => o.label)).toEqual([label]);
    }
  });
});
