import { columnLetters, toRangeA1 } from "../../core/grid/a1";
import type { MergeArea } from "../../core/grid/types";
import type { CellStyle, LayoutCell, ListValidation, SheetLayout } from "../../core/templates/layout";
import { chunkAddresses, cellRects, rectAddress } from "./addresses";
import { cellInput } from "./write-cells";

/**
 * Excel's column width in characters to the points Office.js takes: a character is the width of the default
 * font's digit (7 px at 11 pt), plus 5 px of padding; 96 px make 72 pt.
 */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A sheet name not yet taken: "申报表", then "申报表 (2)", … within Excel's 31 characters and allowed characters. */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, "")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet";
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function bounds(cells: readonly LayoutCell[]): MergeArea | undefined {
  if (cells.length === 0) return undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/** A 2-D array over `area` with `f` where a cell has something to write and null (leave alone) elsewhere. */
function sparse<T>(
  area: MergeArea,
  cells: readonly LayoutCell[],
  f: (c: LayoutCell) => T | undefined,
): Array<Array<T | null>> {
  const out: Array<Array<T | null>> = Array.from({ length: area.bottom - area.top + 1 }, () =>
    new Array<T | null>(area.right - area.left + 1).fill(null),
  );
  for (const c of cells) {
    const v = f(c);
    const line = out[c.row - area.top];
    if (v !== undefined && line) line[c.col - area.left] = v;
  }
  return out;
}

/**
 * What is written for a constant. `formulas` reads a string as Excel reads typed input ("001" a number, "TRUE" a
 * boolean, "1:30" a time, "=x" a formula), so text goes in under the same rule as writeCells: anything Excel could
 * read otherwise gets the apostrophe that keeps it text (and is not part of the value).
 */
function constant(v: string | number): string | number {
  return cellInput(v);
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

function styleKey(s: CellStyle): string {
  const { numberFormat: _numberFormat, ...rest } = s;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

function applyFormat(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.fontName !== undefined) format.font.name = s.fontName;
  if (s.color !== undefined) format.font.color = s.color;
  if (s.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.fill !== undefined) format.fill.color = s.fill;
}

function hasFormat(s: CellStyle): boolean {
  return Object.keys(s).some((k) => k !== "numberFormat");
}

/** The dropdown's source: the layout's formula, or the items typed into the rule (Excel allows 255 characters). */
function listSource(v: ListValidation): string {
  if (v.formula !== undefined) return v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
  return v.list.join(",");
}

function runsOf(values: Array<[number, number]>): Array<{ from: number; to: number; value: number }> {
  const runs: Array<{ from: number; to: number; value: number }> = [];
  for (const [i, v] of values.sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1 && last.value === v) last.to = i;
    else runs.push({ from: i, to: i, value: v });
  }
  return runs;
}

/**
 * Queues everything a layout draws onto a new, empty sheet: values and formulas (two writes over the bounding
 * range), number formats, styles grouped by look through getRanges, merges, thin borders, widths, heights, hidden
 * helper columns, list validations, page setup (PageLayout, ExcelApi 1.9), page breaks and charts. No sync here.
 */
export function queueLayout(ws: Excel.Worksheet, layout: SheetLayout): void {
  const written = layout.cells.filter((c) => c.value !== undefined || c.formula !== undefined);
  const area = bounds(written);
  if (area)
    ws.getRange(rectAddress(area)).formulas = sparse(area, written, (c) =>
      c.formula !== undefined ? c.formula : c.value !== undefined ? constant(c.value) : undefined,
    );
  const formatted = layout.cells.filter((c) => c.style?.numberFormat !== undefined);
  const formatArea = bounds(formatted);
  if (formatArea)
    ws.getRange(rectAddress(formatArea)).numberFormat = sparse(
      formatArea,
      formatted,
      (c) => c.style?.numberFormat,
    );

  const byStyle = new Map<string, { style: CellStyle; cells: LayoutCell[] }>();
  for (const c of layout.cells) {
    if (!c.style || !hasFormat(c.style)) continue;
    const key = styleKey(c.style);
    const group = byStyle.get(key);
    if (group) group.cells.push(c);
    else byStyle.set(key, { style: c.style, cells: [c] });
  }
  for (const { style, cells } of byStyle.values())
    for (const chunk of chunkAddresses(cellRects(cells).map(rectAddress)))
      applyFormat(ws.getRanges(chunk).format, style);

  for (const m of layout.merges) ws.getRange(rectAddress(m)).merge(false);

  for (const b of layout.borders) {
    const borders = ws.getRange(rectAddress(b)).format.borders;
    const sides: Excel.BorderIndex[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ] as Excel.BorderIndex[];
    if (b.bottom > b.top) sides.push("InsideHorizontal" as Excel.BorderIndex);
    if (b.right > b.left) sides.push("InsideVertical" as Excel.BorderIndex);
    for (const side of sides) {
      const border = borders.getItem(side);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }

  for (const run of runsOf(layout.columnWidths.map((w, i) => [i, w])))
    ws.getRange(`${columnLetters(run.from)}:${columnLetters(run.to)}`).format.columnWidth = widthToPoints(
      run.value,
    );
  for (const run of runsOf(Object.entries(layout.rowHeights).map(([r, h]) => [Number(r), h])))
    ws.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.value;
  for (const col of layout.hiddenColumns ?? [])
    ws.getRange(`${columnLetters(col)}:${columnLetters(col)}`).columnHidden = true;

  for (const v of layout.validations) {
    const dv = ws.getRange(rectAddress(v.area)).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: listSource(v) } };
    dv.errorAlert = { showAlert: true, style: ERROR_STYLE[v.errorStyle ?? "stop"], title: "", message: "" };
    // Excel refuses prompts longer than 255 characters.
    if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt.slice(0, 255) };
  }

  const p = layout.print;
  const page = ws.pageLayout;
  page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  page.setPrintMargins("Inches", { ...p.margins });
  // One page wide, as many pages down as needed (0, as in the file format's fitToHeight).
  page.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  page.setPrintArea(rectAddress(p.printArea));
  if (p.repeatRows) page.setPrintTitleRows(`$${p.repeatRows[0] + 1}:$${p.repeatRows[1] + 1}`);
  page.centerHorizontally = p.centerHorizontally ?? false;
  for (const row of layout.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row + 2}`);
  if (layout.showGridLines === false) ws.showGridlines = false;

  for (const chart of layout.charts ?? []) {
    const c = ws.charts.add(
      chart.kind === "bar" ? "BarClustered" : "ColumnClustered",
      ws.getRange(rectAddress(chart.values)),
      "Columns",
    );
    c.title.text = chart.title;
    c.legend.visible = false;
    c.series.getItemAt(0).setXAxisValues(ws.getRange(rectAddress(chart.categories)));
    const a = chart.anchor;
    c.setPosition(
      toRangeA1(a.row, a.col, a.row, a.col),
      toRangeA1(a.row + a.rows - 1, a.col + a.cols - 1, a.row + a.rows - 1, a.col + a.cols - 1),
    );
  }
}
