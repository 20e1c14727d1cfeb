import * as fs from "node:fs";
import * as path from "node:path";
import { resolveInputs } from "../../src/cli/check/inputs";
import { cleanTemp, CLEAN_RECOMMENDATION, runCli, tempDir, writeWorkbook } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  await writeWorkbook(dir, "b.xlsx", [CLEAN_RECOMMENDATION]);
  await writeWorkbook(dir, "a/z.xlsx", [CLEAN_RECOMMENDATION]);
  await writeWorkbook(dir, "a/deeper/y.xlsm", [CLEAN_RECOMMENDATION]);
  await writeWorkbook(dir, "a/b.checked.xlsx", [CLEAN_RECOMMENDATION]);
  await writeWorkbook(dir, ".hidden/h.xlsx", [CLEAN_RECOMMENDATION]);
  await writeWorkbook(dir, "node_modules/n.xlsx", [CLEAN_RECOMMENDATION]);
  for (const f of ["~$b.xlsx", "old.xls", "wps.et", "list.csv", "readme.txt", "report.pdf"])
    fs.writeFileSync(path.join(dir, f), "x,y\n");
  fs.mkdirSync(path.join(dir, "empty"));
});
afterAll(cleanTemp);

describe("walking directories", () => {
  it("finds workbooks recursively in name order, and the formats people send instead; skips lock files, our copies and hidden folders", async () => {
    const inputs = await resolveInputs(["."], dir);
    expect(inputs.map((i) => i.display)).toEqual([
      "a/deeper/y.xlsm",
      "a/z.xlsx",
      "b.xlsx",
      "list.csv",
      "old.xls",
      "wps.et",
    ]);
  });

  it("an explicitly named file is checked whatever its name", async () => {
    const inputs = await resolveInputs(["a/b.checked.xlsx", "readme.txt"], dir);
    expect(inputs.map((i) => [i.display, i.ok])).toEqual([
      ["a/b.checked.xlsx", true],
      ["readme.txt", true],
    ]);
  });

  it("a directory without workbooks is an unusable input of its own", async () => {
    const run = await runCli(["check", "empty", "b.xlsx", "--json"], { cwd: dir });
    expect(run.code).toBe(2);
    const files = JSON.parse(run.stdout).files;
    expect(files.map((f: { file: string; error: string | null }) => [f.file, f.error])).toEqual([
      ["empty", "目录中没有找到可校验的文件（工作簿 .xlsx、.xls、.et、.ods，或 Word 申报表 .docx）。"],
      ["b.xlsx", null],
    ]);
  });
});
