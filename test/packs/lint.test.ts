/**
 * `yanxiu pack lint DIR` on a pack with five planted mistakes: each is reported in Chinese with its file and path,
 * and the exit code is 1. The clean fixture and every built-in pack lint clean.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cleanTemp, runCli, tempDir } from "../cli/helpers";

const ROOT = path.join(__dirname, "..", "..");
const DEMO = path.join(__dirname, "fixtures", "zz-2027-demo");

function planted(dir: string): string {
  const target = path.join(dir, "five-mistakes");
  fs.cpSync(DEMO, target, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const p = path.join(target, file);
    const text = fs.readFileSync(p, "utf8");
    if (!text.includes(from)) throw new Error(`${file} has no “${from}”`);
    fs.writeFileSync(p, text.replace(from, to));
  };
  // 1. an unknown rule kind
  edit("tables/application.yaml", "kind: phone,", "kind: phone-number,");
  // 2. a field no table declares
  edit("tables/application.yaml", "field: trainees,", "field: traineeCount,");
  // 3. a figure without its clause
  edit(
    "notice.yaml",
    "goal.maxLength: { value: 20, clause: 附件1, severity: warning }",
    "goal.maxLength: { value: 20, severity: warning }",
  );
  // 4. a date that cannot be read
  edit("notice.yaml", "course.finishBy: { value: 2027-10-31,", "course.finishBy: { value: 2027-10-32,");
  // 5. a schema error: the year written as words
  edit("notice.yaml", "year: 2027", "year: 二〇二七");
  return target;
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanTemp());

it("reports the five planted mistakes with file and path, in Chinese, exit code 1", async () => {
  const pack = planted(dir);
  const run = await runCli(["pack", "lint", pack, "--json"], { cwd: dir });
  expect(run.code).toBe(1);
  const [result] = JSON.parse(run.stdout) as Array<{
    folder: string;
    issues: Array<{ severity: string; file: string; path: string; message: string }>;
  }>;
  expect(result?.folder).toBe("five-mistakes");
  const where = result?.issues.map((i) => `${i.file} ${i.path}`) ?? [];
  expect(where).toEqual(
    expect.arrayContaining([
      "tables/application.yaml rules.1.kind",
      "tables/application.yaml rules.2.field",
      "notice.yaml figures.goal.maxLength.clause",
      "notice.yaml figures.course.finishBy.value",
      "notice.yaml year",
    ]),
  );
  expect(result?.issues).toHaveLength(5);
  for (const i of result?.issues ?? []) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  const human = await runCli(["pack", "lint", pack], { cwd: dir });
  expect(human.code).toBe(1);
  expect(human.stdout).toContain("5 个错误");
  fs.writeFileSync(path.join(dir, "five-mistakes.txt"), human.stdout);
});

it("the demo fixture and every built-in pack lint clean", async () => {
  for (const folder of [DEMO, path.join(ROOT, "packs")]) {
    const run = await runCli(["pack", "lint", folder, "--json"]);
    const results = JSON.parse(run.stdout) as Array<{ folder: string; issues: unknown[] }>;
    for (const r of results)
      expect({ folder: r.folder, issues: r.issues }).toEqual({ folder: r.folder, issues: [] });
    expect(run.code).toBe(0);
  }
});

it("a folder that is not there, or a file, is a usage problem (exit 2) told in Chinese", async () => {
  const run = await runCli(["pack", "lint", path.join(dir, "nowhere")]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("找不到包文件夹");
});

it("a rule's own id must be a rule of the catalogue and its message must be in messages.yaml", async () => {
  const target = path.join(dir, "bad-id");
  fs.cpSync(DEMO, target, { recursive: true });
  const file = path.join(target, "tables", "application.yaml");
  fs.appendFileSync(
    file,
    [
      "  - { kind: number-at-least, field: trainees, figure: trainees.min, id: trainees.minimum }",
      "  - { kind: in-list, field: domain, list: domains, message: domainTypo, clause: 附件1 }",
      "",
    ].join("\n"),
  );
  const run = await runCli(["pack", "lint", target, "--json"]);
  expect(run.code).toBe(1);
  const [result] = JSON.parse(run.stdout) as Array<{ issues: Array<{ path: string; message: string }> }>;
  expect(result?.issues.map((i) => [i.path, i.message])).toEqual([
    ["rules.7.id", "未知的规则编号“trainees.minimum”（见规则目录 rules.md 的编号）"],
    ["rules.8.message", "引用了不存在的提示文字“domainTypo”（messages.yaml 中没有）"],
  ]);
});

it("a pack whose model reads a form by its declared fields must declare them", async () => {
  const target = path.join(dir, "no-form");
  fs.cpSync(path.join(ROOT, "packs", "sh-2026-gaoyan"), target, { recursive: true });
  fs.rmSync(path.join(target, "tables", "application.yaml"));
  const run = await runCli(["pack", "lint", target, "--json"]);
  expect(run.code).toBe(1);
  const [result] = JSON.parse(run.stdout) as Array<{ issues: Array<{ file: string; message: string }> }>;
  expect(result?.issues.map((i) => [i.file, i.message])).toEqual([
    ["tables/application.yaml", "缺少表格或它的字段（model sh-gaoyan 按这些字段读表）"],
  ]);
});
