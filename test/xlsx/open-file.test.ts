import JSZip from "jszip";
import { checkableWorkbookBytes, openWorkbookBytes } from "../../src/adapters/xlsx/open-file";
import { problemText, SHEET_LIMITS, type InputProblem } from "../../src/adapters/xlsx/problems";
import { denseSheetXml, rawXlsx, workbookBytes } from "./helpers";

async function problemOf(bytes: Buffer, name = "file.xlsx"): Promise<InputProblem | null> {
  const result = await checkableWorkbookBytes(bytes, name);
  // The plain ExcelJS opening (used by other commands) must see the same problem.
  const plain = await openWorkbookBytes(bytes, name);
  expect(plain.ok ? null : plain.problem).toEqual(result.ok ? null : result.problem);
  return result.ok ? null : result.problem;
}

describe("checkableWorkbookBytes and openWorkbookBytes: every kind of bad input is a typed problem", () => {
  it("a good workbook opens", async () => {
    const bytes = await workbookBytes([{ name: "推荐表", rows: [["项目名称"]] }]);
    const result = await checkableWorkbookBytes(bytes, "a.xlsx");
    expect(result.ok && result.workbook.grids.map((g) => g.name)).toEqual(["推荐表"]);
    expect(result.ok && result.workbook.reader).toBe("direct");
    const plain = await openWorkbookBytes(bytes, "a.xlsx");
    expect(plain.ok && plain.workbook.worksheets.map((w) => w.name)).toEqual(["推荐表"]);
  });

  it("a docx renamed to .xlsx is a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    expect(await problemOf(await zip.generateAsync({ type: "nodebuffer" }))).toEqual({
      kind: "not-xlsx",
      looksLike: "docx",
    });
  });

  it("a workbook whose sheet XML is garbage is corrupt, with the parser's reason", async () => {
    const problem = await problemOf(
      await rawXlsx('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'),
    );
    expect(problem).toMatchObject({ kind: "corrupt", detail: "content" });
  });

  it("an old .xls keeps its extension in the message", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    const problem = await problemOf(ole, "清单.ET");
    expect(problem).toEqual({ kind: "old-format", extension: ".et" });
    expect(problemText(problem as InputProblem).zh).toContain("扩展名 .et");
  });

  it(`a sheet over ${SHEET_LIMITS.rows.toLocaleString("en-US")} rows is refused before loading, naming the sheet and the limit`, async () => {
    const rows = SHEET_LIMITS.rows + 1;
    const problem = await problemOf(await rawXlsx(denseSheetXml(rows), { sheetName: "大表 &amp; 明细" }));
    expect(problem).toEqual({ kind: "too-large", sheet: "大表 & 明细", rows, cells: rows });
    const text = problemText(problem as InputProblem);
    expect(text.zh).toContain("100,000 行");
    expect(text.en).toContain("limit of 100,000 rows");
  });

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
