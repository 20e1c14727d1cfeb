import { isLocalBody } from "../../../src/core/models/fj-gaoyan/application";
import { dateInText, readHeadLine } from "../../../src/core/models/national-form/form";
import { jointHostParts } from "../../../src/core/read/units";
import {
  CLEAN_NATIONAL,
  CLEAN_PROVINCIAL,
  CLEAN_SUMMARY_ROWS,
  SIGNER,
  nationalSheet,
  provincialSheet,
  summarySheet,
} from "../../golden/cases/fj-2026-gaoyan";
import { findingsOf, ruleFindings } from "./support";

describe("fj.no-joint-host: a 承办单位 that names two units (三（二） 不得与其他单位联办)", () => {
  it.each([
    ["福州大学、福建师范大学", ["福州大学", "福建师范大学"]],
    ["福州大学，厦门大学", ["福州大学", "厦门大学"]],
    ["福建医科大学联合福建省立医院", ["福建医科大学", "福建省立医院"]],
    ["厦门大学与集美大学", ["厦门大学", "集美大学"]],
    ["福州大学和福建省农业科学院", ["福州大学", "福建省农业科学院"]],
    ["福建省人力资源和社会保障厅与福州大学", ["福建省人力资源和社会保障厅", "福州大学"]],
    ["福州大学/福建农林大学", ["福州大学", "福建农林大学"]],
    ["福州大学（联合福建工程学院）", ["福州大学", "福建工程学院"]],
    ["福州大学、厦门大学等", ["福州大学", "厦门大学"]],
    ["福州大学（与福建省立医院联办）", ["福州大学", "福建省立医院"]],
    ["福州大学（共同承办）", ["福州大学（共同承办）"]],
  ])("%s → %j", (name, parts) => {
    expect(jointHostParts(name)).toEqual(parts);
  });

  it.each([
    "福建省人力资源和社会保障厅",
    "工业和信息化部",
    "福建省文化和旅游厅",
    "中国联合网络通信集团有限公司福建省分公司",
    "福建省归国华侨联合会",
    "福建医科大学附属协和医院",
    "福建农林大学和平校区",
    "中共福建省委党校（福建行政学院）",
    "福州海洋工程技术研究院",
    "",
  ])("%s is one unit", (name) => {
    expect(jointHostParts(name)).toBeUndefined();
  });
});

describe("fj.ministry.national: 附件1 asks for a national ministry (附件4 第5条)", () => {
  it.each([
    "福建省卫生健康委员会",
    "福建省工业和信息化厅",
    "省教育厅",
    "福州市人力资源和社会保障局",
    "厦门市科技局",
    "闽侯县农业农村局",
  ])("%s is a provincial or local body", (text) => expect(isLocalBody(text)).toBe(true));
  it.each([
    "工业和信息化部",
    "国家卫生健康委员会",
    "国家市场监督管理总局",
    "住房和城乡建设部",
    "海关总署",
    "中国科学院",
  ])("%s is a national body", (text) => expect(isLocalBody(text)).toBe(false));

  it("fires on 附件1 only: a provincial department is right on 附件2", () => {
    expect(
      ruleFindings(
        nationalSheet("s", { ...CLEAN_NATIONAL, ministry: "福建省卫生健康委员会" }),
        "fj.ministry.national",
      ),
    ).toEqual(["E8 fj.ministry.national warning"]);
    expect(
      ruleFindings(
        provincialSheet("s", { ...CLEAN_PROVINCIAL, ministry: "福建省卫生健康委员会" }),
        "fj.ministry.national",
      ),
    ).toEqual([]);
  });
});

describe("base.batch-number: 是第__批国家级继续教育基地 ticked without its batch", () => {
  it.each([
    ["☑是第 3 批国家级继续教育基地\n□是省级继续教育基地\n□否", []],
    ["☑是第三批国家级继续教育基地 □是省级继续教育基地 □否", []],
    ["☑是第__批国家级继续教育基地 □是省级继续教育基地 □否", ["C21 base.batch-number warning"]],
    ["☑是第      批国家级继续教育基地\n□是省级继续教育基地\n□否", ["C21 base.batch-number warning"]],
    ["□是第      批国家级继续教育基地\n☑是省级继续教育基地\n□否", []],
    ["□是第      批国家级继续教育基地\n□是省级继续教育基地\n☑否", []],
  ])("%j → %j", (base, expected) => {
    const sheet = nationalSheet("s", { ...CLEAN_NATIONAL, base });
    expect(ruleFindings(sheet, "base.batch-number")).toEqual(expected);
    expect(ruleFindings(sheet, "choice.single")).toEqual([]);
  });
});

describe("申报项目类别（仅单选） on 附件1", () => {
  it.each([
    ["☑财政资助项目\n□自筹经费项目（自筹经费来源：    ）", []],
    ["□财政资助项目\n☑自筹经费项目（自筹经费来源：单位自有资金）", []],
    ["□财政资助项目\n□自筹经费项目（自筹经费来源：    ）", ["B9 choice.single error"]],
    ["☑财政资助项目\n☑自筹经费项目（自筹经费来源：单位自有资金）", ["B9 choice.single error"]],
    ["□财政资助项目\n☑自筹经费项目（自筹经费来源：\n）", ["B9 required error"]],
    ["□财政资助项目\n√自筹经费项目（自筹经费来源：______）", ["B9 required error"]],
  ])("%j → %j", (category, expected) => {
    const found = findingsOf(nationalSheet("s", { ...CLEAN_NATIONAL, category })).filter((f) =>
      f.startsWith("B9 "),
    );
    expect(found).toEqual(expected);
  });
});

describe("附件1 leaves the province's own fields blank (附件4 第2条); 附件2 needs every field (第3条)", () => {
  it("a blank 申报单位 line, 申报时间 and 申报单位信息 block on 附件1 is not reported", () => {
    expect(findingsOf(nationalSheet("s", CLEAN_NATIONAL))).toEqual([]);
  });

  it("附件1: a host reachable by mobile only is fine; neither phone is not", () => {
    expect(
      findingsOf(nationalSheet("s", { ...CLEAN_NATIONAL, host: { ...CLEAN_NATIONAL.host, office: "" } })),
    ).toEqual([]);
    expect(
      findingsOf(
        nationalSheet("s", { ...CLEAN_NATIONAL, host: { ...CLEAN_NATIONAL.host, office: "", mobile: "" } }),
      ),
    ).toEqual(["B19 required error"]);
  });

  it("附件2: 办公电话, 手机 and 传真 are each required, and so are the 申报单位/申报时间 lines", () => {
    const sheet = provincialSheet("s", {
      ...CLEAN_PROVINCIAL,
      applicantLine: "申报单位：       （盖章）",
      dateLine: "申报时间：    年   月   日",
      host: { ...CLEAN_PROVINCIAL.host, office: "", mobile: "", fax: "" },
    });
    expect(findingsOf(sheet)).toEqual([
      "A4 required error",
      "A5 required error",
      "B15 required error",
      "B16 required error",
      "D15 required error",
    ]);
  });

  it.each([
    ["同意推荐。\n（盖章）\n2026年2月12日", []],
    ["（盖章）\n2026年2月12日", []],
    ["（盖章）  2026-02-12", []],
    ["（盖章）\n        年     月       日", ["A18 required error"]],
    ["同意推荐。（盖章）", ["A18 required error"]],
  ])("审核意见 %j → %j", (review, expected) => {
    expect(ruleFindings(provincialSheet("s", { ...CLEAN_PROVINCIAL, review }), "required")).toEqual(expected);
  });
});

describe("the level decides the figures; the form decides the fields", () => {
  it.each([
    // 附件1 read as national: 5–7 days, ≥ 50 (一般: warnings)
    [
      "national",
      "2026年9月14日-17日",
      "计划招收学员45人",
      ["B14 trainees.min warning", "B7 course.days warning"],
    ],
    ["national", "2026年9月14日-20日", "计划招收学员50人", []],
    // the same form forced to provincial: 3–5 days, ≥ 30
    ["provincial", "2026年9月14日-17日", "计划招收学员45人", []],
    [
      "provincial",
      "2026年9月14日-20日",
      "计划招收学员25人",
      ["B14 trainees.min warning", "B7 course.days warning"],
    ],
  ] as const)("%s: %s, %s → %j", (level, courseTime, audience, expected) => {
    const sheet = nationalSheet("s", { ...CLEAN_NATIONAL, courseTime, audience });
    expect(findingsOf(sheet, { level })).toEqual(expected);
  });

  it("course.finish-by is an error at both levels (2026-11-30)", () => {
    const sheet = provincialSheet("s", { ...CLEAN_PROVINCIAL, courseTime: "2026年11月29日-12月2日" });
    expect(findingsOf(sheet)).toEqual(["B7 course.finish-by error"]);
  });

  it("申报时间 on 附件1 is judged against the national deadline when the province fills it in", () => {
    expect(
      findingsOf(nationalSheet("s", { ...CLEAN_NATIONAL, dateLine: "申报时间：2026年1月16日" })),
    ).toEqual([]);
    expect(
      findingsOf(nationalSheet("s", { ...CLEAN_NATIONAL, dateLine: "申报时间：2026年1月17日" })),
    ).toEqual(["A5 deadline.submission warning"]);
  });
});

describe("附件3 汇总表", () => {
  const rows = CLEAN_SUMMARY_ROWS;

  it("the level is unknown: the later (provincial) deadline holds, with an info note", () => {
    expect(findingsOf(summarySheet("s", rows, SIGNER, "填表日期：2026年2月20日"))).toEqual([
      "A2 level.unknown info",
    ]);
    expect(findingsOf(summarySheet("s", rows, SIGNER, "填表日期：2026年2月21日"))).toEqual([
      "A2 level.unknown info",
      "D10 deadline.submission warning",
    ]);
  });

  it("a chosen level drops the note and applies its own deadline", () => {
    expect(
      findingsOf(summarySheet("s", rows, SIGNER, "填表日期：2026年2月1日"), { level: "provincial" }),
    ).toEqual([]);
    expect(
      findingsOf(summarySheet("s", rows, SIGNER, "填表日期：2026年2月1日"), { level: "national" }),
    ).toEqual(["D10 deadline.submission warning"]);
  });

  it("reads 填表日期 written in the same cell as the 盖章 line, and ignores the template's blank date", () => {
    const oneCell = summarySheet("s", rows, `${SIGNER}          填表日期：2026年3月1日`, "");
    expect(findingsOf(oneCell)).toEqual(["A10 deadline.submission warning", "A2 level.unknown info"]);
    expect(findingsOf(summarySheet("s", rows, SIGNER, "填表日期：   年   月   日"))).toEqual([
      "A2 level.unknown info",
    ]);
  });

  it("联系电话 takes an office number, a mobile (even a numeric cell) or both", () => {
    const phones = [...rows];
    phones[0] = [
      1,
      "海洋装备智能制造关键技术高级研修班",
      "福州海洋工程技术研究院",
      "陈老师",
      "0591-87612345转8001",
      "工业和信息化",
    ];
    phones[1] = [
      2,
      "基层全科医生慢病管理能力提升高级研修班",
      "福建医科大学",
      "林老师",
      "电话：0591-22862345",
      "卫生健康",
    ];
    phones[2] = [3, "茶产业绿色低碳发展高级研修班", "福建农林大学", "黄老师", "0591-837", "农业农村"];
    expect(findingsOf(summarySheet("s", phones, SIGNER, "填表日期：2026年1月12日"))).toEqual([
      "A2 level.unknown info",
      "E6 phone.format error",
    ]);
  });
});

describe("head lines and dates in text", () => {
  const line = (text: string) => [{ row: 3, col: 0, text }];
  it.each([
    ["申报单位：（盖章）", ""],
    ["申报单位：福建医科大学（盖章）", "福建医科大学"],
    ["申报单位（盖章）：福建医科大学", "福建医科大学"],
    ["申报单位: ______(盖章)", ""],
  ])("%s → %j", (text, value) => {
    expect(readHeadLine(line(text), ["申报单位"])?.value).toBe(value);
  });
  it("申报时间 with the template's blank date reads as empty", () => {
    expect(readHeadLine(line("申报时间：    年   月   日"), ["申报时间"])?.value).toBe("");
    expect(readHeadLine(line("申报时间：2026年2月10日"), ["申报时间"])?.value).toBe("2026年2月10日");
  });
  it.each([
    ["同意推荐。（盖章）2026年2月10日", "2026年2月10日"],
    ["2026 年 2 月 10 日", "2026年2月10日"],
    ["二〇二六年二月十日", "二〇二六年二月十日"],
    ["盖章 2026/2/10", "2026/2/10"],
    ["年 月 日", undefined],
  ])("dateInText(%j) → %j", (text, date) => {
    expect(dateInText(text)).toBe(date);
  });
});
