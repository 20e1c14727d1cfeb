/**
 * Adding a pack is adding a folder (issue #14): a copy of the Shanghai 2026 pack with other figures, dropped in a temp
 * dir and given with --pack, changes what the check finds — no other file changed. And a bad folder is refused with a
 * zh-CN reason while the built-in packs keep checking.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { resetPacks } from "../../src/core/packs/registry";
import {
  CLEAN_RECOMMENDATION,
  cleanTemp,
  runCli,
  tempDir,
  writeExample,
  writeWorkbook,
} from "../cli/helpers";

const ROOT = path.join(__dirname, "..", "..");

interface Doc {
  files: Array<{
    sheets: Array<{
      policy: string | null;
      findings: Array<{ rule: string; cell: string; severity: string; message: string; clause: string }>;
    }>;
  }>;
}

/** Copy a built-in pack folder and edit its files as an author would (text replacements). */
function variant(
  dir: string,
  from: string,
  to: string,
  edits: Record<string, Array<[string, string]>>,
): string {
  const target = path.join(dir, to);
  fs.cpSync(path.join(ROOT, "packs", from), target, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    let text = fs.readFileSync(path.join(target, file), "utf8");
    for (const [a, b] of pairs) {
      if (!text.includes(a)) throw new Error(`${file} has no “${a}”`);
      text = text.split(a).join(b);
    }
    fs.writeFileSync(path.join(target, file), text);
  }
  return target;
}

const SH_2027: Record<string, Array<[string, string]>> = {
  "notice.yaml": [
    ["id: sh-2026-gaoyan", "id: sh-2027-gaoyan"],
    ["沪人社专〔2026〕82号", "沪人社专〔2027〕30号"],
    ["year: 2026", "year: 2027"],
    ["trainees.min: { value: 50,", "trainees.min: { value: 500,"],
    ["course.days: { min: 3, max: 5,", "course.days: { min: 1, max: 10,"],
    ["deadline.recommendation: { value: 2026-04-22,", "deadline.recommendation: { value: 2026-04-10,"],
    ["keyQuota: { share: 0.15, atLeast: 1,", "keyQuota: { share: 0.1, atLeast: 0,"],
  ],
};

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterEach(() => resetPacks());
afterAll(() => cleanTemp());

async function check(file: string, ...extra: string[]): Promise<{ code: number; doc: Doc; stderr: string }> {
  const run = await runCli(["check", file, "--json", ...extra]);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc, stderr: run.stderr };
}

describe("a Shanghai 2027 pack made from the 2026 one by changing data only", () => {
  it("takes the sheets the 2026 pack took, and its figures fire: deadline, quota, trainees, days", async () => {
    const pack = variant(dir, "sh-2026-gaoyan", "sh-2027-gaoyan", SH_2027);
    const list = await writeWorkbook(dir, "list.xlsx", [CLEAN_RECOMMENDATION]);
    const before = await check(list);
    expect(before.doc.files[0]?.sheets[0]?.policy).toBe("sh-2026-gaoyan");
    expect(before.doc.files[0]?.sheets[0]?.findings.filter((f) => f.severity !== "info")).toEqual([]);

    const after = await check(list, "--pack", pack);
    const sheet = after.doc.files[0]?.sheets[0];
    expect(sheet?.policy).toBe("sh-2027-gaoyan");
    const rules = sheet?.findings.filter((f) => f.severity !== "info").map((f) => f.rule) ?? [];
    // 填写时间 2026-04-20 is after the new deadline 2026-04-10; 1 key of 5 is over 10% (at least 0).
    expect(rules).toEqual(expect.arrayContaining(["deadline.submission", "key-recommendation.quota"]));
    const deadline = sheet?.findings.find((f) => f.rule === "deadline.submission");
    expect(deadline?.message).toContain("2026-04-10");
    expect(deadline?.clause).toBe("沪人社专〔2027〕30号 四（三）");
    const quota = sheet?.findings.find(
      (f) => f.rule === "key-recommendation.quota" && f.severity === "warning",
    );
    expect(quota?.message).toContain("10%");

    const form = await writeExample(dir, "sh-application.xlsx");
    const was = (await check(form)).doc.files[0]?.sheets[0]?.findings.map((f) => f.rule);
    expect(was).toContain("course.days");
    const now = (await check(form, "--pack", pack)).doc.files[0]?.sheets[0];
    expect(now?.policy).toBe("sh-2027-gaoyan");
    const nowRules = now?.findings.map((f) => f.rule) ?? [];
    expect(nowRules).not.toContain("course.days");
    expect(nowRules).toContain("trainees.min");
    expect(now?.findings.find((f) => f.rule === "trainees.min")?.message).toContain("500");
  });

  it("--policy names a pack of a --pack folder; packs --json lists it with its folder", async () => {
    const pack = variant(dir, "sh-2026-gaoyan", "sh-2027-b", SH_2027);
    const list = await writeWorkbook(dir, "list-b.xlsx", [CLEAN_RECOMMENDATION]);
    const forced = await check(list, "--pack", pack, "--policy", "sh-2027-gaoyan");
    // Warnings only (deadline, quota): exit code 0.
    expect(forced.code).toBe(0);
    expect(forced.doc.files[0]?.sheets[0]?.policy).toBe("sh-2027-gaoyan");
    expect(forced.doc.files[0]?.sheets[0]?.findings.map((f) => f.rule)).toContain("deadline.submission");
    const listed = await runCli(["packs", "--json", "--pack", pack], { cwd: dir });
    const packs = JSON.parse(listed.stdout) as Array<{
      id: string;
      notice: string;
      year: number;
      source: string;
    }>;
    expect(packs.find((p) => p.id === "sh-2027-gaoyan")).toEqual({
      id: "sh-2027-gaoyan",
      notice: "沪人社专〔2027〕30号",
      year: 2027,
      source: "sh-2027-b",
    });
    expect(packs.find((p) => p.id === "sh-2026-gaoyan")?.source).toBe("packs/sh-2026-gaoyan");
  });

  it("an override with the built-in id replaces the built-in pack", async () => {
    const pack = variant(dir, "sh-2026-gaoyan", "override", {
      "notice.yaml": [
        ["deadline.recommendation: { value: 2026-04-22,", "deadline.recommendation: { value: 2026-04-01,"],
      ],
    });
    const list = await writeWorkbook(dir, "list-c.xlsx", [CLEAN_RECOMMENDATION]);
    const sheet = (await check(list, "--pack", pack)).doc.files[0]?.sheets[0];
    expect(sheet?.policy).toBe("sh-2026-gaoyan");
    expect(sheet?.findings.find((f) => f.rule === "deadline.submission")?.message).toContain("2026-04-01");
  });
});

it("on a tie the pack whose marks (文号, year) appear in the sheet wins: a 2026-dated list stays with the 2026 pack", async () => {
  const pack = variant(dir, "sh-2026-gaoyan", "sh-2027-marks", {
    "notice.yaml": [
      ["id: sh-2026-gaoyan", "id: sh-2027-gaoyan"],
      ["marks: [沪人社专〔2026〕82号, 2026年]", "marks: [沪人社专〔2027〕30号, 2027年]"],
    ],
  });
  const dated = (year: number) => ({
    ...CLEAN_RECOMMENDATION,
    rows: CLEAN_RECOMMENDATION.rows.map((r) =>
      r.map((v) => (v === "填写时间：2026年4月20日" ? `填写时间：${year}年4月20日` : v)),
    ),
  });
  const file2026 = await writeWorkbook(dir, "dated-2026.xlsx", [dated(2026)]);
  const file2027 = await writeWorkbook(dir, "dated-2027.xlsx", [dated(2027)]);
  expect((await check(file2026, "--pack", pack)).doc.files[0]?.sheets[0]?.policy).toBe("sh-2026-gaoyan");
  expect((await check(file2027, "--pack", pack)).doc.files[0]?.sheets[0]?.policy).toBe("sh-2027-gaoyan");
});

describe("bad pack folders are refused, the built-in packs keep working", () => {
  it.each([
    ["a .js file", { "notice.js": "module.exports = {}" }, /只能放数据文件/],
    ["broken YAML", { "notice.yaml": "id: [x" }, /YAML 格式有误/],
    ["no notice.yaml", { "messages.yaml": "a: { zh: 甲, en: a }" }, /缺少 notice\.yaml|不是包文件夹/],
  ])("%s", async (_name, files, reason) => {
    const bad = path.join(dir, `bad-${Object.keys(files)[0]}`);
    fs.mkdirSync(bad, { recursive: true });
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(bad, f), text);
    const list = await writeWorkbook(dir, "list-d.xlsx", [CLEAN_RECOMMENDATION]);
    const run = await check(list, "--pack", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.doc.files[0]?.sheets[0]?.policy).toBe("sh-2026-gaoyan");
  });

  it("a pack whose model misses a figure is refused with the figure named", async () => {
    const pack = variant(dir, "sh-2026-gaoyan", "no-figure", {
      "notice.yaml": [
        ["id: sh-2026-gaoyan", "id: sh-2027-x"],
        ["  trainees.min: { value: 50, clause: 二（一）, severity: error }\n", ""],
      ],
    });
    const list = await writeWorkbook(dir, "list-e.xlsx", [CLEAN_RECOMMENDATION]);
    const run = await check(list, "--pack", pack);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("figures.trainees.min");
    expect(run.doc.files[0]?.sheets[0]?.policy).toBe("sh-2026-gaoyan");
  });
});

it("a form's labels are data: a 2027 pack that calls 办班地点 培训地点 reads and checks that field", async () => {
  const pack = variant(dir, "sh-2026-gaoyan", "sh-2027-labels", {
    ...SH_2027,
    "tables/application.yaml": [
      ["location: { labels: [办班地点] }", "location: { labels: [培训地点, 办班地点] }"],
    ],
  });
  // The 2027 form as a department fills it: the label renamed, and a place outside Shanghai.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(ROOT, "examples", "sh-application.xlsx"));
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  sheet.getCell("D4").value = "培训地点";
  sheet.getCell("E4").value = "江苏省苏州市";
  const form = path.join(dir, "renamed.xlsx");
  await book.xlsx.writeFile(form);

  const builtin = (await check(form)).doc.files[0]?.sheets[0]?.findings ?? [];
  expect(builtin.map((f) => f.rule)).not.toContain("sh.location.district");
  const now = (await check(form, "--pack", pack)).doc.files[0]?.sheets[0];
  expect(now?.policy).toBe("sh-2027-gaoyan");
  const district = now?.findings.find((f) => f.rule === "sh.location.district");
  expect(district?.cell).toBe("E4");
});
