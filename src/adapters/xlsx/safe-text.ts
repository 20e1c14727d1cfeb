import type { CellValue } from "../../core/grid/types";

// A cell text that starts with one of these is taken as a formula (or DDE payload) by Excel, WPS and LibreOffice
// when it is typed, pasted or exported to CSV: = + - @, and tab / carriage return that some tools skip before them.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text the product writes into a workbook, made inert: a leading ' (what Excel itself shows for "text that looks
 * like a formula") is put before any text that could start a formula. Everything else is returned unchanged.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as the product writes it: strings neutralised, numbers, booleans, dates and empties as they are. */
export function safeCellValue(value: CellValue | undefined): CellValue {
  if (value === undefined) return null;
  return typeof value === "string" ? neutraliseText(value) : value;
}
