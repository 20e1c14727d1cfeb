import { columnLetters } from "../grid/a1";

/** A sheet name no workbook can hold, passed to a formula builder (a programmer fault). */
export class SheetNameError extends Error {
  override name = "SheetNameError";
}

// Characters Excel forbids in sheet names.
const FORBIDDEN = /[\\/?*[\]:]/;
// Names a formula can carry without quotes: an identifier of ASCII letters, digits, _ and . not starting with a digit.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
// …unless it would read as a cell (A1, XFD1048576) or an R1C1 reference (R, C, R1, C2, R1C1, RC).
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;
const R1C1_LIKE = /^(?:[Rr]\d*[Cc]?\d*|[Cc]\d*)$/;
const BOOLEAN = /^(?:true|false)$/i;

/**
 * A sheet name as it must appear before “!” in a formula: quoted with '…' (inner quotes doubled) unless it is a plain
 * ASCII identifier that cannot be mistaken for a reference. Chinese names and names with spaces are quoted:
 * '推荐 表'!A1, 'Bob''s list'!A1, '2026'!A1. Throws SheetNameError for names Excel would refuse.
 */
export function quoteSheetName(name: string): string {
  if (name === "") throw new SheetNameError("A sheet name cannot be empty");
  if (FORBIDDEN.test(name))
    throw new SheetNameError(`Sheet name “${name}” holds a character Excel forbids (\\ / ? * [ ] :)`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw new SheetNameError(`Sheet name “${name}” starts or ends with an apostrophe, which Excel forbids`);
  if (PLAIN.test(name) && !CELL_LIKE.test(name) && !R1C1_LIKE.test(name) && !BOOLEAN.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute A1 address ($B$3), or with only the column fixed ($B3) for formulas filled down a table. */
export function absoluteA1(row: number, col: number, fixRow = true): string {
  return `$${columnLetters(col)}${fixRow ? "$" : ""}${row + 1}`;
}

/** An absolute range on another sheet: '推荐 表'!$B$3:$B$40 (0-based inclusive bounds). */
export function sheetRange(sheet: string, top: number, col: number, bottom: number, right = col): string {
  const from = absoluteA1(top, col);
  const to = absoluteA1(bottom, right);
  return `${quoteSheetName(sheet)}!${from === to ? from : `${from}:${to}`}`;
}

/** One cell on another sheet, column fixed and row relative ('推荐 表'!$F5): still right after sorting or copying. */
export function sheetCell(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${absoluteA1(row, col, false)}`;
}

/**
 * A text constant in a formula: "…". A double quote inside is spelled CHAR(34) rather than doubled (""), which
 * Excel reads but some formula engines (HyperFormula, which the tests evaluate with) do not: both read CHAR(34).
 */
export function stringLiteral(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  return `(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join("&CHAR(34)&")})`;
}

/**
 * Whether exactCriterion can match this text: not blank (a blank criterion would also match empty non-project rows)
 * and not starting with a comparison sign, which COUNTIFS would take as an operator even after “=”.
 */
export function criterionSafe(text: string): boolean {
  return text.trim() !== "" && !/^[<>=]/.test(text);
}

/**
 * A COUNTIFS/SUMIFS criterion that matches exactly this text: “=” first, and the wildcards * ? ~ escaped with ~.
 * Matching is case-insensitive, as in Excel. Use only where criterionSafe(text) holds; compare with “=” otherwise.
 */
export function exactCriterion(text: string): string {
  return stringLiteral(`=${text.replace(/[~*?]/g, (ch) => `~${ch}`)}`);
}
