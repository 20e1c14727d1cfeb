/** What a cell holds, as every adapter hands it to the core. Rows and columns are 0-based inside the core. */
export type CellValue = string | number | boolean | Date | null;

export interface RawCell {
  /** The typed value (a number for numeric cells, a Date for date cells, a string for text). */
  value: CellValue;
  /** The text Excel displays (formatted); "" for empty cells. */
  text: string;
  /** The number format, when the adapter knows it ("General", "0.00%", "yyyy-mm-dd" …). */
  numberFormat?: string;
  /**
   * Set when the cell holds a formula whose value was never calculated (a file written by a script and never opened
   * in Excel): `value` is null and `text` "", but the cell is not empty, its value is unknown. Rules must neither
   * call it missing nor read another cell in its place.
   */
  uncalculated?: true;
}

/** A merged area, inclusive, 0-based. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellRef {
  row: number;
  col: number;
}

/** A sheet as plain data: what the engine reads. */
export interface Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly MergeArea[];
  /** The cell at (row, col); an empty cell outside the data or where nothing was typed. */
  cell(row: number, col: number): RawCell;
  /**
   * One past the last column of `row` that holds a cell (0 for an empty row). Walks along a row stop here, so the
   * work follows the cells present, not the sheet's extent: one cell at XFD1048576 must not make every row 16,384
   * columns wide.
   */
  rowWidth(row: number): number;
  /** The merge that contains (row, col), if any. */
  mergeAt(row: number, col: number): MergeArea | undefined;
  /** The first cell (in row order) holding a formula without a calculated value, if any (see RawCell.uncalculated). */
  readonly firstUncalculated?: CellRef;
  /** The source was a document with tracked changes, read as it prints with every change accepted (a Word form). */
  readonly revisionsAccepted?: true;
}
