/**
 * `yanxiu pack lint` on bad template data (templates/*.yaml): every mistake is named in Chinese with its file and the
 * path inside it — a style the vocabulary does not have, a dropdown naming a list the pack does not have, a figure
 * that is not there, a □ option the cell does not print, a list column the engine does not know, a misspelt key.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cleanTemp, runCli, tempDir } from "../cli/helpers";

const ROOT = path.join(__dirname, "..", "..");

interface Issue {
  severity: string;
  file: string;
  path: string;
  message: string;
}

function copyWith(dir: string, name: string, edits: Array<[string, string, string]>): string {
  const target = path.join(dir, name);
  fs.cpSync(path.join(ROOT, "packs", "sh-2026-gaoyan"), target, { recursive: true });
  for (const [file, from, to] of edits) {
    const p = path.join(target, file);
    // An empty "from" adds the file.
    if (from === "") {
      fs.writeFileSync(p, to);
      continue;
    }
    const text = fs.readFileSync(p, "utf8");
    if (!text.includes(from)) throw new Error(`${file} has no “${from}”`);
    fs.writeFileSync(p, text.replace(from, to));
  }
  return target;
}

async function lint(folder: string, cwd: string): Promise<{ code: number; issues: Issue[]; human: string }> {
  const run = await runCli(["pack", "lint", folder, "--json"], { cwd });
  const [result] = JSON.parse(run.stdout) as Array<{ issues: Issue[] }>;
  const human = await runCli(["pack", "lint", folder], { cwd });
  return { code: run.code, issues: result?.issues ?? [], human: human.stdout };
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanTemp());

it("reports five planted template mistakes with file and path, in Chinese, exit code 1", async () => {
  const pack = copyWith(dir, "template-mistakes", [
    // 1. a style the vocabulary does not have (American spelling)
    ["templates/1-domains.yaml", "width: 7, style: centred", "width: 7, style: centered"],
    // 2. a dropdown naming a list the pack does not have
    ["templates/2-application.yaml", "dropdown: { list: domains,", "dropdown: { list: domain-list,"],
    // 3. a □ option the cell does not print
    ["templates/2-application.yaml", "ticked: [是, 否]", "ticked: [是, 不是]"],
    // 4. a list column the engine does not know
    ["templates/2-application.yaml", "    days: [courseTime]", "    dayz: [courseTime]"],
    // 5. a figure that is not in notice.yaml
    [
      "templates/3-recommendation.yaml",
      "推荐项目总数的{share:keyQuota}\n",
      "推荐项目总数的{share:keyQuote}\n",
    ],
  ]);
  const { code, issues, human } = await lint(pack, dir);
  expect(code).toBe(1);
  expect(issues.map((i) => `${i.file} ${i.path}`)).toEqual([
    "templates/1-domains.yaml reference.columns.0.style",
    "templates/2-application.yaml form.rows.4.pair.0.dropdown.list",
    "templates/2-application.yaml form.rows.5.pair.0.dropdown.ticked",
    "templates/2-application.yaml fill.fromList.dayz",
    "templates/3-recommendation.yaml list.columns.3.dropdown.prompt",
  ]);
  expect(issues.map((i) => i.message)).toEqual([
    expect.stringContaining("未知的样式“centered”；可用：title、attachment"),
    expect.stringContaining("引用了不存在的列表“domain-list”（没有 lists/domain-list.yaml）"),
    expect.stringContaining("选项“不是”不在本格的 □ 选项中"),
    expect.stringContaining("不认识的清单列“dayz”"),
    expect.stringContaining("{share:keyQuote} 引用的数字不存在"),
  ]);
  for (const i of issues) expect(i.severity).toBe("error");
  expect(human).toContain("5 个错误");
  expect(human).toContain("templates/1-domains.yaml reference.columns.0.style");
});

it.each([
  [
    "a misspelt key",
    ["templates/3-recommendation.yaml", "  orientation: portrait", "  orientaton: portrait"],
    "templates/3-recommendation.yaml",
    /未知的键 "orientaton"/,
  ],
  [
    "two layouts in one template",
    ["templates/1-domains.yaml", "reference:\n", "form: { rows: [{ gap: 8 }] }\nreference:\n"],
    "templates/1-domains.yaml",
    /有且只有一种版式/,
  ],
  [
    "a grid repeated over a figure the pack does not have",
    [
      "templates/4-extra.yaml",
      "",
      'id: sh-82-extra\ntable: reference\nattachment: 附件4\ntitle: 另表\nsheet: 另表\ngrid:\n  orientation: portrait\n  columns: [10, 10]\n  rows:\n    - repeat:\n        over: { figure: tax.years }\n        rows: [{ cells: [{ col: 0, text: "{item}年" }, { col: 1, cols: 2, key: "tax:{item}" }] }]\n',
    ],
    "templates/4-extra.yaml",
    /引用的数字“tax\.years”不存在或没有 min\/max/,
  ],
  [
    "a cascade whose parent is not a field of the form",
    ["templates/2-application.yaml", "parent: domain,", "parent: field,"],
    "templates/2-application.yaml",
    /上级字段“field”不在本表/,
  ],
  [
    "a reference column naming a field the list does not have",
    ["templates/1-domains.yaml", "field: leads, width: 22", "field: lead, width: 22"],
    "templates/1-domains.yaml",
    /条目没有“lead”/,
  ],
] as const)("%s is named", async (_name, edit, file, message) => {
  const pack = copyWith(dir, `bad-${_name.replace(/\s+/g, "-")}`, [[...edit]]);
  const { code, issues } = await lint(pack, dir);
  expect(code).toBe(1);
  expect(issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ file, message: expect.stringMatching(message) })]),
  );
});

it("a template whose data cannot be drawn is left out of yanxiu templates --pack and named; the rest still list", async () => {
  const pack = copyWith(dir, "sh-2027-broken", [
    ["notice.yaml", "id: sh-2026-gaoyan", "id: sh-2027-gaoyan"],
    [
      "templates/3-recommendation.yaml",
      "list:\n",
      "text: { orientation: portrait, columns: [10], rows: [] }\nlist:\n",
    ],
  ]);
  const run = await runCli(["templates", "--json", "--pack", pack], { cwd: dir });
  const ids = (JSON.parse(run.stdout) as Array<{ id: string }>).map((t) => t.id);
  expect(ids).toContain("sh-2027-gaoyan/sh-82-application");
  expect(ids).not.toContain("sh-2027-gaoyan/sh-82-recommendation");
  expect(run.stderr).toContain("templates/3-recommendation.yaml");
  expect(run.stderr).toContain("有且只有一种版式");
});
