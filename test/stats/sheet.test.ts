import fc from "fast-check";
import { gridFromValues } from "../../src/core/grid/grid";
import type { CellValue } from "../../src/core/grid/types";
import { isKeyRecommendation } from "../../src/core/rules/list";
import { build, evaluateLayout, expectSheetEqualsCore } from "./harness";
import { CITY_HEADER, cityList, recommendationList, shareList } from "./fixtures";

describe("the statistics sheet, evaluated by HyperFormula, gives the core's figures", () => {
  it.each([
    ["a city summary list (a sheet name with a space)", cityList()],
    ["a single recommender's 推荐表", recommendationList("推荐表")],
    ["a list with 基层比例 (a sheet name with quotes)", shareList()],
    ["a sheet named like a cell reference", cityList("A1")],
    ["a sheet named 统计 itself", recommendationList("统计")],
  ])("%s", (_label, grid) => {
    expectSheetEqualsCore(grid);
  });

  it("follows later edits: a changed score, 领域 and 备注 change the figures", () => {
    const grid = cityList();
    const { layout } = build(grid);
    const { hf, value } = evaluateLayout(grid, layout);
    const source = hf.getSheetId(grid.name) as number;
    const f = layout.figures;
    const digital = f.domains.find((d) => d.domain === "数字技术");
    const agri = f.domains.find((d) => d.domain === "农业");
    expect([value(digital?.count ?? f.projects), value(agri?.count ?? f.projects)]).toEqual([4, 0]);
    // Row 6 (sheet row 6): 集成电路 → 农业; 评审得分 90 → 99; 备注 → 重点推荐.
    hf.setCellContents({ sheet: source, row: 5, col: 5 }, "农业");
    hf.setCellContents({ sheet: source, row: 5, col: 9 }, 99);
    hf.setCellContents({ sheet: source, row: 5, col: 10 }, "重点推荐");
    expect([value(digital?.count ?? f.projects), value(agri?.count ?? f.projects)]).toEqual([3, 1]);
    const row6 = f.rows.find((r) => r.row === 5);
    expect(row6?.rank && value(row6.rank)).toBe(1);
    expect(value(f.recommenders[0]?.key ?? f.projects)).toBe(2);
  });

  it("draws a bar chart of projects per 领域 over the 领域 lines", () => {
    const { layout } = build(cityList());
    const chart = layout.charts?.[0];
    const first = layout.figures.domains[0]?.count;
    const last = layout.figures.domains.at(-1)?.count;
    expect(chart).toMatchObject({
      kind: "bar",
      categories: { top: first?.row, left: 0, bottom: last?.row, right: 0 },
      values: { top: first?.row, left: 1, bottom: last?.row, right: 1 },
    });
    // The notice's 19 领域 + 人工智能 typed as a 领域.
    expect(layout.figures.domains).toHaveLength(SH_DOMAIN_COUNT + 1);
  });

  it("a list without 领域 gets no 领域 table and no chart", () => {
    const { layout } = build(recommendationList());
    expect(layout.charts).toBeUndefined();
    expect(layout.figures.domains).toEqual([]);
  });

  it("refers to the source sheet with a quoted name", () => {
    const { layout } = build(shareList());
    const formulas = layout.cells.map((c) => c.formula ?? "").join("\n");
    expect(formulas).toContain("'推荐 ''汇总'' 表'!$D$2:$D$5");
    expect(formulas).not.toMatch(/[^']推荐 '汇总' 表/);
  });

  it("regression: a 承办单位 typed as “=同济” stays a label, not a formula", () => {
    const grid = gridFromValues("s", [
      ["项目名称", "承办单位"],
      ["甲", "=同济"],
      ["乙", "-"],
    ]);
    const { layout } = build(grid);
    const { value, errors } = evaluateLayout(grid, layout);
    expect(errors).toEqual([]);
    const labels = layout.figures.hosts.map((h) => value({ row: h.count.row, col: 0 }));
    expect(labels).toEqual(["=同济", "-"]);
    expect(layout.figures.hosts.map((h) => value(h.count))).toEqual([1, 1]);
  });

  // Functions Excel added after 2007 (RANK.EQ, IFS, …) must be stored as _xlfn.NAME in a file; a workbook written by
  // ExcelJS without the prefix shows #NAME? until each cell is re-entered. The sheet keeps to the 2007 set.
  it("regression: uses only functions every Excel since 2007 reads from a file without _xlfn prefixes", () => {
    const { layout } = build(cityList());
    const used = new Set<string>();
    for (const c of layout.cells) {
      const code = (c.formula ?? "").replace(/"[^"]*"/g, "");
      for (const m of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1] as string);
    }
    const excel2007 = [
      "SUMPRODUCT",
      "LEN",
      "COUNTIFS",
      "SUM",
      "IF",
      "ISNUMBER",
      "SEARCH",
      "ISERROR",
      "SUBSTITUTE",
      "CHAR",
      "MAX",
      "INT",
      "AND",
      "ROW",
      "RANK",
    ];
    expect([...used].filter((f) => !excel2007.includes(f))).toEqual([]);
    expect(used).toContain("RANK");
  });

  it("lists the cells a formula cannot read like the core, on top of the sheet", () => {
    const grid = gridFromValues("s", [
      CITY_HEADER,
      [1, "甲", 1, "项目", "单位", "数字技术", "", "60人", 20, 80, ""],
    ]);
    const { layout } = build(grid);
    expect(layout.cells.find((c) => c.row === 2)?.value).toContain("H2");
  });
});

const SH_DOMAIN_COUNT = 20;

describe("the 重点推荐 expression matches the engine's isKeyRecommendation", () => {
  const remarks = [
    "重点推荐",
    "重点",
    "是",
    " 是 ",
    "√",
    "✓",
    "否",
    "非重点",
    "不重点推荐",
    "",
    "推荐",
    "重 点推荐",
    "重点推荐（拟）",
    "是否",
    "重点\n推荐",
    "　重点　",
    "重点推荐：否",
    "是否重点：否",
  ];
  it.each(remarks.map((r) => [JSON.stringify(r), r]))("%s", (_label, remark) => {
    const grid = gridFromValues("备 注", [
      ["项目名称", "备注"],
      ["甲", remark === "" ? undefined : remark],
    ]);
    const { stats, layout } = build(grid);
    const { value, errors } = evaluateLayout(grid, layout);
    expect(errors).toEqual([]);
    const key = layout.figures.recommenders[0]?.key;
    expect(key && value(key)).toBe(isKeyRecommendation(remark) ? 1 : 0);
    expect(stats.recommenders[0]?.key).toBe(isKeyRecommendation(remark) ? 1 : 0);
  });
});

describe("the 重点推荐 allowance matches the engine's max(1, ⌊15% × N⌋) for every N", () => {
  it.each(Array.from({ length: 41 }, (_, i) => i + 1))("N = %i", (n) => {
    const grid = gridFromValues("推荐表", [
      ["推荐排序", "项目名称", "备注"],
      ...Array.from({ length: n }, (_, i) => [i + 1, `项目${i + 1}`, i < 3 ? "重点推荐" : ""]),
    ]);
    const { stats, layout } = build(grid);
    const { value } = evaluateLayout(grid, layout);
    const rec = layout.figures.recommenders[0];
    expect(
      rec && [value(rec.allowed), value(rec.key ?? rec.allowed), value(rec.ranking ?? rec.allowed)],
    ).toEqual([stats.recommenders[0]?.allowed, Math.min(3, n), "有效"]);
  });
});

describe("the RANK test shim agrees with HyperFormula's native COUNTIF", () => {
  it("on ties, gaps, text and blanks", () => {
    const grid = gridFromValues("s", [
      ["项目名称", "得分"],
      ["a", 90],
      ["b", 85],
      ["c", "85"],
      ["d", 85],
      ["e", undefined],
      ["f", 70.5],
      ["g", 95],
    ]);
    const { layout } = build(grid);
    const { value, hf } = evaluateLayout(grid, layout);
    const stats = hf.getSheetId("统计") as number;
    const source = hf.getSheetId("s") as number;
    for (const r of layout.figures.rows) {
      const score = hf.getCellValue({ sheet: source, row: r.row, col: 1 });
      if (typeof score !== "number") continue;
      hf.setCellContents({ sheet: stats, row: 0, col: 20 }, `=COUNTIF(s!$B$2:$B$8,">"&s!B${r.row + 1})+1`);
      expect(r.rank && value(r.rank)).toBe(hf.getCellValue({ sheet: stats, row: 0, col: 20 }));
    }
  });
});

// Random lists, evaluated both ways: the formulas and the core must agree on every figure.
const cellArb = {
  recommender: fc.constantFrom("甲局", "乙局", "乙局 ", "丙区人社局", "", '"引号"局', ">5", "x*局"),
  rank: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
  domain: fc.constantFrom("数字技术", "数字 技术", "金融", "人工智能", "建筑", ""),
  major: fc.constantFrom("人工智能", "区块链", "", "AI 应用", "大数据"),
  title: fc.constantFrom("大模型", "智能体开发", "金融科技", "城市更新", "Chain 研究"),
  host: fc.constantFrom("交大", "复旦", "同济", "交大 ", "=同济", "复?旦"),
  trainees: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  grassroots: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  score: fc.option(fc.constantFrom(60, 75, 75.5, 80, 90, 100), { nil: undefined }),
  remark: fc.constantFrom("重点推荐", "", "非重点", "是", "否"),
};

describe("property: the statistics sheet equals the core on random lists", () => {
  it("for any list of up to 25 projects", () => {
    fc.assert(
      fc.property(fc.array(fc.record(cellArb), { minLength: 1, maxLength: 25 }), (rows) => {
        const values: (CellValue | undefined)[][] = [
          [
            "序号",
            "推荐单位",
            "推荐排序",
            "项目名称",
            "承办单位",
            "领域",
            "专业范围",
            "学员人数",
            "基层人数",
            "评审得分",
            "备注",
          ],
          ...rows.map((r, i) => [
            i + 1,
            r.recommender,
            r.rank,
            `${r.title}${i}`,
            r.host,
            r.domain,
            r.major,
            r.trainees,
            r.grassroots,
            r.score,
            r.remark,
          ]),
        ];
        expectSheetEqualsCore(gridFromValues("随机 列表", values));
      }),
      { numRuns: 40 },
    );
  });
});

describe("regression: group cells merged downwards are counted for every row they cover, in the core and the sheet", () => {
  const header = [
    "序号",
    "推荐单位",
    "推荐排序",
    "项目名称",
    "承办单位",
    "领域",
    "专业范围",
    "学员人数",
    "备注",
  ];
  it("领域 and 承办单位 merged over rows (AI share included)", () => {
    const grid = gridFromValues(
      "合并",
      [
        header,
        [1, "甲局", 1, "大模型研修班", "交大", "数字技术", "人工智能", 50, "重点推荐"],
        [2, "甲局", 2, "智能体研修班", undefined, undefined, "人工智能", 50, ""],
        [3, "乙局", 1, "城市更新研修班", "同济", "建筑", "城市更新", 40, ""],
        [4, "乙局", 2, "绿色建筑研修班", undefined, undefined, "绿色建筑", 40, ""],
      ],
      [
        { top: 1, left: 4, bottom: 2, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
        { top: 3, left: 4, bottom: 4, right: 4 },
        { top: 3, left: 5, bottom: 4, right: 5 },
      ],
    );
    const { stats } = build(grid);
    expect(stats.hosts.map((h) => [h.host, h.count])).toEqual([
      ["交大", 2],
      ["同济", 2],
    ]);
    expect(stats.domains.map((d) => [d.domain, d.count])).toEqual([
      ["数字技术", 2],
      ["建筑", 2],
    ]);
    expect(stats.totals.ai).toBe(2);
    expectSheetEqualsCore(grid);
  });

  it("two recommenders a case-insensitive COUNTIFS cannot tell apart are counted over their rows", () => {
    const grid = gridFromValues("大小写", [
      ["推荐单位", "推荐排序", "项目名称", "备注"],
      ["ABC研究会", 1, "甲", "重点推荐"],
      ["abc研究会", 1, "乙", ""],
      ["abc研究会", 2, "丙", "重点推荐"],
    ]);
    const { stats, layout } = build(grid);
    // The engine's rules group them apart (compactText keeps case): so do the figures.
    expect(stats.recommenders.map((r) => [r.name, r.projects, r.key])).toEqual([
      ["ABC研究会", 1, 1],
      ["abc研究会", 2, 1],
    ]);
    expect(layout.cells.some((c) => String(c.value ?? "").includes("按行分组"))).toBe(true);
    expectSheetEqualsCore(grid);
  });
});

describe("regression: a group spread over very many row ranges never gets a formula longer than Excel accepts", () => {
  it("its figures are written as the core's values, and the note says so", () => {
    const grid = gridFromValues("分散", [
      ["推荐单位", "推荐排序", "项目名称", "承办单位", "备注"],
      ...Array.from({ length: 240 }, (_, i) => [
        i % 2 === 0 ? "ABC研究会" : "abc研究会",
        Math.floor(i / 2) + 1,
        `项目${i}`,
        `单位${i}`,
        i % 10 === 0 ? "重点推荐" : "",
      ]),
    ]);
    const { stats, layout } = build(grid);
    expect(stats.recommenders.map((r) => [r.name, r.projects])).toEqual([
      ["ABC研究会", 120],
      ["abc研究会", 120],
    ]);
    expect(Math.max(...layout.cells.map((c) => (c.formula ?? "").length))).toBeLessThanOrEqual(8192);
    expect(layout.cells.some((c) => String(c.value ?? "").includes("固定值"))).toBe(true);
    expectSheetEqualsCore(grid);
  });
});
