/**
 * Templates belong to the pack (issue #14): a pack folder copied from the Shanghai 2026 one and changed in its data
 * only (id, 文号, year, quota, one more 领域 in lists/domains.yaml) lists and writes its own templates — with its own
 * figures and lists — through `yanxiu templates --pack` and `yanxiu template … --pack`, blank and filled, while the
 * built-in templates stay as they were. Copying a pack without changing anything gives the same tables.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { BUILTIN_PACK_DATA } from "../../src/core/packs/builtin";
import { addPacks, resetPacks } from "../../src/core/packs/registry";
import { buildListFromForms, readApplicationForms } from "../../src/core/templates/fill";
import { allTemplates, getTemplate, TEMPLATES } from "../../src/core/templates/registry";
import { cleanTemp, CLEAN_RECOMMENDATION, runCli, tempDir, writeWorkbook } from "../cli/helpers";
import { roundTrip } from "./support";

const ROOT = path.join(__dirname, "..", "..");

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
    const p = path.join(target, file);
    let text = fs.readFileSync(p, "utf8");
    for (const [a, b] of pairs) {
      if (!text.includes(a)) throw new Error(`${file} has no “${a}”`);
      text = text.split(a).join(b);
    }
    fs.writeFileSync(p, text);
  }
  return target;
}

const NEW_DOMAIN =
  '- { serial: 20, domain: 深海科技, majors: "深海装备（含深潜器）、海底观测", leads: 市交通委 }\n';

const SH_2027: Record<string, Array<[string, string]>> = {
  "notice.yaml": [
    ["id: sh-2026-gaoyan", "id: sh-2027-gaoyan"],
    ["沪人社专〔2026〕82号", "沪人社专〔2027〕30号"],
    ["year: 2026", "year: 2027"],
    ["keyQuota: { share: 0.15, atLeast: 1,", "keyQuota: { share: 0.1, atLeast: 0,"],
  ],
  "lists/domains.yaml": [
    ['leads: "市住房城乡建设管理委" }\n', `leads: "市住房城乡建设管理委" }\n${NEW_DOMAIN}`],
  ],
};

let dir: string;
let pack2027: string;
beforeAll(() => {
  dir = tempDir();
  pack2027 = variant(dir, "sh-2026-gaoyan", "sh-2027-gaoyan", SH_2027);
});
afterEach(() => resetPacks());
afterAll(() => cleanTemp());

async function sheetOf(file: string, index = 0): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[index];
  if (!ws) throw new Error(`${file}: no sheet ${index}`);
  return ws;
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? ""))));
  return out;
}

type Validations = Record<string, { formulae?: string[]; prompt?: string }>;
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

describe("a Shanghai 2027 pack made from the 2026 folder by changing data only", () => {
  it("yanxiu templates --pack lists its three tables beside the built-in ones, ids kept unique", async () => {
    const run = await runCli(["templates", "--json", "--pack", pack2027], { cwd: dir });
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as Array<{
      id: string;
      policy: string;
      table: string;
      title: string;
    }>;
    expect(listed.slice(0, TEMPLATES.length).map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    expect(listed.filter((t) => t.policy === "sh-2027-gaoyan")).toEqual([
      {
        id: "sh-2027-gaoyan/sh-82-domains",
        policy: "sh-2027-gaoyan",
        level: null,
        table: "reference",
        title: "上海市专业技术人才知识更新工程重点领域和主要专业范围",
      },
      {
        id: "sh-2027-gaoyan/sh-82-application",
        policy: "sh-2027-gaoyan",
        level: null,
        table: "application",
        title: "专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）申报表",
      },
      {
        id: "sh-2027-gaoyan/sh-82-recommendation",
        policy: "sh-2027-gaoyan",
        level: null,
        table: "recommendation",
        title: "专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）推荐表",
      },
    ]);
    const human = await runCli(["templates", "--pack", pack2027], { cwd: dir });
    expect(human.stdout).toContain("sh-2027-gaoyan/sh-82-application");
    expect(human.stdout).toContain("上海 2026 高级研修项目");
  });

  it("writes its 推荐表 with its own quota (10%, not 15%) in the 注 and the 备注 dropdown", async () => {
    const out = path.join(dir, "rec-2027.xlsx");
    const run = await runCli(
      ["template", "sh-2027-gaoyan/sh-82-recommendation", "-o", out, "--pack", pack2027],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const ws = await sheetOf(out);
    const note = texts(ws).find((t) => t.startsWith("注："));
    expect(note).toContain("原则上不超过推荐项目总数的10%");
    expect(note).not.toContain("15%");
    expect(Object.values(validations(ws)).map((v) => v.prompt)).toContain(
      "重点推荐项目原则上不超过推荐项目总数的10%",
    );

    const builtin = path.join(dir, "rec-2026.xlsx");
    expect((await runCli(["template", "sh-82-recommendation", "-o", builtin], { cwd: dir })).code).toBe(0);
    expect(texts(await sheetOf(builtin)).find((t) => t.startsWith("注："))).toContain("15%");
  });

  it("writes its 申报表 with its own 附件1: the new 领域 in the dropdown and its 专业范围 in the cascade", async () => {
    const out = path.join(dir, "app-2027.xlsx");
    const run = await runCli(
      ["template", "sh-2027-gaoyan/sh-82-application", "-o", out, "--pack", pack2027],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    const ws = await sheetOf(out);
    const domain = Object.values(validations(ws)).find((v) => v.prompt === "请选择附件1所列领域");
    expect(domain?.formulae?.[0]).toContain("深海科技");
    // The cascade's helper row: the 领域, its item count, its items (bracketed 含… not offered).
    const helper = texts(ws);
    const at = helper.indexOf("深海科技");
    expect(helper.slice(at, at + 4)).toEqual(["深海科技", "2", "深海装备", "海底观测"]);
    // The built-in 2026 form does not offer it.
    const builtin = path.join(dir, "app-2026.xlsx");
    expect((await runCli(["template", "sh-82-application", "-o", builtin], { cwd: dir })).code).toBe(0);
    expect(texts(await sheetOf(builtin))).not.toContain("深海科技");
  });

  it("fills its forms from a list and its 推荐表 from those forms, with its own quota in the hint", async () => {
    const list = await writeWorkbook(dir, "list-2027.xlsx", [CLEAN_RECOMMENDATION]);
    const forms = path.join(dir, "forms-2027.xlsx");
    const filled = await runCli(
      ["template", "sh-2027-gaoyan/sh-82-application", "--fill", list, "-o", forms, "--pack", pack2027],
      { cwd: dir },
    );
    expect(filled.code).toBe(0);
    expect(filled.stdout).toContain("5 张申报表");
    const back = path.join(dir, "rec-from-forms.xlsx");
    const rec = await runCli(
      [
        "template",
        "sh-2027-gaoyan/sh-82-recommendation",
        "--fill",
        forms,
        "--key",
        "1",
        "-o",
        back,
        "--pack",
        pack2027,
      ],
      { cwd: dir },
    );
    expect(rec.code).toBe(0);
    expect(rec.stdout).toContain("已按 5 张申报表写出");
    // 10% of 5 is 0 (at least 0 in the 2027 pack): the one 重点推荐 is over; the 2026 pack would allow 1.
    expect(rec.stderr).toMatch(/提醒 .*10%/);
    const rows = texts(await sheetOf(back));
    expect(rows).toContain("细胞与基因治疗产业化关键技术研修班");
    expect(rows).toContain("上海生物医药行业协会");
  });

  it("the engine reads a form written from the 2027 template as the 2027 pack's", async () => {
    const out = path.join(dir, "app-check.xlsx");
    await runCli(["template", "sh-2027-gaoyan/sh-82-application", "-o", out, "--pack", pack2027], {
      cwd: dir,
    });
    const checked = await runCli(["check", out, "--json", "--pack", pack2027], { cwd: dir });
    const doc = JSON.parse(checked.stdout) as { files: Array<{ sheets: Array<{ policy: string | null }> }> };
    expect(doc.files[0]?.sheets[0]?.policy).toBe("sh-2027-gaoyan");
  });

  it("an unknown template id names the listing, also with --pack", async () => {
    const run = await runCli(
      ["template", "sh-2027-gaoyan/nope", "-o", path.join(dir, "x.xlsx"), "--pack", pack2027],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("没有模板“sh-2027-gaoyan/nope”");
  });
});

describe("templates come from the pack's data, not from its id", () => {
  it("a copy of every built-in pack under a new id draws every table exactly as the built-in one", async () => {
    const copies = BUILTIN_PACK_DATA.map((data) => ({ ...data, id: `${data.id}-copy`, builtin: false }));
    const { refused } = addPacks(copies);
    expect(refused).toEqual([]);
    for (const t of TEMPLATES) {
      const copy = getTemplate(`${t.policy}-copy/${t.id}`);
      expect(copy?.policy).toBe(`${t.policy}-copy`);
      expect(copy?.build()).toEqual(t.build());
      expect(copy?.form?.draft()).toEqual(t.form?.draft());
      expect(copy?.list?.columns).toEqual(t.list?.columns);
    }
    expect(allTemplates()).toHaveLength(TEMPLATES.length * 2);
  });

  it("a Hubei 2027 pack prints 2027 in its title and note; a Fujian one in its summary's title", async () => {
    const hb = variant(dir, "hb-2026-gaoyan", "hb-2027", {
      "notice.yaml": [
        ["id: hb-2026-gaoyan", "id: hb-2027-gaoyan"],
        ["year: 2026", "year: 2027"],
      ],
    });
    const fj = variant(dir, "fj-2026-gaoyan", "fj-2027", {
      "notice.yaml": [
        ["id: fj-2026-gaoyan", "id: fj-2027-gaoyan"],
        ["year: 2026", "year: 2027"],
      ],
    });
    const run = await runCli(["templates", "--json", "--pack", hb, "--pack", fj], { cwd: dir });
    const listed = JSON.parse(run.stdout) as Array<{ id: string; title: string }>;
    expect(listed.find((t) => t.id === "hb-2027-gaoyan/hb-application")?.title).toBe(
      "专业技术人员知识更新工程2027年高级研修项目申报表",
    );
    expect(listed.find((t) => t.id === "fj-2027-gaoyan/fj-summary")?.title).toBe(
      "福建省专业技术人才知识更新工程2027年高级研修项目汇总表",
    );
    expect(listed.find((t) => t.id === "fj-2027-gaoyan/fj-national-application")?.title).toBe(
      "专业技术人才知识更新工程2027年高级研修项目申报表",
    );
    const out = path.join(dir, "hb-2027.xlsx");
    expect(
      (await runCli(["template", "hb-2027-gaoyan/hb-application", "-o", out, "--pack", hb], { cwd: dir }))
        .code,
    ).toBe(0);
    const note = texts(await sheetOf(out)).find((t) => t.startsWith("注："));
    expect(note).toContain("知识更新工程2027年高级研修项目选题的通知");
  });

  it("an institution pack for 2027 prints its own years (纳税 from figures.tax.years, 培训规模 the five before) and date", async () => {
    const inst = variant(dir, "sh-2026-digital-institution", "inst-2027", {
      "notice.yaml": [
        ["id: sh-2026-digital-institution", "id: sh-2027-digital-institution"],
        ["issued: 2026-03-03", "issued: 2027-02-20"],
        ["year: 2026", "year: 2027"],
        ["tax.years: { min: 2023, max: 2025,", "tax.years: { min: 2024, max: 2026,"],
      ],
    });
    const out = path.join(dir, "inst-2027.xlsx");
    const run = await runCli(
      ["template", "sh-2027-digital-institution/sh-55-institution", "-o", out, "--pack", inst],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const shown = texts(await sheetOf(out));
    expect(shown).toContain("2027年2月");
    expect(shown).not.toContain("2026年3月");
    const years = shown.filter((t) => /^\d{4}年$/.test(t));
    // 近三年纳税 2024–2026, then 近5年培训规模 2022–2026.
    expect(years).toEqual(["2024年", "2025年", "2026年", "2022年", "2023年", "2024年", "2025年", "2026年"]);
    const form = getTemplate("sh-55-institution");
    expect(form?.form?.draft().slots["tax:2023:amount"]).toBeDefined();
    const added = getTemplate("sh-2027-digital-institution/sh-55-institution");
    expect(added?.form?.draft().slots["tax:2026:amount"]).toBeDefined();
    expect(added?.form?.draft().slots["tax:2023:amount"]).toBeUndefined();
  });

  it("a list made in-process from the variant's forms keeps to the variant (policy and quota)", async () => {
    const sh = BUILTIN_PACK_DATA.find((p) => p.id === "sh-2026-gaoyan");
    if (!sh) throw new Error("no sh-2026-gaoyan");
    const keyQuota = { share: 0.5, atLeast: 0, clause: "附件3 注", severity: "warning" as const };
    expect(addPacks([{ ...sh, id: "sh-x", figures: { ...sh.figures, keyQuota } }]).refused).toEqual([]);
    const form = getTemplate("sh-x/sh-82-application");
    if (!form) throw new Error("no sh-x/sh-82-application");
    const grids = await roundTrip([form.build()]);
    const [read] = readApplicationForms(grids);
    if (!read) throw new Error("the blank form was not read as a form");
    const forms = [1, 2, 3].map((rank) => ({ ...read, policy: "sh-x", rank, keyRecommended: true }));
    // Three marked of three, 50% allows 1: the warning quotes the variant's 50%.
    const made = buildListFromForms("sh-x/sh-82-recommendation", forms);
    expect(made.hints.find((h) => h.severity === "warning")?.message.zh).toContain("50%");
    expect(made.layout.cells.some((c) => String(c.value ?? "").includes("50%"))).toBe(true);
  });
});
