import type { Grid } from "../grid/types";
import { cellText, compactText, isBlankCell } from "../read/normalise";
import { labelNotes, normaliseLabel } from "./labels";

/** A column the engine knows, by the header words people use for it. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Header texts as normaliseLabel gives them. */
  aliases: readonly string[];
  /** Columns that make a list a list: a row needs one of them to be a header row. */
  anchor?: boolean;
  /** Content columns decide whether a row is a project row; rank, serial and remark do not. */
  content?: boolean;
}

export interface ListColumn {
  col: number;
  header: string;
  /** The unit in the header's brackets, e.g. 万元 in 资助经费（万元）. */
  unit: string | null;
}

export interface FooterLine {
  row: number;
  col: number;
  text: string;
}

export interface ListTable<K extends string = string> {
  headerRow: number;
  columns: Map<K, ListColumn>;
  /** 0-based sheet rows holding projects, in sheet order. */
  rows: number[];
  /** Lines above the header (title, 推荐单位, 填写时间) and below the table (注, 联系人, 盖章). */
  above: FooterLine[];
  below: FooterLine[];
  /** How many header cells were recognised, against how many non-empty header cells there were. */
  matched: number;
  headerCells: number;
}

const MAX_HEADER_SCAN = 40;
// The first cell of a line under the table that ends it: notes, contacts, stamps, dates.
const FOOTER_START =
  /^(注(?:[:：]|$|\d|[一二三四五六七八九十][、.])|备注[:：]|说明[:：]|推荐单位联系人|联系人[:：]|联系方式|联系电话[:：]|填表人|填报人|审核人|盖章|（盖章）|\(盖章\)|主管部门或申报单位|推荐单位[:：（(]|填写时间|填表日期)/;
const TOTAL_ROW = /^(合计|总计|小计|共计)/;

function matchColumn<K extends string>(
  specs: readonly ColumnSpec<K>[],
  header: string,
): ColumnSpec<K> | undefined {
  const norm = normaliseLabel(header);
  if (norm === "") return undefined;
  return specs.find((s) => s.aliases.includes(norm));
}

/** Non-empty cells of a row as {col, text}, reading merged cells once (their top-left). */
function rowTexts(grid: Grid, row: number): FooterLine[] {
  const out: FooterLine[] = [];
  for (let col = 0; col < grid.colCount; col++) {
    const m = grid.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) continue;
    const text = cellText(grid.cell(row, col));
    if (text !== "") out.push({ row, col, text });
  }
  return out;
}

/** The first non-empty cell of a row (top-left of merges), if any. */
function firstText(grid: Grid, row: number): FooterLine | undefined {
  for (let col = 0; col < grid.colCount; col++) {
    const m = grid.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) continue;
    const text = cellText(grid.cell(row, col));
    if (text !== "") return { row, col, text };
  }
  return undefined;
}

const cache = new WeakMap<Grid, Map<readonly ColumnSpec<string>[], ListTable<string> | null>>();

/**
 * Find the header row of a list (under titles and 推荐单位/填写时间 lines), map its headers to known columns,
 * and read the project rows until the table ends. Returns undefined when no row looks like a header.
 */
export function readList<K extends string>(
  grid: Grid,
  specs: readonly ColumnSpec<K>[],
): ListTable<K> | undefined {
  // Every pack asks for the same list of the same grid while recognising: read it once per grid and column set.
  let byGrid = cache.get(grid);
  if (!byGrid) {
    byGrid = new Map();
    cache.set(grid, byGrid);
  }
  const cached = byGrid.get(specs);
  if (cached !== undefined) return (cached ?? undefined) as ListTable<K> | undefined;
  const list = readListUncached(grid, specs);
  byGrid.set(specs, list ?? null);
  return list;
}

function readListUncached<K extends string>(
  grid: Grid,
  specs: readonly ColumnSpec<K>[],
): ListTable<K> | undefined {
  let best: { row: number; columns: Map<K, ListColumn>; cells: number } | undefined;
  const scan = Math.min(grid.rowCount, MAX_HEADER_SCAN);
  for (let row = 0; row < scan; row++) {
    const columns = new Map<K, ListColumn>();
    let cells = 0;
    let anchored = false;
    for (const { col, text } of rowTexts(grid, row)) {
      cells++;
      const spec = matchColumn(specs, text);
      if (!spec || columns.has(spec.key)) continue;
      const notes = labelNotes(text);
      const unit = notes.find((n) => n === "万元" || n === "元") ?? null;
      columns.set(spec.key, { col, header: text, unit });
      if (spec.anchor) anchored = true;
    }
    if (!anchored || columns.size < 2) continue;
    if (!best || columns.size > best.columns.size) best = { row, columns, cells };
  }
  if (!best) return undefined;

  const contentCols: number[] = [];
  for (const spec of specs) {
    const c = best.columns.get(spec.key);
    if (c && spec.content !== false) contentCols.push(c.col);
  }
  const allCols = [...best.columns.values()].map((c) => c.col);
  // A 合计 row says so in its first cell, or in the title column when a 序号 column comes first.
  const titleCol = Math.min(
    ...[...best.columns.values()].map((c) => c.col).filter((c) => c > 0),
    grid.colCount,
  );
  const above: FooterLine[] = [];
  for (let row = 0; row < best.row; row++) above.push(...rowTexts(grid, row));

  const rows: number[] = [];
  const placeholderRows: number[] = [];
  const below: FooterLine[] = [];
  let ended = false;
  for (let row = best.row + 1; row < grid.rowCount; row++) {
    if (ended) {
      below.push(...rowTexts(grid, row));
      continue;
    }
    // Only the first cells decide what a row is; reading the whole row would cost on 100,000-row lists.
    const first = firstText(grid, row);
    if (!first) continue;
    if (FOOTER_START.test(compactText(first.text))) {
      ended = true;
      below.push(...rowTexts(grid, row));
      continue;
    }
    if (
      TOTAL_ROW.test(compactText(first.text)) ||
      (first.col < titleCol && TOTAL_ROW.test(compactText(cellText(grid.cell(row, titleCol)))))
    )
      continue;
    if (contentCols.some((c) => !isBlankCell(grid.cell(row, c)))) rows.push(row);
    else if (allCols.some((c) => !isBlankCell(grid.cell(row, c)))) placeholderRows.push(row);
  }
  // Rows with only a pre-printed rank or a remark are the template's empty lines: they count only while the whole
  // list is still blank, so a blank template still shows what has to be filled in.
  const dataRows = rows.length > 0 ? rows : placeholderRows;
  return {
    headerRow: best.row,
    columns: best.columns,
    rows: dataRows,
    above,
    below,
    matched: best.columns.size,
    headerCells: best.cells,
  };
}
