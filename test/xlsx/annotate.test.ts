import ExcelJS from "exceljs";
import { addResultsSheet, annotateWorkbook, RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import type { SheetCheck } from "../../src/core/check-types";
import type { Finding } from "../../src/core/findings";
import { MARK_FILL, MARK_PREFIX } from "../../src/core/marks";
import { loadWorkbook } from "./helpers";
import { XlsxPackage } from "./xml";

const finding = (
  row: number,
  col: number,
  severity: Finding["severity"],
  rule: Finding["rule"],
  zh: string,
  sheet = "推荐表",
): Finding => ({
  sheet,
  row,
  col,
  severity,
  rule,
  message: { zh, en: `en: ${zh}` },
  clause: "沪人社专〔2026〕82号 附件3",
});

const check = (findings: Finding[], sheet = "推荐表", ignored: Finding[] = []): SheetCheck => ({
  sheet,
  table: "recommendation",
  policy: "sh-2026-gaoyan",
  level: null,
  confidence: 0.9,
  findings,
  ignored,
});

const argb = (hex: string) => `FF${hex.slice(1)}`;

async function written(wb: ExcelJS.Workbook): Promise<XlsxPackage> {
  return XlsxPackage.open(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A sheet loaded from a file, so that cells share style objects the way ExcelJS loads them. */
async function loadedSheet(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("推荐表");
  ws.addRow(["推荐排序", "项目名称", "承办单位", "备注"]);
  ws.addRow([1, "研修班甲", "单位甲", "重点推荐"]);
  ws.addRow([3, "研修班乙", "单位乙", null]);
  ws.addRow([3, "研修班丙", "单位乙", null]);
  for (let r = 1; r <= 4; r++) ws.getRow(r).font = { bold: true };
  ws.mergeCells("A6:D6");
  ws.getCell("A6").value = "推荐单位联系人：";
  ws.getCell("C2").note = "用户自己的批注";
  return loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("annotateWorkbook: the marks of the annotated copy, read back from the file's XML", () => {
  it("fills cells by their worst severity and leaves info findings and other cells unpainted", async () => {
    const wb = await loadedSheet();
    annotateWorkbook(
      wb,
      [
        check([
          finding(2, 0, "error", "ranking.sequence", "推荐排序重复"),
          finding(2, 0, "warning", "key-recommendation.order", "排序不当"),
          finding(3, 2, "warning", "host.one-project", "承办单位重复"),
          finding(1, 3, "info", "key-recommendation.quota", "重点推荐 1 / 3"),
        ]),
      ],
      "zh",
    );
    const pkg = await written(wb);
    expect(await pkg.fillOf("推荐表", "A3")).toBe(argb(MARK_FILL.error));
    expect(await pkg.fillOf("推荐表", "C4")).toBe(argb(MARK_FILL.warning));
    expect(await pkg.fillOf("推荐表", "D2")).toBeNull();
    // Regression: every cell of rows 1-4 shares one bold style; painting A3 must not paint its neighbours.
    for (const ref of ["A1", "B3", "A4", "C3", "D4"]) expect(await pkg.fillOf("推荐表", ref)).toBeNull();
  });

  it("writes one note per cell listing every reason with its clause, zh-CN by default", async () => {
    const wb = await loadedSheet();
    annotateWorkbook(
      wb,
      [
        check([
          finding(2, 0, "error", "ranking.sequence", "推荐排序重复"),
          finding(2, 0, "warning", "key-recommendation.order", "排序不当"),
        ]),
      ],
      "zh",
    );
    const notes = await (await written(wb)).notesOf("推荐表");
    expect(notes.get("A3")).toBe(
      `${MARK_PREFIX}\n[错误] 推荐排序重复（沪人社专〔2026〕82号 附件3）\n[提醒] 排序不当（沪人社专〔2026〕82号 附件3）`,
    );
  });

  it("keeps the user's own note under ours, and replaces an earlier note of ours", async () => {
    const wb = await loadedSheet();
    wb.getWorksheet("推荐表")!.getCell("C3").note = `${MARK_PREFIX}\n[错误] 上次的结果`;
    annotateWorkbook(
      wb,
      [
        check([
          finding(1, 2, "warning", "host.one-project", "承办单位重复"),
          finding(2, 2, "warning", "host.one-project", "承办单位重复"),
        ]),
      ],
      "en",
    );
    const notes = await (await written(wb)).notesOf("推荐表");
    expect(notes.get("C2")).toBe(
      `${MARK_PREFIX}\n[Warning] en: 承办单位重复（沪人社专〔2026〕82号 附件3）\n\n用户自己的批注`,
    );
    expect(notes.get("C3")).toBe(`${MARK_PREFIX}\n[Warning] en: 承办单位重复（沪人社专〔2026〕82号 附件3）`);
  });

  it("marks a merged cell on its top-left cell", async () => {
    const wb = await loadedSheet();
    annotateWorkbook(wb, [check([finding(5, 0, "warning", "required", "联系人未填")])], "zh");
    const pkg = await written(wb);
    expect(await pkg.fillOf("推荐表", "A6")).toBe(argb(MARK_FILL.warning));
    const notes = await pkg.notesOf("推荐表");
    expect(notes.get("A6")).toMatch(new RegExp(`^${MARK_PREFIX}\n\\[提醒\\] 联系人未填`));
    expect([...notes.keys()].sort()).toEqual(["A6", "C2"]);
  });
});

describe("the 校验结果 sheet", () => {
  it("lists every finding with a HYPERLINK to its cell, ignored findings last with their reason", async () => {
    const wb = await loadedSheet();
    const ignored = finding(3, 2, "warning", "host.one-project", "承办单位重复");
    addResultsSheet(
      wb,
      [
        check(
          [
            finding(2, 0, "error", "ranking.sequence", "推荐排序重复"),
            finding(1, 3, "info", "key-recommendation.quota", "重点推荐 1 / 3"),
          ],
          "推荐表",
          [ignored],
        ),
      ],
      "zh",
      [{ sheet: "推荐表", rule: "host.one-project", cell: "C4", reason: "不同方向" }],
    );
    const pkg = await written(wb);
    expect((await pkg.sheets()).map((s) => s.name)).toEqual(["推荐表", RESULTS_SHEET]);
    const header = await Promise.all(
      ["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((r) => pkg.textOf(RESULTS_SHEET, r)),
    );
    expect(header).toEqual(["工作表", "单元格", "严重程度", "规则", "问题", "依据", "状态"]);
    const row = async (n: number) =>
      Promise.all(["A", "B", "C", "D", "E", "F", "G"].map((c) => pkg.textOf(RESULTS_SHEET, `${c}${n}`)));
    expect(await row(2)).toEqual([
      "推荐表",
      "D2",
      "说明",
      "重点推荐数量",
      "重点推荐 1 / 3",
      "沪人社专〔2026〕82号 附件3",
      undefined,
    ]);
    expect(await row(3)).toEqual([
      "推荐表",
      "A3",
      "错误",
      "推荐排序",
      "推荐排序重复",
      "沪人社专〔2026〕82号 附件3",
      undefined,
    ]);
    expect(await row(4)).toEqual([
      "推荐表",
      "C4",
      "提醒",
      "同一承办单位多个项目",
      "承办单位重复",
      "沪人社专〔2026〕82号 附件3",
      "已忽略：不同方向",
    ]);
    expect(await pkg.formulaOf(RESULTS_SHEET, "B3")).toBe(`HYPERLINK("#'推荐表'!A3","A3")`);
  });

  it("quotes sheet names with apostrophes and double quotes inside the link, and neutralises formula-like names", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("=cmd 'x\" 表");
    addResultsSheet(
      wb,
      [check([finding(0, 0, "error", "required", '=HYPERLINK("http://x")', "=cmd 'x\" 表")], "=cmd 'x\" 表")],
      "zh",
    );
    const pkg = await written(wb);
    expect(await pkg.formulaOf(RESULTS_SHEET, "B2")).toBe(`HYPERLINK("#'=cmd ''x"" 表'!A1","A1")`);
    expect(await pkg.textOf(RESULTS_SHEET, "A2")).toBe("'=cmd 'x\" 表");
    expect(await pkg.textOf(RESULTS_SHEET, "E2")).toBe('\'=HYPERLINK("http://x")');
  });

  it("takes a unique name when the workbook has a 校验结果 sheet of its own, and replaces one of ours", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(RESULTS_SHEET).getCell("A1").value = "用户自己的表";
    addResultsSheet(wb, [], "zh");
    expect(wb.worksheets.map((w) => w.name)).toEqual([RESULTS_SHEET, `${RESULTS_SHEET} (2)`]);
    const again = new ExcelJS.Workbook();
    addResultsSheet(again, [], "zh");
    addResultsSheet(again, [], "zh");
    expect(again.worksheets.map((w) => w.name)).toEqual([RESULTS_SHEET]);
  });
});
