import * as path from "node:path";
import { groupByRule } from "../../src/cli/check/report";
import type { Finding } from "../../src/core/findings";
import { cleanTemp, CLEAN_RECOMMENDATION, runCli, tempDir, writeExample, writeWorkbook } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  await writeExample(dir, "sh-recommendation.xlsx");
  await writeWorkbook(dir, "clean.xlsx", [CLEAN_RECOMMENDATION]);
});
afterAll(cleanTemp);

const f = (row: number, severity: Finding["severity"], rule: Finding["rule"]): Finding => ({
  sheet: "S",
  row,
  col: 0,
  severity,
  rule,
  message: { zh: rule, en: rule },
  clause: "",
});

describe("groupByRule", () => {
  it("one group per rule, errors first, then warnings, then info; each group in sheet order", () => {
    const groups = groupByRule([
      f(1, "warning", "host.one-project"),
      f(2, "info", "key-recommendation.quota"),
      f(3, "error", "ranking.sequence"),
      f(4, "warning", "host.one-project"),
      f(5, "warning", "key-recommendation.quota"),
      f(6, "error", "list.duplicate-title"),
    ]);
    expect(groups.map((g) => [g.rule, g.worst, g.findings.map((x) => x.row)])).toEqual([
      ["ranking.sequence", "error", [3]],
      ["list.duplicate-title", "error", [6]],
      ["host.one-project", "warning", [1, 4]],
      ["key-recommendation.quota", "warning", [2, 5]],
    ]);
  });
});

describe("human output", () => {
  it("per file and sheet: what was recognised, the counts, then findings grouped by rule (zh-CN)", async () => {
    const run = await runCli(["check", path.join(dir, "sh-recommendation.xlsx")]);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(path.join(dir, "sh-recommendation.xlsx"));
    expect(lines[1]).toMatch(
      /^ {2}工作表“推荐表”：推荐表 · 上海 2026 高级研修项目（沪人社专〔2026〕82号） · 识别置信度 0\.\d\d$/,
    );
    expect(lines[2]).toMatch(/^ {4}错误 \d+，提醒 \d+，说明 \d+$/);
    const headings = lines.filter((l) => /^ {4}\[/.test(l));
    // Every rule once, errors before warnings before info.
    const rules = headings.map((h) => /（([a-z.-]+)）/.exec(h)?.[1]);
    expect(new Set(rules).size).toBe(rules.length);
    const order = headings.map((h) => ({ "[错误]": 0, "[提醒]": 1, "[说明]": 2 })[h.trim().slice(0, 4)] ?? 9);
    expect(order).toEqual([...order].sort());
    expect(headings).toContain("    [错误] 推荐排序（ranking.sequence） · 1 处");
    expect(run.stdout).toContain("      A10   推荐排序 7 超出");
    expect(run.stdout).toContain("（依据：沪人社专〔2026〕82号 附件3）");
    // The count of a heading is the number of finding lines under it.
    const quota = lines.findIndex((l) => l.includes("（key-recommendation.quota）"));
    const n = Number(/· (\d+) 处/.exec(lines[quota] ?? "")?.[1]);
    expect(lines.slice(quota + 1, quota + 1 + n).every((l) => /^ {6}[A-Z]+\d+/.test(l))).toBe(true);
    expect(lines.at(-2)).toMatch(/^共 1 个文件、1 张工作表：错误 \d+，提醒 \d+，说明 \d+。$/);
  });

  it("a finding of lower severity than its group's worst carries its own tag", async () => {
    // One recommender over its quota (a warning on its first 重点推荐 cell), one within it (an info).
    const file = await writeWorkbook(dir, "two-recommenders.xlsx", [
      {
        name: "汇总",
        rows: [
          ["上海市高级研修项目汇总表"],
          ["推荐单位", "推荐排序", "项目名称", "承办单位", "备注"],
          ["甲局", 1, "甲研修班", "甲院", "重点推荐"],
          ["甲局", 2, "乙研修班", "乙院", "重点推荐"],
          ["乙局", 1, "丙研修班", "丙院", "重点推荐"],
        ],
      },
    ]);
    const run = await runCli(["check", file]);
    expect(run.stdout).toMatch(
      /\[提醒\] 重点推荐数量（key-recommendation.quota） · 2 处\n.*\n {6}A5 {4}\[说明\] 推荐单位“乙局”：重点推荐 1 \/ 1/,
    );
  });

  it("in English with --lang en", async () => {
    const run = await runCli([
      "check",
      "--lang",
      "en",
      path.join(dir, "sh-recommendation.xlsx"),
      path.join(dir, "nope.xlsx"),
    ]);
    expect(run.stdout).toMatch(
      / {2}Sheet “推荐表”: Recommendation list · Shanghai 2026 advanced training \(No\. 82\) · confidence 0\.\d\d/,
    );
    expect(run.stdout).toContain("    [error] Ranking sequence (ranking.sequence) · 1×");
    expect(run.stdout).toContain("  Cannot check: No such file or directory.");
    expect(run.stdout).toMatch(
      /2 files, 1 sheet: \d+ errors, \d+ warnings, \d+ notes; 1 file could not be checked\./,
    );
    expect(run.stdout).not.toMatch(/[错误提醒]/);
  });

  it("a clean sheet says so", async () => {
    const run = await runCli(["check", path.join(dir, "clean.xlsx")]);
    expect(run.stdout).toContain("错误 0，提醒 0，说明 1");
    expect(run.stdout).not.toContain("[错误]");
  });

  it("an unusable file gets its reason under its name", async () => {
    const run = await runCli(["check", path.join(dir, "nope.xlsx")]);
    expect(run.stdout).toBe(
      `${path.join(dir, "nope.xlsx")}\n  无法校验：找不到此文件或目录。\n\n共 1 个文件、0 张工作表：错误 0，提醒 0，说明 0；1 个文件无法校验。\n`,
    );
  });
});

describe("progress", () => {
  it("a bar redrawn in place on a terminal (stderr), cleared at the end", async () => {
    const run = await runCli(
      ["check", path.join(dir, "clean.xlsx"), path.join(dir, "sh-recommendation.xlsx")],
      { isTTY: true },
    );
    expect(run.stderr).toContain("\r░░░░░░░░░░░░░░░░░░░░░░░░ 1/2 ");
    expect(run.stderr).toContain("\r████████████░░░░░░░░░░░░ 2/2 ");
    expect(run.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(run.stdout).not.toContain("░");
  });

  it("plain lines when stderr is not a terminal", async () => {
    const run = await runCli([
      "check",
      path.join(dir, "clean.xlsx"),
      path.join(dir, "sh-recommendation.xlsx"),
    ]);
    expect(run.stderr).toBe(
      `[1/2] ${path.join(dir, "clean.xlsx")}\n[2/2] ${path.join(dir, "sh-recommendation.xlsx")}\n`,
    );
  });

  it("nothing for a single file", async () => {
    expect((await runCli(["check", path.join(dir, "clean.xlsx")], { isTTY: true })).stderr).toBe("");
  });
});

describe("help and version", () => {
  it("--help lists the commands and global options, zh by default and en with --lang en", async () => {
    const zh = await runCli(["--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^研修申报助手（yanxiu） \d+\.\d+\.\d+\n用法：yanxiu <命令> \[选项\]/);
    expect(zh.stdout).toMatch(/\n {2}check {3,}校验申报工作簿/);
    expect(zh.stdout).toContain("--lang zh|en");
    const en = await runCli(["--lang", "en", "-h"]);
    expect(en.stdout).toMatch(/^Yanxiu Desk \(yanxiu\) \d+\.\d+\.\d+\nUsage: yanxiu <command> \[options\]/);
  });

  it("check --help shows the command's usage and options", async () => {
    const run = await runCli(["check", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("用法：yanxiu check FILE|DIR... [--pack DIR]... [--policy PACK]");
    expect(run.stdout).toContain("--summary FILE");
  });

  it("--version prints the package version", async () => {
    const { version } = (await import("../../package.json")) as { version: string };
    expect(await runCli(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});
