/**
 * A new province written wholly as data (the generic model of test/packs/fixtures/zz-2027-demo) brings its own
 * application form as a template: the pack lints clean, `yanxiu templates --pack` lists it, `yanxiu template` writes
 * it with the pack's own 领域 list as the dropdown, and the engine recognises the written form as that pack's. The
 * generic model has no form reader, so --fill says the form can only be written blank.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { resetPacks } from "../../src/core/packs/registry";
import { cleanTemp, runCli, tempDir, writeWorkbook, CLEAN_RECOMMENDATION } from "../cli/helpers";

const DEMO = path.join(__dirname, "..", "packs", "fixtures", "zz-2027-demo");

const TEMPLATE = `# 附件1 申报表（测试用）
id: zz-application
table: application
level: provincial
attachment: 附件1
title: 示例省{year}年高级研修项目申报表
sheet: 附件1 申报表
form:
  rows:
    - line: { text: "填表日期：        年      月      日", key: date, prefix: "填表日期：" }
    - wide: { label: 项目名称, key: title }
    - pair: [{ label: 申报单位, key: unit }, { label: 统一社会信用代码, key: creditCode }]
    - pair: [{ label: 联系电话, key: phone }, { label: 研修人数, key: trainees }]
    - pair:
        - { label: 办班时间, value: "（X 天）", key: courseTime }
        - { label: 领域, key: domain, dropdown: { list: domains, prompt: 请选择领域 } }
    - wide: { label: 项目目标, value: "（{share:goal.share}以内）", key: goal, lines: 4, style: long }
    - notes: ["注：请于 {notice} 规定的时间前报送。"]
`;

let dir: string;
let pack: string;
beforeAll(() => {
  dir = tempDir();
  pack = path.join(dir, "zz-2027-demo");
  fs.cpSync(DEMO, pack, { recursive: true });
  fs.mkdirSync(path.join(pack, "templates"));
  // {share:…} needs a quota figure: the demo has none, so the template names one that the test adds.
  const notice = path.join(pack, "notice.yaml");
  fs.writeFileSync(
    notice,
    fs
      .readFileSync(notice, "utf8")
      .replace("figures:\n", "figures:\n  goal.share: { share: 0.5, clause: 附件1 }\n"),
  );
  fs.writeFileSync(path.join(pack, "templates", "1-application.yaml"), TEMPLATE);
});
afterEach(() => resetPacks());
afterAll(() => cleanTemp());

it("lints clean with its template", async () => {
  const run = await runCli(["pack", "lint", pack, "--json"], { cwd: dir });
  expect(JSON.parse(run.stdout)).toEqual([{ folder: "zz-2027-demo", issues: [] }]);
  expect(run.code).toBe(0);
});

it("lists and writes its form; the engine reads the written form as the pack's application form", async () => {
  const listed = await runCli(["templates", "--json", "--pack", pack], { cwd: dir });
  expect(JSON.parse(listed.stdout)).toContainEqual({
    id: "zz-application",
    policy: "zz-2027-demo",
    level: "provincial",
    table: "application",
    title: "示例省2027年高级研修项目申报表",
  });
  const out = path.join(dir, "zz-form.xlsx");
  const written = await runCli(["template", "zz-application", "-o", out, "--pack", pack], { cwd: dir });
  expect(written.code).toBe(0);
  expect(written.stdout).toContain("示例省2027年高级研修项目申报表");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0];
  expect(ws?.name).toBe("附件1 申报表");
  const values: string[] = [];
  ws?.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value ?? ""))));
  expect(values).toEqual(
    expect.arrayContaining(["附件1", "（50%以内）", "注：请于 示例人社函〔2027〕1号 规定的时间前报送。"]),
  );
  const model = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
    .dataValidations.model;
  expect(Object.values(model).map((v) => v.formulae[0])).toContainEqual(
    expect.stringContaining("数字技术,生物医药"),
  );
  const checked = await runCli(["check", out, "--json", "--pack", pack], { cwd: dir });
  const sheet = (
    JSON.parse(checked.stdout) as {
      files: Array<{ sheets: Array<{ policy: string | null; table: string }> }>;
    }
  ).files[0]?.sheets[0];
  expect(sheet).toMatchObject({ policy: "zz-2027-demo", table: "application" });
});

it("--fill says the generic model reads no forms, so the form is written blank only", async () => {
  const list = await writeWorkbook(dir, "list.xlsx", [CLEAN_RECOMMENDATION]);
  const run = await runCli(
    ["template", "zz-application", "--fill", list, "-o", path.join(dir, "filled.xlsx"), "--pack", pack],
    { cwd: dir },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("没有申报表读取器");
  expect(fs.existsSync(path.join(dir, "filled.xlsx"))).toBe(false);
});
