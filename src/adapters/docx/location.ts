// Where a finding is in a Word form, said so the user can find it: "表1 第5行 第2格 “办班时间”". A Word document has
// no cell addresses; tables, rows and cells counted as a reader counts them, and the label of the field, do.
import type { Text } from "../../core/findings";
import type { Grid } from "../../core/grid/types";
import { recogniseSheet } from "../../core/check";
import { cellText } from "../../core/read/normalise";
import { placeAt, type DocxPlace, type DocxRead } from "./read-docx";

/** A finding's place in a Word document, as data (the CLI's JSON `location`) and as words. */
export interface DocxLocation {
  /** The top-level table (1-based), or null for a paragraph outside tables. */
  table: number | null;
  /** The row within the table (1-based), or the paragraph's number outside tables. */
  row: number;
  /** The cell within the row (1-based, as a reader counts them), or null outside tables. */
  cell: number | null;
  /** The field's label (the cell before it, or the list's column header), when there is one. */
  label: string | null;
  text: Text;
}

const LABEL_MAX = 20;

function shortText(grid: Grid, row: number, col: number): string {
  const text = cellText(grid.cell(row, col)).replace(/\s+/g, "");
  return text.length > 0 && text.length <= LABEL_MAX ? text : "";
}

/** The top-left cell of the merged area holding (row, col), or the cell itself. */
function origin(grid: Grid, row: number, col: number): { row: number; col: number } {
  const m = grid.mergeAt(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

/**
 * The labels of the form's fields by their label and value cells ("row:col" of the cell's top-left), as the engine's
 * form reader matched them: the surest name for a finding's cell. Empty when the document is not a recognised form.
 */
export function formLabels(grid: Grid): Map<string, string> {
  const labels = new Map<string, string>();
  const form = recogniseSheet(grid)?.recognition.form;
  if (!form) return labels;
  for (const field of form.fields.values()) {
    const text = cellText(grid.cell(field.labelRow, field.labelCol));
    // "申报时间：2026年4月1日" holds label and value together: the label is the part before the colon.
    const label = text.split(/[:：]/)[0]?.replace(/\s+/g, "") ?? "";
    if (label === "" || label.length > LABEL_MAX) continue;
    // A finding sits on the value, or on the label itself when the value is missing.
    for (const [r, c] of [
      [field.labelRow, field.labelCol],
      [field.valueRow, field.valueCol],
    ] as const) {
      const at = origin(grid, r, c);
      labels.set(`${at.row}:${at.col}`, label);
    }
  }
  return labels;
}

/**
 * The label of the field at (row, col): the label the form reader matched to that cell, else the nearest short text
 * to its left in the same table row (or the column's header in a list).
 */
function labelOf(
  read: DocxRead,
  row: number,
  col: number,
  place: DocxPlace,
  labels: ReadonlyMap<string, string>,
): string | null {
  if (place.kind !== "cell") return null;
  const grid = read.grid;
  const at = origin(grid, row, col);
  const matched = labels.get(`${at.row}:${at.col}`);
  if (matched) return matched;
  // In a list (a header row of short texts above rows of values), the label is the column's header.
  const tableTop = at.row - (place.row - 1);
  if (place.row > 1) {
    const header = shortText(grid, tableTop, at.col);
    const headers = Array.from({ length: grid.rowWidth(tableTop) }, (_, c) =>
      shortText(grid, tableTop, c),
    ).filter((t) => t !== "").length;
    if (header !== "" && headers >= 3 && grid.rowWidth(at.row) >= 3 && !grid.mergeAt(tableTop, at.col)) {
      const left = at.col > 0 ? shortText(grid, at.row, 0) : "";
      if (/^\d+$/.test(left) || at.col === 0) return header;
    }
  }
  for (let c = at.col - 1; c >= 0; c--) {
    const o = origin(grid, at.row, c);
    if (o.row !== at.row && o.col === c) continue;
    const text = shortText(grid, o.row, o.col);
    if (text !== "") return text;
    if (cellText(grid.cell(o.row, o.col)) !== "") return null;
  }
  // A finding on a label itself (its value missing) names that label.
  const own = shortText(grid, at.row, at.col);
  return own !== "" ? own : null;
}

/** The location of grid cell (row, col) of a Word form. */
export function docxLocation(
  read: DocxRead,
  row: number,
  col: number,
  labels: ReadonlyMap<string, string> = new Map(),
): DocxLocation | null {
  const place = placeAt(read, row, col);
  if (!place) return null;
  const label = labelOf(read, row, col, place, labels);
  const quoted = label ? ` “${label}”` : "";
  if (place.kind === "paragraph") {
    // The paragraph's opening words, so "正文第3段" can be found at a glance.
    const words = cellText(read.grid.cell(row, 0)).replace(/\s+/g, "");
    const shown = words.length > LABEL_MAX ? `${words.slice(0, LABEL_MAX)}…` : words;
    const quote = shown ? ` “${shown}”` : "";
    return {
      table: null,
      row: place.paragraph,
      cell: null,
      label: null,
      text: { zh: `正文第${place.paragraph}段${quote}`, en: `paragraph ${place.paragraph}${quote}` },
    };
  }
  return {
    table: place.table,
    row: place.row,
    cell: place.cell,
    label,
    text: {
      zh: `表${place.table} 第${place.row}行 第${place.cell}格${quoted}`,
      en: `table ${place.table} row ${place.row} cell ${place.cell}${quoted}`,
    },
  };
}
