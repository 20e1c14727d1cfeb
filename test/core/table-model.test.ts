/**
 * Regression tests of the table model (issue 11, rules.md "Tables as staff actually lay them out"): one block per
 * layout, each named for what it pins. Grids are built directly; the golden files (test/golden/files.test.ts) read
 * the same layouts from LibreOffice and openpyxl workbooks.
 */
import { checkGrid } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import { gridFromValues, makeGrid, rawCell, uncalculatedCell } from "../../src/core/grid/grid";
import type { CellValue, MergeArea, RawCell } from "../../src/core/grid/types";
import { LIST_COLUMNS } from "../../src/core/recognise/columns";
import { readList } from "../../src/core/recognise/list";
import { answerInWords, readChoicesOrWords } from "../../src/core/read/choice";

const range = (a1: string): MergeArea => {
  const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = (s: string) => s.charCodeAt(0) - 65;
  return { top: Number(m[2]) - 1, left: col(m[1] ?? "A"), bottom: Number(m[4]) - 1, right: col(m[3] ?? "A") };
};

const grid = (rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>, merges: readonly string[] = []) =>
  gridFromValues("汇总", rows, merges.map(range));

/** Findings as "A1 rule severity", sorted. */
const findings = (g: ReturnType<typeof grid>) =>
  checkGrid(g)
    .findings.map((f) => `${toA1(f.row, f.col)} ${f.rule} ${f.severity}`)
    .sort();

const TITLE = ["上海市2026年度高级研修项目汇总表"];

describe("header band", () => {
  const twoRowsMerged = grid(
    [
      TITLE,
      [
        "序号",
        "推荐单位",
        "推荐排序",
        "项目名称",
        "承办单位",
        "学员人数",
        undefined,
        "办班时间",
        undefined,
        "备注",
      ],
      [undefined, undefined, undefined, undefined, undefined, "总数", "其中基层", "开始", "结束"],
      [1, "甲局", 1, "甲班", "甲院", 60, 20, "2026-09-14", "2026-09-18", "重点推荐"],
      [2, "甲局", 2, "乙班", "乙院", 50, 20, "2026-10-12", "2026-10-16", ""],
    ],
    ["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:I2", "J2:J3"],
  );

  it("the second header row under merged parents is header, never a project row", () => {
    const list = readList(twoRowsMerged, LIST_COLUMNS);
    expect(list?.bandTop).toBe(1);
    expect(list?.headerRow).toBe(2);
    expect(list?.rows).toEqual([3, 4]);
  });

  it("sub-columns are columns, named by their path (学员人数 › 其中基层, 办班时间 › 开始)", () => {
    const list = readList(twoRowsMerged, LIST_COLUMNS);
    expect(list?.columns.get("trainees")).toMatchObject({ col: 5, path: ["学员人数", "总数"] });
    expect(list?.columns.get("grassroots")).toMatchObject({ col: 6, header: "学员人数 › 其中基层" });
    expect(list?.columns.get("courseStart")?.col).toBe(7);
    expect(list?.columns.get("courseEnd")?.col).toBe(8);
    expect(list?.columns.has("courseTime")).toBe(false);
    expect(findings(twoRowsMerged)).toEqual(["B4 key-recommendation.quota info"]);
  });

  it("a parent written once (no merge) stands over the blank cells to its right", () => {
    const g = grid([
      TITLE,
      ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "学员人数", undefined, "备注"],
      [undefined, undefined, undefined, undefined, undefined, "总数", "基层比例"],
      [1, "甲局", 1, "甲班", "甲院", 60, "25%", "重点推荐"],
    ]);
    const list = readList(g, LIST_COLUMNS);
    expect(list?.columns.get("grassrootsShare")?.col).toBe(6);
    expect(list?.rows).toEqual([3]);
    expect(findings(g)).toEqual(["B4 key-recommendation.quota info", "G4 grassroots.share error"]);
  });

  it("three header rows: 项目安排 › 办班时间 › 开始日期 | 结束日期", () => {
    const g = grid(
      [
        TITLE,
        [
          "序号",
          "推荐单位",
          "推荐排序",
          "项目名称",
          "承办单位",
          "项目安排",
          undefined,
          undefined,
          undefined,
          "备注",
        ],
        [undefined, undefined, undefined, undefined, undefined, "学员人数", undefined, "办班时间", undefined],
        [undefined, undefined, undefined, undefined, undefined, "总数", "基层人数", "开始日期", "结束日期"],
        [1, "甲局", 1, "甲班", "甲院", 60, 10, "2026-12-01", "2026-12-03", ""],
      ],
      ["A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "F2:I2", "F3:G3", "H3:I3", "J2:J4"],
    );
    const list = readList(g, LIST_COLUMNS);
    expect(list?.headerRow).toBe(3);
    expect(list?.columns.get("courseStart")?.path).toEqual(["项目安排", "办班时间", "开始日期"]);
    expect(findings(g)).toEqual([
      "B5 key-recommendation.quota info",
      "G5 grassroots.share error",
      "I5 course.finish-by error",
    ]);
  });

  it("a parent row above the row of 项目名称 joins the band", () => {
    const g = grid(
      [
        TITLE,
        ["项目信息", undefined, undefined, undefined, undefined, "学员", undefined],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "人数", "其中基层"],
        [1, "甲局", 1, "甲班", "甲院", 40, 20],
      ],
      ["A2:E2", "F2:G2"],
    );
    const list = readList(g, LIST_COLUMNS);
    expect(list?.bandTop).toBe(1);
    expect(list?.columns.get("trainees")?.col).toBe(5);
    expect(findings(g)).toEqual(["F4 trainees.min error"]);
  });

  it("a title line over the table is not a parent row", () => {
    const list = readList(grid([TITLE, ["序号", "项目名称", "承办单位"], [1, "甲班", "甲院"]]), LIST_COLUMNS);
    expect(list?.bandTop).toBe(1);
  });
});

describe("row model of group cells", () => {
  const rows = (recommender: (string | undefined)[]) => [
    TITLE,
    ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "备注"],
    [1, recommender[0], 1, "甲班", "甲院", "重点推荐"],
    [2, recommender[1], 2, "乙班", "乙院", "重点推荐"],
    [3, recommender[2], 3, "丙班", "丙院", ""],
    [4, recommender[3], 1, "丁班", "丁院", "重点推荐"],
  ];
  const expected = ["B6 key-recommendation.quota info", "F3 key-recommendation.quota warning"];

  it("推荐单位 merged downwards belongs to every row it covers (ranks and quota per recommender)", () => {
    const g = grid(rows(["甲局", undefined, undefined, "乙局"]), ["A1:F1", "B3:B5"]);
    expect(findings(g)).toEqual(expected);
  });

  it("推荐单位 written once with the cells below left blank groups the rows below", () => {
    expect(findings(grid(rows(["甲局", undefined, undefined, "乙局"])))).toEqual(expected);
  });

  it("推荐单位 repeated on every row reads the same", () => {
    expect(findings(grid(rows(["甲局", "甲局", "甲局", "乙局"])))).toEqual(expected);
  });

  it("the quota warning stands on the first 重点推荐 cell and names the others; no info beside it", () => {
    const check = checkGrid(grid(rows(["甲局", "甲局", "甲局", "乙局"])));
    const warning = check.findings.find((f) => f.severity === "warning");
    expect(warning && toA1(warning.row, warning.col)).toBe("F3");
    expect(warning?.related?.map((c) => toA1(c.row, c.col))).toEqual(["F4"]);
    expect(check.findings.filter((f) => f.rule === "key-recommendation.quota")).toHaveLength(2);
  });

  it("a 承办单位 merged over two projects is one host with two projects, reported once at the merge", () => {
    const g = grid(
      [
        TITLE,
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位"],
        [1, "甲局", 1, "甲班", "甲院"],
        [2, "甲局", 2, "乙班", undefined],
        [3, "甲局", 3, "丙班", undefined],
      ],
      ["C3:C3", "E3:E5"],
    );
    expect(findings(g)).toEqual(["E3 host.one-project warning"]);
  });

  it("a blank 承办单位 below another stays missing (not filled down)", () => {
    const g = grid([
      TITLE,
      ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位"],
      [1, "甲局", 1, "甲班", "甲院"],
      [2, "甲局", 2, "乙班", undefined],
    ]);
    expect(findings(g)).toEqual(["E4 required error"]);
  });
});

describe("办班时间 as two date columns", () => {
  const pair = (start: CellValue, end: CellValue, header: [string, string] = ["开始日期", "结束日期"]) =>
    grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", header[0], header[1]],
      [1, "甲班", "甲院", start, end],
    ]);

  it.each([
    ["serial numbers", 46279, 46289, ["D3 course.days error"]],
    ["text dates", "2026年10月12日", "2026年10月18日", ["D3 course.days error"]],
    ["an end without its year", "2026-09-21", "9月22日", ["D3 course.days error"]],
    ["an end after the completion date", "2026-11-28", "2026-12-02", ["E3 course.finish-by error"]],
    ["a good week", "2026.10.12", "2026.10.16", []],
  ])("%s", (_, start, end, want) => {
    expect(findings(pair(start, end)).filter((f) => !f.includes("quota"))).toEqual(want);
  });

  it("bare 开始 | 结束 headers", () => {
    expect(findings(pair("2026-10-12", "2026-10-13", ["开始", "结束"]))).toEqual(["D3 course.days error"]);
  });

  it("Date cells", () => {
    const g = makeGrid("汇总", [
      TITLE.map((t) => rawCell(t)),
      ["推荐排序", "项目名称", "承办单位", "开始日期", "结束日期"].map((t) => rawCell(t)),
      [
        rawCell(1),
        rawCell("甲班"),
        rawCell("甲院"),
        rawCell(new Date(Date.UTC(2026, 9, 12))),
        rawCell(new Date(Date.UTC(2026, 9, 13))),
      ],
    ]);
    expect(findings(g)).toEqual(["D3 course.days error"]);
  });

  it("one 起止时间 header merged over the start and the end column", () => {
    const g = grid(
      [
        TITLE,
        ["推荐排序", "项目名称", "承办单位", "起止时间", undefined],
        [1, "甲班", "甲院", "2026-10-12", "2026-10-13"],
      ],
      ["D2:E2"],
    );
    expect(findings(g)).toEqual(["D3 course.days error"]);
  });

  it("a wide 办班时间 header over one column of ranges stays one field", () => {
    const g = grid(
      [
        TITLE,
        ["推荐排序", "项目名称", "承办单位", "办班时间", undefined],
        [1, "甲班", "甲院", "2026年10月12日-13日", undefined],
      ],
      ["D2:E2"],
    );
    expect(findings(g)).toEqual(["D3 course.days error"]);
  });
});

describe("formulas without a cached value", () => {
  const cells = (values: ReadonlyArray<CellValue | "=?">) =>
    values.map((v): RawCell | undefined =>
      v === "=?" ? uncalculatedCell() : v === null || v === "" ? undefined : rawCell(v),
    );

  it("are unknown: no required, serial or ranking finding, and one info per sheet at the first of them", () => {
    const g = makeGrid("汇总", [
      cells(["上海市汇总表"]),
      cells(["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "学员人数", "基层比例", "备注"]),
      cells(["=?", "甲局", "=?", "甲班", "甲院", 60, "=?", "重点推荐"]),
      cells(["=?", "甲局", "=?", "乙班", "=?", 40, "=?", ""]),
    ]);
    expect(g.firstUncalculated).toEqual({ row: 2, col: 0 });
    expect(findings(g)).toEqual([
      "A3 formula.uncalculated info",
      "B3 key-recommendation.quota info",
      "F4 trainees.min error",
    ]);
  });

  it("a footer value that is a formula is never read from the label next to it", () => {
    const g = makeGrid("推荐表", [
      cells(["专业技术人员知识更新工程高级研修项目推荐表"]),
      cells(["推荐排序", "项目名称", "承办单位", "备注"]),
      cells([1, "甲班", "甲院", "重点推荐"]),
      cells(["推荐单位联系人：", "王老师"]),
      cells(["联系方式：", "=?", "填表人：李四"]),
    ]);
    expect(findings(g)).toEqual(["B5 formula.uncalculated info", "D2 key-recommendation.quota info"]);
  });

  it("a form answer that is a formula is unknown, not missing", () => {
    const g = makeGrid("申报表", [
      cells(["专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）申报表"]),
      cells(["项目名称", "=?"]),
      cells(["领域", "数字技术", "专业范围", "人工智能"]),
      cells(["申报特色班", "否"]),
      cells(["宣传推广计划", "=?"]),
      cells(["主要目标", "培养骨干"]),
    ]);
    const check = checkGrid(g);
    expect(check.table).toBe("application");
    expect(check.findings.filter((f) => f.rule === "required" && (f.row === 1 || f.row === 4))).toEqual([]);
    expect(check.findings.filter((f) => f.rule === "formula.uncalculated")).toHaveLength(1);
  });
});

describe("choice groups answered in words", () => {
  it.each([
    ["是", ["是", "否"], ["是"]],
    ["否", ["是", "否"], ["否"]],
    ["提供", ["提供学员住宿", "不提供学员住宿"], ["提供学员住宿"]],
    ["不提供", ["提供学员住宿", "不提供学员住宿"], ["不提供学员住宿"]],
    ["是", ["提供学员住宿", "不提供学员住宿"], ["提供学员住宿"]],
    ["高级研修项目", ["高级研修项目", "急需紧缺人才培养项目"], ["高级研修项目"]],
    ["财政资助项目、自筹经费项目", ["财政资助项目", "自筹经费项目"], ["财政资助项目", "自筹经费项目"]],
    ["本市", ["国家基地", "本市基地", "否"], ["本市基地"]],
  ])("%j answers %j as %j", (answer, options, chosen) => {
    expect(
      answerInWords(answer, options)
        .filter((o) => o.marked)
        .map((o) => o.label),
    ).toEqual(chosen);
  });

  it("an answer naming no option is no answer", () => {
    expect(answerInWords("待定", ["是", "否"])).toEqual([]);
  });

  it("keeps the note after the option (自筹经费项目（来源：…）)", () => {
    const chosen = answerInWords("自筹经费项目（自筹经费来源：单位培训经费）", [
      "财政资助项目",
      "自筹经费项目",
    ]);
    expect(chosen.find((o) => o.marked)).toMatchObject({ label: "自筹经费项目", detail: "单位培训经费" });
  });

  it("ticks still win over words", () => {
    expect(readChoicesOrWords("□是 ☑否", "box-before", ["是", "否"]).filter((o) => o.marked)).toHaveLength(1);
    expect(readChoicesOrWords("□是 □否", "box-before", ["是", "否"]).filter((o) => o.marked)).toHaveLength(0);
  });
});

describe("a share in a count column", () => {
  it.each([
    ["30% as text", "30%", []],
    ["25% as text", "25%", ["E3 grassroots.share error"]],
    ["a fraction", 0.25, ["E3 grassroots.share error"]],
  ])("%s is read as the share, with one info", (_, value, errors) => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "学员人数", "基层人数"],
      [1, "甲班", "甲院", 60, value],
      [2, "乙班", "乙院", 60, "40%"],
    ]);
    expect(findings(g)).toEqual(["E3 grassroots.share info", ...errors].sort());
  });

  it("a count stays a count", () => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "学员人数", "基层人数"],
      [1, "甲班", "甲院", 60, 12],
    ]);
    expect(findings(g)).toEqual(["E3 grassroots.share error"]);
  });
});

describe("kept from before", () => {
  it("spaced labels, full-width digits, a table not at A1, a hidden spacer column and a 合计 row", () => {
    const g = grid(
      [
        [],
        [undefined, "上海市高级研修项目汇总表"],
        [undefined, "推 荐 排 序", "项 目 名 称", "承 办 单 位", undefined, "学 员 人 数"],
        [undefined, "１", "甲班", "甲院", undefined, "５０人"],
        [undefined, "２", "乙班", "乙院", undefined, "４９"],
        [undefined, "合计", undefined, undefined, undefined, 99],
      ],
      ["B2:F2"],
    );
    expect(findings(g)).toEqual(["F5 trainees.min error"]);
  });
});

describe("words staff use in list cells and headers", () => {
  it("推荐排序 written as 第1名 / 第二位 is a rank", () => {
    const g = grid([
      TITLE,
      ["推荐单位", "推荐排序", "项目名称", "承办单位"],
      ["甲局", "第1名", "甲班", "甲院"],
      ["甲局", "第二位", "乙班", "乙院"],
    ]);
    expect(findings(g)).toEqual([]);
  });

  it("★ in 是否重点推荐 marks a key recommendation", () => {
    const g = grid([
      TITLE,
      ["推荐单位", "推荐排序", "项目名称", "承办单位", "是否重点推荐"],
      ["甲局", 1, "甲班", "甲院", "★"],
      ["甲局", 2, "乙班", "乙院", "★"],
    ]);
    expect(findings(g)).toEqual(["E3 key-recommendation.quota warning"]);
  });

  it("a 领域 written with the word 领域 is that 领域", () => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "领域"],
      [1, "甲班", "甲院", "数字技术领域"],
    ]);
    expect(findings(g)).toEqual([]);
  });

  it("其中：基层人数 under its own header is the 基层 count", () => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "计划招生人数", "其中：基层人数"],
      [1, "甲班", "甲院", 60, 10],
    ]);
    expect(findings(g)).toEqual(["E3 grassroots.share error"]);
  });
});

describe("section rows as groups", () => {
  const sectioned = (secondRank: number) =>
    grid(
      [
        TITLE,
        ["序号", "推荐排序", "项目名称", "承办单位", "备注"],
        ["一、市经济信息化委"],
        [1, 1, "甲班", "甲院", "重点推荐"],
        [2, 2, "乙班", "乙院", "重点推荐"],
        ["二、市卫生健康委"],
        [3, secondRank, "丙班", "丙院", "重点推荐"],
      ],
      ["A1:E1", "A3:E3", "A6:E6"],
    );

  it("a section row heads its recommender's projects when the ranking starts again under it", () => {
    const check = checkGrid(sectioned(1));
    expect(check.table).toBe("summary");
    expect(check.findings.map((f) => `${toA1(f.row, f.col)} ${f.rule} ${f.severity}`).sort()).toEqual([
      "A6 key-recommendation.quota info",
      "E4 key-recommendation.quota warning",
    ]);
  });

  it("without a restart the sections are headings of one ranking", () => {
    const list = readList(sectioned(3), LIST_COLUMNS);
    expect(list?.sections).toEqual([]);
    expect(list?.rows).toEqual([3, 4, 6]);
  });
});

describe("the funding cap by lodging", () => {
  it("takes the lower cap where the lodging cell says 否 or 不提供住宿, the higher where it says 是 or 提供住宿", () => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "学员人数", "资助经费（万元）", "是否住宿"],
      [1, "甲班", "甲院", 60, 10, "不提供住宿"],
      [2, "乙班", "乙院", 60, 10, "提供住宿"],
      [3, "丙班", "丙院", 60, 10, "否"],
      [4, "丁班", "丁院", 60, 10, "是"],
      [5, "戊班", "戊院", 60, 6.5, "否"],
      [6, "己班", "己院", 60, 13, "是"],
    ]);
    expect(findings(g).filter((f) => f.includes("funding.cap"))).toEqual([
      "E3 funding.cap error",
      "E5 funding.cap error",
      "E8 funding.cap error",
    ]);
  });
});

describe("rows under the header that are not projects", () => {
  it("a row of units under the header belongs to the header (its 万元 is the column's unit)", () => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "学员人数", "资助经费"],
      [undefined, undefined, undefined, "（人）", "（万元）"],
      [1, "甲班", "甲院", 60, 13],
    ]);
    const list = readList(g, LIST_COLUMNS);
    expect(list?.rows).toEqual([3]);
    expect(list?.columns.get("funding")?.unit).toBe("万元");
    expect(findings(g)).toEqual(["E4 funding.cap error"]);
  });

  it("a row numbering the columns (1 2 3 …) is not a project", () => {
    const g = grid([
      TITLE,
      ["推荐排序", "项目名称", "承办单位", "学员人数"],
      [1, 2, 3, 4],
      [1, "甲班", "甲院", 60],
    ]);
    expect(readList(g, LIST_COLUMNS)?.rows).toEqual([3]);
    expect(findings(g)).toEqual([]);
  });
});

describe("lines above the header", () => {
  it("a label and its value in two cells above the header stay a line above the table", () => {
    const g = grid([
      TITLE,
      ["推荐单位", "市科委"],
      ["推荐排序", "项目名称", "承办单位", "备注"],
      [1, "甲班", "甲院", "重点推荐"],
    ]);
    const list = readList(g, LIST_COLUMNS);
    expect(list?.bandTop).toBe(2);
    expect(list?.above.map((l) => l.text)).toContain("市科委");
  });
});
