import ExcelJS from "exceljs";
import { addLayoutSheet } from "../../src/adapters/xlsx/draw";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import type { Grid } from "../../src/core/grid/types";
import type { SheetLayout } from "../../src/core/templates/layout";

/** The layouts drawn into one xlsx workbook (as the CLI writes it). */
export async function writeWorkbook(layouts: readonly SheetLayout[]): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const layout of layouts) addLayoutSheet(wb, layout);
  return wb.xlsx.writeBuffer();
}

/** The layouts written as xlsx and read back by the xlsx adapter, as the engine sees a file someone sends. */
export async function roundTrip(layouts: readonly SheetLayout[]): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await writeWorkbook(layouts));
  return gridsFromWorkbook(wb);
}

/** A workbook loaded back from its bytes. */
export async function loadWorkbook(buffer: ExcelJS.Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return wb;
}
