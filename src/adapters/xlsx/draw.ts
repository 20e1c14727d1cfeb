import type ExcelJS from "exceljs";
import { columnLetters } from "../../core/grid/a1";
import type { MergeArea } from "../../core/grid/types";
import { fontFace, GB2312_CHARSET } from "../../core/templates/fonts";
import type { CellStyle, ListValidation, SheetLayout } from "../../core/templates/layout";

/** ExcelJS colours are ARGB: "#1F4E79" → "FF1F4E79". */
const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** An ExcelJS font from a layout style; the font family and GB2312 charset tell a host without the face what to use. */
function fontOf(style: CellStyle): Partial<ExcelJS.Font> {
  const font: Partial<ExcelJS.Font> = {};
  if (style.fontName) {
    font.name = style.fontName;
    const face = fontFace(style.fontName);
    if (face) {
      // OOXML font families: 1 Roman (serif), 2 Swiss (sans).
      font.family = face.family === "serif" ? 1 : 2;
      font.charset = GB2312_CHARSET;
    }
  }
  if (style.fontSize) font.size = style.fontSize;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.color) font.color = { argb: argb(style.color) };
  return font;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  // Fresh objects every time: ExcelJS shares style objects by reference, so one cell's change would leak into others.
  const font = fontOf(style);
  if (Object.keys(font).length > 0) cell.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function forEachCell(area: MergeArea, fn: (row: number, col: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c);
}

/** An ExcelJS list validation: literal items in quotes, or the layout's formula (a helper range, OFFSET …). */
function validationOf(v: ListValidation): ExcelJS.DataValidation {
  const formula = v.formula !== undefined ? v.formula.replace(/^=/, "") : `"${v.list.join(",")}"`;
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: v.errorStyle ?? "stop",
  };
  if (v.prompt) {
    validation.showInputMessage = true;
    // Excel refuses input messages longer than 255 characters.
    validation.prompt = v.prompt.slice(0, 255);
  }
  return validation;
}

/**
 * Draws a layout into an (empty) ExcelJS worksheet: values and formulas, fonts and alignment, merges, thin borders,
 * column widths (hidden helper columns too), row heights, dropdown lists, page breaks and the A4 print setup
 * (fit to one page wide, any height; print area; title rows repeated on every page). Charts are left out: ExcelJS
 * cannot write them (the Office adapter draws them).
 */
export function drawLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const col of layout.hiddenColumns ?? []) ws.getColumn(col + 1).hidden = true;
  for (const [row, height] of Object.entries(layout.rowHeights)) ws.getRow(Number(row) + 1).height = height;

  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) {
      const formula: ExcelJS.CellFormulaValue = { formula: c.formula.replace(/^=/, ""), date1904: false };
      if (c.value !== undefined) formula.result = c.value;
      cell.value = formula;
    } else if (c.value !== undefined) cell.value = c.value;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const area of layout.borders)
    forEachCell(area, (r, c) => {
      ws.getCell(r + 1, c + 1).border = {
        top: { ...THIN },
        left: { ...THIN },
        bottom: { ...THIN },
        right: { ...THIN },
      };
    });
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const v of layout.validations) {
    const validation = validationOf(v);
    forEachCell(v.area, (r, c) => {
      ws.getCell(r + 1, c + 1).dataValidation = { ...validation, formulae: [...validation.formulae] };
    });
  }
  for (const row of layout.rowBreaks ?? []) ws.getRow(row + 1).addPageBreak();

  const p = layout.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    margins: { ...p.margins },
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    // 0: as many pages down as the content needs.
    fitToHeight: 0,
    // ExcelJS writes the defined name as `'Sheet'!$<start>:$<end>`, putting a "$" only before each part; "A$1:E$28"
    // comes out as the absolute $A$1:$E$28 (a relative print area would move with the active cell).
    printArea: `${columnLetters(p.printArea.left)}$${p.printArea.top + 1}:${columnLetters(p.printArea.right)}$${p.printArea.bottom + 1}`,
    horizontalCentered: p.centerHorizontally ?? false,
  };
  if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows[0] + 1}:${p.repeatRows[1] + 1}`;
  if (layout.showGridLines === false) ws.views = [{ showGridLines: false }];
}

/** A sheet name not yet in the workbook: "申报表", then "申报表 (2)", … within Excel's 31 characters. */
export function uniqueSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  // Excel forbids []:*?/\ in sheet names; apostrophes are dropped too (ExcelJS does not escape them in print areas).
  const base = wanted.replace(/[[\]:*?/\\']/g, "").slice(0, 31) || "Sheet";
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Adds a worksheet drawn from the layout under a unique name; returns it. */
export function addLayoutSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(uniqueSheetName(wb, layout.name));
  drawLayout(ws, layout);
  return ws;
}
