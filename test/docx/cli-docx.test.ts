// yanxiu check on Word forms: located findings in the text report and the JSON, the tracked-changes note, no copy
// for --out (and the .docx untouched), Word's own words for a .doc, and folders mixing .docx and .xlsx.
import * as fs from "node:fs";
import * as path from "node:path";
import { GOLDEN_CASES } from "../golden/cases";
import { cleanTemp, runCli, tempDir, writeExample } from "../cli/helpers";
import { wordMlDocx } from "./support/wordml";

const violations = GOLDEN_CASES.find((c) => c.id === "sh-application-violations");
if (!violations) throw new Error("golden case missing");
const [form1, form2] = violations.sheets;

let dir: string;
beforeAll(() => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, "收到的材料"));
  fs.writeFileSync(path.join(dir, "收到的材料", "甲.docx"), wordMlDocx(form1!, { ticks: "wingdings-sym" }));
  fs.writeFileSync(
    path.join(dir, "收到的材料", "乙.docx"),
    wordMlDocx(form2!, { ticks: "formcheckbox", tracked: true }),
  );
  // An old .doc: an OLE file with a WordDocument stream.
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const name = [..."WordDocument"].flatMap((ch) => [ch.charCodeAt(0), 0]);
  fs.writeFileSync(path.join(dir, "收到的材料", "丙.doc"), new Uint8Array([...ole, ...name]));
});
afterAll(cleanTemp);

it("prints Word places (table, row, cell, label) in place of cell addresses", async () => {
  const run = await runCli(["check", path.join("收到的材料", "甲.docx")], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain("Word 文档“甲”：申报表");
  expect(run.stdout).toMatch(/表1 第18行 第5格 “手机” {2}“手机”的手机号码“1381234567”格式不正确/);
  expect(run.stdout).toMatch(/正文第3段 “申报时间：2026年4月20日” {2}“申报时间”为 2026-04-20/);
  expect(run.stdout).not.toMatch(/^\s+E21\s/m);
});

it("the JSON keeps cell and adds location, and an info finding for tracked changes", async () => {
  const run = await runCli(["check", path.join("收到的材料", "乙.docx"), "--json"], { cwd: dir });
  const doc = JSON.parse(run.stdout) as {
    files: Array<{
      notes?: Array<{ message: string }>;
      sheets: Array<{ findings: Array<{ cell: string; rule: string; location?: Record<string, unknown> }> }>;
    }>;
  };
  const file = doc.files[0]!;
  expect(file.notes?.some((n) => /修订/.test(n.message)) ?? false).toBe(false);
  expect(file.sheets[0]!.findings.map((f) => f.rule)).toContain("document.revisions-accepted");
  const major = file.sheets[0]!.findings.find((f) => f.rule === "major.in-domain");
  expect(major).toMatchObject({
    cell: "E6",
    location: { table: 1, row: 3, cell: 4, label: "专业范围", text: "表1 第3行 第4格 “专业范围”" },
  });
});

it("--out writes no copy of a Word form, says so, and leaves the .docx as it was", async () => {
  const source = path.join(dir, "收到的材料", "甲.docx");
  const before = fs.readFileSync(source);
  const run = await runCli(["check", source, "--out", "已标记"], { cwd: dir });
  expect(run.stdout).toContain("Word 文档（.docx）不生成标记副本，原文件未作任何修改");
  expect(fs.readdirSync(path.join(dir, "已标记"))).toEqual([]);
  expect(fs.readFileSync(source).equals(before)).toBe(true);
  // Findings with errors, and no copy failure: exit 1, not 2.
  expect(run.code).toBe(1);
});

it("a folder mixing .docx, .doc and .xlsx: each read in its own way", async () => {
  await writeExample(path.join(dir, "收到的材料"), "sh-recommendation.xlsx");
  const run = await runCli(["check", "收到的材料", "--counts-only"], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stdout).toContain(
    "收到的材料/丙.doc\n  无法校验：这是旧版 Word（.doc）或 WPS 文字（.wps）格式的文件",
  );
  expect(run.stdout).toContain("Word 文档“甲”");
  expect(run.stdout).toContain("Word 文档“乙”");
  expect(run.stdout).toMatch(/sh-recommendation\.xlsx\n {2}工作表“/);
});
