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
