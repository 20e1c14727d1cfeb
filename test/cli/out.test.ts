import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { COPY_LIMITS } from "../../src/adapters/xlsx/problems";
import { MARK_FILL, MARK_PREFIX } from "../../src/core/marks";
import { RULE_TITLES } from "../../src/core/messages/rule-titles";
import type { RuleId } from "../../src/core/rules/ids";
import { denseSheetXml, rawXlsx } from "../xlsx/helpers";
import { XlsxPackage } from "../xlsx/xml";
import { cleanTemp, CLEAN_RECOMMENDATION, runCli, tempDir, writeExample, writeWorkbook } from "./helpers";

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const argb = (hex: string) => `FF${hex.slice(1)}`;

let dir: string;
let out: string;
let inputs: string[];
let before: Map<string, { hash: string; mtime: number }>;
let findings: Array<{ cell: string; severity: string; rule: string }>;
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = tempDir();
  out = path.join(dir, "out", "nested");
  inputs = [
    await writeExample(dir, "sh-recommendation.xlsx"),
    await writeExample(dir, "sh-application.xlsx", "b/sh-recommendation.xlsx"),
    await writeWorkbook(dir, "clean.xlsx", [CLEAN_RECOMMENDATION]),
  ];
  before = new Map(inputs.map((f) => [f, { hash: sha(f), mtime: fs.statSync(f).mtimeMs }]));
  const json = await runCli(["check", inputs[0] as string, "--json"]);
  findings = JSON.parse(json.stdout).files[0].sheets[0].findings;
  run = await runCli(["check", ...inputs, "--out", out]);
});
afterAll(cleanTemp);

describe("--out DIR: an annotated copy per file", () => {
  it("writes <name>.checked.xlsx, numbering a second file of the same name, creating the directory", () => {
    expect(fs.readdirSync(out).sort()).toEqual([
      "clean.checked.xlsx",
      "sh-recommendation (2).checked.xlsx",
      "sh-recommendation.checked.xlsx",
    ]);
    expect(run.stdout).toContain(`已写出标记副本：${path.join(out, "sh-recommendation.checked.xlsx")}`);
  });

  it("never modifies the inputs", () => {
    for (const f of inputs) expect({ hash: sha(f), mtime: fs.statSync(f).mtimeMs }).toEqual(before.get(f));
  });

  it("leaves no temporary file behind (written atomically)", () => {
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".tmp") || f.startsWith("."))).toEqual([]);
  });

  it("fills every marked cell by its worst severity, read from styles.xml with JSZip", async () => {
    const pkg = await XlsxPackage.open(fs.readFileSync(path.join(out, "sh-recommendation.checked.xlsx")));
    const worst = new Map<string, string>();
    for (const f of findings) {
      if (f.severity === "info") continue;
      if (worst.get(f.cell) !== "error") worst.set(f.cell, f.severity);
    }
    expect(worst.size).toBeGreaterThan(4);
    for (const [cell, severity] of worst) {
      expect([cell, await pkg.fillOf("推荐表", cell)]).toEqual([
        cell,
        argb(MARK_FILL[severity as "error" | "warning"]),
      ]);
    }
    // Cells without a finding keep no fill.
    for (const cell of ["B5", "C6", "B4"]) expect(await pkg.fillOf("推荐表", cell)).toBeNull();
  });

  it("puts a note with the reasons and clauses on every marked cell, in the comments XML", async () => {
    const pkg = await XlsxPackage.open(fs.readFileSync(path.join(out, "sh-recommendation.checked.xlsx")));
    const notes = await pkg.notesOf("推荐表");
    const marked = new Set(findings.filter((f) => f.severity !== "info").map((f) => f.cell));
    expect([...notes.keys()].sort()).toEqual([...marked].sort());
    const a10 = notes.get("A10") ?? "";
    expect(a10.startsWith(`${MARK_PREFIX}\n[错误] 推荐排序 7 超出`)).toBe(true);
    expect(a10).toContain("（沪人社专〔2026〕82号 附件3）");
  });

  it("adds a 校验结果 sheet with one row per finding, each linking to its cell", async () => {
    const pkg = await XlsxPackage.open(fs.readFileSync(path.join(out, "sh-recommendation.checked.xlsx")));
    expect((await pkg.sheets()).map((s) => s.name)).toEqual(["推荐表", "校验结果"]);
    for (const [i, f] of findings.entries()) {
      const row = i + 2;
      expect(await pkg.textOf("校验结果", `A${row}`)).toBe("推荐表");
      expect(await pkg.formulaOf("校验结果", `B${row}`)).toBe(`HYPERLINK("#'推荐表'!${f.cell}","${f.cell}")`);
      expect(await pkg.textOf("校验结果", `D${row}`)).toBe(RULE_TITLES[f.rule as RuleId].zh);
    }
    expect(await pkg.textOf("校验结果", `A${findings.length + 2}`)).toBeUndefined();
  });

  it("a clean file gets a copy too, with an empty results list", async () => {
    const pkg = await XlsxPackage.open(fs.readFileSync(path.join(out, "clean.checked.xlsx")));
    expect([...(await pkg.notesOf("推荐表")).keys()]).toEqual([]);
    expect(await pkg.textOf("校验结果", "A1")).toBe("工作表");
  });

  it("an annotated copy, checked again, gives the same findings on the original sheet", async () => {
    const again = await runCli(["check", path.join(out, "sh-recommendation.checked.xlsx"), "--json"]);
    const sheets = JSON.parse(again.stdout).files[0].sheets;
    expect(sheets[0].findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`)).toEqual(
      findings.map((f) => `${f.cell} ${f.rule}`),
    );
  });

  it("a copy that cannot be written is reported and exits 2, the other files still checked", async () => {
    const blocked = path.join(dir, "blocked");
    fs.mkdirSync(blocked);
    // A directory where the copy should go: the rename over it fails whoever runs the test.
    fs.mkdirSync(path.join(blocked, "clean.checked.xlsx"));
    const r = await runCli(["check", inputs[2] as string, inputs[0] as string, "--out", blocked]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法写出“.*clean\.checked\.xlsx”/);
    expect(fs.existsSync(path.join(blocked, "sh-recommendation.checked.xlsx"))).toBe(true);
    expect(fs.readdirSync(blocked).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it(`a sheet over the copy limit (${COPY_LIMITS.rows.toLocaleString("en-US")} rows) is checked, but its copy is refused with the limit named`, async () => {
    const big = path.join(dir, "big.xlsx");
    fs.writeFileSync(big, await rawXlsx(denseSheetXml(COPY_LIMITS.rows + 1), { sheetName: "明细" }));
    const target = path.join(dir, "big-out");
    const r = await runCli(["check", big, "--out", target, "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ error: null, sheets: [{ sheet: "明细" }] });
    expect(r.stderr).toContain(
      "工作表“明细”有 50,001 行、50,001 个单元格，超过标记副本每张工作表 50,000 行、750,000 个单元格的上限",
    );
    expect(fs.readdirSync(target)).toEqual([]);
  }, 30_000);
});
