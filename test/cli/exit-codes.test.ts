import * as path from "node:path";
import { cleanTemp, CLEAN_RECOMMENDATION, runCli, tempDir, writeExample, writeWorkbook } from "./helpers";

let dir: string;
let clean: string;
let withErrors: string;
let warningsOnly: string;

beforeAll(async () => {
  dir = tempDir();
  clean = await writeWorkbook(dir, "clean.xlsx", [CLEAN_RECOMMENDATION]);
  withErrors = await writeExample(dir, "sh-recommendation.xlsx");
  // The clean list, handed in a day after the 推荐表 deadline: a warning, not an error.
  const late = {
    ...CLEAN_RECOMMENDATION,
    rows: CLEAN_RECOMMENDATION.rows.map((r, i) => (i === 2 ? ["填写时间：2026年4月23日"] : r)),
  };
  warningsOnly = await writeWorkbook(dir, "late.xlsx", [late]);
});
afterAll(cleanTemp);

describe("exit codes: 0 no errors, 1 any error finding, 2 unusable input or usage", () => {
  it("0 for a clean list, which has neither errors nor warnings", async () => {
    const run = await runCli(["check", clean, "--json"]);
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout).files[0].sheets[0].findings as Array<{ severity: string }>;
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("0 when there are only warnings", async () => {
    const run = await runCli(["check", warningsOnly, "--json"]);
    const severities = JSON.parse(run.stdout).files[0].sheets[0].findings.map(
      (f: { severity: string }) => f.severity,
    );
    expect(severities).toContain("warning");
    expect(severities).not.toContain("error");
    expect(run.code).toBe(0);
  });

  it("1 when any finding is an error", async () => {
    expect((await runCli(["check", withErrors])).code).toBe(1);
    expect((await runCli(["check", clean, withErrors])).code).toBe(1);
  });

  it("2 when one file is unusable, and the other files are still checked and reported", async () => {
    const run = await runCli(["check", clean, path.join(dir, "missing.xlsx"), withErrors, "--json"]);
    expect(run.code).toBe(2);
    const files = JSON.parse(run.stdout).files as Array<{
      file: string;
      error: string | null;
      sheets: unknown[];
    }>;
    expect(files.map((f) => [path.basename(f.file), f.error === null, f.sheets.length])).toEqual([
      ["clean.xlsx", true, 1],
      ["missing.xlsx", false, 0],
      ["sh-recommendation.xlsx", true, 1],
    ]);
  });

  it.each([
    ["no file given", ["check"], /请至少给出一个文件或目录/],
    ["an unknown option", ["check", "x.xlsx", "--colour"], /未知选项 --colour/],
    ["an option without its value", ["check", "x.xlsx", "--policy"], /选项 --policy 需要一个值/],
    ["an unknown policy pack", ["check", "x.xlsx", "--policy", "bj-2026"], /未知的政策包“bj-2026”/],
    ["a wrong level", ["check", "x.xlsx", "--level", "city"], /--level 只能是 national 或 provincial/],
    ["a wrong language", ["--lang", "fr", "check", "x.xlsx"], /--lang 只能是 zh 或 en/],
    ["an unknown command", ["lint", "x.xlsx"], /未知命令“lint”/],
    ["no command at all", [], /用法：yanxiu <命令>/],
  ])("2 for wrong usage: %s", async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("2 when --out names a file rather than a directory, before anything is checked", async () => {
    const run = await runCli(["check", clean, "--out", clean]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--out 需要一个目录");
  });

  it("2 when --summary would overwrite an input", async () => {
    const run = await runCli(["check", clean, "--summary", clean]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("输入文件不会被覆盖");
  });
});
