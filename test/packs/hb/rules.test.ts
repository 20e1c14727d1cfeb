import { checkGrid } from "../../../src/core/check";
import type { Level } from "../../../src/core/packs/types";
import { CLEAN_NATIONAL, nationalSheet } from "../../golden/cases/fj-2026-gaoyan";
import { CLEAN_HB, hbSheet } from "../../golden/cases/hb-2026-gaoyan";
import { confidences, findingsOf, gridOf, ruleFindings } from "../fj/support";

const sheet = (overrides: Partial<typeof CLEAN_HB> = {}) => hbSheet("申报表", { ...CLEAN_HB, ...overrides });

describe("Hubei recognition", () => {
  it("is Hubei's with the level unknown, whatever Fujian's pack makes of it", () => {
    const result = checkGrid(gridOf(sheet()));
    expect([result.policy, result.table, result.level]).toEqual(["hb-2026-gaoyan", "application", null]);
    expect(confidences(sheet())["fj-2026-gaoyan"]).toBeUndefined();
  });

  it("a Fujian 附件1 is never Hubei's, even with Hubei's 近5年 row missing from both", () => {
    const all = confidences(nationalSheet("国家级", CLEAN_NATIONAL));
    expect(all["hb-2026-gaoyan"] ?? 0).toBeLessThan(all["fj-2026-gaoyan"] ?? 0);
  });

  it("（可多选） alone (no 近5年 row, no 湖北) still makes it Hubei's", () => {
    const s = sheet({ applicantLine: "申报单位：示范大学（盖章）" });
    const rows = s.rows.filter(
      (row) =>
        !(typeof row[1] === "string" && row[1].startsWith("近5年")) &&
        !(typeof row[0] === "string" && row[0].startsWith("注")),
    );
    const stripped = {
      ...s,
      rows,
      merges: (s.merges ?? [])
        .filter((m) => !m.startsWith("C21") && !m.startsWith("A22"))
        .map((m) => (m === "A17:A21" ? "A17:A20" : m)),
    };
    const noHubei = JSON.parse(JSON.stringify(stripped).replace(/湖北省?/g, "")) as typeof stripped;
    expect(checkGrid(gridOf(noHubei)).policy).toBe("hb-2026-gaoyan");
  });
});

describe("申报项目类别（可多选）: Fujian's 仅单选 does not hold here", () => {
  it.each([
    ["☑财政资助项目 ☑自筹经费项目 (自筹经费来源: 单位自筹)", []],
    ["☑财政资助项目 □自筹经费项目 (自筹经费来源: _____)", []],
    ["□财政资助项目 □自筹经费项目 (自筹经费来源: _____)", ["B8 choice.required error"]],
    ["☑财政资助项目 ☑自筹经费项目 (自筹经费来源: _____)", ["B8 required error"]],
  ])("%j → %j", (category, expected) => {
    const found = findingsOf(sheet({ category })).filter((f) => f.startsWith("B8 "));
    expect(found).toEqual(expected);
    expect(ruleFindings(sheet({ category }), "choice.single")).toEqual([]);
  });
});

describe("level-dependent figures: unknown level takes the looser of the two (3–6 days, ≥ 40)", () => {
  const cases: ReadonlyArray<readonly [Level | null, string, string, string[]]> = [
    [null, "2026年6月22日-24日", "计划招收学员40人", []],
    [null, "2026年6月22日-27日", "计划招收学员40人", []],
    [null, "2026年6月22日-28日", "计划招收学员39人", ["B13 trainees.min warning", "B6 course.days warning"]],
    [
      "national",
      "2026年6月22日-24日",
      "计划招收学员45人",
      ["B13 trainees.min warning", "B6 course.days warning"],
    ],
    ["national", "2026年6月22日-27日", "计划招收学员50人", []],
    ["provincial", "2026年6月22日-24日", "计划招收学员40人", []],
    ["provincial", "2026年6月22日-27日", "计划招收学员45人", ["B6 course.days warning"]],
    ["provincial", "4天左右", "计划招收学员40人", []],
  ];
  it.each(cases)("level %s: %s, %s → %j", (level, courseTime, audience, expected) => {
    const all = findingsOf(sheet({ courseTime, audience }), level ? { level } : {});
    expect(all.filter((f) => !f.includes("level.unknown"))).toEqual(expected);
    expect(all.includes("A2 level.unknown info")).toBe(level === null);
  });

  it("course.finish-by (2026-09-30) is an error at every level", () => {
    for (const options of [{}, { level: "national" as const }, { level: "provincial" as const }])
      expect(
        ruleFindings(sheet({ courseTime: "2026年9月28日-10月2日" }), "course.finish-by", options),
      ).toEqual(["B6 course.finish-by error"]);
  });
});

describe("the rest of the form", () => {
  it("申报时间 after 2025-12-25 is late; on the day is not", () => {
    expect(ruleFindings(sheet({ dateLine: "申报时间：2025年12月25日" }), "deadline.submission")).toEqual([]);
    expect(ruleFindings(sheet({ dateLine: "申报时间：2025-12-26" }), "deadline.submission")).toEqual([
      "A4 deadline.submission warning",
    ]);
    expect(ruleFindings(sheet({ dateLine: "申报时间:    年   月   日" }), "deadline.submission")).toEqual([]);
  });

  it.each([
    ["☑是第 5 批专业技术人员继续教育基地 □是省级继续教育基地 □否", []],
    ["☑是第_____批专业技术人员继续教育基地 □是省级继续教育基地 □否", ["C20 base.batch-number warning"]],
    ["□是第_____批专业技术人员继续教育基地 ☑是省级继续教育基地 ☑否", ["C20 choice.single error"]],
  ])("是否继续教育基地 %j → %j", (base, expected) => {
    expect(findingsOf(sheet({ base }), { level: "provincial" })).toEqual(expected);
  });

  it("both unit blocks: formats checked, one phone of each required", () => {
    const found = findingsOf(
      sheet({
        applicant: { ...CLEAN_HB.applicant, office: "", mobile: "13907112345" },
        host: { ...CLEAN_HB.host, office: "", mobile: "", fax: "8712345" },
      }),
      { level: "provincial" },
    );
    expect(found).toEqual(["B18 required error"]);
  });

  it("Fujian's own rules (联办, 国家部委) are not Hubei's", () => {
    const found = findingsOf(
      sheet({ host: { ...CLEAN_HB.host, name: "武汉大学、华中科技大学" }, ministry: "湖北省经济和信息化厅" }),
      { level: "provincial" },
    );
    expect(found).toEqual([]);
  });
});
