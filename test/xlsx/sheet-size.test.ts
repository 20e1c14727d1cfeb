import { measureSheet } from "../../src/adapters/xlsx/sheet-size";
import { readZipIndex } from "../../src/adapters/xlsx/zip-index";
import { denseSheetXml, rawXlsx } from "./helpers";

async function measure(xml: string, compression: "STORE" | "DEFLATE") {
  const bytes = await rawXlsx(xml, { compression });
  const index = readZipIndex(bytes);
  if (!index.ok) throw new Error(index.reason);
  const entry = index.entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
  if (!entry) throw new Error("no sheet");
  return measureSheet(bytes, entry);
}

describe("measureSheet counts rows and cells without loading the sheet", () => {
  it.each(["STORE", "DEFLATE"] as const)("a dense sheet, %s", async (compression) => {
    expect(await measure(denseSheetXml(50_000, 3), compression)).toEqual({ rows: 50_000, cells: 150_000 });
  });

  it("tags that only start like <row or <c are not counted", async () => {
    const xml =
      '<worksheet><cols><col min="1" max="2"/></cols><sheetData><row r="1"><c r="A1"/><c r="B1" t="s"><v>0</v></c></row>' +
      '<row r="2"/></sheetData><conditionalFormatting><cfRule type="x"/></conditionalFormatting><rowBreaks count="0"/></worksheet>';
    expect(await measure(xml, "DEFLATE")).toEqual({ rows: 2, cells: 2 });
  });

  it("counts exactly across inflate chunk boundaries (every offset of a tag)", async () => {
    // Rows of varying width shift each tag across the 16 KB chunks inflate hands back.
    const parts: string[] = ["<worksheet><sheetData>"];
    let cells = 0;
    for (let r = 1; r <= 20_000; r++) {
      const n = (r % 7) + 1;
      cells += n;
      parts.push(
        `<row r="${r}">${Array.from({ length: n }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r % 97}</v></c>`).join("")}</row>`,
      );
    }
    parts.push("</sheetData></worksheet>");
    expect(await measure(parts.join(""), "DEFLATE")).toEqual({ rows: 20_000, cells });
  });
});
