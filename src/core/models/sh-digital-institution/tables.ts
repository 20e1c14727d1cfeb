import type { Grid, RawCell } from "../../grid/types";
import { cellText, compactText } from "../../read/normalise";
import type { indexLabels } from "../../recognise/form";
import { normaliseLabel } from "../../recognise/labels";
import { INST_LEVELS, type InstLevel } from "./figures";

type LabelIndex = ReturnType<typeof indexLabels>;
type LabelHit = NonNullable<ReturnType<LabelIndex["get"]>>[number];

/** One cell of a table inside the form, where it stands and what it holds. */
export interface TableCell {
  row: number;
  col: number;
  cell: RawCell;
  text: string;
  /** The cell is the continuation of a value merged down from the row above (read as that value). */
  shared?: boolean;
}

export interface TableRow<K extends string> {
  row: number;
  cells: Map<K, TableCell>;
}

/** A table inside the form: where each column's header stands, and the filled rows under it. */
export interface InnerTable<K extends string> {
  headerRow: number;
  headers: Map<K, { row: number; col: number }>;
  rows: TableRow<K>[];
}

export interface ColumnLabels<K extends string> {
  key: K;
  labels: readonly string[];
}

const MAX_TABLE_ROWS = 200;
// Placeholder rows of the template ("……", ".....") and dashes for "nothing here".
const PLACEHOLDER = /^[.。…·\-—_/\s]*$/;
const NOTE_LINE = /^注\s*[:：\d一1]/;

/** A label as tables compare it: normalised, and for labels that are nothing but a bracket, the bracket's words. */
export function tableLabel(text: string): string {
  const normal = normaliseLabel(text);
  if (normal !== "") return normal.replace(/[:：]/g, "");
  return compactText(text).replace(/[()（）:：]/g, "");
}

function topLeftText(grid: Grid, row: number, col: number): string {
  const m = grid.mergeAt(row, col);
  if (m && (m.top !== row || m.left !== col)) return "";
  return cellText(grid.cell(row, col));
}

/** True when a row of the sheet starts another part of the form (a known label or the notes under the table). */
function isStopRow(grid: Grid, row: number, stopLabels: ReadonlySet<string>): boolean {
  for (let col = 0; col < grid.colCount; col++) {
    const text = topLeftText(grid, row, col);
    if (text === "") continue;
    if (NOTE_LINE.test(text) || stopLabels.has(tableLabel(text))) return true;
  }
  return false;
}

function readCell(grid: Grid, row: number, col: number, headerBottom: number): TableCell {
  const m = grid.mergeAt(row, col);
  if (m && m.top < row && m.top > headerBottom) {
    const cell = grid.cell(m.top, m.left);
    return { row: m.top, col: m.left, cell, text: cellText(cell), shared: true };
  }
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  const cell = grid.cell(r, c);
  return { row: r, col: c, cell, text: m && m.top < row ? "" : cellText(cell) };
}

function pickHit(hits: readonly LabelHit[], section: LabelHit | undefined): LabelHit | undefined {
  if (!section) return hits[0];
  // The header inside the section label's rows, else the first one below the section label.
  return (
    hits.find((h) => h.row >= section.row && h.row <= section.bottom) ??
    hits.filter((h) => h.row >= section.row).sort((a, b) => a.row - b.row)[0]
  );
}

/**
 * A table inside the form: find its header row by the anchor column's label (inside or under the section label,
 * when one is given), map the header cells to columns, and read rows until the section label's merge ends or a row
 * holds another label of the form. Blank and placeholder rows ("……") are skipped.
 */
export function readInnerTable<K extends string>(
  grid: Grid,
  index: LabelIndex,
  columns: readonly ColumnLabels<K>[],
  options: { anchor: K; section?: readonly string[]; stopLabels: ReadonlySet<string> },
): InnerTable<K> | undefined {
  const section = options.section?.flatMap((l) => index.get(l) ?? [])[0];
  const anchorSpec = columns.find((c) => c.key === options.anchor);
  const hit = pickHit(anchorSpec?.labels.flatMap((l) => index.get(l) ?? []) ?? [], section);
  if (!hit) return undefined;
  const headerRow = hit.row;
  const headers = new Map<K, { row: number; col: number }>();
  let headerBottom = hit.bottom;
  for (let col = 0; col < grid.colCount; col++) {
    const m = grid.mergeAt(headerRow, col);
    if (m && (m.top !== headerRow || m.left !== col)) continue;
    const label = tableLabel(cellText(grid.cell(headerRow, col)));
    const spec = columns.find((c) => c.labels.includes(label));
    if (!spec || headers.has(spec.key)) continue;
    headers.set(spec.key, { row: headerRow, col });
    if (m) headerBottom = Math.max(headerBottom, m.bottom);
  }
  const sectionEnd =
    section && section.bottom > section.row && headerRow <= section.bottom ? section.bottom : Infinity;
  const rows: TableRow<K>[] = [];
  const last = Math.min(grid.rowCount - 1, headerBottom + MAX_TABLE_ROWS, sectionEnd);
  for (let row = headerBottom + 1; row <= last; row++) {
    if (isStopRow(grid, row, options.stopLabels)) break;
    const cells = new Map<K, TableCell>();
    let filled = false;
    for (const [key, at] of headers) {
      const cell = readCell(grid, row, at.col, headerBottom);
      cells.set(key, cell);
      if (!PLACEHOLDER.test(cell.text)) filled = true;
    }
    if (filled) rows.push({ row, cells });
  }
  return { headerRow, headers, rows };
}

/** A label cell found anywhere in the form's top part, and the value to its right. */
export interface LabelledValue {
  labelRow: number;
  labelCol: number;
  value: TableCell;
}

const MAX_SCAN_ROWS = 400;
const EMPTY_CELL: RawCell = { value: null, text: "" };

/**
 * The value beside a label that the label index cannot hold (a label that is only a bracket, such as
 * "（其中独立培训规模）"): the first filled cell to its right, or the cell right after it when none is filled.
 */
export function findLabelledValue(grid: Grid, labels: readonly string[]): LabelledValue | undefined {
  for (let row = 0; row < Math.min(grid.rowCount, MAX_SCAN_ROWS); row++) {
    for (let col = 0; col < grid.colCount; col++) {
      const text = topLeftText(grid, row, col);
      if (text === "" || text.length > 40 || !labels.includes(tableLabel(text))) continue;
      const right = grid.mergeAt(row, col)?.right ?? col;
      let value: TableCell | undefined;
      for (let c = right + 1; c < grid.colCount && !value; c++) {
        const cell = readCell(grid, row, c, row);
        if (cell.text !== "" && cell.row === row) value = cell;
      }
      return {
        labelRow: row,
        labelCol: col,
        // Nothing filled (or no column left): an empty value just right of the label.
        value:
          value ??
          (right + 1 < grid.colCount
            ? readCell(grid, row, right + 1, row)
            : { row, col: right, cell: EMPTY_CELL, text: "" }),
      };
    }
  }
  return undefined;
}

/** 初级/中级/高级 rows of a block (年度计划培训人数, 培训费用): the value of each level and where it stands. */
export type LevelValues = Map<InstLevel, TableCell>;

const LEVEL_INLINE = /^(初级|中级|高级)[:：]?(.*)$/s;

/**
 * The level rows beside a block label that is merged down over them (or over the next rows when not merged):
 * in columns from the label's right edge up to `untilCol`, a 初级/中级/高级 cell and the value right of it,
 * or "初级：200" in one cell.
 */
export function readLevelValues(grid: Grid, hit: LabelHit, untilCol: number): LevelValues {
  const out: LevelValues = new Map();
  const bottom = Math.max(hit.bottom, hit.row + INST_LEVELS.length - 1);
  for (let row = hit.row; row <= Math.min(bottom, grid.rowCount - 1); row++) {
    for (let col = hit.right + 1; col <= Math.min(untilCol, grid.colCount - 1); col++) {
      const text = topLeftText(grid, row, col);
      const m = LEVEL_INLINE.exec(compactText(text));
      if (!m) continue;
      const level = m[1] as InstLevel;
      const inline = (m[2] ?? "").trim();
      const right = grid.mergeAt(row, col)?.right ?? col;
      if (inline !== "") {
        if (!out.has(level))
          out.set(level, { row, col, cell: { value: inline, text: inline }, text: inline });
        continue;
      }
      if (right + 1 <= untilCol && !out.has(level)) out.set(level, readCell(grid, row, right + 1, row));
      // The cell after a level label is its value, whatever it holds.
      col = right + 1;
    }
  }
  return out;
}

export type TaxKey = "year" | "amount" | "credit";
export type ScaleKey = "year" | "total" | "independent" | "cooperative";
export type VenueKey = "address" | "area" | "capacity" | "equipment" | "equipmentValue";
export type TeacherKey = "name" | "employer" | "title" | "major" | "kind" | "phone";

export const TAX_COLUMNS: readonly ColumnLabels<TaxKey>[] = [
  { key: "year", labels: ["年份", "年度"] },
  { key: "amount", labels: ["税额", "纳税额", "纳税金额"] },
  { key: "credit", labels: ["是否有失信行为", "有无失信行为", "是否有失信记录"] },
];

export const SCALE_COLUMNS: readonly ColumnLabels<ScaleKey>[] = [
  { key: "year", labels: ["年度", "年份"] },
  { key: "total", labels: ["培训人数"] },
  { key: "independent", labels: ["独立培训人数"] },
  { key: "cooperative", labels: ["合作培训人数"] },
];

export const VENUE_COLUMNS: readonly ColumnLabels<VenueKey>[] = [
  { key: "address", labels: ["场地地址"] },
  { key: "area", labels: ["场地面积"] },
  { key: "capacity", labels: ["容纳人数"] },
  { key: "equipment", labels: ["设施设备台套", "设施设备台套数"] },
  { key: "equipmentValue", labels: ["设施设备总值"] },
];

export const TEACHER_COLUMNS: readonly ColumnLabels<TeacherKey>[] = [
  { key: "name", labels: ["培训教师姓名", "教师姓名"] },
  { key: "employer", labels: ["工作单位"] },
  { key: "title", labels: ["专业技术职务/职称", "专业技术职务", "职称"] },
  { key: "major", labels: ["专业"] },
  { key: "kind", labels: ["人员性质"] },
  { key: "phone", labels: ["联系电话", "电话"] },
];

/** Every table inside the institution form, as far as the sheet has them. */
export interface InstTables {
  tax?: InnerTable<TaxKey>;
  scale?: InnerTable<ScaleKey>;
  /** 培训总规模 and （其中独立培训规模） under the yearly rows. */
  scaleTotal?: LabelledValue;
  scaleIndependent?: LabelledValue;
  venues?: InnerTable<VenueKey>;
  teachers?: InnerTable<TeacherKey>;
  /** 年度计划培训人数（人次） and 培训费用（元/学时） by level, with where their labels stand. */
  plan?: { label: { row: number; col: number }; values: LevelValues };
  fees?: { label: { row: number; col: number }; values: LevelValues };
}

function firstHit(index: LabelIndex, labels: readonly string[]): LabelHit | undefined {
  return labels.flatMap((l) => index.get(l) ?? []).sort((a, b) => a.row - b.row || a.col - b.col)[0];
}

/** Read every table inside the form; `stopLabels` are the labels that end a table (every other part of the form). */
export function readInstTables(
  grid: Grid,
  index: LabelIndex,
  stopLabels: ReadonlySet<string> = new Set(),
): InstTables {
  const tables: InstTables = {};
  const stop = (own: readonly ColumnLabels<string>[]) =>
    new Set([...stopLabels].filter((l) => !own.some((c) => c.labels.includes(l))));
  const tax = readInnerTable(grid, index, TAX_COLUMNS, {
    anchor: "year",
    section: ["近三年纳税情况"],
    stopLabels: stop(TAX_COLUMNS),
  });
  if (tax) tables.tax = tax;
  const scale = readInnerTable(grid, index, SCALE_COLUMNS, {
    anchor: "total",
    section: ["近5年培训规模", "近五年培训规模"],
    stopLabels: stop(SCALE_COLUMNS),
  });
  if (scale) tables.scale = scale;
  const total = findLabelledValue(grid, ["培训总规模"]);
  if (total) tables.scaleTotal = total;
  const independent = findLabelledValue(grid, ["其中独立培训规模", "其中独立培训", "独立培训规模"]);
  if (independent) tables.scaleIndependent = independent;
  const venues = readInnerTable(grid, index, VENUE_COLUMNS, {
    anchor: "address",
    section: ["自有场地及设施设备情况"],
    stopLabels: stop(VENUE_COLUMNS),
  });
  if (venues) tables.venues = venues;
  const teachers = readInnerTable(grid, index, TEACHER_COLUMNS, {
    anchor: "name",
    stopLabels: stop(TEACHER_COLUMNS),
  });
  if (teachers) tables.teachers = teachers;

  const planHit = firstHit(index, ["年度计划培训人数", "计划培训人数"]);
  const feeHit = firstHit(index, ["培训费用", "培训费用标准"]);
  if (planHit) {
    // The fee block usually stands to the right on the same rows: the plan's levels end where it begins.
    const sameRows =
      feeHit && feeHit.row >= planHit.row && feeHit.row <= Math.max(planHit.bottom, planHit.row + 2);
    const until = sameRows && feeHit.col > planHit.col ? feeHit.col - 1 : grid.colCount - 1;
    tables.plan = {
      label: { row: planHit.row, col: planHit.col },
      values: readLevelValues(grid, planHit, until),
    };
  }
  if (feeHit)
    tables.fees = {
      label: { row: feeHit.row, col: feeHit.col },
      values: readLevelValues(grid, feeHit, grid.colCount - 1),
    };
  return tables;
}
