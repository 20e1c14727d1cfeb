import { MAX_COLS, MAX_ROWS, type Rect, intersect, rectCells, rectsOverlap } from "./address";
import { SimError } from "./errors";
import { formatValue, type CellScalar } from "./numfmt";

/** A cell's fill. `null` on a cell means "no fill", which Excel keeps distinct from a white fill. */
export interface FillState {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface FontState {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
}

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export type BorderSide = "top" | "bottom" | "left" | "right";

export interface CellModel {
  /** "" for an empty cell, as Office.js reports it. */
  value: CellScalar;
  formula?: string;
  /** Display text given by a seed (e.g. a formatted date); dropped when the value changes. */
  text?: string;
  numberFormat: string;
  fill: FillState | null;
  font: FontState;
  borders: Partial<Record<BorderSide, BorderState>>;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
}

export const DEFAULT_FONT: Readonly<FontState> = Object.freeze({
  bold: false,
  italic: false,
  color: "#000000",
  size: 11,
  name: "等线",
});

export function newCell(): CellModel {
  return {
    value: "",
    numberFormat: "General",
    fill: null,
    font: { ...DEFAULT_FONT },
    borders: {},
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
  };
}

const EMPTY_CELL: Readonly<CellModel> = Object.freeze(newCell());

export function hasValue(c: CellModel): boolean {
  return c.value !== "" || c.formula !== undefined;
}

export function isDefaultFormat(c: CellModel): boolean {
  const f = c.font;
  return (
    c.numberFormat === "General" &&
    c.fill === null &&
    f.bold === DEFAULT_FONT.bold &&
    f.italic === DEFAULT_FONT.italic &&
    f.color === DEFAULT_FONT.color &&
    f.size === DEFAULT_FONT.size &&
    f.name === DEFAULT_FONT.name &&
    Object.keys(c.borders).length === 0 &&
    c.horizontalAlignment === "General" &&
    c.verticalAlignment === "Bottom" &&
    !c.wrapText
  );
}

export function displayText(c: CellModel): string {
  if (c.text !== undefined) return c.text;
  return formatValue(c.value, c.numberFormat);
}

export interface NoteModel {
  content: string;
  author: string;
  row: number;
  col: number;
}

export interface CommentModel {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  author: string;
  resolved: boolean;
  created: string;
}

export interface ValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  xValues?: Rect;
  position?: { start: string; end?: string };
}

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
}

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea?: Rect[];
  printTitleRows?: Rect;
}

const key = (row: number, col: number) => row * MAX_COLS + col;

let idCounter = 0;
function newId(prefix: string): string {
  idCounter += 1;
  return `{${prefix}-${String(idCounter).padStart(8, "0")}}`;
}

/** One worksheet's state. Cells are stored sparsely; a missing cell is an empty, unformatted one. */
export class SheetModel {
  readonly id = newId("SHEET");
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<number, CellModel>();
  merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  /** Notes keyed by cell. */
  readonly notes = new Map<number, NoteModel>();
  validations: ValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  /** Manual page breaks: a new page starts at each of these rows. */
  rowBreaks: number[] = [];
  showGridlines = true;
  pageLayout: PageLayoutModel = {
    orientation: "Portrait",
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    zoom: { scale: 100 },
  };
  deleted = false;

  constructor(name: string) {
    this.name = name;
  }

  static readonly DEFAULT_COLUMN_WIDTH = 48;
  static readonly DEFAULT_ROW_HEIGHT = 15;

  peek(row: number, col: number): Readonly<CellModel> {
    return this.cells.get(key(row, col)) ?? EMPTY_CELL;
  }

  /** The cell, created on first write. */
  cell(row: number, col: number): CellModel {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = newCell();
      this.cells.set(k, c);
    }
    return c;
  }

  /** Calls fn for every stored cell inside rect (cheap for huge rects on sparse sheets). */
  forStored(rect: Rect, fn: (row: number, col: number, c: CellModel) => void): void {
    if (rectCells(rect) <= this.cells.size * 4) {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.cells.get(key(r, c));
          if (cell) fn(r, c, cell);
        }
      return;
    }
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) fn(r, c, cell);
    }
  }

  /** Visits every cell of rect, creating it; refuses rectangles too large to be plausible edits. */
  forEachCell(rect: Rect, fn: (c: CellModel, row: number, col: number) => void): void {
    if (rectCells(rect) > 4_000_000)
      throw new SimError(
        "InvalidOperation",
        "The simulator does not format more than 4,000,000 cells at once.",
      );
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) fn(this.cell(r, c), r, c);
  }

  /** The used range: cells with values (valuesOnly) or with values or formats. Undefined when blank. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (!hasValue(c) && (valuesOnly || isDefaultFormat(c))) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly)
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  merge(rect: Rect): void {
    if (rect.top === rect.bottom && rect.left === rect.right) return;
    const overlapping = this.merges.filter((m) => rectsOverlap(m, rect));
    // Excel absorbs merges that lie inside the new one and refuses partial overlaps.
    for (const m of overlapping)
      if (!(m.top >= rect.top && m.bottom <= rect.bottom && m.left >= rect.left && m.right <= rect.right))
        throw new SimError(
          "InvalidOperation",
          "Cannot merge a range that partly overlaps another merged range.",
        );
    this.merges = this.merges.filter((m) => !overlapping.includes(m));
    this.merges.push({ ...rect });
  }

  unmerge(rect: Rect): void {
    this.merges = this.merges.filter((m) => !rectsOverlap(m, rect));
  }

  mergesIn(rect: Rect): Rect[] {
    return this.merges.filter((m) => intersect(m, rect) !== undefined);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? SheetModel.DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? SheetModel.DEFAULT_ROW_HEIGHT;
  }
}

export interface Limits {
  /** Excel on the web refuses requests and responses over 5 MB. */
  requestBytes: number;
  responseBytes: number;
  /** `Worksheet.getRanges` fails on longer address strings. */
  getRangesAddressChars: number;
  /** `Range.getMergedAreasOrNullObject` fails when the range holds more merged areas. */
  mergedAreas: number;
  /**
   * Cells one read of values, text, formulas or number formats may cover, on every platform (Excel's documented
   * limit): beyond, the read fails with `readLimitError`.
   */
  readCells: number;
  /** Over `readCells`, answer null values instead of failing (both are reported against Excel). */
  overReadNull: boolean;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  getRangesAddressChars: 8000,
  mergedAreas: 512,
  readCells: 5_000_000,
  overReadNull: false,
});

/** The whole workbook's state, independent of any request context. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeSheetId: string | undefined;
  selection: { sheetId: string; rect: Rect } | undefined;
  comments: CommentModel[] = [];
  readonly settings = new Map<string, string>();
  readonly names = new Map<string, { name: string; formula: string; comment: string }>();
  author = "Simulated User";

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === lower);
  }

  sheetByNameOrId(key: string): SheetModel | undefined {
    return this.sheetByName(key) ?? this.liveSheets().find((s) => s.id === key);
  }

  addSheet(name: string): SheetModel {
    validateSheetName(name);
    if (this.sheetByName(name))
      throw new SimError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const s = new SheetModel(name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  activeSheet(): SheetModel {
    const s = this.liveSheets().find((x) => x.id === this.activeSheetId) ?? this.liveSheets()[0];
    if (!s) throw new SimError("ItemNotFound", "The workbook has no worksheets.");
    return s;
  }

  newCommentId(): string {
    return newId("COMMENT");
  }

  newObjectId(prefix: string): string {
    return newId(prefix);
  }

  commentAt(sheetId: string, row: number, col: number): CommentModel | undefined {
    return this.comments.find((c) => c.sheetId === sheetId && c.row === row && c.col === col);
  }
}

/** Excel's sheet-name rules: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validateSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    throw new SimError("InvalidArgument", `'${name}' is not a valid worksheet name.`);
}

export { MAX_ROWS, MAX_COLS };
