import { toA1 } from "../grid/a1";
import { rangeFigure, type PackData } from "../packs/data";
import type {
  DropdownData,
  GridCellData,
  GridLayoutData,
  GridRowData,
  TemplateData,
} from "../packs/template-schema";
import { LayoutBuilder, type PutOptions } from "./builder";
import type { ListValidation, SheetLayout } from "./layout";
import { heightForLines } from "./measure";
import { mergedDown, styleOf, STYLES } from "./styles";
import { fillText, noteLines } from "./text";
import type { FormDraft, FormSlot } from "./types";

/** The kinds of grid row (templates/*.yaml grid.rows): each row has exactly one of these keys. */
export const GRID_ROW_KINDS = ["line", "gap", "cells", "block", "repeat", "notes"] as const;

/** The placeholders a grid's texts may hold besides the pack's: the template's own title and 附件N, a repeat's item. */
export const GRID_PLACEHOLDERS = ["title", "attachment", "item"] as const;

/** The items a repeat runs over, as the texts and keys of its rows show them ({item}). */
export function repeatItems(pack: PackData, over: NonNullable<GridRowData["repeat"]>["over"]): string[] {
  const span = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  if (over.figure !== undefined) {
    const { min, max } = rangeFigure(pack, over.figure).value;
    return span(min, max);
  }
  if (over.yearsBack !== undefined) return span(pack.year - over.yearsBack, pack.year - 1);
  if (over.count !== undefined) return span(1, over.count);
  return [...(over.values ?? [])];
}

/** A total as the templates write it (fill.ts works out its value): blank until one of the cells has a number. */
const totalFormula = (from: string, to: string) => `=IF(COUNT(${from}:${to})=0,"",SUM(${from}:${to}))`;

const glob = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);

/** The sheet rows these grid rows take, repeats and blocks counted out. */
function heightOf(pack: PackData, rows: readonly GridRowData[]): number {
  return rows.reduce(
    (n, row) =>
      n +
      (row.block
        ? heightOf(pack, row.block.rows)
        : row.repeat
          ? repeatItems(pack, row.repeat.over).length * heightOf(pack, row.repeat.rows)
          : 1),
    0,
  );
}

interface Total {
  row: number;
  col: number;
  patterns: string[];
}

/** Totals last: the cells they add up may come after them (师资团队总人数 over the two rows below it). */
function writeTotals(
  layout: SheetLayout,
  slots: Readonly<Record<string, FormSlot>>,
  totals: readonly Total[],
): void {
  for (const total of totals) {
    const matched = Object.entries(slots)
      .filter(([key]) => total.patterns.some((p) => glob(p).test(key)))
      .map(([, s]) => s);
    if (matched.length === 0) throw new Error(`合计“${total.patterns.join("、")}”没有对应的填写格（key）`);
    const top = Math.min(...matched.map((s) => s.row));
    const bottom = Math.max(...matched.map((s) => s.row));
    const left = Math.min(...matched.map((s) => s.col));
    const right = Math.max(...matched.map((s) => s.col));
    const cell = layout.cells.find((c) => c.row === total.row && c.col === total.col);
    if (cell) cell.formula = totalFormula(toA1(top, left), toA1(bottom, right));
  }
}

/**
 * A form of any shape drawn from a grid of cells (the 培训机构申报表: a cover page, then six-column tables whose rows
 * repeat per year), with where each answer goes. Dropdowns over repeated rows come as the rows are drawn, the cells'
 * own dropdowns after every row, as forms do.
 */
export function drawGrid(
  pack: PackData,
  t: TemplateData,
  grid: GridLayoutData,
  /** The validation of a dropdown over an area (the cell's text for a □ group's ticked variants). */
  dropdownOf: (area: ListValidation["area"], d: DropdownData, text: string) => ListValidation,
): FormDraft {
  const b = new LayoutBuilder(t.sheet, grid.columns);
  const slots: Record<string, FormSlot> = {};
  const totals: Total[] = [];
  const cellDropdowns: Array<{ row: number; col: number; dropdown: DropdownData; text: string }> = [];
  const title = fillText(t.title, pack);
  const withItem = (s: string, item: string | undefined) =>
    item === undefined ? s : s.replace(/\{item\}/g, item);
  const text = (s: string, item: string | undefined) =>
    fillText(
      withItem(s, item)
        .replace(/\{title\}/g, title)
        .replace(/\{attachment\}/g, t.attachment),
      pack,
    );

  const putCell = (row: number, c: GridCellData, item: string | undefined) => {
    const rows = c.rows ?? 1;
    // A blank (a key or a total) looks like a value, other cells like a label merged down its rows.
    const style =
      c.style !== undefined
        ? styleOf(c.style, STYLES.value)
        : c.key !== undefined || c.total !== undefined
          ? STYLES.value
          : mergedDown(STYLES.label, rows);
    const options: PutOptions = { rows, cols: c.cols ?? 1 };
    if (c.border === false) options.border = false;
    const value = c.text === undefined ? undefined : text(c.text, item);
    b.put(row, c.col, value, style, options);
    if (c.key !== undefined)
      slots[withItem(c.key, item)] = { row, col: c.col, kind: "text", ...(c.slot ?? {}) };
    if (c.total) totals.push({ row, col: c.col, patterns: c.total.map((p) => withItem(p, item)) });
    if (c.dropdown) cellDropdowns.push({ row, col: c.col, dropdown: c.dropdown, text: value ?? "" });
  };

  let r = 0;
  const drawRows = (rows: readonly GridRowData[], item: string | undefined, path: string): void =>
    rows.forEach((row, i) => drawRow(row, item, `${path}.${i}`));
  const drawRow = (row: GridRowData, item: string | undefined, path: string): void => {
    const kinds = GRID_ROW_KINDS.filter((k) => row[k] !== undefined);
    if (kinds.length !== 1) throw new Error(`${path}：每行要有且只有一种：${GRID_ROW_KINDS.join("、")}`);
    const at = r;
    if (row.line) b.line(r++, text(row.line.text, item), styleOf(row.line.style, STYLES.line));
    else if (row.gap !== undefined) b.fixHeight(r++, row.gap);
    else if (row.cells) {
      for (const c of row.cells) putCell(r, c, item);
      r++;
    } else if (row.block) {
      const rows = heightOf(pack, row.block.rows);
      for (const c of row.block.cells) putCell(r, { ...c, rows: c.rows ?? rows }, item);
      drawRows(row.block.rows, item, `${path}.block.rows`);
    } else if (row.repeat) {
      const top = r;
      for (const each of repeatItems(pack, row.repeat.over))
        drawRows(row.repeat.rows, each, `${path}.repeat.rows`);
      for (const d of row.repeat.dropdowns ?? []) {
        const { col, ...dropdown } = d;
        b.validate(dropdownOf({ top, left: col, bottom: r - 1, right: col }, dropdown, ""));
      }
    } else if (row.notes) b.line(r++, noteLines(row.notes, pack).join("\n"), STYLES.note);
    if (row.minHeight !== undefined) b.minHeight(at, row.minHeight);
    if (row.minLines !== undefined) b.minHeight(at, heightForLines(row.minLines));
    if (row.pageBreak) b.breakAfter(r - 1);
  };
  drawRows(grid.rows, undefined, "grid.rows");
  for (const { row, col, dropdown, text: cellText } of cellDropdowns)
    b.validate(dropdownOf({ top: row, left: col, bottom: row, right: col }, dropdown, cellText));

  const layout = b.build({ orientation: grid.orientation });
  writeTotals(layout, slots, totals);
  return { layout, slots };
}
