import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFast } from "../../src/adapters/xlsx/fast-read";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { readZipIndex } from "../../src/adapters/xlsx/zip-index";
import { statsCommand } from "../../src/cli/commands/stats";
import type { CliIO } from "../../src/cli/types";
import { checkGrid } from "../../src/core/check";
import type { Grid } from "../../src/core/grid/types";
import { LIST_COLUMNS } from "../../src/core/recognise/columns";
import { readList } from "../../src/core/recognise/list";
import { computeStats as computeStatsWith, statsProfileFor, type ListStats } from "../../src/core/stats";
import { build, evaluateLayout, expectSheetEqualsCore } from "./harness";

/** The statistics of a Shanghai list: the tests read it with the sh-2026-gaoyan pack's profile (stats.yaml). */
const computeStats = (
  grid: Parameters<typeof computeStatsWith>[0],
  options: Parameters<typeof computeStatsWith>[1] = {},
) => computeStatsWith(grid, { profile: statsProfileFor("sh-2026-gaoyan"), ...options });

/**
 * The statistics on the golden workbooks written by LibreOffice and openpyxl (test/golden/files): 推荐单位 merged over
 * its rows, written once with blank rows below, section rows (一、市经济信息化委) in place of the column, 承办单位 merged.
 * The figures must be the ones the engine's per-recommender findings are about, and the 统计 sheet must give them.
 */
const FILES = path.join(__dirname, "..", "golden", "files");

async function viaExcelJs(id: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(FILES, `${id}.xlsx`)) as unknown as ExcelJS.Buffer);
  return gridsFromWorkbook(wb);
}

function viaDirect(id: string): Grid[] {
  const bytes = fs.readFileSync(path.join(FILES, `${id}.xlsx`));
  const index = readZipIndex(bytes);
  if (!index.ok) throw new Error(index.reason);
  const read = readWorkbookFast(bytes, index.entries);
  if (!read.ok) throw new Error(JSON.stringify(read));
  return read.sheets.map((s) => s.grid);
}

function statsOf(grid: Grid): ListStats {
  const list = readList(grid, LIST_COLUMNS);
  const stats = list && computeStats(grid, { list });
  if (!stats) throw new Error(`${grid.name}: not a list`);
  return stats;
}

async function sheet(id: string, name: string): Promise<Grid> {
  const grid = (await viaExcelJs(id)).find((g) => g.name === name);
  if (!grid) throw new Error(`${id}: no sheet ${name}`);
  return grid;
}

const recommenders = (stats: ListStats) =>
  stats.recommenders.map((r) => ({
    name: r.name,
    rows: r.rows.map((row) => row + 1),
    key: r.key,
    overQuota: r.overQuota,
    ranking: r.ranking.status,
  }));

// Figures written by hand from the workbooks (sheet rows 1-based), the way a reader of the printed list counts them.
const LAYOUTS = [
  {
    label: "推荐单位 merged over its rows (LibreOffice)",
    id: "lo-sh-summary-merged",
    sheet: "汇总",
    recommenders: [
      { name: "市经济信息化委", rows: [5, 6, 7, 8], key: 3, overQuota: true, ranking: "valid" },
      // 推荐排序 1, 1: the engine's ranking.sequence error at D10.
      { name: "浦东新区人社局", rows: [9, 10], key: 1, overQuota: false, ranking: "invalid" },
    ],
  },
  {
    label: "推荐单位 written once with blank rows below (LibreOffice, three header rows)",
    id: "lo-sh-summary-written-once",
    sheet: "推荐汇总",
    recommenders: [
      { name: "市卫生健康委", rows: [6, 7, 8], key: 2, overQuota: true, ranking: "valid" },
      { name: "徐汇区人社局", rows: [9, 10], key: 1, overQuota: false, ranking: "valid" },
    ],
  },
  {
    label: "section rows heading each recommender, 推荐排序 restarting at 1 (LibreOffice)",
    id: "lo-sh-summary-sections",
    sheet: "汇总",
    recommenders: [
      { name: "市经济信息化委", rows: [4, 5, 6], key: 2, overQuota: true, ranking: "valid" },
      { name: "浦东新区人社局", rows: [8, 9], key: 1, overQuota: false, ranking: "valid" },
    ],
  },
  {
    label: "推荐单位 merged over its rows (openpyxl)",
    id: "py-sh-summary-clean",
    sheet: "汇总",
    recommenders: [
      { name: "市住房城乡建设管理委", rows: [6, 7], key: 1, overQuota: false, ranking: "valid" },
      { name: "市农业农村委", rows: [8], key: 1, overQuota: false, ranking: "valid" },
    ],
  },
];

describe("regression: statistics group 推荐单位 by the table model, as the per-recommender rules do", () => {
  it.each(LAYOUTS.map((l) => [l.label, l] as const))("%s", async (_label, layout) => {
    const grid = await sheet(layout.id, layout.sheet);
    expect(recommenders(statsOf(grid))).toEqual(layout.recommenders);
    // The direct reader (the pane's file mode and the CLI's fast path) gives the same groups.
    const direct = viaDirect(layout.id).find((g) => g.name === layout.sheet);
    expect(direct && recommenders(statsOf(direct))).toEqual(layout.recommenders);
  });

  it("section rows name each project's recommender; no unnamed group appears", async () => {
    const stats = statsOf(await sheet("lo-sh-summary-sections", "汇总"));
    expect(stats.rows.map((p) => [p.row + 1, p.recommender])).toEqual([
      [4, "市经济信息化委"],
      [5, "市经济信息化委"],
      [6, "市经济信息化委"],
      [8, "浦东新区人社局"],
      [9, "浦东新区人社局"],
    ]);
    expect(stats.recommenders.some((r) => r.whole || r.name === "")).toBe(false);
  });

  it("a 承办单位 merged over two rows counts for both (openpyxl, Fujian)", async () => {
    const stats = statsOf(await sheet("py-fj-summary-merged", "汇总表"));
    expect(stats.hosts.map((h) => [h.host, h.count, h.rows.map((r) => r + 1)])).toEqual([
      ["福建农林技术学院", 2, [5, 6]],
      ["福建海洋研究所", 1, [4]],
      ["福建新能源研究院", 1, [7]],
    ]);
  });

  it("“数字技术领域” counts as the notice's 数字技术 (as the rules read it), in the 领域 count and the AI share", async () => {
    const stats = statsOf(await sheet("lo-sh-summary-sections", "汇总"));
    expect(stats.domains.map((d) => [d.domain, d.count, d.known])).toEqual([
      ["数字技术", 3, true],
      ["装备制造", 1, true],
      ["生物医药", 1, true],
    ]);
    // Row 4 大模型应用研修班 in 数字技术领域: an AI topic.
    expect(stats.totals.ai).toBe(1);
  });
});

// Every list sheet of every golden workbook: the figures and the engine's findings speak of the same groups.
const GOLDEN_IDS = fs
  .readdirSync(FILES)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""))
  .sort();

describe.each(GOLDEN_IDS)("golden workbook %s", (id) => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = (await viaExcelJs(id)).filter((g) => {
      const list = readList(g, LIST_COLUMNS);
      return list !== undefined && list.columns.has("title");
    });
  });

  it("the 统计 sheet, evaluated by HyperFormula, gives the core's figures", () => {
    for (const grid of grids) expectSheetEqualsCore(grid);
  });

  it("over-quota recommenders are exactly the engine's quota warnings, ranking errors exactly its recommenders'", () => {
    for (const grid of grids) {
      const check = checkGrid(grid);
      if (check.table !== "summary" && check.table !== "recommendation") continue;
      const stats = statsOf(grid);
      const quota = check.findings.filter((f) => f.rule === "key-recommendation.quota");
      const warned = quota.filter((f) => f.severity === "warning");
      // The warning stands on the recommender's 重点推荐 cells: the first one and the others as related cells.
      const warnedRows = warned.map((f) =>
        [f.row, ...(f.related ?? []).map((c) => c.row)].sort((a, b) => a - b),
      );
      const overRows = stats.recommenders
        .filter((r) => r.overQuota)
        .map((r) => r.rows.filter((row) => stats.rows.find((p) => p.row === row)?.key));
      expect(warnedRows).toEqual(overRows);
      if (stats.recommenders.some((r) => r.key !== null))
        expect(quota).toHaveLength(stats.recommenders.length);
      const rankingErrors = check.findings.filter(
        (f) => f.rule === "ranking.sequence" && f.severity === "error",
      );
      for (const rec of stats.recommenders)
        expect([rec.name, rankingErrors.filter((f) => rec.rows.includes(f.row)).length]).toEqual([
          rec.name,
          rec.ranking.problems,
        ]);
    }
  });
});

describe("regression: the 统计 sheet counts merged, written-once and section groups over their own rows", () => {
  it.each([
    ["lo-sh-summary-merged", "汇总", [4, 2], [3, 1]],
    ["lo-sh-summary-written-once", "推荐汇总", [3, 2], [2, 1]],
    ["lo-sh-summary-sections", "汇总", [3, 2], [2, 1]],
    ["py-sh-summary-clean", "汇总", [2, 1], [1, 1]],
  ] as const)("%s", async (id, name, projects, keys) => {
    const grid = await sheet(id, name);
    const { layout } = build(grid);
    const { value, errors } = evaluateLayout(grid, layout);
    expect(errors).toEqual([]);
    const recs = layout.figures.recommenders;
    expect(recs.map((r) => value(r.projects))).toEqual(projects);
    expect(recs.map((r) => r.key && value(r.key))).toEqual(keys);
    // The note says why the figures follow rows and not the 推荐单位 text.
    const notes = layout.cells.map((c) => String(c.value ?? ""));
    expect(notes.some((t) => t.includes("按行分组"))).toBe(true);
  });

  it("follows an edit inside a merged group: a 重点推荐 cleared under the merge lowers that group's count", async () => {
    const grid = await sheet("lo-sh-summary-merged", "汇总");
    const { layout } = build(grid);
    const { value, hf } = evaluateLayout(grid, layout);
    const source = hf.getSheetId(grid.name) as number;
    const key = layout.figures.recommenders[0]?.key;
    if (!key) throw new Error("no key figure");
    expect(value(key)).toBe(3);
    // N6 (row 6, under the 市经济信息化委 merge C5:C8): 重点推荐 → blank.
    hf.setCellContents({ sheet: source, row: 5, col: 13 }, null);
    expect(value(key)).toBe(2);
  });

  it("a list whose 推荐单位 is typed on every row keeps its COUNTIFS over the column (and no note)", async () => {
    const grid = await sheet("py-sh-summary-formulas", "汇总");
    const { layout } = build(grid);
    expect(
      layout.figures.recommenders[0] &&
        layout.cells.find((c) => c.row === layout.figures.recommenders[0]?.projects.row && c.col === 1)
          ?.formula,
    ).toMatch(/^=COUNTIFS\(/);
    expect(layout.cells.some((c) => String(c.value ?? "").includes("按行分组"))).toBe(false);
  });
});

async function statsJson(id: string): Promise<unknown> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    lang: "zh",
    isTTY: false,
    cwd: FILES,
  };
  const code = await statsCommand.run([`${id}.xlsx`, "--json"], io);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(stdout);
}

describe("regression: `yanxiu stats --json` on the golden workbooks groups per recommender as the findings do", () => {
  it("推荐单位 merged over its rows", async () => {
    expect(await statsJson("lo-sh-summary-merged")).toEqual({
      sheets: [
        {
          sheet: "汇总",
          ranks: [],
          recommenders: [
            { name: "市经济信息化委", projects: 4, key: 3, allowed: 1, share: 0.75 },
            { name: "浦东新区人社局", projects: 2, key: 1, allowed: 1, share: 0.5 },
          ],
          domains: [
            { domain: "数字技术", count: 3, share: 0.5 },
            { domain: "装备制造", count: 1, share: 0.17 },
            { domain: "生物医药", count: 1, share: 0.17 },
            { domain: "建筑", count: 1, share: 0.17 },
          ],
          // 学员 60+45+50+55+50+60; 基层 20+15+10+20+15+30 = 110 of 320; AI: 人工智能大模型… in 数字技术.
          totals: { projects: 6, trainees: 320, grassrootsShare: 0.34, aiShare: 0.17 },
        },
      ],
    });
  });

  it("推荐单位 written once", async () => {
    const doc = (await statsJson("lo-sh-summary-written-once")) as { sheets: { recommenders: unknown }[] };
    expect(doc.sheets.map((s) => s.recommenders)).toEqual([
      [
        { name: "市卫生健康委", projects: 3, key: 2, allowed: 1, share: 0.67 },
        { name: "徐汇区人社局", projects: 2, key: 1, allowed: 1, share: 0.5 },
      ],
    ]);
  });

  it("section rows in place of the 推荐单位 column", async () => {
    const doc = (await statsJson("lo-sh-summary-sections")) as {
      sheets: { recommenders: unknown; totals: unknown }[];
    };
    expect(doc.sheets.map((s) => [s.recommenders, s.totals])).toEqual([
      [
        [
          { name: "市经济信息化委", projects: 3, key: 2, allowed: 1, share: 0.67 },
          { name: "浦东新区人社局", projects: 2, key: 1, allowed: 1, share: 0.5 },
        ],
        // 学员 60+50+50+45+55 = 260, 基层 85; AI: 大模型应用研修班 (数字技术领域) = 1 of 5.
        { projects: 5, trainees: 260, grassrootsShare: 0.33, aiShare: 0.2 },
      ],
    ]);
  });
});
