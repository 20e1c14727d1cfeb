import ExcelJS from "exceljs";
import type { GoldenCase } from "./types";

/** Writes a golden case as a real .xlsx (what staff would send), so the test reads it back through the xlsx adapter. */
export async function buildGoldenWorkbook(golden: GoldenCase): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "yanxiu-desk golden builder";
  for (const sheet of golden.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === undefined || value === null || value === "") return;
        ws.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    for (const [address, fmt] of Object.entries(sheet.formats ?? {})) ws.getCell(address).numFmt = fmt;
  }
  return wb.xlsx.writeBuffer();
}
