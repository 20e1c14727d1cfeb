import { isUncalculated } from "../grid/grid";
import type { CellRef, Grid, MergeArea } from "../grid/types";
import { cellText, compactText, isBlankCell, needsCompacting } from "../read/normalise";
import { FILL_DOWN_COLUMNS, GROUP_COLUMNS, LIST_COLUMNS, SPLIT_COLUMNS, SUB_COLUMNS } from "./columns";
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
  /** The column's header as shown: the sub-header with its parent ("学员人数 › 其中基层") in a banded header. */
  header: string;
  /** Every header text over the column, top to bottom (学员人数, 其中基层); one entry in a one-row header. */
  path: readonly string[];
  /** The cell of the header text that named the column (the top-left of its merge), for column-wide findings. */
  headerAt: { row: number; col: number };
  /** The unit in the header's brackets, e.g. 万元 in 资助经费（万元）. */
  unit: string | null;
}

export interface FooterLine {
  row: number;
  col: number;
  text: string;
  /** Set when the cell holds a formula whose value is unknown (its text is then ""). */
  uncalculated?: boolean;
}

export interface ListTable<K extends string = string> {
  /** The first row of the header band (titles and 推荐单位/填写时间 lines are above it). */
  bandTop: number;
  /** The last row of the header band: the data start under it. Equal to bandTop for a one-row header. */
  headerRow: number;
  columns: Map<K, ListColumn>;
  /** 0-based sheet rows holding projects, in sheet order. */
  rows: number[];
  /**
   * Where a group column's value comes from for rows that do not hold it themselves: a cell merged downwards over
   * the rows, or (for 推荐单位 and 领域) the group's first cell with the rows below left blank. Key → row → source.
   */
  fills: Map<K, Map<number, { row: number; col: number }>>;
  /**
   * Section rows inside the table ("一、市经济信息化委" merged across the table) that head their own ranking (the
   * 推荐排序 starts again at 1 under each): the groups of a list that has no 推荐单位 column. Empty otherwise.
   */
  sections: ListSection[];
  /** Lines above the header (title, 推荐单位, 填写时间) and below the table (注, 联系人, 盖章). */
  above: FooterLine[];
  below: FooterLine[];
  /** How many header cells were recognised, against how many non-empty header cells there were. */
  matched: number;
  headerCells: number;
}

export interface ListSection {
  row: number;
  col: number;
  /** The label without its numbering: "一、市经济信息化委" → "市经济信息化委". */
  text: string;
  /** The project rows under it, up to the next section. */
  rows: number[];
}

/** How sub-headers combine with their parent and which columns group rows (see columns.ts for the list's own). */
export interface ListModel<K extends string> {
  sub: ReadonlyArray<{ parent: readonly K[]; words: readonly string[]; key: K }>;
  group: readonly K[];
  fillDown: readonly K[];
  /** A header merged over exactly two columns that are two halves of one field (办班时间 → 开始, 结束). */
  split: ReadonlyArray<{ key: K; into: readonly [K, K] }>;
  /** The rank column whose restart at 1 makes section rows the groups of a list (see ListTable.sections). */
  rank?: K;
}

const MAX_HEADER_SCAN = 40;
// A header is at most three rows: a parent (学员情况), a sub-parent (学员人数) and the sub-columns (总数 | 其中基层).
const MAX_BAND_ROWS = 3;
const MAX_HEADER_TEXT = 24;
// The first cell of a line under the table that ends it: notes, contacts, stamps, dates.
const FOOTER_START =
  /^(注(?:[:：]|$|\d|[一二三四五六七八九十][、.])|备注[:：]|说明[:：]|推荐单位联系人|联系人[:：]|联系方式|联系电话[:：]|填表人|填报人|审核人|盖章|（盖章）|\(盖章\)|主管部门或申报单位|推荐单位[:：（(]|填写时间|填表日期)/;
const TOTAL_ROW = /^(合计|总计|小计|共计)/;
// The first characters FOOTER_START and TOTAL_ROW can match: nearly every row of a list starts with a serial number
// or a title, and this test spares it the regexes. (By code: charAt would make a string of each CJK character.)
const FOOTER_FIRST = new Set([..."注备说推联填审盖（(主"].map((c) => c.charCodeAt(0)));
const TOTAL_FIRST = new Set([..."合总小共"].map((c) => c.charCodeAt(0)));

/** Compacted text that starts a 合计 row. */
function isTotal(t: string): boolean {
  return TOTAL_FIRST.has(t.charCodeAt(0)) && TOTAL_ROW.test(t);
}

/**
 * isTotal(compactText(text)), compacting only when the first character could make it true: compacting keeps a first
 * character that is neither space nor full-width, and the titles of a long list are compacted elsewhere anyway.
 */
function startsTotal(text: string): boolean {
  if (text === "") return false;
  const c = text.charCodeAt(0);
  return (TOTAL_FIRST.has(c) || needsCompacting(c)) && isTotal(compactText(text));
}

/** Whether any of the columns has a non-blank cell in the row. */
function anyFilled(grid: Grid, row: number, cols: readonly number[]): boolean {
  for (const c of cols) if (!isBlankCell(grid.cell(row, c))) return true;
  return false;
}
// A title line over a table names the table or the year; a parent header does not.
const TITLE_WORDS = /表$|名单$|清单$|一览|20\d\d|年度|[:：]/;

function matchColumn<K extends string>(
  specs: readonly ColumnSpec<K>[],
  header: string,
): ColumnSpec<K> | undefined {
  const norm = normaliseLabel(header);
  if (norm === "") return undefined;
  // "其中：基层人数" is 基层人数 said as a part of the column before it.
  const bare = norm.startsWith("其中") ? norm.slice(2).replace(/^[:：]/, "") : norm;
  return specs.find((s) => s.aliases.includes(norm) || (bare !== norm && s.aliases.includes(bare)));
}

/** Non-empty cells of a row as {col, text}, reading merged cells once (their top-left). */
function rowTexts(grid: Grid, row: number): FooterLine[] {
  const out: FooterLine[] = [];
  // Text stands only in cells present (a merge's text is at its top-left), so the row's own width is enough.
  for (let col = 0; col < grid.rowWidth(row); col++) {
    const m = grid.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) continue;
    const cell = grid.cell(row, col);
    const text = cellText(cell);
    if (text !== "") out.push({ row, col, text });
    else if (isUncalculated(cell)) out.push({ row, col, text: "", uncalculated: true });
  }
  return out;
}

/** The first non-empty cell of a row (top-left of merges), if any. */
function firstText(grid: Grid, row: number): FooterLine | undefined {
  for (let col = 0; col < grid.rowWidth(row); col++) {
    const m = grid.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) continue;
    const text = cellText(grid.cell(row, col));
    if (text !== "") return { row, col, text };
  }
  return undefined;
}

/** A cell of the header band: its text, and whether it is covered by a merge that starts in an earlier row. */
function bandCell(
  grid: Grid,
  row: number,
  col: number,
): { text: string; fromAbove: boolean; merge?: MergeArea } {
  const m = grid.mergeAt(row, col);
  if (m) {
    if (m.top < row) return { text: "", fromAbove: true, merge: m };
    return { text: cellText(grid.cell(m.top, m.left)), fromAbove: false, merge: m };
  }
  return { text: cellText(grid.cell(row, col)), fromAbove: false };
}

/** Whether a cell could be header text: short text, not a number, date or a line of its own (注：…, 合计). */
function isHeaderText(grid: Grid, row: number, col: number, text: string): boolean {
  const value = grid.cell(row, col).value;
  if (typeof value !== "string") return false;
  const t = compactText(text);
  return t.length <= MAX_HEADER_TEXT && !FOOTER_START.test(t) && !TOTAL_ROW.test(t);
}

/**
 * The columns a parent cell of row `row` stands over: its merge's width, or, written once without a merge, itself and
 * the blank cells to its right under which a lower header row (down to `last`) holds sub-headers.
 */
function parentSpan(
  grid: Grid,
  row: number,
  col: number,
  right: number,
  last: number,
): { left: number; right: number } {
  const m = grid.mergeAt(row, col);
  if (m) return { left: m.left, right: m.right };
  let end = col;
  for (let c = col + 1; c <= right; c++) {
    const here = bandCell(grid, row, c);
    if (here.text !== "" || here.fromAbove || here.merge) break;
    let under = false;
    for (let r = row + 1; r <= last && !under; r++) {
      const below = bandCell(grid, r, c);
      // A sub-header is words: the numbers or units of a row under the header stand under every column alike.
      under =
        below.text !== "" &&
        !below.fromAbove &&
        typeof (below.merge ? grid.cell(below.merge.top, below.merge.left) : grid.cell(r, c)).value ===
          "string" &&
        !UNIT_ONLY.test(compactText(below.text));
    }
    if (!under) break;
    end = c;
  }
  return { left: col, right: end };
}

/**
 * Row `sub` is a sub-header row of a band ending at row `sub - 1`: every text in it is short header text that
 * stands under a parent spanning two or more columns (or under a blank band cell), and the title column is blank or
 * merged down from the band. A project row has a title; the template's numbered blank rows hold numbers.
 */
function isSubHeaderRow(grid: Grid, sub: number, titleCol: number, right: number): boolean {
  if (sub >= grid.rowCount) return false;
  const title = bandCell(grid, sub, titleCol);
  if (title.text !== "" && !title.fromAbove) return false;
  let texts = 0;
  for (let col = 0; col <= right; col++) {
    const here = bandCell(grid, sub, col);
    if (here.fromAbove || here.text === "") continue;
    if (here.merge && here.merge.left !== col) continue;
    if (!isHeaderText(grid, sub, here.merge ? here.merge.left : col, here.text)) return false;
    // What stands over it: a parent of two or more columns, or nothing at all.
    let over = false;
    for (let r = sub - 1; r >= Math.max(0, sub - MAX_BAND_ROWS); r--) {
      const up = bandCell(grid, r, col);
      if (up.merge) {
        if (up.merge.right > up.merge.left) over = true;
        if (up.merge.top < r) continue;
        break;
      }
      if (up.text === "") {
        // Blank: a parent written once to the left may stand over it.
        for (let c = col - 1; c >= 0; c--) {
          const left = bandCell(grid, r, c);
          if (left.fromAbove) break;
          if (left.text === "") continue;
          if (parentSpan(grid, r, left.merge ? left.merge.left : c, right, sub).right >= col) over = true;
          break;
        }
        if (!over) over = true; // nothing over it: a header that starts in the lower row
        break;
      }
      if (parentSpan(grid, r, col, right, sub).right > col) over = true;
      break;
    }
    if (!over) return false;
    texts++;
  }
  return texts > 0;
}

/**
 * Row `top - 1` is a parent row over a band starting at `top`: short header texts only, no title line, each text
 * over two or more columns of the band, and together not one caption over the whole table.
 */
function isParentRowAbove(grid: Grid, parent: number, right: number): boolean {
  if (parent < 0) return false;
  const cells = rowTexts(grid, parent).filter((l) => l.text !== "");
  if (cells.length === 0) return false;
  let width = 0;
  let spansMany = false;
  for (const c of cells) {
    if (c.col > right) return false;
    if (!isHeaderText(grid, parent, c.col, c.text) || TITLE_WORDS.test(compactText(c.text))) return false;
    const span = parentSpan(
      grid,
      parent,
      c.col,
      right,
      Math.min(grid.rowCount - 1, parent + MAX_BAND_ROWS - 1),
    );
    if (span.right > span.left) spansMany = true;
    // A one-column cell is a parent row's only when merged down into the band (序号 over two rows); otherwise it is a
    // label beside its value ("推荐单位 | 市科委"), a line above the table.
    else if (!((grid.mergeAt(parent, c.col)?.bottom ?? parent) > parent)) return false;
    width += span.right - span.left + 1;
  }
  return spansMany && (cells.length >= 2 || width < right + 1 - firstUsedCol(grid, parent + 1, right));
}

function firstUsedCol(grid: Grid, row: number, right: number): number {
  for (let c = 0; c <= right; c++) if (bandCell(grid, row, c).text !== "") return c;
  return 0;
}

const UNIT_ONLY = /^[(（]?(?:单位[:：])?(?:人|人次|名|万元|元|天|日|个|项|%|％|分)[)）]?$/;

/** Row `row` under the header holds only units ((人), （万元）) or the columns' numbers (1, 2, 3 … left to right). */
function isUnitsOrNumbersRow(grid: Grid, row: number, right: number): boolean {
  if (row >= grid.rowCount) return false;
  const cells = rowTexts(grid, row).filter((l) => l.text !== "" && l.col <= right);
  if (cells.length < 2) return false;
  if (
    cells.every((c) => typeof grid.cell(row, c.col).value === "string" && UNIT_ONLY.test(compactText(c.text)))
  )
    return true;
  const numbers = cells.map((c) => grid.cell(row, c.col).value);
  return (
    cells.length >= 3 && numbers[0] === 1 && numbers.every((n, i) => typeof n === "number" && n === 1 + i)
  );
}

interface Band {
  top: number;
  bottom: number;
}

/**
 * Every column's header path through the band (parent first): a merged parent counts for each column it covers, a
 * parent written once for the blank cells to its right over sub-headers, a cell merged down the band once.
 */
function columnPaths(
  grid: Grid,
  band: Band,
  right: number,
): Array<{ col: number; path: string[]; at: CellRef }> {
  const out: Array<{ col: number; path: string[]; at: CellRef }> = [];
  // Parents written once, per band row: col → the parent's text and cell.
  const spans: Array<Map<number, { text: string; at: CellRef }>> = [];
  for (let r = band.top; r < band.bottom; r++) {
    const map = new Map<number, { text: string; at: CellRef }>();
    for (let col = 0; col <= right; col++) {
      const here = bandCell(grid, r, col);
      if (here.text === "" || here.fromAbove || here.merge) continue;
      const span = parentSpan(grid, r, col, right, band.bottom);
      for (let c = span.left + 1; c <= span.right; c++) map.set(c, { text: here.text, at: { row: r, col } });
    }
    spans.push(map);
  }
  for (let col = 0; col <= right; col++) {
    const path: string[] = [];
    let at: CellRef | undefined;
    for (let r = band.top; r <= band.bottom; r++) {
      const here = bandCell(grid, r, col);
      if (here.fromAbove) continue;
      if (here.text !== "") {
        path.push(here.text);
        at = here.merge ? { row: here.merge.top, col: here.merge.left } : { row: r, col };
        continue;
      }
      const parent = spans[r - band.top]?.get(col);
      if (parent) {
        path.push(parent.text);
        at = parent.at;
      }
    }
    if (path.length > 0 && at) out.push({ col, path, at });
  }
  return out;
}

function defaultModel<K extends string>(specs: readonly ColumnSpec<K>[]): ListModel<K> {
  // The engine's own list columns come with their sub-columns and group columns; other column sets have none.
  if ((specs as readonly ColumnSpec<string>[]) === LIST_COLUMNS)
    return {
      sub: SUB_COLUMNS,
      group: GROUP_COLUMNS,
      fillDown: FILL_DOWN_COLUMNS,
      split: SPLIT_COLUMNS,
      rank: "rank",
    } as unknown as ListModel<K>;
  return { sub: [], group: [], fillDown: [], split: [] };
}

/** The key a column's header path names: the sub-header itself, parent and sub-header read together, or a pair rule. */
function keyOfPath<K extends string>(
  specs: readonly ColumnSpec<K>[],
  model: ListModel<K>,
  fullPath: readonly string[],
): ColumnSpec<K> | undefined {
  // Units ((万元), 人) and column numbers under the header name nothing themselves.
  const path = fullPath.filter((p) => {
    const n = normaliseLabel(p);
    return n !== "" && !/^\d+$/.test(n) && !UNIT_ONLY.test(n);
  });
  const leaf = path[path.length - 1] ?? "";
  const parents = path.slice(0, -1);
  const parentKeys = parents.map((p) => matchColumn(specs, p)?.key).filter((k): k is K => k !== undefined);
  const leafNorm = normaliseLabel(leaf);
  // A generic sub-header (总数, 开始, 比例) takes its meaning from the parent.
  for (const rule of model.sub)
    if (rule.words.includes(leafNorm) && rule.parent.some((p) => parentKeys.includes(p)))
      return specs.find((s) => s.key === rule.key);
  const direct = matchColumn(specs, leaf);
  if (direct) return direct;
  const joined = matchColumn(specs, parents.map(normaliseLabel).join("") + leafNorm);
  return joined;
}

const cache = new WeakMap<Grid, Map<readonly ColumnSpec<string>[], ListTable<string> | null>>();

/**
 * Find the header of a list (under titles and 推荐单位/填写时间 lines) — one row, or a band of two or three rows with
 * parent cells over sub-columns — map every column's header path to a known column, and read the project rows
 * under the band until the table ends. Returns undefined when no row looks like a header.
 */
export function readList<K extends string>(
  grid: Grid,
  specs: readonly ColumnSpec<K>[],
  model: ListModel<K> = defaultModel(specs),
): ListTable<K> | undefined {
  // Every pack asks for the same list of the same grid while recognising: read it once per grid and column set.
  let byGrid = cache.get(grid);
  if (!byGrid) {
    byGrid = new Map();
    cache.set(grid, byGrid);
  }
  const cached = byGrid.get(specs);
  if (cached !== undefined) return (cached ?? undefined) as ListTable<K> | undefined;
  const list = readListUncached(grid, specs, model);
  byGrid.set(specs, list ?? null);
  return list;
}

function matchRow<K extends string>(
  grid: Grid,
  specs: readonly ColumnSpec<K>[],
  row: number,
): { keys: Map<K, number>; cells: number; anchored: boolean; right: number } {
  const keys = new Map<K, number>();
  let cells = 0;
  let anchored = false;
  let right = -1;
  for (const { col, text } of rowTexts(grid, row)) {
    if (text === "") continue;
    cells++;
    const m = grid.mergeAt(row, col);
    right = Math.max(right, m ? m.right : col);
    const spec = matchColumn(specs, text);
    if (!spec || keys.has(spec.key)) continue;
    keys.set(spec.key, col);
    if (spec.anchor) anchored = true;
  }
  return { keys, cells, anchored, right };
}

function readListUncached<K extends string>(
  grid: Grid,
  specs: readonly ColumnSpec<K>[],
  model: ListModel<K>,
): ListTable<K> | undefined {
  let best: { row: number; size: number; titleCol: number; right: number } | undefined;
  const scan = Math.min(grid.rowCount, MAX_HEADER_SCAN);
  for (let row = 0; row < scan; row++) {
    const m = matchRow(grid, specs, row);
    if (!m.anchored || m.keys.size < 2) continue;
    if (!best || m.keys.size > best.size) {
      const anchorKey = specs.find((s) => s.anchor && m.keys.has(s.key) && s.content !== false)?.key;
      const titleCol = m.keys.get(anchorKey ?? ([...m.keys.keys()][0] as K)) ?? 0;
      best = { row, size: m.keys.size, titleCol, right: m.right };
    }
  }
  if (!best) return undefined;

  // The band: the best row, sub-header rows under it, and a parent row over it, three rows at most.
  let right = best.right;
  for (let r = best.row + 1; r < Math.min(grid.rowCount, best.row + MAX_BAND_ROWS); r++)
    for (const l of rowTexts(grid, r)) right = Math.max(right, l.col);
  right = Math.min(right, grid.colCount - 1);
  const band: Band = { top: best.row, bottom: best.row };
  while (
    band.bottom - band.top + 1 < MAX_BAND_ROWS &&
    isSubHeaderRow(grid, band.bottom + 1, best.titleCol, right)
  )
    band.bottom++;
  // A row of units ((人) (万元) (天)) or of column numbers (1 2 3 …) under the header belongs to it.
  if (isUnitsOrNumbersRow(grid, band.bottom + 1, right)) band.bottom++;
  while (band.bottom - band.top + 1 < MAX_BAND_ROWS && isParentRowAbove(grid, band.top - 1, right))
    band.top--;
  // Vertical merges of the band's cells may reach below the rows found (序号 merged over three rows).
  for (let col = 0; col <= right; col++) {
    const m = grid.mergeAt(band.top, col);
    if (m && m.top >= band.top && m.bottom > band.bottom && m.bottom - band.top < MAX_BAND_ROWS)
      band.bottom = m.bottom;
  }

  const columns = new Map<K, ListColumn>();
  let headerCells = 0;
  const paths = band.top === band.bottom ? undefined : columnPaths(grid, band, right);
  if (paths) {
    for (const { col, path, at } of paths) {
      const spec = keyOfPath(specs, model, path);
      if (!spec || columns.has(spec.key)) continue;
      const leaf = path[path.length - 1] ?? "";
      const unitNote = [...path]
        .reverse()
        .flatMap(labelNotes)
        .find((n) => n === "万元" || n === "元");
      columns.set(spec.key, {
        col,
        header: path.length > 1 ? path.map((p) => p.replace(/\s/g, "")).join(" › ") : leaf,
        path,
        headerAt: at,
        unit: unitNote ?? null,
      });
    }
    for (let r = band.top; r <= band.bottom; r++)
      headerCells += rowTexts(grid, r).filter((l) => l.text !== "").length;
  } else {
    for (const { col, text } of rowTexts(grid, best.row)) {
      if (text === "") continue;
      headerCells++;
      const spec = matchColumn(specs, text);
      if (!spec || columns.has(spec.key)) continue;
      const notes = labelNotes(text);
      const unit = notes.find((n) => n === "万元" || n === "元") ?? null;
      columns.set(spec.key, { col, header: text, path: [text], headerAt: { row: best.row, col }, unit });
    }
  }
  // Columns in sheet order, as a one-row header gives them.
  const ordered = new Map([...columns.entries()].sort((a, b) => a[1].col - b[1].col));

  const contentCols: number[] = [];
  for (const spec of specs) {
    const c = ordered.get(spec.key);
    if (c && spec.content !== false) contentCols.push(c.col);
  }
  const allCols = [...ordered.values()].map((c) => c.col);
  // A 合计 row says so in its first cell, or in the title column when a 序号 column comes first.
  const titleCol = Math.min(...allCols.filter((c) => c > 0), grid.colCount);
  const above: FooterLine[] = [];
  for (let row = 0; row < band.top; row++) above.push(...rowTexts(grid, row));

  const rows: number[] = [];
  const placeholderRows: number[] = [];
  const sections: ListSection[] = [];
  const below: FooterLine[] = [];
  let ended = false;
  for (let row = band.bottom + 1; row < grid.rowCount; row++) {
    if (ended) {
      below.push(...rowTexts(grid, row));
      continue;
    }
    // Only the first cells decide what a row is; reading the whole row would cost on 100,000-row lists.
    const first = firstText(grid, row);
    if (!first) continue;
    const firstWords = compactText(first.text);
    if (FOOTER_FIRST.has(firstWords.charCodeAt(0)) && FOOTER_START.test(firstWords)) {
      ended = true;
      below.push(...rowTexts(grid, row));
      continue;
    }
    if (isTotal(firstWords) || (first.col < titleCol && startsTotal(cellText(grid.cell(row, titleCol)))))
      continue;
    if (anyFilled(grid, row, contentCols)) rows.push(row);
    else if (anyFilled(grid, row, allCols)) {
      placeholderRows.push(row);
      const section = sectionLabel(grid, row, titleCol);
      if (section) sections.push({ ...section, rows: [] });
    }
  }
  // Rows with only a pre-printed rank or a remark are the template's empty lines: they count only while the whole
  // list is still blank, so a blank template still shows what has to be filled in.
  const dataRows = rows.length > 0 ? rows : placeholderRows;
  // One header merged over two columns with no sub-headers (办班起止时间 over the start and the end column): the
  // two columns are the pair the model names.
  for (const { key, into } of model.split) {
    const column = ordered.get(key);
    if (!column || ordered.has(into[0]) || ordered.has(into[1])) continue;
    const m = grid.mergeAt(column.headerAt.row, column.headerAt.col);
    if (!m || m.right !== m.left + 1 || m.bottom < band.bottom) continue;
    // Only when the right-hand column holds values: a wide header over one column of ranges is not a pair.
    if (!dataRows.some((row) => !grid.mergeAt(row, m.right) && !isBlankCell(grid.cell(row, m.right))))
      continue;
    ordered.delete(key);
    ordered.set(into[0], { ...column, col: m.left });
    ordered.set(into[1], { ...column, col: m.right });
  }
  return {
    bandTop: band.top,
    headerRow: band.bottom,
    columns: ordered,
    rows: dataRows,
    sections: rows.length > 0 ? rankedSections(grid, sections, rows, ordered, model) : [],
    fills: groupFills(grid, ordered, dataRows, model),
    above,
    below,
    matched: ordered.size,
    headerCells,
  };
}

/**
 * The row model of group columns: a cell merged downwards over project rows gives its value to every row it covers;
 * a 推荐单位 (or 领域) written once at the top of its group with the rows below left blank gives it to those rows.
 */
function groupFills<K extends string>(
  grid: Grid,
  columns: Map<K, ListColumn>,
  rows: readonly number[],
  model: ListModel<K>,
): Map<K, Map<number, { row: number; col: number }>> {
  const fills = new Map<K, Map<number, { row: number; col: number }>>();
  for (const key of model.group) {
    const column = columns.get(key);
    if (!column) continue;
    const col = column.col;
    const fillDown = model.fillDown.includes(key);
    const merged = grid.merges.length > 0;
    // Without merges, a column that is not filled down fills nothing: its rows need not be read (on 100,000 rows
    // every pass over a column costs a trip to memory per row).
    if (!merged && !fillDown) continue;
    const map = new Map<number, { row: number; col: number }>();
    // The group's own cell, made into an object only when a blank row below it needs it (most rows fill nothing).
    let lastRow = -1;
    let lastCol = col;
    let last: { row: number; col: number } | undefined;
    for (const row of rows) {
      const m = merged ? grid.mergeAt(row, col) : undefined;
      if (m && (m.top !== row || m.left !== col)) {
        if (!isBlankCell(grid.cell(m.top, m.left))) map.set(row, { row: m.top, col: m.left });
        continue;
      }
      const cell = grid.cell(row, col);
      if (!isBlankCell(cell) || isUncalculated(cell)) {
        lastRow = m ? m.top : row;
        lastCol = m ? m.left : col;
        last = undefined;
      } else if (fillDown && lastRow >= 0) {
        last ??= { row: lastRow, col: lastCol };
        map.set(row, last);
      }
    }
    if (map.size > 0) fills.set(key, map);
  }
  return fills;
}

const SECTION_NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[组部类])\s*/;

/**
 * A row that heads a section of the table: one text only, not a number, either merged across two or more columns
 * or standing left of the title column ("一、市经济信息化委", "（二）区人社局").
 */
function sectionLabel(
  grid: Grid,
  row: number,
  titleCol: number,
): { row: number; col: number; text: string } | undefined {
  const texts = rowTexts(grid, row).filter((l) => l.text !== "");
  if (texts.length !== 1) return undefined;
  const only = texts[0] as FooterLine;
  if (typeof grid.cell(row, only.col).value !== "string") return undefined;
  const m = grid.mergeAt(row, only.col);
  if (!(m && m.right > m.left) && only.col >= titleCol) return undefined;
  const text = compactText(only.text).replace(SECTION_NUMBERING, "");
  if (text === "" || text.length > 40 || /^\d+$/.test(text)) return undefined;
  return { row, col: only.col, text };
}

/** Section rows become groups only when two or more head rows and the rank starts again at 1 under each. */
function rankedSections<K extends string>(
  grid: Grid,
  sections: ListSection[],
  rows: readonly number[],
  columns: Map<K, ListColumn>,
  model: ListModel<K>,
): ListSection[] {
  const rank = model.rank === undefined ? undefined : columns.get(model.rank);
  if (sections.length < 2 || !rank || (rows[0] ?? 0) < (sections[0]?.row ?? Infinity)) return [];
  let at = 0;
  for (const row of rows) {
    while (at + 1 < sections.length && (sections[at + 1] as ListSection).row < row) at++;
    (sections[at] as ListSection).rows.push(row);
  }
  const used = sections.filter((s) => s.rows.length > 0);
  if (used.length < 2) return [];
  const restarts = used.every((s) => {
    const first = s.rows[0] as number;
    const text = compactText(cellText(grid.cell(first, rank.col)));
    return text === "1" || text === "第1名" || text === "第一名";
  });
  return restarts ? used : [];
}
