// A Word form as an .xlsx workbook of one sheet (its grid: the texts and the merged areas), for the pane's file mode,
// which opens every file it checks as a workbook so that it can show and mark the cells. The .docx itself is never
// written to; the workbook is a new file (like the .xlsx the file mode makes of an .xls).
import type { Grid } from "../../core/grid/types";
import { loadSheetJS } from "../xlsx/legacy";

/** Excel's limit on a sheet name, and the characters it refuses. */
const SHEET_NAME = { max: 31, bad: /[[\]:*?/\\]/g };

export async function gridAsXlsx(grid: Grid): Promise<Uint8Array> {
  const XLSX = await loadSheetJS();
  const rows: string[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: string[] = [];
    for (let c = 0; c < grid.rowWidth(r); c++) row.push(grid.cell(r, c).text);
    rows.push(row);
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!merges"] = grid.merges.map((m) => ({ s: { r: m.top, c: m.left }, e: { r: m.bottom, c: m.right } }));
  const wb = XLSX.utils.book_new();
  const name = grid.name.replace(SHEET_NAME.bad, "").slice(0, SHEET_NAME.max) || "Word";
  XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(
    XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer,
  );
}
