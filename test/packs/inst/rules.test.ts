import { readIndustry } from "../../../src/core/models/sh-digital-institution/industries";
import { readOccupation } from "../../../src/core/models/sh-digital-institution/occupations";
import { readUnitType } from "../../../src/core/models/sh-digital-institution/unit-types";
import { instContext } from "../../../src/core/models/sh-digital-institution/figures";
import { findPack } from "../../../src/core/packs/registry";
import { editDistance, nearest } from "../../../src/core/models/sh-digital-institution/suggest";
const INST = instContext(findPack("sh-2026-digital-institution")!.data);

import {
  readCreditAnswer,
  readFee,
  readFoundingDate,
  readTickedLevels,
  readYear,
} from "../../../src/core/models/sh-digital-institution/values";
import type { RawCell } from "../../../src/core/grid/types";
import { CLEAN_INST } from "../../golden/cases/sh-2026-digital-institution";
import { findingsOf } from "./support";

const text = (t: string): RawCell => ({ value: t, text: t });
const num = (n: number): RawCell => ({ value: n, text: String(n) });

describe("拟申报开展培训的职业 (仅填一项)", () => {
  it.each([
    ["人工智能工程技术人员", { kind: "ok", name: "人工智能工程技术人员" }],
    ["数字化管理师", { kind: "ok", name: "数字化管理师" }],
    ["工业互联网工程技术人员", { kind: "ok", name: "工业互联网工程技术人员" }],
    ["人工智能工程技术人员（中级、高级）", { kind: "ok", name: "人工智能工程技术人员" }],
    [" 集成电路工程技术人员 ", { kind: "ok", name: "集成电路工程技术人员" }],
    ["大数据工程技术员", { kind: "unknown", suggestion: "大数据工程技术人员" }],
    ["人工智能", { kind: "unknown", suggestion: "人工智能工程技术人员" }],
    ["数字化管理", { kind: "unknown", suggestion: "数字化管理师" }],
    ["智能制造工程师", { kind: "unknown", suggestion: "智能制造工程技术人员" }],
    ["区快链工程技术人员", { kind: "unknown", suggestion: "区块链工程技术人员" }],
    [
      "大数据工程技术人员、云计算工程技术人员",
      { kind: "several", names: ["大数据工程技术人员", "云计算工程技术人员"] },
    ],
    ["网络安全工程技术人员", { kind: "unknown" }],
  ])("%j", (value, expected) => {
    expect(readOccupation(value, INST.occupations)).toEqual(expected);
  });
});

describe("单位类型", () => {
  it.each([
    ["民办非企业单位", true, undefined],
    ["行业协会等社团组织", true, undefined],
    ["企业", true, undefined],
    ["民营企业（有限责任公司）", true, undefined],
    ["国有企业", false, "企业"],
    ["有限责任公司", false, "企业"],
    ["社会团体", false, "行业协会等社团组织"],
    ["民办非企业", false, "民办非企业单位"],
    ["高等院校", false, "事业单位"],
    ["私营企业", false, "民营企业"],
    ["政府机关", false, undefined],
  ])("%j → ok %s, suggest %s", (value, ok, suggestion) => {
    const read = readUnitType(value, INST.unitTypes);
    expect(read.ok).toBe(ok);
    if (!read.ok) expect(read.suggestion).toBe(suggestion);
  });
});

describe("所属行业 (GB/T 4754-2017)", () => {
  it("lists/industries.yaml holds the 20 sections A–T and the 97 divisions 01–97 in order", () => {
    const GBT4754_SECTIONS = INST.industries.sections;
    expect(GBT4754_SECTIONS.map((s) => s.letter).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
    const codes = GBT4754_SECTIONS.flatMap((s) => s.divisions.map((d) => d.code));
    expect(codes).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, "0")));
  });

  it.each([
    ["P", "P", undefined],
    ["p", "P", undefined],
    ["教育", "P", undefined],
    ["P 教育", "P", undefined],
    ["83 教育", "P", "83"],
    ["P83教育", "P", "83"],
    ["软件和信息技术服务业", "I", "65"],
    ["I65 软件和信息技术服务业", "I", "65"],
    ["65-软件和信息技术服务业", "I", "65"],
    ["信息传输、软件和信息技术服务业", "I", undefined],
    ["信息传输，软件和信息技术服务业", "I", undefined],
    ["农林牧渔业", "A", undefined],
    ["C 制造业", "C", undefined],
    ["39 计算机、通信和其他电子设备制造业", "C", "39"],
    ["M 科学研究和技术服务业；P 教育", "M", undefined],
    ["门类P", "P", undefined],
    ["72", "L", "72"],
  ])("%j is section %s division %s", (value, section, division) => {
    const read = readIndustry(INST.industries, value);
    expect(read.ok && [read.section.letter, read.division?.code]).toEqual([section, division]);
  });

  it.each([
    ["教育培训", "P 教育"],
    ["互联网", "64 互联网和相关服务（I 信息传输、软件和信息技术服务业）"],
    ["信息技术服务业", "65 软件和信息技术服务业（I 信息传输、软件和信息技术服务业）"],
    ["P 软件和信息技术服务业", "65 软件和信息技术服务业（I 信息传输、软件和信息技术服务业）"],
    ["84 教育", "P 教育"],
    ["U", undefined],
    ["98 其他", undefined],
    ["教育；培训咨询", undefined],
  ])("%j is not a section or division (suggest %s)", (value, suggestion) => {
    const read = readIndustry(INST.industries, value);
    expect(read).toEqual(suggestion === undefined ? { ok: false } : { ok: false, suggestion });
  });
});

describe("suggestions", () => {
  it.each([
    ["abc", "abd", 1],
    ["", "abc", 3],
    ["大数据工程技术员", "大数据工程技术人员", 1],
    ["kitten", "sitting", 3],
  ])("editDistance(%j, %j) = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("suggests nothing for a single character or a far-off word", () => {
    expect(nearest("企", ["企业"])).toBeUndefined();
    expect(nearest("气象预报", ["企业", "事业单位"])).toBeUndefined();
  });
});

describe("专业技术等级 (box after the option)", () => {
  it.each([
    ["初级□ 中级☑ 高级□（请打√）", ["中级"]],
    ["初级☑ 中级☑ 高级☑（请打√）", ["初级", "中级", "高级"]],
    ["初级 □ 中级 □ 高级 □ （请打√）", []],
    ["初级√ 中级 高级", ["初级"]],
    ["初级□中级□√高级□", ["中级"]],
    ["初级（√） 中级（ ） 高级（√）", ["初级", "高级"]],
    // Retyped with the box first: the marks still go to the right level.
    ["☑初级 □中级 ☑高级", ["初级", "高级"]],
    ["", []],
    // No box anywhere: the levels named are the chosen ones.
    ["中级、高级", ["中级", "高级"]],
  ])("%j → %j", (value, levels) => {
    expect(readTickedLevels(value)).toEqual(levels);
  });
});

describe("the form's small readers", () => {
  it.each([
    [num(180), 180],
    [text("180"), 180],
    [text("180元"), 180],
    [text("260元/学时"), 260],
    [text("￥260/学时"), 260],
    [text("二百元"), 200],
    [text("1,200元每学时"), 1200],
  ])("培训费用 %j → %d", (cell, value) => {
    expect(readFee(cell)).toEqual({ kind: "ok", value });
  });

  it.each([text("面议"), text("200-300元")])("培训费用 %j is unreadable", (cell) => {
    expect(readFee(cell).kind).toBe("unreadable");
  });

  it.each([
    [text("2012年5月18日"), "2012-05-18"],
    [text("2012-05-18"), "2012-05-18"],
    [text("2012年5月"), "2012-05-01"],
    [text("2012.5"), "2012-05-01"],
    [text("2012年"), "2012-01-01"],
    [num(2012), "2012-01-01"],
  ])("单位成立时间 %j → earliest day %s", (cell, iso) => {
    const read = readFoundingDate(cell);
    const [y, m, d] = iso.split("-").map(Number);
    expect(read).toEqual({ kind: "ok", value: { year: y, month: m, day: d } });
  });

  it("单位成立时间 in words is unreadable", () => {
    expect(readFoundingDate(text("成立多年")).kind).toBe("unreadable");
  });

  it.each([
    ["否", false],
    ["无", false],
    ["无失信行为", false],
    ["否（已查询）", false],
    ["是", true],
    ["有失信记录", true],
    ["待查", undefined],
  ])("是否有失信行为 %j → %s", (value, answer) => {
    expect(readCreditAnswer(value)).toBe(answer);
  });

  it.each([
    [num(2024), 2024],
    [text("2024"), 2024],
    [text("2024年"), 2024],
    [text("２０２４年度"), 2024],
    [text("去年"), undefined],
  ])("年份 %j → %s", (cell, year) => {
    expect(readYear(cell)).toBe(year);
  });
});

describe("rules on the clean form with one answer changed", () => {
  it("the clean form has no findings", () => {
    expect(findingsOf()).toEqual([]);
  });

  it.each([
    ["2021年3月3日", []],
    ["2021年3月4日", ["C13 inst.experience-years"]],
    ["2021年3月", []],
    ["2021年", []],
    ["2022年", ["C13 inst.experience-years"]],
    ["2030年1月1日", ["C13 inst.experience-years"]],
    ["成立多年", ["C13 unreadable"]],
  ])("单位成立时间 %j (five years before 2026-03-03)", (founded, expected) => {
    expect(findingsOf({ founded })).toEqual(expected);
  });

  it.each([
    ["填表日期：2026年4月3日", []],
    ["填表日期：2026年4月4日", ["A3 deadline.submission"]],
    ["填表日期：", []],
  ])("%j against the deadline of 2026-04-03", (fillDate, expected) => {
    expect(findingsOf({ fillDate })).toEqual(expected);
  });

  it("a credit code registered outside Shanghai is a warning, a bad one an error", () => {
    expect(findingsOf({ creditCode: "91320594MA1Q2W3E88" })).toEqual(["C8 sh.registered-locally"]);
    expect(findingsOf({ creditCode: "91310115MA1H8XK272" })).toEqual(["C8 credit-code.checksum"]);
    expect(findingsOf({ creditCode: "" })).toEqual(["A8 required"]);
  });

  describe("sums", () => {
    it("accept counts written with units and separators", () => {
      expect(findingsOf({ scaleTotal: "11,220人次", scaleIndependent: "8040人次" })).toEqual([]);
    });

    it("check each year, the total and the independent total", () => {
      const scale = CLEAN_INST.scale.map((r) => [...r] as [string, number, number, number]);
      (scale[4] as [string, number, number, number])[3] = 800; // 2025: 1930 + 800 ≠ 2710
      expect(findingsOf({ scale })).toEqual(["D29 sum.consistency"]);
      expect(findingsOf({ scaleTotal: 11000 })).toEqual(["D30 sum.consistency"]);
      expect(findingsOf({ scaleIndependent: 8000 })).toEqual(["D31 sum.consistency"]);
      expect(findingsOf({ teachersTotal: 25 })).toEqual(["C36 sum.consistency"]);
    });

    it("report an unreadable count and leave the sum it belongs to alone", () => {
      const scale = CLEAN_INST.scale.map((r) => [...r] as [string, CellValueLike, number, number]);
      (scale[0] as [string, CellValueLike, number, number])[1] = "一千八百多";
      expect(findingsOf({ scale })).toEqual(["D25 unreadable"]);
    });

    it("skip a total that was left empty", () => {
      expect(findingsOf({ scaleTotal: null, scaleIndependent: null, teachersTotal: null })).toEqual([]);
    });
  });

  it.each([
    [["初级□ 中级☑ 高级☑（请打√）", [100, 600, 200]], ["D47 inst.plan-level"]],
    [["初级□ 中级☑ 高级☑（请打√）", [0, 600, 200]], []],
    [["初级□ 中级☑ 高级☑（请打√）", ["无", 600, 200]], []],
    [["初级□ 中级☑ 高级□（请打√）", ["/", 600, 200]], ["D49 inst.plan-level"]],
    // Nothing ticked: inst.level says so; every planned number is not flagged again.
    [["初级□ 中级□ 高级□（请打√）", [100, 600, 200]], ["C5 inst.level"]],
    [["", [100, 600, 200]], ["A5 inst.level"]],
  ] as const)("planned numbers against the ticked levels %j", ([level, plan], expected) => {
    expect(findingsOf({ level, plan: plan as unknown as [string, number, number] })).toEqual(expected);
  });

  it.each([
    ["专职", []],
    ["兼职师资", []],
    ["全职", ["G40 inst.teacher-kind"]],
    ["", ["G40 inst.teacher-kind"]],
  ])("人员性质 %j", (kind, expected) => {
    const teachers = CLEAN_INST.teachers.map((t, i) =>
      i === 1 ? ([t[0], t[1], t[2], t[3], kind, t[5]] as const) : t,
    );
    expect(findingsOf({ teachers })).toEqual(expected);
  });

  it.each([
    [[2023, 36.5, "无"], []],
    [["2023年度", 36.5, "否（已查询）"], []],
    [[2023, 36.5, "是"], ["F15 inst.credit-record"]],
    [[2023, 36.5, "待查"], ["F15 unreadable"]],
    [[2023, 36.5, ""], ["F15 required"]],
    [[2025, 36.5, "否"], ["C14 inst.tax-years"]],
    [
      [2022, 36.5, "否"],
      ["C14 inst.tax-years", "C15 inst.tax-years"],
    ],
  ] as const)("纳税 row %j", (first, expected) => {
    const tax = [first, ...CLEAN_INST.tax.slice(1)] as unknown as typeof CLEAN_INST.tax;
    expect(findingsOf({ tax })).toEqual(expected);
  });

  it("an occupation left empty is required, several are one finding", () => {
    expect(findingsOf({ occupation: "" })).toEqual(["A4 required"]);
    expect(findingsOf({ occupation: "人工智能工程技术人员；云计算工程技术人员" })).toEqual([
      "C4 inst.occupation",
    ]);
  });

  it("an industry outside the standard is a warning with the nearest name", () => {
    expect(findingsOf({ industry: "65 软件和信息技术服务业" })).toEqual([]);
    expect(findingsOf({ industry: "教育培训" })).toEqual(["F11 inst.industry"]);
  });
});

type CellValueLike = string | number;
