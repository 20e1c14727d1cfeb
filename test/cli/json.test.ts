import * as fs from "node:fs";
import * as path from "node:path";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import { loadWorkbook } from "../xlsx/helpers";
import { cleanTemp, keyOrder, runCli, tempDir, writeExample } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  for (const f of ["sh-recommendation.xlsx", "sh-application.xlsx", "sh-city-summary.xlsx"])
    await writeExample(dir, f);
  fs.writeFileSync(path.join(dir, "notes.csv"), "序号,项目名称\n1,研修班\n");
});
afterAll(cleanTemp);

const FILE_KEYS = ["file", "error", "sheets"];
const SHEET_KEYS = ["sheet", "table", "policy", "level", "confidence", "findings"];
const FINDING_KEYS = ["cell", "severity", "rule", "message", "message_en", "clause"];

describe("--json prints exactly the shape of issue 3", () => {
  let doc: {
    files: Array<{
      file: string;
      error: string | null;
      sheets: Array<{
        sheet: string;
        table: string;
        policy: string | null;
        level: string | null;
        confidence: number;
        findings: Array<Record<string, string>>;
      }>;
    }>;
  };
  let raw: string;

  beforeAll(async () => {
    const run = await runCli(["check", dir, "--json"]);
    raw = run.stdout;
    doc = JSON.parse(raw);
  });

  it("has one top-level key, files, and nothing else on stdout", () => {
    expect(Object.keys(doc)).toEqual(["files"]);
    expect(raw.trim().startsWith("{")).toBe(true);
    expect(raw.trim().endsWith("}")).toBe(true);
  });

  it("keys are in the issue's order at every level, with the issue's types", () => {
    expect(doc.files.length).toBe(4);
    for (const file of doc.files) {
      expect(Object.keys(file)).toEqual(FILE_KEYS);
      expect(typeof file.file).toBe("string");
      expect(file.error === null || typeof file.error === "string").toBe(true);
      for (const sheet of file.sheets) {
        expect(Object.keys(sheet)).toEqual(SHEET_KEYS);
        expect(["recommendation", "summary", "application", "institution", "reference", "unknown"]).toContain(
          sheet.table,
        );
        expect(sheet.policy === null || typeof sheet.policy === "string").toBe(true);
        expect(sheet.level === null || sheet.level === "national" || sheet.level === "provincial").toBe(true);
        expect(sheet.confidence).toBeGreaterThanOrEqual(0);
        expect(sheet.confidence).toBeLessThanOrEqual(1);
        for (const f of sheet.findings) {
          expect(Object.keys(f)).toEqual(FINDING_KEYS);
          expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
          expect(["error", "warning", "info"]).toContain(f.severity);
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.message_en).toMatch(/[a-z]/);
          expect(typeof f.clause).toBe("string");
        }
      }
    }
  });

  it("an unusable file has its error filled and no sheets", () => {
    const csv = doc.files.find((f) => f.file.endsWith("notes.csv"));
    expect(keyOrder(csv)).toEqual([
      ["file", "string"],
      ["error", "string"],
      ["sheets", []],
    ]);
    expect(csv?.error).toContain("CSV");
  });

  it("files are listed in directory order with the path as the user gave it", () => {
    expect(doc.files.map((f) => f.file)).toEqual(
      ["notes.csv", "sh-application.xlsx", "sh-city-summary.xlsx", "sh-recommendation.xlsx"].map((f) =>
        path.join(dir, f),
      ),
    );
  });

  it("says what was recognised: table, pack, level, confidence", () => {
    const bySheet = Object.fromEntries(
      doc.files.flatMap((f) => f.sheets).map((s) => [s.sheet, [s.table, s.policy, s.level]]),
    );
    expect(bySheet).toEqual({
      推荐表: ["recommendation", "sh-2026-gaoyan", null],
      申报表: ["application", "sh-2026-gaoyan", null],
      汇总表: ["summary", "sh-2026-gaoyan", null],
    });
  });

  it("findings are the engine's, one for one, read independently from the same file", async () => {
    for (const file of doc.files.filter((f) => f.error === null)) {
      const wb = await loadWorkbook(fs.readFileSync(file.file));
      const expected = checkWorkbook(gridsFromWorkbook(wb)).map((c) =>
        c.findings.map((f) => ({
          cell: toA1(f.row, f.col),
          severity: f.severity,
          rule: f.rule,
          message: f.message.zh,
          message_en: f.message.en,
          clause: f.clause,
        })),
      );
      expect(file.sheets.map((s) => s.findings)).toEqual(expected);
    }
  });

  it("the example 推荐表 reports its known mistakes", () => {
    const sheet = doc.files.find((f) => f.file.endsWith("sh-recommendation.xlsx"))?.sheets[0];
    const got = sheet?.findings.map((f) => `${f.cell} ${f.severity} ${f.rule}`);
    expect(got).toEqual(
      expect.arrayContaining([
        "A10 error ranking.sequence",
        "B9 error list.duplicate-title",
        "A12 error phone.format",
        "A3 warning deadline.submission",
        "D5 warning key-recommendation.quota",
        "C9 warning host.one-project",
      ]),
    );
  });

  it("with --lang en, error follows the language while message stays zh-CN and message_en English", async () => {
    const run = await runCli([
      "check",
      path.join(dir, "notes.csv"),
      path.join(dir, "sh-recommendation.xlsx"),
      "--json",
      "--lang",
      "en",
    ]);
    const en = JSON.parse(run.stdout);
    expect(en.files[0].error).toMatch(/^This is a CSV text file/);
    const f = en.files[1].sheets[0].findings[0];
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message_en).not.toMatch(/^[\u4e00-\u9fff]/);
  });
});
