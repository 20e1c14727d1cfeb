// The CLI as staff meet it on a long list and a typo (issue 13, item 10), and re-checking its own outputs (item 9).

import * as fs from "node:fs";
import * as path from "node:path";
import { closestCommand, editDistance } from "../../src/cli/main";
import { COMMANDS } from "../../src/cli/commands";
import { cleanTemp, runCli, tempDir, writeExample } from "./helpers";

afterAll(cleanTemp);

describe("a mistyped command", () => {
  it.each([
    ["chekc", "check"],
    ["chek", "check"],
    ["Check", "check"],
    ["stat", "stats"],
    ["templte", "template"],
  ])("%s: says which command was meant", async (typed, meant) => {
    const run = await runCli([typed]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`未知命令“${typed}”`);
    expect(run.stderr).toContain(`是否要运行“yanxiu ${meant}”？`);
  });

  it("suggests nothing for a word far from every command", async () => {
    const run = await runCli(["banana"]);
    expect(run.stderr).not.toContain("是否要运行");
    expect(closestCommand("xyz", COMMANDS)).toBeUndefined();
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("chekc", "check")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("in English too", async () => {
    const run = await runCli(["--lang", "en", "chekc"]);
    expect(run.stderr).toContain("Did you mean “yanxiu check”?");
  });
});

describe("--help", () => {
  it.each(["zh", "en"] as const)("(%s) lists every exit code, 3 included", async (lang) => {
    const run = await runCli(["--lang", lang, "--help"]);
    expect(run.stdout).toMatch(lang === "zh" ? /3 程序内部错误/ : /3 internal error/);
    const check = await runCli(["--lang", lang, "check", "--help"]);
    expect(check.stdout).toMatch(lang === "zh" ? /3 程序内部错误/ : /3 internal error/);
    expect(check.stdout).toContain("--max-findings N");
    expect(check.stdout).toContain("--counts-only");
    // The formats a directory scan picks are the ones the help names.
    for (const ext of [".xlsx", ".xlsm", ".xls", ".et", ".csv"]) expect(check.stdout).toContain(ext);
  });
});

describe("limiting what is printed", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeExample(tempDir(), "sh-recommendation.xlsx");
  });

  it("--max-findings 2 lists two findings, keeps the whole counts and says how many were left out", async () => {
    const all = await runCli(["check", file]);
    const some = await runCli(["check", file, "--max-findings", "2"]);
    const listed = (text: string) => text.split("\n").filter((l) => /^ {6}[A-Z]+\d+ /.test(l)).length;
    expect(listed(all.stdout)).toBeGreaterThan(2);
    expect(listed(some.stdout)).toBe(2);
    const counts = /错误 \d+，提醒 \d+，说明 \d+/;
    expect(counts.exec(some.stdout)?.[0]).toBe(counts.exec(all.stdout)?.[0]);
    expect(some.stdout).toMatch(/另有 \d+ 条问题未列出（--max-findings）/);
    expect(some.code).toBe(all.code);
  });

  it("--counts-only lists no finding and no 'left out' line", async () => {
    const run = await runCli(["check", file, "--counts-only"]);
    expect(run.stdout).toMatch(/错误 \d+，提醒 \d+，说明 \d+/);
    expect(run.stdout.split("\n").some((l) => /^ {6}[A-Z]+\d+ /.test(l))).toBe(false);
    expect(run.stdout).not.toContain("未列出");
  });

  it.each(["2.5", "many", "1e3"])("--max-findings %s is a usage error", async (value) => {
    const run = await runCli(["check", file, "--max-findings", value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--max-findings 须为 0 或正整数");
  });
});

describe("re-checking an annotated copy", () => {
  it("--out on a .checked.xlsx keeps its name and reports the 校验结果 sheet as ours", async () => {
    const dir = tempDir();
    const input = await writeExample(dir, "sh-recommendation.xlsx");
    const first = await runCli(["check", input, "--out", path.join(dir, "a")]);
    const copy = path.join(dir, "a", "sh-recommendation.checked.xlsx");
    expect(first.stdout).toContain(`已写出标记副本：${copy}`);
    const again = await runCli(["check", copy, "--out", path.join(dir, "b")]);
    expect(fs.readdirSync(path.join(dir, "b"))).toEqual(["sh-recommendation.checked.xlsx"]);
    expect(again.stdout).toContain("工作表“校验结果”：本工具写入的“校验结果”表，不作校验");
    expect(again.stdout).not.toContain("未识别");
  });

  it("shows the copies' paths as the --out option was given", async () => {
    const dir = tempDir();
    await writeExample(dir, "sh-recommendation.xlsx");
    const run = await runCli(["check", "sh-recommendation.xlsx", "--out", "./out"], { cwd: dir });
    expect(run.stdout).toContain(`已写出标记副本：${path.join("./out", "sh-recommendation.checked.xlsx")}`);
  });
});
