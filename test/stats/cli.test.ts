import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { displayWidth, statsCommand } from "../../src/cli/commands/stats";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/types";
import { gridFromValues } from "../../src/core/grid/grid";
import type { Grid } from "../../src/core/grid/types";
import { cityList, recommendationList, shareList } from "./fixtures";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-stats-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Write grids as a real .xlsx (values and number formats), as staff would send it. */
async function writeWorkbook(name: string, grids: readonly Grid[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.name);
    for (let r = 0; r < grid.rowCount; r++)
      for (let c = 0; c < grid.colCount; c++) {
        const cell = grid.cell(r, c);
        if (cell.value === null) continue;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.value;
        if (cell.numberFormat) target.numFmt = cell.numberFormat;
      }
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(args: readonly string[], lang: "zh" | "en" = "zh"): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    lang,
    isTTY: false,
    cwd: dir,
  };
  const code = await statsCommand.run(args, io);
  return { code, stdout, stderr };
}

const CITY_JSON = {
  sheet: "城市 汇总表",
  ranks: [
    { row: 5, rank: 1, tied: false },
    { row: 16, rank: 2, tied: false },
    { row: 6, rank: 3, tied: true },
    { row: 7, rank: 3, tied: true },
    { row: 8, rank: 5, tied: false },
    { row: 10, rank: 6, tied: true },
    { row: 11, rank: 6, tied: true },
    { row: 12, rank: 6, tied: true },
    { row: 13, rank: 9, tied: false },
    { row: 15, rank: 10, tied: false },
    { row: 9, rank: null, tied: false },
    { row: 14, rank: null, tied: false },
  ],
  recommenders: [
    { name: "市经济信息化委", projects: 5, key: 1, allowed: 1, share: 0.2 },
    { name: "浦东新区人社局", projects: 4, key: 2, allowed: 1, share: 0.5 },
    { name: "市卫生健康委", projects: 3, key: 0, allowed: 1, share: 0 },
  ],
  domains: [
    { domain: "数字技术", count: 4, share: 0.33 },
    { domain: "生物医药", count: 3, share: 0.25 },
    { domain: "金融", count: 2, share: 0.17 },
    { domain: "装备制造", count: 1, share: 0.08 },
    { domain: "人工智能", count: 1, share: 0.08 },
  ],
  totals: { projects: 12, trainees: 677, grassrootsShare: 0.32, aiShare: 0.08 },
};

const RECOMMENDATION_JSON = {
  sheet: "推荐表",
  ranks: [],
  recommenders: [{ name: "上海市经济和信息化委员会", projects: 6, key: 2, allowed: 1, share: 0.33 }],
  domains: [],
  totals: { projects: 6, trainees: null, grassrootsShare: null, aiShare: null },
};

describe("yanxiu stats --json", () => {
  it("prints exactly the documented shape for every list of the workbook, skipping other sheets", async () => {
    const notes = gridFromValues("说明", [["填表说明：请按附件3填写。"]]);
    const file = await writeWorkbook("two-lists.xlsx", [notes, cityList(), recommendationList()]);
    const r = await run([path.basename(file), "--json"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.endsWith("\n")).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual({ sheets: [CITY_JSON, RECOMMENDATION_JSON] });
  });

  it("--sheet picks one sheet", async () => {
    const file = await writeWorkbook("pick.xlsx", [cityList(), recommendationList()]);
    const r = await run([file, "--sheet", "推荐表", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ sheets: [RECOMMENDATION_JSON] });
  });

  it("reads 基层比例 from %-formatted cells through the xlsx adapter", async () => {
    const file = await writeWorkbook("share.xlsx", [shareList()]);
    const r = await run([file, "--json"]);
    const sheet = JSON.parse(r.stdout).sheets[0];
    expect(sheet.totals).toEqual({ projects: 4, trainees: 250, grassrootsShare: 0.33, aiShare: 0.5 });
    expect(sheet.ranks).toEqual([
      { row: 4, rank: 1, tied: false },
      { row: 2, rank: 2, tied: true },
      { row: 3, rank: 2, tied: true },
      { row: 5, rank: 4, tied: false },
    ]);
  });

  it("is reachable through yanxiu's main as `yanxiu stats`", async () => {
    const file = await writeWorkbook("main.xlsx", [recommendationList()]);
    let stdout = "";
    const io: CliIO = {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      lang: "zh",
      isTTY: false,
      cwd: dir,
    };
    expect(await main(["stats", file, "--json"], io)).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ sheets: [RECOMMENDATION_JSON] });
  });
});

describe("yanxiu stats (human output)", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeWorkbook("human.xlsx", [cityList(), recommendationList()]);
  });

  it("speaks Chinese by default, with every figure", async () => {
    const r = await run([file]);
    expect(r.code).toBe(0);
    for (const expected of [
      "工作表“城市 汇总表”（汇总表）：12 个项目",
      "12 / 计划约 80（15%）",
      "677 / 计划约 5000（14%）",
      "32%（基层 215 / 学员 677）",
      "1 项（8%）",
      "超出1项",
      "有误",
      "3 并列",
      "未评分（不参加排名）：第 9、14 行",
      "承办单位：11 家，承办 2 个以上项目的：",
      "工作表“推荐表”（推荐表）：6 个项目",
      "上海市经济和信息化委员会",
      "没有评审得分列，不排名。",
    ])
      expect(r.stdout).toContain(expected);
  });

  it("speaks English with --lang en", async () => {
    const r = await run([file], "en");
    for (const expected of [
      "Sheet “城市 汇总表” (Summary list): 12 projects",
      "12 / plan about 80 (15%)",
      "over by 1",
      "3 tied",
      "No score (not ranked): rows 9, 14",
    ])
      expect(r.stdout).toContain(expected);
  });

  it.each(["zh", "en"] as const)(
    "keeps every line within 80 columns (%s), long names included",
    async (lang) => {
      const long = "上海市某某区人力资源和社会保障局专业技术人员继续教育管理办公室";
      const grid = gridFromValues("一张名字非常非常长的工作表用来测试标题换行是否正确", [
        ["推荐单位", "推荐排序", "项目名称", "领域", "评审得分", "备注"],
        [long, 1, `${long}人工智能大模型应用开发与产业实践高级研修班`, "数字技术", 91, "重点推荐"],
        [long, 1, "集成电路", "现代服务业", 91, "重点推荐"],
        [long, 5, "智能制造", "数字技术", 88, "重点推荐"],
      ]);
      const r = await run([await writeWorkbook(`long-${lang}.xlsx`, [grid])], lang);
      expect(r.code).toBe(0);
      const lines = r.stdout.split("\n");
      expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
      expect(r.stdout).toContain(lang === "zh" ? "超出2项" : "over by 2");
    },
  );
});

describe("yanxiu stats: unusable input and wrong usage exit 2", () => {
  it.each([
    ["no file", [], "请给出一个工作簿文件"],
    ["two files", ["a.xlsx", "b.xlsx"], "请给出一个工作簿文件"],
    ["an unknown option", ["a.xlsx", "--chart"], "未知选项 --chart"],
    ["--sheet without a name", ["a.xlsx", "--sheet"], "--sheet"],
  ])("%s", async (_label, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("yanxiu stats FILE");
  });

  it("a missing file", async () => {
    const r = await run(["nowhere.xlsx"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain("nowhere.xlsx: 找不到此文件");
  });

  it("a sheet that does not exist, naming the ones that do", async () => {
    const file = await writeWorkbook("sheets.xlsx", [cityList(), recommendationList()]);
    const r = await run([file, "--sheet", "统计"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有名为“统计”的工作表。现有工作表：城市 汇总表、推荐表");
  });

  it("a sheet that is not a list", async () => {
    const file = await writeWorkbook("notes.xlsx", [gridFromValues("说明", [["只有说明文字"]]), cityList()]);
    const r = await run([file, "--sheet", "说明"], "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Sheet “说明” is not a recommendation or summary list");
  });

  it("a workbook without any list still prints valid JSON", async () => {
    const file = await writeWorkbook("empty.xlsx", [gridFromValues("说明", [["只有说明文字"]])]);
    const r = await run([file, "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ sheets: [] });
    expect(r.stderr).toContain("工作簿中没有推荐表或汇总表");
  });
});
