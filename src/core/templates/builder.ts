import type { MergeArea } from "../grid/types";
import type { CellStyle, LayoutCell, ListValidation, PrintSetup, SheetLayout } from "./layout";
import { heightForLines, wrappedLines } from "./measure";
import { A4_MARGINS, MIN_ROW_HEIGHT } from "./styles";

export interface PutOptions {
  /** Rows and columns the text spans (merged when more than one cell). */
  rows?: number;
  cols?: number;
  /** Thin borders round every cell of the area; true by default (a form's grid). */
  border?: boolean;
  /** A formula instead of a constant. */
  formula?: string;
}

const DEFAULT_HEIGHT = 15;

/**
 * Collects a sheet's cells, merges, borders and heights while a template is written top to bottom, and works out
 * row heights from the text at the end so long answers and wrapped labels are never cut off.
 */
export class LayoutBuilder {
  private readonly cells = new Map<number, LayoutCell>();
  private readonly merges: MergeArea[] = [];
  private readonly borders: MergeArea[] = [];
  private readonly validations: ListValidation[] = [];
  private readonly minHeights = new Map<number, number>();
  private readonly fixedHeights = new Map<number, number>();
  private readonly hidden: number[] = [];
  private readonly breaks: number[] = [];
  private lastRow = -1;

  constructor(
    readonly name: string,
    /** Widths of the printed columns, in characters. */
    readonly widths: readonly number[],
  ) {}

  /** Number of printed columns. */
  get width(): number {
    return this.widths.length;
  }

  /** Puts a value (or only a style) at the top-left of an area, merging and bordering it. Returns the area. */
  put(
    row: number,
    col: number,
    value: string | number | undefined,
    style: CellStyle,
    options: PutOptions = {},
  ): MergeArea {
    const area = {
      top: row,
      left: col,
      bottom: row + (options.rows ?? 1) - 1,
      right: col + (options.cols ?? 1) - 1,
    };
    const cell: LayoutCell = { row, col, style };
    if (value !== undefined && value !== "") cell.value = value;
    if (options.formula !== undefined) cell.formula = options.formula;
    this.cells.set(row * 16384 + col, cell);
    // Merged cells other than the top-left carry the style too, so borders and fills look whole in every host.
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (r !== row || c !== col) this.cells.set(r * 16384 + c, { row: r, col: c, style });
    if (area.bottom > area.top || area.right > area.left) this.merges.push(area);
    if (options.border !== false) this.borders.push(area);
    this.lastRow = Math.max(this.lastRow, area.bottom);
    return area;
  }

  /** A value across the full printed width (title, lines above and below the table). */
  line(row: number, value: string, style: CellStyle, border = false): MergeArea {
    return this.put(row, 0, value, style, { cols: this.width, border });
  }

  /** The row gets at least this height (points), e.g. room for a long handwritten answer. */
  minHeight(row: number, points: number): void {
    this.minHeights.set(row, Math.max(points, this.minHeights.get(row) ?? 0));
  }

  /** The row gets exactly this height (points): spacer rows. */
  fixHeight(row: number, points: number): void {
    this.fixedHeights.set(row, points);
  }

  validate(validation: ListValidation): void {
    this.validations.push(validation);
  }

  /** Writes a value outside the printed table (helper ranges for dropdowns) without borders or merges. */
  helper(row: number, col: number, value: string | number): void {
    this.cells.set(row * 16384 + col, { row, col, value });
  }

  /** A new printed page starts after this row. */
  breakAfter(row: number): void {
    this.breaks.push(row);
  }

  hideColumn(col: number): void {
    if (!this.hidden.includes(col)) this.hidden.push(col);
  }

  /** The last row written so far (-1 before any). */
  get bottom(): number {
    return this.lastRow;
  }

  private areaWidth(area: MergeArea): number {
    let units = 0;
    for (let c = area.left; c <= area.right; c++) units += this.widths[c] ?? 9;
    return units;
  }

  private computeHeights(): Record<number, number> {
    const heights = new Map<number, number>();
    const need = (row: number) => heights.get(row) ?? Math.max(this.minHeights.get(row) ?? 0, DEFAULT_HEIGHT);
    for (let row = 0; row <= this.lastRow; row++) heights.set(row, need(row));
    const areaOf = (cell: LayoutCell): MergeArea =>
      this.merges.find((m) => m.top === cell.row && m.left === cell.col) ?? {
        top: cell.row,
        left: cell.col,
        bottom: cell.row,
        right: cell.col,
      };
    const texts = [...this.cells.values()].filter((c) => typeof c.value === "string" && c.col < this.width);
    const wanted = (cell: LayoutCell, area: MergeArea) => {
      const size = cell.style?.fontSize ?? 11;
      const lines = cell.style?.wrap
        ? wrappedLines(String(cell.value), this.areaWidth(area), size)
        : String(cell.value).split("\n").length;
      return heightForLines(lines, size);
    };
    // Single-row cells first, then spread what taller merged areas still lack over their rows.
    for (const cell of texts) {
      const area = areaOf(cell);
      if (area.bottom !== area.top) continue;
      heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, wanted(cell, area)));
    }
    for (const cell of texts) {
      const area = areaOf(cell);
      if (area.bottom === area.top) continue;
      if (cell.style?.vAlign === "top") {
        // Text at the top of a tall merged cell must fit its first row: a row never splits across pages, so the
        // text then prints whole wherever the page breaks inside the merge.
        heights.set(area.top, Math.max(heights.get(area.top) ?? 0, wanted(cell, area)));
        continue;
      }
      let have = 0;
      for (let r = area.top; r <= area.bottom; r++) have += heights.get(r) ?? DEFAULT_HEIGHT;
      const lack = wanted(cell, area) - have;
      if (lack <= 0) continue;
      const share = Math.ceil(lack / (area.bottom - area.top + 1));
      for (let r = area.top; r <= area.bottom; r++)
        heights.set(r, (heights.get(r) ?? DEFAULT_HEIGHT) + share);
    }
    const bordered = new Set<number>();
    for (const b of this.borders) for (let r = b.top; r <= b.bottom; r++) bordered.add(r);
    const out: Record<number, number> = {};
    for (const [row, h] of heights) {
      const fixed = this.fixedHeights.get(row);
      out[row] = fixed ?? Math.max(h, bordered.has(row) ? MIN_ROW_HEIGHT : 0);
    }
    return out;
  }

  /** The finished layout: A4, fit to one page wide, printing the used rows of the printed columns. */
  build(print: Partial<PrintSetup> & Pick<PrintSetup, "orientation">): SheetLayout {
    const columnWidths = [...this.widths];
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const layout: SheetLayout = {
      name: this.name,
      cells,
      merges: [...this.merges],
      borders: [...this.borders],
      columnWidths,
      rowHeights: this.computeHeights(),
      validations: [...this.validations],
      print: {
        margins: A4_MARGINS,
        fitToWidth: true,
        printArea: { top: 0, left: 0, bottom: this.lastRow, right: this.width - 1 },
        centerHorizontally: true,
        ...print,
      },
      showGridLines: false,
    };
    if (this.breaks.length > 0) layout.rowBreaks = [...this.breaks];
    if (this.hidden.length > 0) layout.hiddenColumns = [...this.hidden].sort((a, b) => a - b);
    return layout;
  }
}
