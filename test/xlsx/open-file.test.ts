import JSZip from "jszip";
import { checkableWorkbookBytes } from "../../src/adapters/xlsx/open-file";
import { problemText, SHEET_LIMITS, type InputProblem } from "../../src/adapters/xlsx/problems";
import { denseSheetXml, rawXlsx, workbookBytes } from "./helpers";

async function problemOf(bytes: Buffer, name = "file.xlsx"): Promise<InputProblem | null> {
  const result = await checkableWorkbookBytes(bytes, name);
  return result.ok ? null : result.problem;
}

describe("checkableWorkbookBytes: every kind of bad input is a typed problem", () => {
  it("a good workbook opens, and ExcelJS loads it only when a copy is wanted", async () => {
    const bytes = await workbookBytes([{ name: "推荐表", rows: [["项目名称"]] }]);
    const result = await checkableWorkbookBytes(bytes, "a.xlsx");
    expect(result.ok && result.workbook.grids.map((g) => g.name)).toEqual(["推荐表"]);
    expect(result.ok && result.workbook.format).toBe("xlsx");
    if (!result.ok) return;
    expect((await result.workbook.excel()).worksheets.map((w) => w.name)).toEqual(["推荐表"]);
  });

  it("a docx renamed to .xlsx is read as the Word document it is (here one with nothing in it)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    expect(await problemOf(await zip.generateAsync({ type: "nodebuffer" }))).toEqual({
      kind: "word",
      detail: "empty",
    });
  });

  it("a workbook whose sheet XML is garbage is corrupt, with the parser's reason", async () => {
    const problem = await problemOf(
      await rawXlsx('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'),
    );
    expect(problem).toMatchObject({ kind: "corrupt", detail: "content" });
  });

  it("an OLE file SheetJS cannot read names its format from the extension (.et)", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    const problem = await problemOf(ole, "清单.ET");
    expect(problem).toMatchObject({ kind: "legacy-unreadable", format: "et" });
    expect(problemText(problem as InputProblem).zh).toContain("WPS 表格（.et）");
  });

  it(`a sheet over ${SHEET_LIMITS.rows.toLocaleString("en-US")} rows is refused as soon as counting passes the limit`, async () => {
    const rows = SHEET_LIMITS.rows + 1;
    const problem = await problemOf(
      await rawXlsx(denseSheetXml(rows + 60_000), { sheetName: "大表 &amp; 明细" }),
    );
    expect(problem).toMatchObject({ kind: "too-large", sheet: "大表 & 明细", atLeast: true });
    const counted = (problem as { rows: number }).rows;
    expect(counted).toBeGreaterThan(SHEET_LIMITS.rows);
    // Inflation stopped near the limit, not at the end of the sheet.
    expect(counted).toBeLessThan(rows + 60_000);
    const text = problemText(problem as InputProblem);
    expect(text.zh).toContain("有超过 ");
    expect(text.en).toContain("limit of 100,000 rows");
  }, 30_000);

  it("a sheet at the row limit is loaded", async () => {
    const result = await checkableWorkbookBytes(await rawXlsx(denseSheetXml(SHEET_LIMITS.rows)), "big.xlsx");
    expect(result.ok && result.workbook.grids[0]?.rowCount).toBe(SHEET_LIMITS.rows);
  });
});

describe("problemText says what is wrong and what to do, in both languages", () => {
  const cases: InputProblem[] = [
    { kind: "not-found" },
    { kind: "permission" },
    { kind: "read-failed", detail: "EIO" },
    { kind: "empty-file" },
    { kind: "old-format", extension: ".xls" },
    { kind: "encrypted" },
    { kind: "text", csv: true },
    { kind: "text", csv: false },
    { kind: "html" },
    { kind: "not-zip" },
    { kind: "not-xlsx", looksLike: null },
    { kind: "corrupt", detail: "truncated" },
    { kind: "corrupt", detail: "content", message: "bad xml" },
    { kind: "too-large", sheet: "S", rows: 1_000_000, cells: 1_000_000 },
    { kind: "too-large", sheet: "S", rows: 100_001, cells: 100_001, atLeast: true },
    { kind: "over-limit", part: "xl/sharedStrings.xml", limit: "part", bytes: 160 * 1024 * 1024 },
    { kind: "over-limit", part: "xl/media/image1.png", limit: "copy", bytes: 200 * 1024 * 1024 },
    { kind: "over-limit", part: "(zip directory)", limit: "entries", bytes: 50_000 },
    { kind: "too-spread", sheet: "S", merges: 1, mergedCells: 17_179_869_184, validatedCells: 0 },
    { kind: "legacy-unreadable", format: "xlsb", message: "bad record" },
    { kind: "legacy-unreadable", format: "fods", message: "bad xml" },
    { kind: "empty-workbook", noSheets: true },
    { kind: "empty-workbook", noSheets: false },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("%s", (_name, problem) => {
    const text = problemText(problem);
    expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(text.en).toMatch(/^[\x20-\x7e“”’]+$/);
    expect(text.zh.length).toBeGreaterThan(8);
  });
});
