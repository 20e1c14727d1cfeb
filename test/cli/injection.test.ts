import * as fs from "node:fs";
import * as path from "node:path";
import { XlsxPackage } from "../xlsx/xml";
import { cleanTemp, runCli, tempDir, writeWorkbook } from "./helpers";

const DANGEROUS = /^[=+\-@\t\r]/;

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  await writeWorkbook(dir, "=evil.xlsx", [
    {
      name: "=cmd",
      rows: [
        ["推荐排序", "项目名称", "承办单位", "备注"],
        [1, '=HYPERLINK("http://example.invalid","点此")', "+上海某院", "重点推荐"],
        [2, "@SUM(1,2)", "-2+3", null],
        [3, '=HYPERLINK("http://example.invalid","点此")', "\t=1+1", null],
      ],
    },
  ]);
  await runCli([
    "check",
    dir,
    "--out",
    path.join(dir, "out"),
    "--summary",
    path.join(dir, "out", "summary.xlsx"),
  ]);
});
afterAll(cleanTemp);

async function everyText(file: string): Promise<string[]> {
  const pkg = await XlsxPackage.open(fs.readFileSync(file));
  const texts = await pkg.sharedStrings();
  // Notes are text the product writes too.
  for (const sheet of await pkg.sheets()) texts.push(...(await pkg.notesOf(sheet.name)).values());
  return texts;
}

describe("formula injection: text written into outputs cannot start a formula", () => {
  it("the summary workbook: file names, sheet names and copied project values are neutralised", async () => {
    const texts = await everyText(path.join(dir, "out", "summary.xlsx"));
    expect(texts.filter((t) => DANGEROUS.test(t))).toEqual([]);
    // "\t=1+1" is trimmed by the reader to "=1+1", then neutralised.
    expect(texts).toEqual(
      expect.arrayContaining([
        "'=cmd",
        "'@SUM(1,2)",
        "'-2+3",
        "'+上海某院",
        "'=1+1",
        `'=HYPERLINK("http://example.invalid","点此")`,
      ]),
    );
    expect(texts.some((t) => t.endsWith("=evil.xlsx"))).toBe(true);
  });

  it("the annotated copy: the results sheet and the notes are neutralised, the user's own cells are left as they were", async () => {
    const file = path.join(dir, "out", "=evil.checked.xlsx");
    const pkg = await XlsxPackage.open(fs.readFileSync(file));
    const results = (await pkg.sheets()).find((s) => s.name === "校验结果");
    expect(results).toBeDefined();
    expect(await pkg.textOf("校验结果", "A2")).toBe("'=cmd");
    const notes = [...(await pkg.notesOf("=cmd")).values()];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((t) => DANGEROUS.test(t))).toEqual([]);
    // The input's cells are copied as they were typed: the copy is the user's workbook, not our text.
    expect(await pkg.textOf("=cmd", "C3")).toBe("-2+3");
    // No shared string of ours starts a formula; only the user's own cells may.
    const own = new Set([
      '=HYPERLINK("http://example.invalid","点此")',
      "@SUM(1,2)",
      "+上海某院",
      "-2+3",
      "\t=1+1",
    ]);
    expect((await pkg.sharedStrings()).filter((t) => DANGEROUS.test(t) && !own.has(t))).toEqual([]);
  });
});
