/**
 * The rule kinds that were bespoke code (unfinished hosts, sum consistency, if-then) wired by a pack's data: a copy of
 * the demo pack gets three more fields and three rules, and each fires on its cell.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { resetPacks } from "../../src/core/packs/registry";
import { cleanTemp, runCli, tempDir, writeWorkbook } from "../cli/helpers";

const DEMO = path.join(__dirname, "fixtures", "zz-2027-demo");

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterEach(() => resetPacks());
afterAll(() => cleanTemp());

function packWithKinds(): string {
  const target = path.join(dir, "kinds");
  fs.cpSync(DEMO, target, { recursive: true });
  const file = path.join(target, "tables", "application.yaml");
  const text = fs
    .readFileSync(file, "utf8")
    .replace(
      "  date: { labels: [填表日期] }",
      [
        "  date: { labels: [填表日期] }",
        "  teachers: { labels: [师资总人数] }",
        "  fullTime: { labels: [专职人数] }",
        "  partTime: { labels: [兼职人数] }",
        "  feature: { labels: [申报特色班] }",
        "  featureInfo: { labels: [特色班相关情况] }",
      ].join("\n"),
    )
    .concat(
      [
        "  - { kind: not-in-reference-sheet, field: unit, clause: 三（一） }",
        "  - { kind: sum-equals, field: teachers, of: [fullTime, partTime], clause: 附件1 }",
        "  - { kind: if-then, field: feature, equals: 是, then: featureInfo, clause: 四（一） }",
        "",
      ].join("\n"),
    );
  fs.writeFileSync(file, text);
  return target;
}

it("not-in-reference-sheet, sum-equals and if-then fire where the data wires them", async () => {
  const pack = packWithKinds();
  const lint = await runCli(["pack", "lint", pack]);
  expect(lint.stdout).toContain("未发现问题");
  const file = await writeWorkbook(dir, "kinds.xlsx", [
    {
      name: "申报表",
      rows: [
        ["示例省高级研修项目申报表"],
        ["项目名称", "智能制造高级研修班"],
        ["申报单位", "示例大学"],
        ["研修人数", 60],
        ["师资总人数", 10],
        ["专职人数", 4],
        ["兼职人数", 5],
        ["申报特色班", "是"],
        ["特色班相关情况", ""],
      ],
    },
    { name: "2026未完成单位", rows: [["单位名称"], ["示例大学"]] },
  ]);
  const run = await runCli(["check", file, "--json", "--pack", pack]);
  const doc = JSON.parse(run.stdout) as {
    files: Array<{
      sheets: Array<{ sheet: string; findings: Array<{ rule: string; cell: string; clause: string }> }>;
    }>;
  };
  const form = doc.files[0]?.sheets.find((s) => s.sheet === "申报表");
  expect(form?.findings.map((f) => [f.rule, f.cell]).sort()).toEqual(
    [
      ["fj.unfinished-2025", "B3"],
      ["sum.consistency", "B5"],
      ["required", "A9"],
    ].sort(),
  );
  expect(form?.findings.find((f) => f.rule === "required")?.clause).toBe("示例人社函〔2027〕1号 四（一）");
});

const LIST = path.join(__dirname, "fixtures", "zz-2027-list");

type CheckDoc = {
  files: Array<{
    sheets: Array<{
      sheet: string;
      findings: Array<{ rule: string; cell: string; clause: string; message: string; severity: string }>;
    }>;
  }>;
};

/** A copy of a fixture pack with lines added to its notice.yaml figures and one table's fields and rules. */
function packWith(
  from: string,
  name: string,
  table: string,
  add: { figures: string[]; fields: string[]; rules: string[] },
) {
  const target = path.join(dir, name);
  fs.cpSync(from, target, { recursive: true });
  const notice = path.join(target, "notice.yaml");
  fs.writeFileSync(
    notice,
    fs
      .readFileSync(notice, "utf8")
      .replace("figures:\n", `figures:\n${add.figures.map((l) => `  ${l}\n`).join("")}`),
  );
  const file = path.join(target, "tables", `${table}.yaml`);
  fs.writeFileSync(
    file,
    fs
      .readFileSync(file, "utf8")
      .replace("fields:\n", `fields:\n${add.fields.map((l) => `  ${l}\n`).join("")}`)
      .concat(add.rules.map((l) => `  - ${l}\n`).join("")),
  );
  return target;
}

it("number-range, one-unit and number-at-least with an id of its own fire on a form where the data wires them", async () => {
  const pack = packWith(DEMO, "form-kinds", "application", {
    figures: [
      "budget.range: { min: 5, max: 12, clause: 二（四）, severity: error }",
      "teachers.min: { value: 3, clause: 二（五）, severity: warning }",
    ],
    fields: [
      "budget: { labels: [资助经费] }",
      "host: { labels: [承办单位] }",
      "teachers: { labels: [师资人数] }",
    ],
    rules: [
      "{ kind: number-range, field: budget, figure: budget.range }",
      "{ kind: one-unit, field: host, clause: 三（二） }",
      "{ kind: number-at-least, field: teachers, figure: teachers.min, id: number.range }",
    ],
  });
  const lint = await runCli(["pack", "lint", pack]);
  expect(lint.stdout).toContain("未发现问题");
  const file = await writeWorkbook(dir, "form-kinds.xlsx", [
    {
      name: "申报表",
      rows: [
        ["示例省高级研修项目申报表"],
        ["项目名称", "智能制造高级研修班"],
        ["申报单位", "示例大学"],
        ["研修人数", 60],
        ["资助经费", 13],
        ["承办单位", "示例大学、示例学院"],
        ["师资人数", 2],
      ],
    },
  ]);
  const doc = JSON.parse((await runCli(["check", file, "--json", "--pack", pack])).stdout) as CheckDoc;
  const findings = doc.files[0]?.sheets.find((s) => s.sheet === "申报表")?.findings ?? [];
  expect(findings.map((f) => [f.rule, f.cell, f.severity]).sort()).toEqual(
    [
      ["number.range", "B5", "error"],
      ["fj.no-joint-host", "B6", "warning"],
      ["number.range", "B7", "warning"],
    ].sort(),
  );
  const budget = findings.find((f) => f.cell === "B5");
  expect(budget?.message).toBe("“资助经费”为 13，应在 5 至 12 之间。");
  expect(budget?.clause).toBe("示例人社函〔2027〕1号 二（四）");
  expect(findings.find((f) => f.cell === "B6")?.message).toContain("示例大学、示例学院");
});

it("number-range and one-unit fire on every row of a list where the data wires them", async () => {
  const pack = packWith(LIST, "list-kinds", "summary", {
    figures: ["trainees.range: { min: 40, max: 80, clause: 二（一）, severity: error }"],
    fields: [],
    rules: [
      "{ kind: number-range, field: trainees, figure: trainees.range }",
      "{ kind: one-unit, field: host, clause: 二（三） }",
    ],
  });
  const lint = await runCli(["pack", "lint", pack]);
  expect(lint.stdout).toContain("未发现问题");
  const file = await writeWorkbook(dir, "list-kinds.xlsx", [
    {
      name: "汇总",
      rows: [
        ["示例省推荐汇总表"],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "研修人数"],
        [1, "示例厅", 1, "甲研修班", "示例大学", 60],
        [2, "示例厅", 2, "乙研修班", "示例学院联合示例医院", 90],
        [3, "示例厅", 3, "丙研修班", "示例研究院", 45],
      ],
    },
  ]);
  const doc = JSON.parse((await runCli(["check", file, "--json", "--pack", pack])).stdout) as CheckDoc;
  const findings = doc.files[0]?.sheets.find((s) => s.sheet === "汇总")?.findings ?? [];
  expect(
    findings
      .filter((f) => f.rule !== "key-recommendation.quota")
      .map((f) => [f.rule, f.cell])
      .sort(),
  ).toEqual(
    [
      ["fj.no-joint-host", "E4"],
      ["number.range", "F4"],
    ].sort(),
  );
});
