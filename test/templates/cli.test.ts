import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/types";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { checkGrid } from "../../src/core/check";
import { fillFormFromRecord } from "../../src/core/templates/fill";
import { TEMPLATES } from "../../src/core/templates/registry";
import { CLEAN_RECORDS } from "./examples";
import { writeWorkbook } from "./support";

async function run(args: readonly string[], cwd: string, lang: "zh" | "en" = "zh") {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    lang,
    isTTY: false,
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function readBack(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return gridsFromWorkbook(wb);
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-template-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("yanxiu templates", () => {
  it("--json prints every template as {id, policy, level, table, title}", async () => {
    const r = await run(["templates", "--json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      TEMPLATES.map((t) => ({ id: t.id, policy: t.policy, level: t.level, table: t.table, title: t.title })),
    );
  });

  it.each([
    [
      "zh",
      [
        "上海 2026 高级研修项目",
        "福建 2026 高级研修项目",
        "附件3 福建省专业技术人才知识更新工程2026年高级研修项目汇总表（汇总表）",
      ],
    ],
    [
      "en",
      [
        "Shanghai 2026 advanced training",
        "(Application form, National)",
        "Write one: yanxiu template ID -o FILE.xlsx",
      ],
    ],
  ] as const)("lists them by notice (%s)", async (lang, words) => {
    const r = await run(["templates", "--lang", lang], dir);
    expect(r.code).toBe(0);
    for (const t of TEMPLATES) expect(r.stdout).toContain(t.id);
    for (const w of words) expect(r.stdout).toContain(w);
  });

  it("takes no file", async () => {
    expect((await run(["templates", "x.xlsx"], dir)).code).toBe(2);
  });
});

describe("yanxiu template", () => {
  it.each(TEMPLATES.map((t) => [t.id] as const))(
    "writes %s blank, and the engine recognises it",
    async (id) => {
      const out = path.join(dir, `${id}.xlsx`);
      const r = await run(["template", id, "-o", out], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(out);
      const [grid] = await readBack(out);
      const t = TEMPLATES.find((x) => x.id === id);
      const check = checkGrid(grid as NonNullable<typeof grid>);
      expect([check.table, check.policy]).toEqual([t?.table, t?.policy]);
    },
  );

  it("fills one 申报表 per row of a list (--fill)", async () => {
    const list = path.join(dir, "list.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("清单");
    ws.addRows([
      ["序号", "项目名称", "承办单位", "办班时间", "学员人数", "基层人数"],
      [1, "数据要素高级研修班", "上海示范大学", "2026年9月14日-18日", 60, 20],
      [2, "低空经济高级研修班", "上海航空学院", "2026年10月12日-16日", 50, 16],
    ]);
    await wb.xlsx.writeFile(list);
    const out = path.join(dir, "forms.xlsx");
    const r = await run(["template", "sh-82-application", "--fill", "list.xlsx", "-o", "forms.xlsx"], dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("2 张申报表");
    const grids = await readBack(out);
    expect(grids.map((g) => g.name)).toEqual(["数据要素高级研修班", "低空经济高级研修班"]);
    for (const g of grids) expect(checkGrid(g).table).toBe("application");
  });

  it("builds a 推荐表 from the forms of a workbook in sheet order, marks --key ranks and warns over the 15%", async () => {
    const base = CLEAN_RECORDS["sh-82-application"] ?? {};
    const forms = ["甲", "乙", "丙", "丁", "戊"].map((n) =>
      fillFormFromRecord("sh-82-application", { ...base, 项目名称: `${n}研修班`, 承办单位: `${n}学院` }),
    );
    fs.writeFileSync(path.join(dir, "forms5.xlsx"), Buffer.from(await writeWorkbook(forms)));
    const r = await run(
      ["template", "sh-82-recommendation", "--fill", "forms5.xlsx", "--key", "1,2", "-o", "rec.xlsx"],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("5 张申报表");
    expect(r.stderr).toMatch(/^提醒 D5：重点推荐 2 项，共 5 项，原则上不超过 1 项/m);
    const [grid] = await readBack(path.join(dir, "rec.xlsx"));
    if (!grid) throw new Error("no sheet");
    const rows = [5, 6, 7, 8, 9].map((r) => [0, 1, 2, 3].map((c) => grid.cell(r, c).text));
    expect(rows).toEqual([
      ["1", "甲研修班", "甲学院", "重点推荐"],
      ["2", "乙研修班", "乙学院", "重点推荐"],
      ["3", "丙研修班", "丙学院", ""],
      ["4", "丁研修班", "丁学院", ""],
      ["5", "戊研修班", "戊学院", ""],
    ]);
    const quota = checkGrid(grid).findings.filter(
      (f) => f.rule === "key-recommendation.quota" && f.severity === "warning",
    );
    expect(quota).toHaveLength(1);
  });

  it.each([
    [["template"], "模板 ID"],
    [["template", "sh-82-application"], "-o"],
    [["template", "sh-82-application", "-o", "x.pdf"], ".xlsx"],
    [["template", "no-such", "-o", "x.xlsx"], "没有模板“no-such”"],
    [["template", "sh-82-domains", "--fill", "list.xlsx", "-o", "x.xlsx"], "参考表"],
    [["template", "sh-82-application", "--fill", "missing.xlsx", "-o", "x.xlsx"], "找不到"],
    [["template", "sh-82-recommendation", "--key", "一", "-o", "x.xlsx"], "--key"],
    [["template", "fj-summary", "--key", "1", "-o", "x.xlsx"], "--key"],
    [["template", "sh-82-application", "--fill", "list.xlsx", "-o", "list.xlsx"], "不能与 --fill"],
    [["template", "fj-summary", "--fill", "list.xlsx", "-o", "x.xlsx"], "没有找到福建"],
    [["template", "sh-82-application", "--bogus", "-o", "x.xlsx"], "--bogus"],
  ])("%j exits 2 and says %j", async (args, words) => {
    const r = await run(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  it("refuses to fill forms from a workbook without list rows", async () => {
    const r = await run(["template", "sh-82-application", "--fill", "forms5.xlsx", "-o", "y.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到清单");
  });

  it("says where it could not write", async () => {
    const r = await run(
      ["template", "sh-82-application", "-o", path.join(dir, "no", "such", "dir.xlsx")],
      dir,
      "en",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Could not write");
  });
});
