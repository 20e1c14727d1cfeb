import { gridFromValues, makeGrid, rawCell } from "../../src/core/grid/grid";
import {
  computeStats as computeStatsWith,
  GENERIC_STATS,
  roundShare,
  statsProfileFor,
} from "../../src/core/stats";
import { cityList, recommendationList, shareList } from "./fixtures";

/** The statistics of a Shanghai list: the tests read it with the sh-2026-gaoyan pack's profile (stats.yaml). */
const computeStats = (
  grid: Parameters<typeof computeStatsWith>[0],
  options: Parameters<typeof computeStatsWith>[1] = {},
) => computeStatsWith(grid, { profile: statsProfileFor("sh-2026-gaoyan"), ...options });

const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error("expected a value");
  return v;
};

describe("computeStats on a city summary list", () => {
  const stats = must(computeStats(cityList()));

  it("finds the 12 project rows and leaves the 合计 row out", () => {
    expect(stats.rows.map((p) => p.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(stats.totals.projects).toBe(12);
    expect(stats.totals.planProjects).toBe(80);
    expect(stats.totals.planTrainees).toBe(5000);
  });

  it("ranks by 评审得分 descending, ties share a rank and the next rank skips (1, 2, 3, 3, 5, 6, 6, 6, 9, 10)", () => {
    const byRow = Object.fromEntries(stats.rows.map((p) => [p.row + 1, [p.rank, p.tied]]));
    expect(byRow).toEqual({
      5: [1, false],
      6: [3, true],
      7: [3, true],
      8: [5, false],
      9: [null, false],
      10: [6, true],
      11: [6, true],
      12: [6, true],
      13: [9, false],
      14: [null, false],
      15: [10, false],
      16: [2, false],
    });
  });

  it("lists rows without a score as unranked after the ranked ones, not ranked last", () => {
    expect(stats.ranking.map((p) => [p.row + 1, p.rank])).toEqual([
      [5, 1],
      [16, 2],
      [6, 3],
      [7, 3],
      [8, 5],
      [10, 6],
      [11, 6],
      [12, 6],
      [13, 9],
      [15, 10],
      [9, null],
      [14, null],
    ]);
  });

  it("groups recommenders across whitespace variants and counts quota use per recommender", () => {
    expect(
      stats.recommenders.map((r) => ({
        name: r.name,
        projects: r.projects,
        key: r.key,
        allowed: r.allowed,
        share: r.share,
        over: r.overQuota,
        ranking: r.ranking.status,
      })),
    ).toEqual([
      { name: "市经济信息化委", projects: 5, key: 1, allowed: 1, share: 0.2, over: false, ranking: "valid" },
      { name: "浦东新区人社局", projects: 4, key: 2, allowed: 1, share: 0.5, over: true, ranking: "valid" },
      { name: "市卫生健康委", projects: 3, key: 0, allowed: 1, share: 0, over: false, ranking: "invalid" },
    ]);
    expect(stats.recommenders[1]?.spellings).toEqual(["浦东新区人社局", "浦东新区人社局 "]);
  });

  it("marks each row's 推荐排序 as valid only when it is unique and within 1..N of its recommender", () => {
    const health = stats.rows.filter((p) => p.recommender === "市卫生健康委").map((p) => p.rankingOk);
    expect(health).toEqual([false, false, true]);
    expect(stats.rows.filter((p) => p.recommender !== "市卫生健康委").every((p) => p.rankingOk)).toBe(true);
  });

  it("sums trainees and computes the 基层 share as Σ基层 / Σ学员", () => {
    expect(stats.totals.trainees).toBe(677);
    expect(stats.totals.grassroots).toBe(215);
    expect(stats.totals.grassrootsBase).toBe(677);
    expect(stats.totals.grassrootsShare).toBeCloseTo(215 / 677, 12);
  });

  it("counts 领域 with the notice's names, keeps unknown ones apart and counts empty cells separately", () => {
    expect(stats.domains.map((d) => [d.domain, d.count, d.known])).toEqual([
      ["数字技术", 4, true],
      ["生物医药", 3, true],
      ["金融", 2, true],
      ["装备制造", 1, true],
      ["人工智能", 1, false],
    ]);
    expect(stats.domains[0]?.share).toBeCloseTo(4 / 12, 12);
    expect(stats.domains[0]?.spellings).toEqual(["数字技术", "数字 技术"]);
    expect(stats.domainUnset).toBe(1);
  });

  it("counts AI topics only in 数字技术: 人工智能 as 领域 is not an AI topic", () => {
    expect(stats.rows.filter((p) => p.ai).map((p) => p.title)).toEqual(["大模型应用开发高级研修班"]);
    expect(stats.totals.ai).toBe(1);
    expect(stats.totals.aiShare).toBeCloseTo(1 / 12, 12);
  });

  it("counts projects per 承办单位, most first", () => {
    expect(stats.hosts[0]).toMatchObject({ host: "上海交通大学", count: 2, rows: [4, 6] });
    expect(stats.hosts).toHaveLength(11);
  });

  it("has no caveats when every figure is a number", () => {
    expect(stats.caveats).toEqual([]);
  });
});

describe("computeStats on a single recommender's 推荐表", () => {
  const stats = must(computeStats(recommendationList()));

  it("treats the whole list as one recommender named by the line above the table", () => {
    expect(stats.recommenders).toHaveLength(1);
    expect(stats.recommenders[0]).toMatchObject({
      name: "上海市经济和信息化委员会",
      whole: true,
      projects: 6,
      key: 2,
      allowed: 1,
      overQuota: true,
    });
    expect(stats.rows.every((p) => p.recommender === null)).toBe(true);
  });

  it("reports 推荐排序 as invalid through the engine's rule (5 repeated, 4 missing)", () => {
    expect(stats.recommenders[0]?.ranking).toEqual({ status: "invalid", problems: 1, inOrder: true });
    expect(stats.rows.map((p) => p.rankingOk)).toEqual([true, true, true, false, false, true]);
  });

  it("has no ranking without a score column, and no trainee, 基层 or AI figures without their columns", () => {
    expect(stats.ranking).toEqual([]);
    expect(stats.rows.every((p) => p.rank === null && !p.tied)).toBe(true);
    expect(stats.totals).toMatchObject({
      trainees: null,
      grassroots: null,
      grassrootsShare: null,
      ai: null,
      aiShare: null,
    });
    expect(stats.domains).toEqual([]);
  });
});

describe("lists without a 推荐单位 column or its line", () => {
  it('names the whole-list recommender "" when nothing names it', () => {
    const grid = gridFromValues("s", [
      ["项目名称", "承办单位", "备注", "得分"],
      ["甲", "A", "重点推荐", 80],
      ["乙", "B", "", 80],
    ]);
    const stats = must(computeStats(grid));
    expect(stats.recommenders).toEqual([
      expect.objectContaining({ name: "", whole: true, projects: 2, key: 1, allowed: 1, share: 0.5 }),
    ]);
    expect(stats.recommenders[0]?.ranking.status).toBe("absent");
    expect(stats.rows.map((p) => [p.rank, p.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it("gives key null (not 0) when there is no 备注 column", () => {
    const grid = gridFromValues("s", [
      ["推荐排序", "项目名称"],
      [1, "甲"],
    ]);
    expect(must(computeStats(grid)).recommenders[0]).toMatchObject({
      key: null,
      share: null,
      overQuota: false,
    });
  });
});

describe("missing and unreadable scores", () => {
  it.each([
    ["empty", undefined],
    ["text that is not a number", "待定"],
    ["a vague number", "八十多"],
  ])("a score that is %s leaves the row unranked and the others ranked 1..", (_label, bad) => {
    const grid = gridFromValues("s", [
      ["项目名称", "评审得分"],
      ["甲", 70],
      ["乙", bad],
      ["丙", 90],
    ]);
    const stats = must(computeStats(grid));
    expect(stats.rows.map((p) => p.rank)).toEqual([2, null, 1]);
    expect(stats.ranking.map((p) => p.title)).toEqual(["丙", "甲", "乙"]);
  });

  it.each(["评审得分", "专家评分", "得分", "总分"])("recognises %s as the score column", (header) => {
    const grid = gridFromValues("s", [
      ["项目名称", header],
      ["甲", 1],
      ["乙", 2],
    ]);
    expect(must(computeStats(grid)).rows.map((p) => p.rank)).toEqual([2, 1]);
  });
});

describe("基层 from a share column", () => {
  it("uses 基层比例 × 学员人数, over rows where both are known", () => {
    const stats = must(computeStats(shareList()));
    // 80×0.4 + 50×0.3 + 60×0.25 = 62 over 190 trainees; 城市更新 has no share and stays out of both sums.
    expect(stats.totals.grassroots).toBeCloseTo(62, 9);
    expect(stats.totals.grassrootsBase).toBe(190);
    expect(stats.totals.grassrootsShare).toBeCloseTo(62 / 190, 12);
    expect(stats.totals.trainees).toBe(250);
  });

  it("notes a bare 40 meaning 40%: the core reads it, a formula would not", () => {
    const stats = must(computeStats(shareList("s", true)));
    expect(stats.totals.grassroots).toBeCloseTo(62, 9);
    expect(stats.caveats).toEqual([
      { row: 1, col: 4, key: "grassrootsShare", text: "40", kind: "bare-percent" },
    ]);
  });
});

describe("caveats for numbers stored as text", () => {
  it("reads “60人” and “85” typed as text but lists them", () => {
    const grid = makeGrid("s", [
      [rawCell("项目名称"), rawCell("学员人数"), rawCell("得分")],
      [rawCell("甲"), rawCell("60人"), rawCell("85")],
      [rawCell("乙"), rawCell(50), rawCell(90)],
    ]);
    const stats = must(computeStats(grid));
    expect(stats.totals.trainees).toBe(110);
    expect(stats.rows.map((p) => p.rank)).toEqual([2, 1]);
    expect(stats.caveats.map((c) => [c.row, c.col, c.kind])).toEqual([
      [1, 1, "text-number"],
      [1, 2, "text-number"],
    ]);
  });
});

describe("profiles", () => {
  it("a pack without plan figures gets no plan", () => {
    const stats = must(computeStats(cityList(), { profile: statsProfileFor("fj-2026-gaoyan") }));
    expect(stats.profile).toBe("generic");
    expect(stats.totals.planProjects).toBeNull();
    // The generic profile takes AI words in any 领域: 生成式AI under 人工智能 counts there.
    expect(stats.totals.ai).toBe(2);
  });

  it("a pack's profile comes from its stats.yaml and keyQuota figure; no pack: the generic one", () => {
    expect(statsProfileFor("sh-2026-gaoyan")).toMatchObject({
      planProjects: 80,
      planTrainees: 5000,
      aiDomain: "数字技术",
      quota: { share: 0.15, atLeast: 1 },
    });
    expect(statsProfileFor("sh-2026-gaoyan").domains).toHaveLength(20);
    expect(statsProfileFor(null)).toBe(GENERIC_STATS);
  });
});

describe("sheets that are not lists", () => {
  it.each([
    ["an empty sheet", gridFromValues("e", [])],
    [
      "a form",
      gridFromValues("f", [
        ["项目名称", "某项目"],
        ["办班时间", "5天"],
      ]),
    ],
  ])("returns undefined for %s", (_label, grid) => {
    expect(computeStats(grid)).toBeUndefined();
  });

  it("a blank 推荐表 template has 0 projects, not its pre-printed ranks", () => {
    const grid = gridFromValues("t", [
      ["推荐排序", "项目名称", "承办单位", "备注"],
      [1, undefined, undefined, "重点推荐"],
      [2],
      [3],
    ]);
    const stats = must(computeStats(grid));
    expect(stats.totals.projects).toBe(0);
    expect(stats.recommenders[0]).toMatchObject({ projects: 0, key: 0, allowed: 1 });
  });
});

describe("roundShare", () => {
  it.each([
    [1 / 3, 0.33],
    [0.125, 0.13],
    [0.005, 0.01],
    [215 / 677, 0.32],
    [1e-7, 0],
    [null, null],
    [Number.NaN, null],
  ])("%p → %p", (share, rounded) => {
    expect(roundShare(share)).toBe(rounded);
  });
});
