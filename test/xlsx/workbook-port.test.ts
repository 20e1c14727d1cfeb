import ExcelJS from "exceljs";
import fc from "fast-check";
import { RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import { readIgnores, STORE_SHEET } from "../../src/adapters/xlsx/ignores";
import {
  FILE_MARKS_KEY,
  XlsxPortError,
  XlsxWorkbookPort,
  type XlsxPortEvent,
} from "../../src/adapters/xlsx/workbook-port";
import type { Finding } from "../../src/core/findings";
import { toA1 } from "../../src/core/grid/a1";
import { MARK_FILL, MARK_PREFIX } from "../../src/core/marks";
import { TEMPLATES } from "../../src/core/templates/registry";
import { checkedFileName } from "../../src/taskpane/file/download";
import { openWorkbookInBrowser } from "../../src/taskpane/file/open-workbook";
import { checkWorkbook } from "../../src/core/check";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";
import { loadWorkbook, workbookBytes } from "./helpers";
import { XlsxPackage } from "./xml";

const CLAUSE = "沪人社专〔2026〕82号 附件3";

const finding = (
  row: number,
  col: number,
  severity: Finding["severity"],
  zh: string,
  sheet = "推荐表",
  rule: Finding["rule"] = "ranking.sequence",
): Finding => ({ sheet, row, col, severity, rule, message: { zh, en: `en: ${zh}` }, clause: CLAUSE });

const argb = (hex: string) => `FF${hex.slice(1)}`;

function portOf(wb: ExcelJS.Workbook, lang: "zh" | "en" = "zh"): XlsxWorkbookPort {
  return new XlsxWorkbookPort(wb, { createWorkbook: () => new ExcelJS.Workbook(), lang });
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return loadWorkbook(Buffer.from(bytes));
}

/** A 推荐表 as staff send it, loaded from a file so that cells share style objects the way ExcelJS loads them. */
async function recommendationList(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("推荐表");
  ws.addRow(["推荐排序", "项目名称", "承办单位", "备注"]);
  ws.addRow([1, "研修班甲", "单位甲", "重点推荐"]);
  ws.addRow([3, "研修班乙", "单位乙", null]);
  ws.addRow([3, "研修班丙", "单位乙", null]);
  for (let r = 1; r <= 4; r++) ws.getRow(r).font = { bold: true };
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
  ws.getCell("C3").fill = {
    type: "pattern",
    pattern: "darkGrid",
    fgColor: { argb: "FF00B050" },
    bgColor: { argb: "FFFFFF00" },
  };
  ws.mergeCells("A6:D6");
  ws.getCell("A6").value = "推荐单位联系人：";
  ws.getCell("C2").note = "用户自己的批注";
  ws.getCell("D3").note = { texts: [{ text: "粗体批注", font: { bold: true, size: 9 } }] };
  wb.addWorksheet("说明", { state: "hidden" }).getCell("A1").value = "隐藏的说明";
  wb.addWorksheet("汇总").getCell("A1").value = "汇总表";
  wb.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: "visible" },
  ];
  return loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * Everything ExcelJS knows of a workbook's sheets (cells with values, styles and notes, merges, rows), as JSON.
 * `styleId` and `ssId` are left out: ExcelJS's writer keeps in each cell the style and shared-string indexes it
 * used for the last file written.
 */
const WRITER_KEYS = new Set(["styleId", "ssId"]);

function snapshot(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    state: ws.state,
    model: JSON.parse(
      JSON.stringify(ws.model, (key, value: unknown) => (WRITER_KEYS.has(key) ? undefined : value)),
    ),
  }));
}

describe("XlsxWorkbookPort: reading", () => {
  it("lists the visible sheets with the file's active tab, and reads a sheet as a grid", async () => {
    const port = portOf(await recommendationList());
    expect(await port.listSheets()).toEqual([
      { name: "推荐表", active: false },
      { name: "汇总", active: true },
    ]);
    const grid = await port.readSheet("推荐表");
    expect(grid.cell(2, 1).value).toBe("研修班乙");
    expect(grid.cell(1, 0).value).toBe(1);
    expect(grid.merges).toEqual([{ top: 5, left: 0, bottom: 5, right: 3 }]);
    expect(await port.capabilities()).toEqual({
      annotations: "note",
      insertSheet: true,
      selectCell: true,
      missing: [],
    });
  });

  it("refuses a sheet that is not there (or is its own store) with a message in both languages", async () => {
    const port = portOf(await recommendationList());
    await port.setSetting("pack", "sh-2026-gaoyan");
    for (const name of ["没有这张表", STORE_SHEET]) {
      const error = await port.readSheet(name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XlsxPortError);
      expect((error as XlsxPortError).kind).toBe("sheet-not-found");
      expect((error as XlsxPortError).text.zh).toContain(name);
    }
  });
});

describe("XlsxWorkbookPort: marks", () => {
  it("fills cells by their worst severity with every reason in one note, leaving info findings unpainted", async () => {
    const wb = await recommendationList();
    const port = portOf(wb);
    await port.applyMarks("推荐表", [
      finding(2, 0, "error", "推荐排序重复"),
      finding(2, 0, "warning", "排序不当", "推荐表", "key-recommendation.order"),
      finding(3, 2, "warning", "承办单位重复", "推荐表", "host.one-project"),
      finding(1, 3, "info", "重点推荐 1 / 3", "推荐表", "key-recommendation.quota"),
      finding(0, 0, "error", "别的表", "汇总"),
    ]);
    const ws = wb.getWorksheet("推荐表")!;
    expect(ws.getCell("A3").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(MARK_FILL.error) },
    });
    expect(ws.getCell("C4").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(MARK_FILL.warning) },
    });
    // ExcelJS reads "no fill" from a file as the pattern "none".
    expect(ws.getCell("D2").fill).toEqual({ type: "pattern", pattern: "none" });
    // Every cell of rows 1-4 was loaded with one shared bold style: painting A3 must not paint its neighbours.
    for (const ref of ["A1", "A2", "A4", "B4"])
      expect(ws.getCell(ref).fill).toEqual({ type: "pattern", pattern: "none" });
    expect(ws.getCell("A3").note).toBe(
      `${MARK_PREFIX}\n[错误] 推荐排序重复（${CLAUSE}）\n[提醒] 排序不当（${CLAUSE}）`,
    );
    // The other sheet's finding is not this sheet's business.
    expect(wb.getWorksheet("汇总")!.getCell("A1").fill).toBeUndefined();
    expect(port.markedCellCount()).toBe(2);
  });

  it("keeps the user's own note readable under ours, and marks a merged area on its top-left cell", async () => {
    const wb = await recommendationList();
    const port = portOf(wb, "en");
    await port.applyMarks("推荐表", [
      finding(1, 2, "warning", "承办单位重复"),
      finding(5, 2, "warning", "联系人未填"),
      finding(5, 1, "error", "电话未填"),
    ]);
    const ws = wb.getWorksheet("推荐表")!;
    expect(ws.getCell("C2").note).toBe(
      `${MARK_PREFIX}\n[Warning] en: 承办单位重复（${CLAUSE}）\n\n用户自己的批注`,
    );
    expect(ws.getCell("A6").fill?.type).toBe("pattern");
    expect((ws.getCell("A6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(MARK_FILL.error));
    expect(ws.getCell("A6").note).toBe(
      `${MARK_PREFIX}\n[Error] en: 电话未填（${CLAUSE}）\n[Warning] en: 联系人未填（${CLAUSE}）`,
    );
  });

  it("clears exactly: the white fill, the patterned fill, the user's plain and rich notes, and cells it had to create", async () => {
    const wb = await recommendationList();
    const before = snapshot(wb);
    const port = portOf(wb);
    const findings = [
      finding(2, 1, "error", "白色底纹"),
      finding(2, 2, "warning", "图案底纹"),
      finding(1, 2, "error", "有批注"),
      finding(2, 3, "warning", "富文本批注"),
      finding(9, 7, "error", "表外空单元格"),
      finding(4, 1, "error", "空行中的单元格"),
      finding(5, 3, "warning", "合并单元格"),
    ];
    await port.applyMarks("推荐表", findings);
    expect(snapshot(wb)).not.toEqual(before);
    await port.clearMarks("推荐表");
    expect(snapshot(wb)).toEqual(before);
    expect(wb.getWorksheet(STORE_SHEET)).toBeUndefined();
    expect(port.markedCellCount()).toBe(0);
  });

  it("checking again first takes back the previous marks (a fixed cell gets its own fill back)", async () => {
    const wb = await recommendationList();
    const port = portOf(wb);
    await port.applyMarks("推荐表", [finding(2, 1, "error", "一"), finding(3, 0, "error", "二")]);
    await port.applyMarks("推荐表", [finding(3, 0, "warning", "二")]);
    const ws = wb.getWorksheet("推荐表")!;
    expect(ws.getCell("B3").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFFFFF" },
    });
    expect((ws.getCell("A4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(MARK_FILL.warning));
    expect(ws.getCell("A4").note).toBe(`${MARK_PREFIX}\n[提醒] 二（${CLAUSE}）`);
  });

  it("leaves a cell alone whose fill or note someone changed after it was marked", async () => {
    const wb = await recommendationList();
    const port = portOf(wb);
    await port.applyMarks("推荐表", [finding(3, 1, "error", "甲")]);
    const cell = wb.getWorksheet("推荐表")!.getCell("B4");
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } },
    };
    cell.note = "已核实";
    await port.clearMarks("推荐表");
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF00FF00");
    expect(cell.note).toBe("已核实");
  });

  it("remembers its marks in the file: a downloaded copy opened again is cleared exactly", async () => {
    const original = await recommendationList();
    const expected = snapshot(await reload(new Uint8Array(await original.xlsx.writeBuffer())));
    const first = portOf(original);
    await first.applyMarks("推荐表", [
      finding(2, 1, "error", "白色底纹"),
      finding(1, 2, "warning", "有批注"),
      finding(8, 5, "error", "空"),
    ]);
    const reopened = await reload(await first.toBuffer());
    expect(reopened.getWorksheet(STORE_SHEET)?.state).toBe("veryHidden");
    const second = portOf(reopened);
    expect(second.markedCellCount()).toBe(3);
    await second.clearMarks("推荐表");
    // Written and read again: compared with the original file written and read again the same way.
    const cleared = await reload(await second.toBuffer());
    expect(snapshot(cleared)).toEqual(expected);
  });

  it("mark then clear restores every cell exactly, for random prior fills, notes and findings", async () => {
    const fillArb = fc.oneof(
      fc.constant(undefined),
      fc.constant<ExcelJS.Fill>({ type: "pattern", pattern: "none" }),
      fc
        .constantFrom("FFFFFFFF", "FFFFC7CE", "FF00B050", "FF1F4E79")
        .map((c): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: c } })),
      fc.constantFrom("darkGray", "lightTrellis", "gray125").map((p): ExcelJS.Fill => ({
        type: "pattern",
        pattern: p as ExcelJS.FillPatterns,
        fgColor: { argb: "FF00B050" },
        bgColor: { argb: "FFFFFF00" },
      })),
    );
    const noteArb = fc.oneof(
      fc.constant(undefined),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constant(`${MARK_PREFIX}\n旧的标记`),
      fc
        .record({ text: fc.string({ minLength: 1, maxLength: 8 }), bold: fc.boolean() })
        .map(({ text, bold }): ExcelJS.Comment => ({
          texts: [{ text, font: { bold, size: 9, name: "宋体" } }],
        })),
    );
    const cellArb = fc.record({
      row: fc.integer({ min: 0, max: 7 }),
      col: fc.integer({ min: 0, max: 5 }),
      value: fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 6 })),
      fill: fillArb,
      note: noteArb,
    });
    const findingArb = fc.record({
      row: fc.integer({ min: 0, max: 9 }),
      col: fc.integer({ min: 0, max: 7 }),
      severity: fc.constantFrom<Finding["severity"]>("error", "warning", "info"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(cellArb, { maxLength: 20 }),
        fc.array(findingArb, { minLength: 1, maxLength: 15 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        async (cells, marks, merge, viaFile, downloadBetween) => {
          const source = new ExcelJS.Workbook();
          const ws = source.addWorksheet("表");
          for (const c of cells) {
            const cell = ws.getCell(c.row + 1, c.col + 1);
            if (c.value !== null) cell.value = c.value;
            if (c.fill) cell.fill = c.fill;
            if (c.note !== undefined) cell.note = c.note;
          }
          if (merge) ws.mergeCells("B9:D10");
          // Half the runs start from a file (shared styles, notes as ExcelJS reads them), half from memory.
          const wb = viaFile ? await loadWorkbook(Buffer.from(await source.xlsx.writeBuffer())) : source;
          const before = snapshot(wb);
          const port = portOf(wb);
          const findings = marks.map((m) =>
            finding(m.row, m.col, m.severity, `问题 ${toA1(m.row, m.col)}`, "表"),
          );
          await port.applyMarks("表", findings);
          if (marks.some((m) => m.severity !== "info")) expect(port.markedCellCount()).toBeGreaterThan(0);
          // Writing the file reads every cell's model, which ExcelJS caches inside the cell: clearing must still work.
          if (downloadBetween) await port.toBuffer();
          await port.clearMarks("表");
          expect(snapshot(wb)).toEqual(before);
          expect(wb.getWorksheet(STORE_SHEET)).toBeUndefined();
        },
      ),
      { numRuns: Number(process.env.PORT_RUNS ?? 120) },
    );
  }, 60_000);
});

describe("XlsxWorkbookPort: selection, templates and settings", () => {
  it("records the selected cell, makes its sheet active and tells its subscribers", async () => {
    const port = portOf(await recommendationList());
    const events: XlsxPortEvent[] = [];
    const stop = port.subscribe((e) => events.push(e));
    await port.selectCell("推荐表", 2, 0);
    stop();
    await port.selectCell("推荐表", 3, 0);
    expect(port.selection).toEqual({ sheet: "推荐表", row: 3, col: 0 });
    expect(events).toEqual([{ type: "selection", selection: { sheet: "推荐表", row: 2, col: 0 } }]);
    expect((await port.listSheets()).find((s) => s.active)?.name).toBe("推荐表");
    // What the file mode shows for the selected cell: its text, the merged area's for a cell inside one.
    expect(port.cellText("推荐表", 2, 1)).toBe("研修班乙");
    expect(port.cellText("推荐表", 5, 2)).toBe("推荐单位联系人：");
    expect(port.cellText("推荐表", 40, 2)).toBe("");
    expect(port.cellText("没有", 0, 0)).toBe("");
  });

  it("inserts a template as a new sheet under a unique name, drawn as the CLI draws it, and makes it active", async () => {
    const port = portOf(await recommendationList());
    const template = TEMPLATES[0]!;
    const layout = template.build();
    const first = await port.insertSheet(layout);
    const second = await port.insertSheet(layout);
    expect(first).toBe(layout.name.replace(/[[\]:*?/\\']/g, "").slice(0, 31));
    expect(second).not.toBe(first);
    const sheets = await port.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(["推荐表", "汇总", first, second]);
    expect(sheets.find((s) => s.active)?.name).toBe(second);
    const grid = await port.readSheet(first);
    const wanted = layout.cells.find((c) => typeof c.value === "string" && c.value.trim() !== "")!;
    expect(grid.cell(wanted.row, wanted.col).value).toBe(wanted.value);
  });

  it("keeps settings in the store the CLI reads its ignores from, and removes the store when it empties", async () => {
    const wb = await recommendationList();
    const port = portOf(wb);
    expect(await port.getSetting("ignores")).toBeUndefined();
    const ignores = [{ sheet: "推荐表", rule: "ranking.sequence", cell: "A3", reason: "两个项目并列" }];
    await port.setSetting("ignores", ignores);
    await port.setSetting("pack", { policy: "sh-2026-gaoyan" });
    expect(readIgnores(wb).ignores).toEqual(ignores);
    expect(await port.getSetting("pack")).toEqual({ policy: "sh-2026-gaoyan" });
    // Stored values are copies: changing the caller's object afterwards changes nothing in the workbook.
    ignores[0]!.reason = "改了";
    expect(await port.getSetting("ignores")).toEqual([
      { sheet: "推荐表", rule: "ranking.sequence", cell: "A3", reason: "两个项目并列" },
    ]);
    const reopened = portOf(await reload(await port.toBuffer()));
    expect(await reopened.getSetting("pack")).toEqual({ policy: "sh-2026-gaoyan" });
    expect(await reopened.listSheets()).toEqual(await port.listSheets());
    await port.setSetting("ignores", undefined);
    await port.setSetting("pack", undefined);
    expect(wb.getWorksheet(STORE_SHEET)).toBeUndefined();
  });

  it("writes cells as values (text stays text), splitting a merge only when written inside it", async () => {
    const wb = await recommendationList();
    const port = portOf(wb);
    await port.writeCells("推荐表", [
      { row: 0, col: 4, value: "排名" },
      { row: 1, col: 4, value: 1 },
      { row: 2, col: 4, value: "=1+1" },
      { row: 1, col: 0, value: null },
      { row: 5, col: 2, value: "写在合并区域中间" },
    ]);
    const ws = wb.getWorksheet("推荐表")!;
    expect(ws.getCell("E1").value).toBe("排名");
    expect(ws.getCell("E2").value).toBe(1);
    expect(ws.getCell("E3").value).toBe("=1+1");
    expect(ws.getCell("A2").value).toBeNull();
    expect(ws.getCell("A2").font).toEqual({ bold: true });
    expect(ws.getCell("C6").isMerged).toBe(false);
    expect(ws.getCell("A6").value).toBe("推荐单位联系人：");
    expect(ws.getCell("C6").value).toBe("写在合并区域中间");
    const pkg = await XlsxPackage.open(Buffer.from(await port.toBuffer()));
    expect(await pkg.formulaOf("推荐表", "E3")).toBeUndefined();
    expect(await pkg.textOf("推荐表", "E3")).toBe("=1+1");
  });

  it("refuses to let the pane overwrite the record of marks", async () => {
    const port = portOf(await recommendationList());
    await expect(port.setSetting(FILE_MARKS_KEY, {})).rejects.toMatchObject({ kind: "reserved-setting" });
  });
});

describe("XlsxWorkbookPort: the downloaded file, read back without ExcelJS (JSZip + XML)", () => {
  it("holds the fills and notes of the marks, the user's notes, a 校验结果 sheet and the very hidden store", async () => {
    const wb = await recommendationList();
    const port = portOf(wb);
    await port.applyMarks("推荐表", [
      finding(2, 0, "error", "推荐排序重复"),
      finding(1, 2, "warning", "承办单位重复", "推荐表", "host.one-project"),
    ]);
    const sheetsBefore = wb.worksheets.map((w) => w.name);
    const pkg = await XlsxPackage.open(Buffer.from(await port.annotatedCopy()));
    // The copy is made from the written file: the workbook in memory gains no results sheet.
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheetsBefore);
    expect(await pkg.fillOf("推荐表", "A3")).toBe(argb(MARK_FILL.error));
    expect(await pkg.fillOf("推荐表", "C2")).toBe(argb(MARK_FILL.warning));
    expect(await pkg.fillOf("推荐表", "B3")).toBe("FFFFFFFF");
    expect(await pkg.fillOf("推荐表", "A2")).toBeNull();
    const notes = await pkg.notesOf("推荐表");
    expect(notes.get("A3")).toBe(`${MARK_PREFIX}\n[错误] 推荐排序重复（${CLAUSE}）`);
    expect(notes.get("C2")).toBe(`${MARK_PREFIX}\n[提醒] 承办单位重复（${CLAUSE}）\n\n用户自己的批注`);
    expect(notes.get("D3")).toBe("粗体批注");
    const sheets = await pkg.sheets();
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ["推荐表", "visible"],
      ["说明", "hidden"],
      ["汇总", "visible"],
      [STORE_SHEET, "veryHidden"],
      [RESULTS_SHEET, "visible"],
    ]);
    expect(await pkg.textOf(RESULTS_SHEET, "B2")).toBe("C2");
    expect(await pkg.formulaOf(RESULTS_SHEET, "B3")).toBe(`HYPERLINK("#'推荐表'!A3","A3")`);
  });

  it("is the workbook as it is when nothing was checked (no results sheet, no store)", async () => {
    const port = portOf(await recommendationList());
    const pkg = await XlsxPackage.open(Buffer.from(await port.annotatedCopy()));
    expect((await pkg.sheets()).map((s) => s.name)).toEqual(["推荐表", "说明", "汇总"]);
  });
});

describe("opening a file in the browser (file mode), before any of it is shown", () => {
  const ole = (encrypted: boolean) => {
    const bytes = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    if (encrypted) Buffer.from("EncryptedPackage", "utf16le").copy(bytes, 1024);
    return bytes;
  };

  it.each([
    { what: "CSV", name: "名单.xlsx", bytes: () => Buffer.from("推荐排序,项目名称\n1,甲\n"), kind: "text" },
    { what: "encrypted", name: "加密.xlsx", bytes: () => ole(true), kind: "encrypted" },
    {
      what: "an .xls SheetJS cannot read",
      name: "旧.XLS",
      bytes: () => ole(false),
      kind: "legacy-unreadable",
    },
    { what: "not a zip", name: "x.xlsx", bytes: () => Buffer.from([1, 2, 3, 4, 0, 255]), kind: "not-zip" },
    { what: "empty", name: "x.xlsx", bytes: () => Buffer.alloc(0), kind: "empty-file" },
    {
      what: "a zip cut short",
      name: "x.xlsx",
      bytes: async () => (await workbookBytes([{ name: "表", rows: [["a"]] }])).subarray(0, 300),
      kind: "corrupt",
    },
  ])("refuses $what with a typed problem", async ({ name, bytes, kind }) => {
    const outcome = await openWorkbookInBrowser(new Uint8Array(await bytes()), name, "zh");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem.kind).toBe(kind);
  });

  it("names the extension of an old file, and refuses a workbook whose every sheet is hidden", async () => {
    const old = await openWorkbookInBrowser(new Uint8Array(ole(false)), "旧表.ET", "zh");
    expect(old).toMatchObject({ ok: false, problem: { kind: "legacy-unreadable", format: "et" } });
    const hidden = await workbookBytes([{ name: "表", rows: [["a"]], state: "hidden" }]);
    const outcome = await openWorkbookInBrowser(new Uint8Array(hidden), "隐藏.xlsx", "zh");
    expect(outcome).toEqual({ ok: false, problem: { kind: "empty-workbook", noSheets: true } });
  });

  it("the pane's annotated copy lists ignored findings with 已忽略：原因, as the CLI's copy does", async () => {
    const example = EXAMPLES.find((e) => e.file === "sh-recommendation.xlsx")!;
    const outcome = await openWorkbookInBrowser(
      new Uint8Array(await buildExample(example)),
      "推荐表.xlsx",
      "zh",
    );
    if (!outcome.ok) throw new Error(outcome.problem.kind);
    const port = outcome.port;
    const grid = await port.readSheet("推荐表");
    const [first, ...rest] = checkWorkbook([grid])[0]!.findings;
    const ignore = {
      sheet: "推荐表",
      rule: first!.rule,
      cell: toA1(first!.row, first!.col),
      reason: "已电话核实",
    };
    await port.setSetting("ignores", [ignore]);
    await port.applyMarks("推荐表", rest);
    const copy = await reload(await port.annotatedCopy());
    const results = copy.getWorksheet(RESULTS_SHEET)!;
    const statuses: unknown[] = [];
    results.eachRow((row) => statuses.push(row.getCell(7).value));
    expect(statuses).toContain("已忽略：已电话核实");
    expect(results.rowCount).toBe(1 + rest.length + 1);
  });

  it("opens a workbook into a port that reads, marks and writes it", async () => {
    const bytes = await workbookBytes([
      {
        name: "推荐表",
        rows: [
          ["推荐排序", "项目名称"],
          [1, "研修班甲"],
        ],
      },
    ]);
    const outcome = await openWorkbookInBrowser(new Uint8Array(bytes), "推荐表.xlsx", "en");
    if (!outcome.ok) throw new Error(outcome.problem.kind);
    expect(await outcome.port.listSheets()).toEqual([{ name: "推荐表", active: true }]);
    await outcome.port.applyMarks("推荐表", [finding(1, 1, "error", "甲")]);
    const copy = await reload(await outcome.port.annotatedCopy());
    expect(copy.getWorksheet("推荐表")!.getCell("B2").note).toBe(
      `${MARK_PREFIX}\n[Error] en: 甲（${CLAUSE}）`,
    );
    expect(copy.getWorksheet(RESULTS_SHEET)!.getCell("A1").value).toBe("Sheet");
  });

  it.each([
    ["推荐表.xlsx", "推荐表.checked.xlsx"],
    ["申报表.XLSX", "申报表.checked.xlsx"],
    ["汇总 (2).xlsx", "汇总 (2).checked.xlsx"],
    ["没有扩展名", "没有扩展名.checked.xlsx"],
    [".xlsx", "workbook.checked.xlsx"],
  ])("downloads %s as %s", (name, expected) => {
    expect(checkedFileName(name)).toBe(expected);
  });
});
