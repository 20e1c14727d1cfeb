import ExcelJS from "exceljs";
import type { CellValue } from "../../core/grid/types";
import { LEVEL_NAMES, TABLE_NAMES, type Level, type PackId, type TableKind } from "../../core/packs/types";
import { packName } from "../../core/packs/registry";
import { safeCellValue, writableText } from "./safe-text";

type Lang = "zh" | "en";

/** One sheet of one file as the summary's file list shows it. */
export interface SummarySheet {
  sheet: string;
  table: TableKind;
  policy: PackId | null;
  level: Level | null;
  errors: number;
  warnings: number;
  infos: number;
}

export interface SummaryFile {
  file: string;
  /** The reason the file could not be checked, or null. */
  error: string | null;
  sheets: SummarySheet[];
}

/** One merged project row: its source and its values by column key. */
export interface SummaryRow {
  file: string;
  sheet: string;
  row: number | null;
  values: Partial<Record<string, CellValue>>;
}

export const FILES_SHEET = "文件清单";
export const PROJECTS_SHEET = "项目汇总";

const FILE_HEADERS: Record<Lang, string[]> = {
  zh: ["文件", "工作表", "表格", "政策", "层级", "错误", "提醒", "说明", "无法校验的原因"],
  en: [
    "File",
    "Sheet",
    "Table",
    "Policy",
    "Level",
    "Errors",
    "Warnings",
    "Notes",
    "Why it could not be checked",
  ],
};

function styleHeader(ws: ExcelJS.Worksheet, count: number): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: count } };
}

/**
 * The workbook `yanxiu check --summary` writes: the list of files with what was recognised and the counts, and every
 * project of every list and form merged into one list with its source file, sheet and row. Project columns keep the
 * notices' own header words so that the merged list is itself recognised as a summary list by the engine.
 */
export function buildSummaryWorkbook(
  files: readonly SummaryFile[],
  rows: readonly SummaryRow[],
  columns: ReadonlyArray<{ key: string; header: string }>,
  lang: Lang,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "yanxiu";

  const list = wb.addWorksheet(FILES_SHEET);
  list.addRow(FILE_HEADERS[lang]);
  for (const file of files) {
    if (file.error !== null || file.sheets.length === 0) {
      list.addRow([
        writableText(file.file),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        writableText(file.error ?? ""),
      ]);
      continue;
    }
    for (const s of file.sheets) {
      list.addRow([
        writableText(file.file),
        writableText(s.sheet),
        TABLE_NAMES[s.table][lang],
        s.policy ? packName(s.policy)[lang] : null,
        s.level ? LEVEL_NAMES[s.level][lang] : null,
        s.errors,
        s.warnings,
        s.infos,
        null,
      ]);
    }
  }
  styleHeader(list, FILE_HEADERS[lang].length);
  [36, 16, 14, 36, 8, 7, 7, 7, 50].forEach((w, i) => (list.getColumn(i + 1).width = w));

  const used = columns.filter((c) => rows.some((r) => r.values[c.key] !== undefined));
  const projects = wb.addWorksheet(PROJECTS_SHEET);
  const sourceHeaders =
    lang === "zh" ? ["来源文件", "来源工作表", "来源行"] : ["Source file", "Source sheet", "Source row"];
  projects.addRow([...sourceHeaders, ...used.map((c) => c.header)]);
  for (const r of rows) {
    projects.addRow([
      writableText(r.file),
      writableText(r.sheet),
      r.row,
      ...used.map((c) => safeCellValue(r.values[c.key])),
    ]);
  }
  styleHeader(projects, sourceHeaders.length + used.length);
  projects.getColumn(1).width = 36;
  projects.getColumn(2).width = 14;
  used.forEach(
    (c, i) => (projects.getColumn(sourceHeaders.length + i + 1).width = c.key === "title" ? 40 : 14),
  );
  return wb;
}
