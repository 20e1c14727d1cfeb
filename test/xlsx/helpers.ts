import ExcelJS from "exceljs";
import JSZip from "jszip";

export interface SheetSpec {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue | undefined>>;
  merges?: readonly string[];
  state?: ExcelJS.WorksheetState;
}

/** A workbook built with ExcelJS from rows of values (what staff would send), as xlsx bytes. */
export async function workbookBytes(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.state ? { state: sheet.state } : undefined);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== undefined && value !== null && value !== "") ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Load xlsx bytes with ExcelJS. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/**
 * A minimal xlsx package around one worksheet's XML, written with JSZip (an independent writer): for sheets too big
 * or too odd to build through ExcelJS.
 */
export async function rawXlsx(
  /** The sheet's XML, as text (written UTF-8) or as the bytes to store. */
  sheetXml: string | Uint8Array,
  options: { sheetName?: string; compression?: "STORE" | "DEFLATE"; parts?: Record<string, string> } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  const name = options.sheetName ?? "Sheet1";
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  for (const [name, text] of Object.entries(options.parts ?? {})) zip.file(name, text);
  return zip.generateAsync({
    type: "nodebuffer",
    compression: options.compression ?? "DEFLATE",
    compressionOptions: { level: 1 },
  });
}

/** The XML of a worksheet with `rows` dense rows of `cols` numeric cells. */
export function denseSheetXml(rows: number, cols = 1): string {
  const letters = Array.from({ length: cols }, (_, c) => String.fromCharCode(65 + c));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (const l of letters) row += `<c r="${l}${r}"><v>${r}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}
