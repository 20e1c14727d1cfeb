import * as fs from "node:fs";
import * as path from "node:path";
import {
  extentsFromLastCells,
  findingOutside,
  odfExtents,
  sheetExtents,
  worksheetExtent,
  type SheetExtents,
} from "./extent";

/**
 * The corpus test trusts this oracle to say where each sheet ends, so it is pinned here: on XML written by hand, on
 * corpus files whose extent was counted by hand, and by agreement between the same workbook saved in two formats.
 */

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const extentsOf = (file: string) => sheetExtents(fs.readFileSync(path.join(CORPUS, file)));

/** Extents as "rows x cols" per sheet, 1-based counts, for readable comparisons. */
function sizes(extents: SheetExtents | null): Record<string, string> | null {
  if (!extents) return null;
  return Object.fromEntries([...extents].map(([name, e]) => [name, `${e.lastRow + 1}x${e.lastCol + 1}`]));
}

describe("worksheet XML", () => {
  test("numbered cells, merges and the dimension all extend the sheet", () => {
    const xml =
      '<worksheet><dimension ref="A1:C2"/><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>' +
      '<mergeCells><mergeCell ref="D5:E7"/></mergeCells></worksheet>';
    expect(worksheetExtent(xml)).toEqual({ lastRow: 6, lastCol: 4 });
  });

  test("rows and cells without r follow one another, under any namespace prefix", () => {
    const xml =
      "<x:worksheet><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c/></x:row>" +
      '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c/><x:c/></x:row></x:sheetData></x:worksheet>';
    expect(worksheetExtent(xml)).toEqual({ lastRow: 1, lastCol: 2 });
  });

  test("elements that only start like a cell or a row are not cells", () => {
    const xml = '<worksheet><cols><col min="1" max="30"/></cols><c:chart/><rowBreaks count="1"/></worksheet>';
    expect(worksheetExtent(xml)).toEqual({ lastRow: -1, lastCol: -1 });
  });
});

describe("OpenDocument content", () => {
  test("repeated and spanned cells count; trailing empty repeats do not", () => {
    const xml =
      '<office:document-content><table:table table:name="T">' +
      '<table:table-row><table:table-cell office:value-type="float" office:value="1"/>' +
      '<table:table-cell table:number-columns-repeated="3"/>' +
      '<table:table-cell table:number-columns-spanned="2"><text:p>x</text:p></table:table-cell>' +
      "<table:covered-table-cell/></table:table-row>" +
      '<table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>y</text:p></table:table-cell>' +
      "</table:table-row>" +
      '<table:table-row table:number-rows-repeated="1048570"><table:table-cell ' +
      'table:number-columns-repeated="1024"/></table:table-row></table:table></office:document-content>';
    expect(odfExtents(xml)).toEqual(new Map([["T", { lastRow: 2, lastCol: 5 }]]));
  });
});

describe("corpus files", () => {
  test("cells without r attributes (POI 59746): 71 rows, 11 columns, counted by hand", () => {
    expect(sizes(extentsOf("poi/59746_NoRowNums.xlsx"))).toEqual({ Features: "71x11" });
  });

  test("parts at the package root found through _rels/.rels (calamine minimal_package)", () => {
    expect(sizes(extentsOf("calamine/minimal_package.xlsx"))).toEqual({ Sheet1: "196x36" });
  });

  test("a workbook part in UTF-16BE (PhpSpreadsheet utf16be): its one sheet, one cell", () => {
    expect(sizes(extentsOf("phpspreadsheet/utf16be.xlsx"))).toEqual({ Sheet1: "1x1" });
  });

  test("a relationship id under a non-standard prefix (ns:id)", () => {
    expect(sizes(extentsOf("calamine/nonstandard-xml-ns-prefix.xlsx"))).toEqual({ Sheet1: "3x2" });
  });

  test("binary formats are left to the format's grid", () => {
    for (const file of [
      "poi/SampleSS.xls",
      "poi/Simple.xlsb",
      "sheetjs/wps_fn.et",
      "calamine/pass_protected.xlsx",
    ])
      expect([file, extentsOf(file)]).toEqual([file, null]);
  });

  test.each([
    ["sheetjs/sheet_visibility.xlsx", "sheetjs/sheet_visibility_strict.xlsx"],
    ["sheetjs/sheet_visibility.xlsx", "sheetjs/sheet_visibility.ods"],
    ["sheetjs/merge_cells.xlsx", "sheetjs/merge_cells.ods"],
    ["sheetjs/rich_text_stress.xlsx", "sheetjs/rich_text_stress.ods"],
    ["sheetjs/crlf.xlsx", "sheetjs/crlf.fods"],
    ["poi/SampleSS.xlsx", "poi/SampleSS.strict.xlsx"],
    ["phpspreadsheet/utf16be.xlsx", "phpspreadsheet/utf16be.bom.xlsx"],
    ["phpspreadsheet/HiddenMergeCellsTest.xlsx", "phpspreadsheet/HiddenMergeCellsTest.ods"],
  ])("%s and %s, one workbook in two formats, reach as far", (a, b) => {
    const first = sizes(extentsOf(a));
    expect(first).not.toBeNull();
    expect(Object.keys(first ?? {}).length).toBeGreaterThan(0);
    expect(sizes(extentsOf(b))).toEqual(first);
  });
});

describe("a finding's cell against its sheet", () => {
  const extents: SheetExtents = new Map([
    ["表1", { lastRow: 9, lastCol: 3 }],
    ["空表", { lastRow: -1, lastCol: -1 }],
  ]);

  test.each([
    ["D10", "表1", null],
    ["A1", "空表", null],
    ["E10", "表1", "E10 lies outside the sheet's used extent A1:D10"],
    ["D11", "表1", "D11 lies outside the sheet's used extent A1:D10"],
    ["B1", "空表", "B1 lies outside the sheet's used extent A1:A1"],
    ["A0", "表1", "“A0” is not a cell address"],
    ["", "表1", "“” is not a cell address"],
    ["A1", "表2", "the file has no sheet named “表2” (it has: 表1, 空表)"],
    ["XFE1", "表1", "XFE1 is beyond the format's grid"],
  ])("%s on %s", (cell, sheet, reason) => {
    expect(findingOutside("a.xlsx", extents, sheet, cell)).toBe(reason);
  });

  test("without an extent, the format's grid bounds the cell: 256 columns and 65,536 rows for BIFF", () => {
    expect(findingOutside("a.xls", null, "S", "IV65536")).toBeNull();
    expect(findingOutside("a.et", null, "S", "IW1")).toBe("IW1 is beyond the format's grid");
    expect(findingOutside("a.xls", null, "S", "A65537")).toBe("A65537 is beyond the format's grid");
    expect(findingOutside("a.xlsb", null, "S", "XFD1048576")).toBeNull();
    expect(findingOutside("a.xlsb", null, "S", "A1048577")).toBe("A1048577 is beyond the format's grid");
  });
});

describe("extents recorded for the binary formats (LibreOffice's reading, in corpus.json)", () => {
  const manifest = (
    JSON.parse(fs.readFileSync(path.join(CORPUS, "corpus.json"), "utf8")) as {
      files: Array<{ file: string; libreofficeExtents?: Record<string, string> }>;
    }
  ).files;
  const recorded = (file: string) => {
    const entry = manifest.find((e) => e.file === file)?.libreofficeExtents;
    return entry ? extentsFromLastCells(entry) : null;
  };

  test("last cells read back as 0-based extents; an empty sheet has none", () => {
    expect(extentsFromLastCells({ a: "AR24", b: "" })).toEqual(
      new Map([
        ["a", { lastRow: 23, lastCol: 43 }],
        ["b", { lastRow: -1, lastCol: -1 }],
      ]),
    );
  });

  test.each([
    ["sheetjs/merge_cells.xls", "sheetjs/merge_cells.xlsx"],
    ["sheetjs/merge_cells.xlsb", "sheetjs/merge_cells.xlsx"],
    ["sheetjs/biff5_merge_cells.xls", "sheetjs/merge_cells.xlsx"],
    ["sheetjs/sheet_visibility.xls", "sheetjs/sheet_visibility.xlsx"],
    ["sheetjs/1904_1904.xls", "sheetjs/1904_1904.xlsx"],
    ["sheetjs/wps_fn.et", "sheetjs/wps_fn.xlsx"],
    ["sheetjs/wps_write.et", "sheetjs/wps_write.xlsx"],
    ["sheetjs/minimal_112.xls", "sheetjs/minimal_112.xlsx"],
    ["poi/SampleSS.xls", "poi/SampleSS.xlsx"],
  ])("%s agrees with %s, the same workbook read by the oracle", (binary, xlsx) => {
    expect(sizes(recorded(binary))).toEqual(sizes(extentsOf(xlsx)));
  });
});
