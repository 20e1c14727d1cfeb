import type ExcelJS from "exceljs";
import { displayText, makeGrid, uncalculatedCell } from "../../core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../core/grid/types";

/** ExcelJS keeps merges in a private map; its public `model` getter would rebuild every row, which is slow on big sheets. */
interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type WorksheetWithMerges = ExcelJS.Worksheet & { _merges?: Record<string, MergeRange> };

function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text).join("");
}

/** The typed value of an ExcelJS cell value (formulas give their cached result). */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText))
      return richText(value as { richText: { text: string }[] });
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && result !== null && "error" in result)
        return String((result as { error: string }).error);
      return plainValue(result as ExcelJS.CellValue);
    }
    if ("text" in value && typeof (value as { text: unknown }).text === "string")
      return (value as { text: string }).text;
    if ("error" in value) return String((value as { error: string }).error);
  }
  return String(value);
}

/** Text as Excel would show it for the formats that matter to the engine (percentages, dates). */
function formattedText(value: CellValue, numFmt: string | undefined): string {
  if (typeof value === "number" && numFmt && numFmt.includes("%")) {
    const decimals = /\.(0+)%/.exec(numFmt)?.[1]?.length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  return displayText(value);
}

/**
 * The core's cell for a typed value and its number format; undefined for an empty cell. Shared by every reader of
 * xlsx files (ExcelJS here, the CLI's direct reader in fast-read.ts) so that they hand the engine the same cells.
 */
export function rawCellOf(value: CellValue, numFmt: string | undefined): RawCell | undefined {
  if (value === null || value === "") return undefined;
  const raw: RawCell = { value, text: formattedText(value, numFmt) };
  if (numFmt) raw.numberFormat = numFmt;
  return raw;
}

/** A formula whose result was never calculated (no cached value in the file): its value is unknown to us. */
function isUncalculatedFormula(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== "object" || value instanceof Date) return false;
  if (!("formula" in value) && !("sharedFormula" in value)) return false;
  const result = (value as { result?: unknown }).result;
  return result === undefined || result === null || result === "";
}

function toRawCell(cell: ExcelJS.Cell): RawCell | undefined {
  if (isUncalculatedFormula(cell.value)) return uncalculatedCell(cell.numFmt || undefined);
  return rawCellOf(plainValue(cell.value), cell.numFmt || undefined);
}

/** One worksheet as a core Grid: values, display text, number formats and merged areas (0-based). */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: (RawCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (RawCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const raw = toRawCell(cell);
      if (raw) cells[colNumber - 1] = raw;
    });
    rows[rowNumber - 1] = cells;
  });
  const merges: MergeArea[] = [];
  for (const m of Object.values((ws as WorksheetWithMerges)._merges ?? {})) {
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return makeGrid(ws.name, rows, merges);
}

/** Every worksheet of a workbook as grids, in workbook order (hidden sheets of ours left out). */
export function gridsFromWorkbook(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.filter((ws) => ws.state !== "veryHidden").map(gridFromWorksheet);
}
