// .xls, .et, .ods and .fods as staff send them, made by LibreOffice from the examples (scripts/legacy/make-fixtures.sh):
// read through SheetJS into the same grids, checked with the same findings as the .xlsx they came from, and their
// annotated copy written as .xlsx. Also the reader gaps against Excel and the words for formats that are not read.
import * as fs from "node:fs";
import JSZip from "jszip";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import { checkableWorkbookBytes } from "../../src/adapters/xlsx/open-file";
import { problemText, type InputProblem } from "../../src/adapters/xlsx/problems";
import { rawXlsx } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/legacy");

async function findingsOf(file: string): Promise<string[]> {
  const opened = await checkableWorkbookBytes(fs.readFileSync(file), file);
  if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
  return checkWorkbook(opened.workbook.grids, { ignored: [] }).flatMap((c) =>
    c.findings.map((f) => `${c.sheet}!${toA1(f.row, f.col)} ${f.rule} ${f.severity}`),
  );
}

describe("formats read through SheetJS give the same findings as the .xlsx they were saved from", () => {
  const cases = fs
    .readdirSync(FIXTURES)
    .filter((f) => /\.(xls|et|ods|fods)$/.test(f))
    .map((f) => [f, f.replace(/\.[a-z]+$/, ".xlsx")] as const);

  it("the fixtures are there (every format, both examples)", () => {
    expect(cases.map(([f]) => path.extname(f)).sort()).toEqual(
      [".et", ".fods", ".fods", ".ods", ".ods", ".xls", ".xls"].sort(),
    );
  });

  it.each(cases)("%s", async (file, original) => {
    const expected = await findingsOf(path.join(ROOT, "examples", original));
    expect(expected.length).toBeGreaterThan(0);
    expect(await findingsOf(path.join(FIXTURES, file))).toEqual(expected);
  });

  it("the annotated copy of an .xls is an .xlsx that ExcelJS writes, with every sheet", async () => {
    const opened = await checkableWorkbookBytes(
      fs.readFileSync(path.join(FIXTURES, "sh-recommendation.xls")),
      "sh-recommendation.xls",
    );
    if (!opened.ok) throw new Error(opened.problem.kind);
    expect(opened.workbook.format).toBe("xls");
    const wb = await opened.workbook.excel();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["推荐表"]);
  });
});

describe("reader gaps against Excel", () => {
  it("1904 dates: the second x15:workbookPr of Excel 2013+ does not switch the date system off", async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row></sheetData></worksheet>';
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const workbook =
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<workbookPr date1904="1"/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets>' +
      '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>';
    const bytes = await rawXlsx(sheet, { parts: { "xl/styles.xml": styles, "xl/workbook.xml": workbook } });
    const opened = await checkableWorkbookBytes(bytes, "1904.xlsx");
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    const grid = opened.workbook.grids[0]!;
    // Serial 0 is 1904-01-01 in the 1904 system; 45000 is 2027-03-16 there (2023-03-15 in the 1900 system).
    expect((grid.cell(0, 0).value as Date).toISOString().slice(0, 10)).toBe("1904-01-01");
    expect((grid.cell(0, 1).value as Date).toISOString().slice(0, 10)).toBe("2027-03-16");
  });

  it("a sheet relationship id under any namespace prefix", async () => {
    const workbook =
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:ns9="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="名单" sheetId="1" ns9:id="rId1"/></sheets></workbook>';
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>';
    const opened = await checkableWorkbookBytes(
      await rawXlsx(sheet, { parts: { "xl/workbook.xml": workbook } }),
      "a.xlsx",
    );
    expect(opened.ok && opened.workbook.grids.map((g) => [g.name, g.cell(0, 0).value])).toEqual([
      ["名单", 7],
    ]);
  });

  it("cells and merges beyond the last row and column are dropped, as Excel drops them", async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c><c r="ZZZZ1"><v>3</v></c></row>' +
      '<row r="2000000"><c r="A2000000"><v>4</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1048570:XFZ1048999"/></mergeCells></worksheet>';
    const opened = await checkableWorkbookBytes(await rawXlsx(sheet), "far.xlsx");
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    const grid = opened.workbook.grids[0]!;
    expect(grid.merges).toEqual([{ top: 1048569, left: 0, bottom: 1048575, right: 16383 }]);
    expect(opened.workbook.sheets[0]!.stats.cells).toBe(1);
  });
});

describe("words for formats", () => {
  it.each<[string, InputProblem, RegExp]>([
    ["xlsb", { kind: "legacy-unreadable", format: "xlsb", message: "x" }, /Excel 二进制工作簿（\.xlsb）/],
    [
      "fods",
      { kind: "legacy-unreadable", format: "fods", message: "x" },
      /OpenDocument 平面电子表格（\.fods/,
    ],
  ])("%s is named for what it is, not as a zip or as plain text", (_f, problem, words) => {
    expect(problemText(problem).zh).toMatch(words);
    expect(problemText(problem).zh).not.toMatch(/纯文本|zip 压缩包/);
  });

  it("an .xlsb package is told apart from a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file(
      "_rels/.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
    );
    zip.file("xl/workbook.bin", Buffer.from([0x83, 0x01, 0x00]));
    const xlsb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const opened = await checkableWorkbookBytes(xlsb, "a.xlsb");
    expect(opened.ok ? null : opened.problem).toMatchObject({ kind: "legacy-unreadable", format: "xlsb" });
  });
});
