import { makeGrid, rawCell } from "../grid/grid";
import type { Grid, RawCell } from "../grid/types";
import type { SheetLayout } from "./layout";

/**
 * The sheet a layout draws, as the engine reads it (values and merges; formulas and styles left out). Lets the core
 * check a template before any adapter draws it, and lets the fill functions find fields with the engine's reader.
 */
export function gridFromLayout(layout: SheetLayout): Grid {
  const rows: (RawCell | undefined)[][] = [];
  for (const cell of layout.cells) {
    if (cell.value === undefined || cell.value === "") continue;
    const row = rows[cell.row] ?? (rows[cell.row] = []);
    row[cell.col] = rawCell(cell.value, cell.style?.numberFormat);
  }
  return makeGrid(layout.name, rows, layout.merges);
}

/** The text at a cell of the layout ("" when empty). */
export function layoutText(layout: SheetLayout, row: number, col: number): string {
  const cell = layout.cells.find((c) => c.row === row && c.col === col);
  return cell?.value === undefined ? "" : String(cell.value);
}

/** Sets (or clears, with "") the value at a cell of the layout, keeping its style; adds the cell if missing. */
export function setLayoutValue(layout: SheetLayout, row: number, col: number, value: string | number): void {
  const cell = layout.cells.find((c) => c.row === row && c.col === col);
  if (cell) {
    if (value === "") delete cell.value;
    else cell.value = value;
    return;
  }
  if (value !== "") layout.cells.push({ row, col, value });
}
