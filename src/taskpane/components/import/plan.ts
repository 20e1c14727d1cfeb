// 导入 Word 申报表, as data: the forms read and checked, the rows they become in the open 汇总表/推荐表 (columns matched
// by the list's aliases, each row's source file in a 来源文件 column, every non-empty cell that would change listed
// as a conflict for the user to allow or not), or the 申报表 sheets they become. No DOM and no Office here, so the
// plan is tested on its own and the panel only shows it and hands the writes to the port.
import type { Text } from "../../../core/findings";
import { countBySeverity } from "../../../core/findings";
import { checkWorkbook } from "../../../core/check";
import type { SheetCheck } from "../../../core/check-types";
import type { CellValue, Grid } from "../../../core/grid/types";
import type { CellWrite } from "../../../core/port";
import { cellText } from "../../../core/read/normalise";
import { LIST_COLUMNS, type ListKey } from "../../../core/recognise/columns";
import { readList } from "../../../core/recognise/list";
import {
  fillFormFromRecord,
  readApplicationForms,
  sheetNameFor,
  allTemplates,
  type SheetLayout,
} from "../../../core/templates";
import { projectRecords } from "../../../cli/project-rows";
import { readWorkbookBytes } from "../../../adapters/xlsx/workbook-file";
import { problemText, type InputProblem } from "../../../adapters/xlsx/problems";

import { SOURCE_COLUMN_HEADER } from "./source-column";

export { SOURCE_COLUMN_HEADER };

export type WordForm =
  | {
      file: string;
      ok: true;
      grid: Grid;
      check: SheetCheck;
      /** The project's values by list column, as the summary list reads a form. */
      values: Partial<Record<ListKey, CellValue>>;
      counts: { error: number; warning: number; info: number };
      notes: Text[];
    }
  | { file: string; ok: false; problem: InputProblem; message: Text };

/** Read and check each picked file as a Word form (a workbook picked by mistake is refused as not a Word form). */
export async function readWordForms(
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
): Promise<WordForm[]> {
  const out: WordForm[] = [];
  for (const { name, bytes } of files) {
    const read = await readWorkbookBytes(bytes, name);
    if (!read.ok) {
      out.push({ file: name, ok: false, problem: read.problem, message: problemText(read.problem) });
      continue;
    }
    const grid = read.workbook.grids[0];
    if (read.workbook.format !== "docx" || !grid) {
      const problem: InputProblem = { kind: "word", detail: "no-document" };
      out.push({ file: name, ok: false, problem, message: problemText(problem) });
      continue;
    }
    const check = checkWorkbook([grid])[0] as SheetCheck;
    const record = projectRecords(name, grid, check)[0];
    out.push({
      file: name,
      ok: true,
      grid,
      check,
      values: record?.values ?? {},
      counts: countBySeverity(check.findings),
      notes: read.workbook.notes ?? [],
    });
  }
  return out;
}

const MARK = /[☑☒■√✓✔]/;
const BOX = /[☑☒■√✓✔□☐]/;

/** A □ group's answer as a list cell holds it: the ticked options' words ("☑高级研修项目 □急需…" → "高级研修项目"). */
export function listValue(value: CellValue): string | number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  if (!BOX.test(text)) return text;
  const ticked: string[] = [];
  for (const part of text.split(/(?=[☑☒■√✓✔□☐])/)) {
    if (!MARK.test(part.charAt(0))) continue;
    const words = part.slice(1).trim().split(/\s+/)[0] ?? "";
    if (words !== "") ticked.push(words);
  }
  return ticked.join("、");
}

export interface AppendPlan {
  /** Sheet rows (0-based) the forms go to, in the order of the forms. */
  rows: number[];
  writes: CellWrite[];
  /** Non-empty cells the writes would change: written only when the user allows it. */
  conflicts: Array<{ row: number; col: number; was: string; value: string | number }>;
  /** Rows the forms reach that already hold something (lines under the table): written only when allowed. */
  blocked: number[];
  /** The 来源文件 column, and whether the import adds its header. */
  source: { col: number; added: boolean };
  /** List columns the forms have values for but the list has no column for. */
  unmatched: ListKey[];
}

/** Why the open sheet cannot take the forms as rows. */
export type AppendRefusal = "not-a-list" | "no-forms";

const NUMBERED: ReadonlySet<ListKey> = new Set(["serial", "rank"]);
const NOT_CONTENT: ReadonlySet<ListKey> = new Set(["serial", "rank", "remark"]);

/**
 * Where the forms go in a 汇总表/推荐表: from the first row under the header whose project cells are all empty (a
 * blank template's numbered rows are used), one row per form; 序号/推荐排序 continue the numbering; the file name in
 * the 来源文件 column (added after the last header when the list has none).
 */
export function planAppend(grid: Grid, forms: readonly WordForm[]): AppendPlan | AppendRefusal {
  const list = readList(grid, LIST_COLUMNS);
  if (!list || !list.columns.has("title")) return "not-a-list";
  const ok = forms.filter((f): f is Extract<WordForm, { ok: true }> => f.ok);
  if (ok.length === 0) return "no-forms";
  const content = [...list.columns.entries()].filter(([key]) => !NOT_CONTENT.has(key));
  const isEmptyRow = (row: number) => content.every(([, c]) => cellText(grid.cell(row, c.col)) === "");
  let start = list.headerRow + 1;
  while (start < grid.rowCount && !isEmptyRow(start)) start++;
  // Numbering continues from the last number above the first row filled.
  const numbered = [...list.columns.entries()].filter(([key]) => NUMBERED.has(key));
  const lastNumber = (col: number) => {
    for (let r = start - 1; r > list.headerRow; r--) {
      const v = grid.cell(r, col).value;
      const n = typeof v === "number" ? v : Number(cellText(grid.cell(r, col)));
      if (Number.isFinite(n) && cellText(grid.cell(r, col)) !== "") return n;
    }
    return 0;
  };
  let sourceCol = -1;
  for (let c = 0; c < grid.rowWidth(list.headerRow); c++)
    if (cellText(grid.cell(list.headerRow, c)).replace(/\s/g, "") === SOURCE_COLUMN_HEADER) sourceCol = c;
  const added = sourceCol < 0;
  if (added) {
    let right = 0;
    for (const c of list.columns.values()) right = Math.max(right, c.col);
    for (let c = 0; c < grid.rowWidth(list.headerRow); c++)
      if (cellText(grid.cell(list.headerRow, c)) !== "") right = Math.max(right, c);
    const m = grid.mergeAt(list.headerRow, right);
    sourceCol = (m ? m.right : right) + 1;
  }

  const writes: CellWrite[] = [];
  const conflicts: AppendPlan["conflicts"] = [];
  const put = (row: number, col: number, value: string | number | null) => {
    if (value === null || value === "") return;
    const was = cellText(grid.cell(row, col));
    if (was === String(value)) return;
    if (was !== "") conflicts.push({ row, col, was, value });
    writes.push({ row, col, value });
  };
  if (added) put(list.headerRow, sourceCol, SOURCE_COLUMN_HEADER);
  const unmatched = new Set<ListKey>();
  const rows: number[] = [];
  const blocked: number[] = [];
  const numberCols = new Set(numbered.map(([, c]) => c.col));
  ok.forEach((form, i) => {
    const row = start + i;
    rows.push(row);
    // A row under the table that holds anything else (the 联系人 line, a 注) is not a free row: every cell of it
    // in the list's width is a conflict, and the row is left whole unless the user allows overwriting.
    let occupied = false;
    for (let c = 0; c <= sourceCol; c++) {
      const text = cellText(grid.cell(row, c));
      if (text === "" || (numberCols.has(c) && /^\d+$/.test(text))) continue;
      if (!occupied) blocked.push(row);
      occupied = true;
      if (!content.some(([, col]) => col.col === c) && c !== sourceCol)
        conflicts.push({ row, col: c, was: text, value: "" });
    }
    for (const [key, value] of Object.entries(form.values) as Array<[ListKey, CellValue]>) {
      const column = list.columns.get(key);
      if (!column) {
        unmatched.add(key);
        continue;
      }
      if (!NUMBERED.has(key)) put(row, column.col, listValue(value));
    }
    for (const [, column] of numbered)
      if (cellText(grid.cell(row, column.col)) === "") put(row, column.col, lastNumber(column.col) + i + 1);
    put(row, sourceCol, form.file);
  });
  return { rows, blocked, writes, conflicts, source: { col: sourceCol, added }, unmatched: [...unmatched] };
}

/**
 * The writes of a plan without the ones that would change a non-empty cell, and without the rows that already hold
 * something (the user said not to overwrite): the forms that do not fit are then not appended.
 */
export function withoutConflicts(plan: AppendPlan): CellWrite[] {
  const taken = new Set(plan.conflicts.map((c) => `${c.row}:${c.col}`));
  const blocked = new Set(plan.blocked);
  return plan.writes.filter((w) => !taken.has(`${w.row}:${w.col}`) && !blocked.has(w.row));
}

/** How many forms a plan appends when the user does not allow overwriting. */
export function appendedWithoutOverwrite(plan: AppendPlan): number {
  const blocked = new Set(plan.blocked);
  return plan.rows.filter((r) => !blocked.has(r) && !plan.conflicts.some((c) => c.row === r)).length;
}

function fileStem(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  return base.replace(/\.[^.]+$/, "");
}

/**
 * A form as a 申报表 sheet to insert: the pack's official 申报表 filled with the form's answers when the form was
 * recognised, else the form's own grid (its texts and merges, bordered). Named after its file, so each sheet keeps
 * where it came from.
 */
export function formSheetLayout(form: Extract<WordForm, { ok: true }>): SheetLayout {
  const name = sheetNameFor("申报表", fileStem(form.file));
  const read = readApplicationForms([form.grid])[0];
  const template = read
    ? allTemplates().find(
        (t) =>
          t.form &&
          t.policy === read.policy &&
          (t.level === null || read.level === null || t.level === read.level),
      )
    : undefined;
  if (read && template) {
    try {
      const layout = fillFormFromRecord(template.id, read.fields);
      return { ...layout, name };
    } catch {
      // A form the template cannot take is inserted as it is.
    }
  }
  return gridLayout(form.grid, name);
}

/** A grid as a sheet layout: texts, merges, borders around every cell, widths for reading. */
export function gridLayout(grid: Grid, name: string): SheetLayout {
  const cells: SheetLayout["cells"] = [];
  for (let row = 0; row < grid.rowCount; row++)
    for (let col = 0; col < grid.rowWidth(row); col++) {
      const text = grid.cell(row, col).text;
      if (text !== "") cells.push({ row, col, value: text, style: { wrap: true, vAlign: "middle" } });
    }
  const cols = Math.max(1, grid.colCount);
  const area = { top: 0, left: 0, bottom: Math.max(0, grid.rowCount - 1), right: cols - 1 };
  return {
    name,
    cells,
    merges: [...grid.merges],
    borders: grid.rowCount > 0 ? [area] : [],
    columnWidths: Array.from({ length: cols }, (_, c) => (c === 0 ? 16 : 24)),
    rowHeights: {},
    validations: [],
    print: {
      orientation: "portrait",
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 },
      fitToWidth: true,
      printArea: area,
      centerHorizontally: true,
    },
  };
}
