import { figuresFromProse, filledItems } from "../../src/core/rules/prose";

describe("figuresFromProse", () => {
  it.each([
    ["计划招收60人，其中基层专业技术人员不少于20人。", { trainees: 60, grassroots: 20 }],
    ["研修人数60人左右", { trainees: 60 }],
    ["招收具有中高级职称的专业技术人员60人", { trainees: 60 }],
    ["计划招收６０名学员，基层占比不低于３０％", { trainees: 60, grassrootsShare: 0.3 }],
    ["学员一般应具有中高级职称，并向基层一线倾斜", {}],
    ["培训5天，共计3个专题", {}],
  ])("%j", (text, expected) => expect(figuresFromProse(text)).toEqual(expected));
});

describe("filledItems", () => {
  const names = ["服务本市战略", "对接产业需求", "突出数字技术"];
  it.each([
    ["服务本市战略：____ 对接产业需求：____ 突出数字技术：____", [false, false, false]],
    ["服务本市战略：助力科创中心\n对接产业需求：____\n突出数字技术：", [true, false, false]],
    ["☑服务本市战略： □对接产业需求： □突出数字技术：", [true, false, false]],
  ])("%j", (text, expected) =>
    expect(names.map((n) => filledItems(text, names).get(n) ?? false)).toEqual(expected),
  );
});
