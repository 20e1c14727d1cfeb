import ExcelJS from "exceljs";
import fc from "fast-check";
import { readWorkbookFast, type FastRead } from "../../src/adapters/xlsx/fast-read";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { readZipIndex } from "../../src/adapters/xlsx/zip-index";
import type { Grid } from "../../src/core/grid/types";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";
import { loadWorkbook, rawXlsx } from "./helpers";

/** Everything a grid tells the engine, as plain data (dates as ISO strings so that equality is exact). */
function dump(grid: Grid) {
  const cells: Array<[string, unknown, string, string | undefined]> = [];
  for (let r = 0; r < grid.rowCount; r++)
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell.value === null) continue;
      // A serial far outside the calendar is an Invalid Date in both readers.
      const date = (d: Date) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString());
      const value = cell.value instanceof Date ? `Date(${date(cell.value)})` : cell.value;
      cells.push([`${r},${c}`, value, cell.text, cell.numberFormat]);
    }
  return { name: grid.name, rowCount: grid.rowCount, colCount: grid.colCount, merges: grid.merges, cells };
}

function fast(bytes: Buffer): FastRead {
  const index = readZipIndex(bytes);
  if (!index.ok) throw new Error(index.reason);
  return readWorkbookFast(bytes, index.entries);
}

/** Both readers on the same bytes: the grids the engine gets must be identical. */
async function expectParity(bytes: Buffer): Promise<void> {
  const viaExcelJS = gridsFromWorkbook(await loadWorkbook(bytes)).map(dump);
  const result = fast(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const direct = result.sheets.filter((s) => s.state !== "veryHidden").map((s) => dump(s.grid));
  expect(direct).toEqual(viaExcelJS);
}

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readWorkbookFast gives the engine the same grids as ExcelJS (read.ts)", () => {
  it.each(EXAMPLES.map((e) => [e.file, e] as const))("example %s", async (_file, example) => {
    await expectParity(await buildExample(example));
  });

  it("every kind of value ExcelJS writes: text, numbers, booleans, rich text, hyperlinks, errors, formulas", async () => {
    await expectParity(
      await bytesOf((wb) => {
        const ws = wb.addWorksheet("值");
        ws.getCell("A1").value = "普通文字 & <尖括号> \"引号\" 'apos'";
        ws.getCell("A2").value = "  前后空格  ";
        ws.getCell("A3").value = "换行\n第二行";
        ws.getCell("A4").value = "emoji 😀 _x000D_ 字面";
        ws.getCell("B1").value = 60;
        ws.getCell("B2").value = -12.75;
        ws.getCell("B3").value = 1e-7;
        ws.getCell("B4").value = 123456789012345680;
        ws.getCell("C1").value = true;
        ws.getCell("C2").value = false;
        ws.getCell("D1").value = { richText: [{ text: "☑是 ", font: { bold: true } }, { text: "□否" }] };
        ws.getCell("D2").value = { text: "官网", hyperlink: "https://example.invalid/" };
        ws.getCell("D3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        ws.getCell("E1").value = { formula: "SUM(B1:B2)", result: 47.25 };
        ws.getCell("E2").value = { formula: 'CONCAT("上海","市")', result: "上海市" };
        ws.getCell("E3").value = { formula: "B1>50", result: true };
        ws.getCell("E4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        ws.getCell("E5").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
        ws.getCell("F1").value = { formula: "B1*2", result: 120 };
        ws.getCell("F2").value = { sharedFormula: "F1", result: -25.5 } as ExcelJS.CellSharedFormulaValue;
        ws.getCell("G1").value = "";
      }),
    );
  });

  it("number formats: percentages, dates in several formats, text format, General", async () => {
    await expectParity(
      await bytesOf((wb) => {
        const ws = wb.addWorksheet("格式");
        const date = new Date(Date.UTC(2026, 3, 15));
        const formats = [
          "0%",
          "0.0%",
          "yyyy-mm-dd",
          'yyyy"年"m"月"d"日"',
          "mm-dd-yy",
          "yyyy/m/d h:mm",
          "@",
          "#,##0.00",
          '"共"0"人"',
          "[Red]0.00",
        ];
        formats.forEach((fmt, i) => {
          const a = ws.getCell(i + 1, 1);
          a.value = 0.305;
          a.numFmt = fmt;
          const b = ws.getCell(i + 1, 2);
          b.value = date;
          b.numFmt = fmt;
          const c = ws.getCell(i + 1, 3);
          c.value = 46127.5;
          c.numFmt = fmt;
        });
        ws.getCell("D1").value = new Date(Date.UTC(2026, 9, 12, 8, 30));
      }),
    );
  });

  it("the 1904 date system", async () => {
    await expectParity(
      await bytesOf((wb) => {
        wb.properties.date1904 = true;
        const ws = wb.addWorksheet("1904");
        ws.getCell("A1").value = new Date(Date.UTC(2026, 3, 15));
        ws.getCell("A2").value = 46127;
        ws.getCell("A2").numFmt = "yyyy-mm-dd";
      }),
    );
  });

  it("merges (values hidden under a merge are dropped), hidden and very hidden sheets, sheet order", async () => {
    await expectParity(
      await bytesOf((wb) => {
        const a = wb.addWorksheet("申报表");
        a.getCell("A1").value = "推荐单位信息";
        a.getCell("A2").value = "被合并遮住的值";
        a.getCell("B1").value = "单位名称";
        a.getCell("C1").value = "上海某院";
        a.getCell("D1").value = "遮住";
        a.mergeCells("A1:A3");
        a.mergeCells("C1:E1");
        a.getCell("A6").value = "末行";
        wb.addWorksheet("隐藏", { state: "hidden" }).getCell("B2").value = "hidden";
        wb.addWorksheet("_yanxiu", { state: "veryHidden" }).getCell("A1").value = "yanxiu-store";
        wb.addWorksheet("空表");
        const last = wb.addWorksheet("Z 最后");
        last.getCell("A1").value = 1;
        last.mergeCells("B5:C7");
      }),
    );
  });

  it("rows that hold only styled blanks or empty strings reach as far as ExcelJS says", async () => {
    await expectParity(
      await bytesOf((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = "x";
        ws.getCell("A5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
        ws.getCell("B8").value = "";
        ws.getCell("C3").value = { formula: "A1" } as ExcelJS.CellFormulaValue;
      }),
    );
  });

  it("XML other writers produce: inline strings, str results, entities, CDATA, phonetic guides, built-in formats", async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts>' +
      '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="31"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const shared =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
      "<si><t>项目名称</t></si>" +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">☑是 </t></r><r><t>□否</t></r></si>' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      "<si><t>A &amp; B &lt;c&gt; &#x4E0A;&#28023;</t></si></sst>";
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>行内文字</t></is></c><c r="B2" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r></is></c>' +
      '<c r="C2" t="str"><f>A1&amp;"x"</f><v>项目名称x</v></c><c r="D2" t="e"><v>#REF!</v></c><c r="E2" t="b"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>46127</v></c><c r="B3" s="2"><v>0.305</v></c><c r="C3" s="3"><v>46127</v></c><c r="D3" s="4"><v>0.3</v></c>' +
      '<c r="E3"><f t="shared" ref="E3:E4" si="0">B3*2</f><v>0.61</v></c></row>' +
      '<row r="4"><c r="E4"><f t="shared" si="0"/><v>0.8</v></c></row>' +
      '<row r="5"><c r="A5" t="inlineStr"><is><t/></is></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>';
    await expectParity(
      await rawXlsx(sheet, { parts: { "xl/styles.xml": styles, "xl/sharedStrings.xml": shared } }),
    );
  });

  it("reads what Excel reads where ExcelJS drops it: CDATA sections, an inline string in <v>", async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' +
      '<c r="A1" t="inlineStr"><is><t><![CDATA[甲<乙>&amp;]]></t></is></c>' +
      '<c r="B1" t="inlineStr"><v>丙 &amp; 丁</v></c>' +
      '<c r="C1" t="str"><v><![CDATA[<原样>]]></v></c></row></sheetData></worksheet>';
    const result = fast(await rawXlsx(sheet));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const grid = result.sheets[0]!.grid;
    expect([0, 1, 2].map((c) => grid.cell(0, c).value)).toEqual(["甲<乙>&amp;", "丙 & 丁", "<原样>"]);
  });

  it("random sheets of values and merges (property)", async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("=1+1", "推荐排序", "☑是 □否", "50人", " 前空格", "a&b<c>", "2026年4月15日"),
      fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1000, max: 100000 }),
      fc.boolean(),
      fc.date({
        min: new Date(Date.UTC(1950, 0, 1)),
        max: new Date(Date.UTC(2100, 0, 1)),
        noInvalidDate: true,
      }),
    );
    const format = fc.constantFrom(undefined, "0%", "0.00", "yyyy-mm-dd", "@", 'yyyy"年"m"月"d"日"');
    const sheet = fc.record({
      cells: fc.array(fc.tuple(fc.nat(30), fc.nat(8), value, format), { maxLength: 40 }),
      merge: fc.option(
        fc.tuple(fc.nat(25), fc.nat(5), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })),
      ),
    });
    await fc.assert(
      fc.asyncProperty(sheet, async ({ cells, merge }) => {
        const bytes = await bytesOf((wb) => {
          const ws = wb.addWorksheet("随机");
          for (const [r, c, v, fmt] of cells) {
            const cell = ws.getCell(r + 1, c + 1);
            cell.value = v;
            if (fmt) cell.numFmt = fmt;
          }
          if (merge) {
            const [r, c, h, w] = merge;
            ws.mergeCells(r + 1, c + 1, r + h, c + w);
          }
        });
        await expectParity(bytes);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe("readWorkbookFast beyond parity", () => {
  it("a sheet over the limits is reported with its counts instead of being built", async () => {
    const rows = Array.from(
      { length: 100_001 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`,
    ).join("");
    const result = fast(
      await rawXlsx(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, { sheetName: "大表" }),
    );
    expect(result).toEqual({ ok: false, tooLarge: { sheet: "大表", rows: 100_001, cells: 100_001 } });
  });

  it("reads rows and cells without r attributes, in order (some writers leave them out)", async () => {
    const sheet =
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>项目名称</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>';
    const result = fast(await rawXlsx(sheet));
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(dump(result.sheets[0]!.grid).cells).toEqual([
      ["0,0", "项目名称", "项目名称", undefined],
      ["0,1", 2, "2", undefined],
      ["1,0", 3, "3", undefined],
    ]);
  });

  it("steps aside (unsupported) for a package it cannot follow, so the caller uses ExcelJS", async () => {
    const bytes = await rawXlsx(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>',
    );
    expect(fast(bytes)).toMatchObject({ ok: false, unsupported: "shared string 7 missing" });
  });
});
