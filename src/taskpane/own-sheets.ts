// Sheets the add-in made itself, told apart before they are checked: the 校验结果 sheet of an annotated copy (opened
// again, it is ours, not an "unrecognised" table) and an official table inserted blank from the 表格 tab (not yet
// filled in, so "blank template" rather than a required-value error in every field).

import type { Grid } from "../core/grid/types";
import type { SheetLayout } from "../core/templates/layout";
import { TEMPLATES } from "../core/templates/registry";
import type { Template } from "../core/templates/types";

export type OwnSheet = { kind: "results" } | { kind: "blank-template"; template: Template };

/** The results sheet's name as the annotated copy writes it, numbered when the name was taken ("校验结果 (2)"). */
const RESULTS_NAME = /^(校验结果|Check results)( \(\d+\))?$/;
/** The first cells of its header row, in either language (annotate.ts writes them). */
const RESULTS_HEADER = [
  ["工作表", "单元格", "严重程度"],
  ["Sheet", "Cell", "Severity"],
];

function text(grid: Grid, row: number, col: number): string {
  const cell = grid.cell(row, col);
  if (cell.value === null) return "";
  return (cell.text !== "" ? cell.text : String(cell.value)).trim();
}

function isResultsSheet(grid: Grid): boolean {
  if (!RESULTS_NAME.test(grid.name)) return false;
  return RESULTS_HEADER.some((header) => header.every((word, col) => text(grid, 0, col) === word));
}

let layouts: Array<{ template: Template; cells: Map<string, string> }> | undefined;

/** Every template's drawn text by cell, built once (drawing all of them takes a few milliseconds). */
function templateTexts(): Array<{ template: Template; cells: Map<string, string> }> {
  layouts ??= TEMPLATES.map((template) => {
    const layout: SheetLayout = template.build();
    const cells = new Map<string, string>();
    for (const c of layout.cells)
      if (c.value !== undefined && String(c.value).trim() !== "")
        cells.set(`${c.row}:${c.col}`, String(c.value).trim());
    return { template, cells };
  });
  return layouts;
}

/**
 * The official table this sheet is, unfilled: every non-empty cell holds exactly the template's own text at the
 * same place (titles, labels, □ options), and it holds most of that text (so a sheet with a copied title alone is
 * not taken for one). Null when anything was typed into it.
 */
function blankTemplateOf(grid: Grid): Template | null {
  let filled = 0;
  const seen: Array<[string, string]> = [];
  for (let r = 0; r < grid.rowCount; r++)
    for (let c = 0; c < grid.colCount; c++) {
      const value = text(grid, r, c);
      if (value === "") continue;
      filled++;
      seen.push([`${r}:${c}`, value]);
    }
  if (filled === 0) return null;
  for (const { template, cells } of templateTexts()) {
    if (cells.size === 0) continue;
    if (seen.every(([at, value]) => cells.get(at) === value) && filled >= cells.size * 0.8) return template;
  }
  return null;
}

/** What the add-in made this sheet as, or null for a sheet of the user's. */
export function ownSheetOf(grid: Grid): OwnSheet | null {
  if (isResultsSheet(grid)) return { kind: "results" };
  const template = blankTemplateOf(grid);
  return template ? { kind: "blank-template", template } : null;
}
