/** What a cell holds, as every adapter hands it to the core. Rows and columns are 0-based inside the core. */
export type CellValue = string | number | boolean | Date | null;

export interface RawCell {
  /** The typed value (a number for numeric cells, a Date for date cells, a string for text). */
  value: CellValue;
  /** The text Excel displays (formatted); "" for empty cells. */
  text: string;
  /** The number format, when the adapter knows it ("General", "0.00%", "yyyy-mm-dd" …). */
  numberFormat?: string;
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
  /** The merge that contains (row, col), if any. */
  mergeAt(row: number, col: number): MergeArea | undefined;
}
