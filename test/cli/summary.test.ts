import * as fs from "node:fs";
import * as path from "node:path";
import { loadWorkbook } from "../xlsx/helpers";
import { cleanTemp, runCli, tempDir, writeExample } from "./helpers";

let dir: string;
let summaryFile: string;
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = tempDir();
  await writeExample(dir, "sh-recommendation.xlsx", "in/a-recommendation.xlsx");
  await writeExample(dir, "sh-application.xlsx", "in/b-application.xlsx");
  await writeExample(dir, "sh-city-summary.xlsx", "in/c-city-summary.xlsx");
  fs.writeFileSync(path.join(dir, "in", "d-broken.xlsx"), "not a workbook at all - just words");
  summaryFile = path.join(dir, "汇总.xlsx");
  run = await runCli(["check", path.join(dir, "in"), "--summary", summaryFile], { cwd: dir });
});
afterAll(cleanTemp);

const values = (ws: import("exceljs").Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe("--summary OUT.xlsx", () => {
  it("is written and announced; the run's exit code still reflects the inputs", () => {
    expect(fs.existsSync(summaryFile)).toBe(true);
    expect(run.stdout).toContain(`已写出汇总工作簿：${summaryFile}`);
    expect(run.code).toBe(2);
  });

  it("lists every file with its sheets, pack and counts, and the reason for a file that could not be checked", async () => {
    const wb = await loadWorkbook(fs.readFileSync(summaryFile));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["文件清单", "项目汇总"]);
    const rows = values(wb.getWorksheet("文件清单")!);
    expect(rows[0]).toEqual([
      "文件",
      "工作表",
      "表格",
      "政策",
      "层级",
      "错误",
      "提醒",
      "说明",
      "无法校验的原因",
    ]);
    const byFile = rows.slice(1).map((r) => [path.basename(String(r[0])), r[1], r[2], r[3]]);
    expect(byFile).toEqual([
      ["a-recommendation.xlsx", "推荐表", "推荐表", "上海 2026 高级研修项目（沪人社专〔2026〕82号）"],
      ["b-application.xlsx", "申报表", "申报表", "上海 2026 高级研修项目（沪人社专〔2026〕82号）"],
      ["c-city-summary.xlsx", "汇总表", "汇总表", "上海 2026 高级研修项目（沪人社专〔2026〕82号）"],
      ["d-broken.xlsx", undefined, undefined, undefined],
    ]);
    expect(String(rows[4]?.[8])).toContain("纯文本文件");
    const json = JSON.parse(
      (await runCli(["check", path.join(dir, "in", "a-recommendation.xlsx"), "--json"])).stdout,
    );
    const count = (s: string) =>
      json.files[0].sheets[0].findings.filter((f: { severity: string }) => f.severity === s).length;
    expect(rows[1]?.slice(5, 8)).toEqual([count("error"), count("warning"), count("info")]);
  });

  it("merges every project row of every list and form into one list with its source file, sheet and row", async () => {
    const wb = await loadWorkbook(fs.readFileSync(summaryFile));
    const rows = values(wb.getWorksheet("项目汇总")!);
    const header = rows[0] as string[];
    expect(header.slice(0, 3)).toEqual(["来源文件", "来源工作表", "来源行"]);
    expect(header).toEqual(
      expect.arrayContaining(["推荐排序", "项目名称", "承办单位", "推荐单位", "学员人数", "领域", "备注"]),
    );
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    // 6 rows of the 推荐表, 1 form, 10 rows of the city list (its 合计 row and notes are not projects).
    expect(body.map((r) => path.basename(String(r[0])))).toEqual([
      ...Array(6).fill("a-recommendation.xlsx"),
      "b-application.xlsx",
      ...Array(10).fill("c-city-summary.xlsx"),
    ]);
    expect(body[0]?.slice(1, 3)).toEqual(["推荐表", 5]);
    expect(body[0]?.[col("项目名称")]).toBe("工业互联网平台安全与数据治理高级研修班");
    // The 推荐表's recommender comes from its "推荐单位：" line.
    expect(body[0]?.[col("推荐单位")]).toBe("上海市经济和信息化委员会");
    // The form: one project, no row, its applicant as host.
    expect(body[6]?.slice(1, 3)).toEqual(["申报表", undefined]);
    expect(body[6]?.[col("项目名称")]).toBe("生成式人工智能工程化落地高级研修班");
    expect(body[6]?.[col("承办单位")]).toBe("上海人工智能产业研究院");
    expect(body[6]?.[col("推荐单位")]).toBe("上海市经济和信息化委员会");
    expect(body[7]?.[col("学员人数")]).toBe(60);
  });

  it("the merged list is itself recognised as a summary list by yanxiu check", async () => {
    const again = JSON.parse((await runCli(["check", summaryFile, "--json"])).stdout);
    const projects = again.files[0].sheets.find((s: { sheet: string }) => s.sheet === "项目汇总");
    expect([projects.table, projects.policy]).toEqual(["summary", "sh-2026-gaoyan"]);
  });
});
