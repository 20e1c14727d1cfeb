import type { MergeArea } from "../grid/types";

/**
 * A sheet to be drawn, as data: both adapters (Office.js and ExcelJS) draw from this one description.
 * Rows and columns are 0-based. Widths are in Excel character units, heights in points.
 */
export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** A fill colour "#RRGGBB". */
  fill?: string;
  numberFormat?: string;
  italic?: boolean;
  /** A font colour "#RRGGBB" (hints and notes are grey). */
  color?: string;
}

export interface LayoutCell {
  row: number;
  col: number;
  /** A constant; omit for an empty cell that only carries a style. With `formula`, the formula's last result. */
  value?: string | number;
  /** A formula in Excel's English syntax, starting with "=". */
  formula?: string;
  style?: CellStyle;
}

export interface ListValidation {
  area: MergeArea;
  /** The allowed values, shown as a dropdown. */
  list: string[];
  /** zh-CN prompt shown when the cell is selected. */
  prompt?: string;
  /**
   * A formula giving the dropdown's items instead of `list` (Excel English syntax, starting with "="), e.g. a range of
   * the sheet's hidden helper columns or an OFFSET over it for a list that depends on another cell. `list` is then [].
   */
  formula?: string;
  /** What a value outside the list gets: "stop" refuses it (default), "warning"/"information" let it through. */
  errorStyle?: "stop" | "warning" | "information";
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Margins in inches. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Fit the printed sheet to one page wide (any height). */
  fitToWidth: boolean;
  printArea: MergeArea;
  /** Rows repeated at the top of every printed page (lists), 0-based inclusive. */
  repeatRows?: [number, number];
  /** Centre horizontally on the page. */
  centerHorizontally?: boolean;
}

export interface ChartSpec {
  kind: "bar" | "column";
  title: string;
  /** Category labels and values, as sheet ranges on this sheet. */
  categories: MergeArea;
  values: MergeArea;
  /** Where the chart sits (top-left cell) and its size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

export interface SheetLayout {
  /** The preferred sheet name (made unique on insert). */
  name: string;
  cells: LayoutCell[];
  merges: MergeArea[];
  /** Areas whose every cell gets a thin border on all sides. */
  borders: MergeArea[];
  /** Column widths by column index, in characters. */
  columnWidths: number[];
  /** Row heights by row index, in points; rows not named keep the default. */
  rowHeights: Record<number, number>;
  validations: ListValidation[];
  print: PrintSetup;
  charts?: ChartSpec[];
  /** Columns drawn hidden (helper ranges that dropdowns read), by column index. */
  hiddenColumns?: number[];
  /** Show the sheet's gridlines (forms look like the paper form without them). Default: shown. */
  showGridLines?: boolean;
  /** Manual page breaks: a new printed page starts after each of these rows (e.g. after a cover page). */
  rowBreaks?: number[];
}
