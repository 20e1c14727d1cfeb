/**
 * A list table wholly as data (layout: list, model: generic): test/packs/fixtures/zz-2027-list declares a 推荐汇总表's
 * columns, its group column and its list rules; the list reader and the list rule kinds do the rest. Two layouts of the
 * same table — one header row with merged 推荐单位 cells, and a two-row header with extra columns and section rows
 * instead of a 推荐单位 column — must read alike.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { lintPackTexts } from "../../src/core/packs/lint";
import { resetPacks } from "../../src/core/packs/registry";
import { readFolderTexts } from "../../scripts/build-packs";
import { cleanTemp, runCli, tempDir, writeWorkbook } from "../cli/helpers";
import type { SheetSpec } from "../xlsx/helpers";

const PACK = path.join(__dirname, "fixtures", "zz-2027-list");

interface Finding {
  rule: string;
  cell: string;
  severity: string;
  message: string;
  clause: string;
}
interface Doc {
  files: Array<{ sheets: Array<{ policy: string | null; table: string; findings: Finding[] }> }>;
}

type Row = ExcelJS.CellValue[];

/** One header row; 推荐单位 甲 merged down over its rows, 推荐单位 乙 written once over a blank row. */
function oneRowHeader(rows: { a: Row[]; b: Row[]; filled: string }): SheetSpec {
  return {
    name: "汇总表",
    rows: [
      ["示例省高级研修项目推荐汇总表"],
      [`填写时间：${rows.filled}`],
      ["推荐单位", "推荐排序", "项目名称", "承办单位", "研修人数", "领域", "重点推荐"],
      ...rows.a.map((r, i) => [i === 0 ? "甲市人社局" : null, ...r]),
      ...rows.b.map((r, i) => [i === 0 ? "乙市人社局" : null, ...r]),
      ["填表人：李明"],
    ],
    merges: [`A4:A${3 + rows.a.length}`],
  };
}

/** A two-row header (学员情况 over 学员人数 | 其中基层), a 序号 column, an undeclared 备注 column, section rows per recommender. */
function twoRowHeader(rows: { a: Row[]; b: Row[]; filled: string }): SheetSpec {
  const body = (list: Row[], start: number) =>
    list.map((r, i) => [start + i, r[0], r[1], r[2], r[3], 10, r[4], r[5], null]);
  return {
    name: "推荐项目",
    rows: [
      ["示例省高级研修项目推荐汇总表"],
      ["序号", "推荐排序", "项目名称", "承办单位", "学员情况", null, "所属领域", "是否重点推荐", "备注"],
      [null, null, null, null, "学员人数", "其中基层", null, null, null],
      ["一、甲市人社局"],
      ...body(rows.a, 1),
      ["二、乙市人社局"],
      ...body(rows.b, rows.a.length + 1),
      [`填表日期：${rows.filled}`],
    ],
    merges: [
      "A2:A3",
      "B2:B3",
      "C2:C3",
      "D2:D3",
      "E2:F2",
      "G2:G3",
      "H2:H3",
      "I2:I3",
      "A4:I4",
      `A${5 + rows.a.length}:I${5 + rows.a.length}`,
    ],
  };
}

// rank, title, host, trainees, domain, key
const CLEAN = {
  a: [
    [1, "智能制造高级研修班", "示例大学", 60, "数字技术", "是"],
    [2, "细胞治疗产业化研修班", "示例医学院", 50, "生物医药", null],
    [3, "智慧农业装备研修班", "示例农科院", 45, "现代农业", null],
  ],
  b: [
    [1, "工业软件高级研修班", "示例软件园", 40, "数字技术", null],
    [2, "合成生物制造研修班", "示例研究所", 80, "生物医药", "重点推荐"],
  ],
  filled: "2027年2月20日",
};

// Each planted fault on its own cell (sheet rows are the one-row layout's; the two-row layout shifts them).
const BAD = {
  a: [
    [1, "智能制造高级研修班", "示例大学", 60, "数字技术", null],
    [1, "细胞治疗产业化研修班", "示例医学院", 20, "航天", null], // rank repeated; trainees < 40; domain not listed
    [3, "智能制造高级研修班", "", 45, "现代农业", null], // title repeated; host missing
  ],
  b: [
    [1, "工业软件高级研修班", "示例大学", 40, "数字技术", "是"], // host on a second row
    [2, "合成生物制造研修班", "示例研究所", 80, "生物医药", "是"], // 2 key marks where 1 is allowed
  ],
  filled: "2027年3月5日",
};

// The two-row layout's planted faults, cell by cell (the ExcelJS and the openpyxl workbook alike).
const TWO_ROW_BAD = [
  "error ranking.sequence B6",
  "error trainees.min E6",
  "error domain.in-list G6",
  "error list.duplicate-title C7",
  "error required D7",
  "warning host.one-project D9",
  "warning key-recommendation.quota H9",
  "info key-recommendation.quota A4",
  "warning deadline.submission A11",
];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterEach(() => resetPacks());
afterAll(() => cleanTemp());

async function check(name: string, sheet: SheetSpec) {
  const file = await writeWorkbook(dir, name, [sheet]);
  const run = await runCli(["check", file, "--json", "--pack", PACK]);
  return (JSON.parse(run.stdout) as Doc).files[0]?.sheets[0];
}

const shape = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`).sort();

describe.each([
  {
    layout: "one header row, merged and written-once 推荐单位",
    make: oneRowHeader,
    clean: ["info key-recommendation.quota A4", "info key-recommendation.quota A7"],
    bad: [
      "error ranking.sequence B5",
      "error trainees.min E5",
      "error domain.in-list F5",
      "error list.duplicate-title C6",
      "error required D6",
      "warning host.one-project D7",
      "warning key-recommendation.quota G7",
      "info key-recommendation.quota A4",
      "warning deadline.submission A2",
    ],
  },
  {
    layout: "two header rows, extra columns, section rows",
    make: twoRowHeader,
    clean: ["info key-recommendation.quota A4", "info key-recommendation.quota A8"],
    bad: TWO_ROW_BAD,
  },
])("a list table declared in data: $layout", ({ make, clean, bad }) => {
  it("is recognised by its declared signals and a clean list has no error or warning", async () => {
    const sheet = await check(`clean-${make.name}.xlsx`, make(CLEAN));
    expect(sheet).toMatchObject({ policy: "zz-2027-list", table: "summary" });
    expect(shape(sheet?.findings ?? [])).toEqual([...clean].sort());
  });

  it("each declared list rule fires exactly on its planted cell, with the notice's clause", async () => {
    const sheet = await check(`bad-${make.name}.xlsx`, make(BAD));
    expect(sheet).toMatchObject({ policy: "zz-2027-list", table: "summary" });
    const findings = sheet?.findings ?? [];
    expect(shape(findings)).toEqual([...bad].sort());
    const byRule = new Map(findings.map((f) => [f.rule, f]));
    expect(byRule.get("trainees.min")?.clause).toBe("示例人社函〔2027〕2号 二（一）");
    expect(byRule.get("host.one-project")?.clause).toBe("示例人社函〔2027〕2号 二（三）");
    expect(byRule.get("deadline.submission")?.clause).toBe("示例人社函〔2027〕2号 四");
    expect(byRule.get("domain.in-list")?.message).toBe(
      "领域“航天”不是通知所列的领域（数字技术、生物医药、现代农业）。",
    );
  });
});

it("the two-row-header list written by openpyxl (fixtures/list-workbooks/make.py) reads as the ExcelJS one", async () => {
  const file = path.join(__dirname, "fixtures", "list-workbooks", "bad-openpyxl.xlsx");
  const run = await runCli(["check", file, "--json", "--pack", PACK]);
  const sheet = (JSON.parse(run.stdout) as Doc).files[0]?.sheets[0];
  expect(sheet).toMatchObject({ policy: "zz-2027-list", table: "summary" });
  expect(shape(sheet?.findings ?? [])).toEqual([...TWO_ROW_BAD].sort());
});

it("a column declared required: warning is reported as a warning, not an error", async () => {
  const pack = path.join(dir, "zz-2027-list-warning");
  fs.cpSync(PACK, pack, { recursive: true });
  const file = path.join(pack, "tables", "summary.yaml");
  const text = fs.readFileSync(file, "utf8");
  const edited = text.replace("labels: [承办单位], required: true", "labels: [承办单位], required: warning");
  expect(edited).not.toBe(text);
  fs.writeFileSync(file, edited);
  const workbook = await writeWorkbook(dir, "bad-warning.xlsx", [oneRowHeader(BAD)]);
  const run = await runCli(["check", workbook, "--json", "--pack", pack]);
  const findings = (JSON.parse(run.stdout) as Doc).files[0]?.sheets[0]?.findings ?? [];
  expect(shape(findings.filter((f) => f.rule === "required"))).toEqual(["warning required D6"]);
});

describe("pack lint knows the list table format", () => {
  const texts = () => readFolderTexts(PACK);
  const lint = (edit: (summary: string) => string) => {
    const t = texts();
    const summary = t["tables/summary.yaml"] as string;
    return lintPackTexts({ ...t, "tables/summary.yaml": edit(summary) }, new Map());
  };

  it("the list fixture is clean", () => {
    expect(lintPackTexts(texts(), new Map())).toEqual([]);
  });

  it("reports a form-only kind on a list, an undeclared groupBy column and a missing figure, in Chinese", () => {
    const issues = lint((s) =>
      s
        .replace(
          "{ kind: unique, field: title, clause: 附件2 }",
          "{ kind: phone, field: title, clause: 附件2 }",
        )
        .replace("groupBy: recommender, clause: 附件2", "groupBy: recomender, clause: 附件2")
        .replace("figure: key.quota", "figure: key.share"),
    );
    expect(issues.map((i) => `${i.file} ${i.path}`).sort()).toEqual(
      [
        "tables/summary.yaml rules.1.groupBy",
        "tables/summary.yaml rules.2.kind",
        "tables/summary.yaml rules.4.figure",
      ].sort(),
    );
    expect(issues.find((i) => i.path === "rules.2.kind")?.message).toContain("未知的列表规则类型“phone”");
    expect(issues.find((i) => i.path === "rules.1.groupBy")?.message).toContain("字段“recomender”");
  });

  it("refuses an unknown layout and warns of list-only keys on a form", () => {
    expect(lint((s) => s.replace("layout: list", "layout: grid")).map((i) => i.path)).toEqual(["layout"]);
    const form = lint((s) =>
      s
        .replace("layout: list\n", "")
        .replace(/ {2}- \{ kind: (serial|sequence|unique|at-most-once|marked-quota)[^\n]*\n/g, ""),
    );
    expect(
      form
        .filter((i) => i.severity === "warning")
        .map((i) => i.path)
        .sort(),
    ).toEqual(
      [
        "fields.filled.footer",
        "fields.host.anchor",
        "fields.key.content",
        "fields.rank.content",
        "fields.recommender.group",
        "fields.serial.content",
        "fields.title.anchor",
      ].sort(),
    );
  });
});
