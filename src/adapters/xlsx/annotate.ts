import type ExcelJS from "exceljs";
import type { IgnoreEntry, SheetCheck } from "../../core/check-types";
import { compareFindings, type Finding } from "../../core/findings";
import { toA1 } from "../../core/grid/a1";
import { isOurNote, MARK_FILL, MARK_PREFIX, planMarks, type CellMark } from "../../core/marks";
import { writableText, xmlSafeName, xmlSafeText } from "./safe-text";
import { RULE_TITLES } from "../../core/messages/rule-titles";
import { SEVERITY_WORDS } from "../../core/messages/severity";

/** The sheet that lists every finding in an annotated copy. */
export const RESULTS_SHEET = "校验结果";

type Lang = "zh" | "en";

const HEADERS: Record<Lang, string[]> = {
  zh: ["工作表", "单元格", "严重程度", "规则", "问题", "依据", "状态"],
  en: ["Sheet", "Cell", "Severity", "Rule", "Finding", "Clause", "Status"],
};
// The headers copies had before the message column was renamed (说明 is now a severity's name): still ours.
const EARLIER_HEADERS: string[][] = [
  ["工作表", "单元格", "严重程度", "规则", "说明", "依据", "状态"],
  ["Sheet", "Cell", "Severity", "Rule", "Message", "Clause", "Status"],
];

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** A reference to a cell usable inside a HYPERLINK formula's string: '推荐表'!A8 with quotes doubled. */
export function internalLink(sheet: string, a1: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${a1}`.replace(/"/g, '""');
}

/** What one painted cell was before we painted it, and what we painted. JSON, so the file port can store it. */
export interface PaintedCell {
  /** A1 address of the painted cell (the top-left cell of a merged area). */
  cell: string;
  /** ARGB fill we painted; a cell whose fill is no longer this was repainted by someone else. */
  painted: string;
  /** The cell's fill before, null for "no fill" (which is not white: white hides the gridlines). */
  fill: ExcelJS.Fill | null;
  /** The cell's note before (the user's own, or an earlier one of ours), null for none. */
  note: string | ExcelJS.Comment | null;
  /** The cell did not exist in the file before. */
  createdCell: boolean;
  /** Nor did its row. */
  createdRow: boolean;
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Two marks on cells of one merged area land on its top-left cell: one fill (the worse) and every reason. */
function mergeMarks(a: CellMark, b: CellMark): CellMark {
  const reasons = b.note.startsWith(MARK_PREFIX) ? b.note.slice(MARK_PREFIX.length) : `\n${b.note}`;
  return {
    row: a.row,
    col: a.col,
    severity: a.severity === "error" || b.severity === "error" ? "error" : "warning",
    note: `${a.note}${reasons}`,
  };
}

/** The cell a mark lands on (the top-left of a merged area), noting whether it or its row had to be created. */
function targetOf(ws: ExcelJS.Worksheet, row: number, col: number) {
  const createdRow = ws.findRow(row + 1) === undefined;
  const createdCell = createdRow || ws.findRow(row + 1)?.findCell(col + 1) === undefined;
  const cell = ws.getCell(row + 1, col + 1);
  if (cell.isMerged && cell.master !== cell)
    return { cell: cell.master, createdCell: false, createdRow: false };
  return { cell, createdCell, createdRow };
}

/**
 * The one painter of cell marks in a workbook file: `yanxiu check --out` (annotateWorkbook) and the file mode's
 * port (XlsxWorkbookPort.applyMarks) both paint through it, so their copies cannot differ. Each cell gets the fill
 * of its worst severity and a note listing every reason (planMarks); marks on one merged area land on its
 * top-left cell together. An earlier note of ours is replaced; a note of the user's is kept under ours. Returns
 * what each painted cell was before, so the port can take its marks back exactly.
 */
export function paintMarks(ws: ExcelJS.Worksheet, marks: readonly CellMark[]): PaintedCell[] {
  const byCell = new Map<
    string,
    { mark: CellMark; cell: ExcelJS.Cell; createdCell: boolean; createdRow: boolean }
  >();
  for (const mark of marks) {
    const target = targetOf(ws, mark.row, mark.col);
    const at = target.cell.address;
    const seen = byCell.get(at);
    if (seen) seen.mark = mergeMarks(seen.mark, mark);
    else byCell.set(at, { mark, ...target });
  }
  const painted: PaintedCell[] = [];
  for (const [address, { mark, cell, createdCell, createdRow }] of byCell) {
    const colour = argb(MARK_FILL[mark.severity]);
    const before = cell.note as string | ExcelJS.Comment | undefined;
    painted.push({
      cell: address,
      painted: colour,
      fill: cell.style.fill ? jsonCopy(cell.style.fill) : null,
      note: before === undefined ? null : jsonCopy(before),
      createdCell,
      createdRow,
    });
    // ExcelJS shares one style object between every cell loaded with the same style id: setting cell.fill would
    // paint all of them. A fresh style object keeps the mark on this cell only.
    cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: colour } } };
    const own = noteText(before);
    cell.note = writableText(own !== "" && !isOurNote(own) ? `${mark.note}\n\n${own}` : mark.note);
  }
  return painted;
}

/** Paint the marks of one sheet's findings (paintMarks); returns how many cells were painted. */
export function markWorksheet(ws: ExcelJS.Worksheet, findings: readonly Finding[], lang: Lang): number {
  return paintMarks(ws, planMarks(findings, lang)).length;
}

function uniqueSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function isOurResultsSheet(ws: ExcelJS.Worksheet): boolean {
  const first = ws.getRow(1);
  return [HEADERS.zh, HEADERS.en, ...EARLIER_HEADERS].some((h) =>
    h.every((text, i) => first.getCell(i + 1).value === text),
  );
}

/**
 * Add the 校验结果 sheet: one row per finding (ignored ones last, with their reason), each cell reference a
 * HYPERLINK to the cell. A formula rather than an ExcelJS hyperlink: ExcelJS writes internal links with an
 * external relationship, which WPS and some Excel versions open as a missing file.
 */
export function addResultsSheet(
  wb: ExcelJS.Workbook,
  checks: readonly SheetCheck[],
  lang: Lang,
  ignores: readonly IgnoreEntry[] = [],
): ExcelJS.Worksheet {
  const old = wb.getWorksheet(RESULTS_SHEET);
  if (old && isOurResultsSheet(old)) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(uniqueSheetName(wb, RESULTS_SHEET), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(HEADERS[lang]).font = { bold: true };
  const ignoredWord = lang === "zh" ? "已忽略" : "Ignored";
  const reasons = new Map(ignores.map((i) => [`${i.sheet}\u0000${i.rule}\u0000${i.cell}`, i.reason]));
  const statusOf = (f: Finding) => {
    const reason = reasons.get(`${f.sheet}\u0000${f.rule}\u0000${toA1(f.row, f.col)}`) ?? "";
    return reason === "" ? ignoredWord : `${ignoredWord}${lang === "zh" ? "：" : ": "}${reason}`;
  };
  const rows: Array<{ f: Finding; status: string }> = [];
  for (const check of checks) {
    for (const f of [...check.findings].sort(compareFindings)) rows.push({ f, status: "" });
    for (const f of [...check.ignored].sort(compareFindings)) rows.push({ f, status: statusOf(f) });
  }
  for (const { f, status } of rows) {
    const a1 = toA1(f.row, f.col);
    const row = ws.addRow([
      writableText(f.sheet),
      { formula: `HYPERLINK("${internalLink(f.sheet, a1)}","${a1}")`, result: a1 },
      SEVERITY_WORDS[f.severity][lang],
      RULE_TITLES[f.rule][lang],
      writableText(lang === "zh" ? f.message.zh : f.message.en),
      writableText(f.clause),
      status === "" ? null : writableText(status),
    ]);
    row.getCell(2).font = { color: { argb: "FF0563C1" }, underline: true };
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
  }
  const widths = [14, 9, 9, 24, 70, 28, 16];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (rows.length > 0)
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: rows.length + 1, column: HEADERS[lang].length },
    };
  return ws;
}

type Value = ExcelJS.CellValue;

function safeValue(value: Value): Value {
  if (typeof value === "string") return xmlSafeText(value);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return {
        ...v,
        richText: (v.richText as Array<{ text: string }>).map((r) => ({ ...r, text: xmlSafeText(r.text) })),
      } as unknown as Value;
    if (typeof v.result === "string") return { ...v, result: xmlSafeText(v.result) } as unknown as Value;
    if (typeof v.text === "string") return { ...v, text: xmlSafeText(v.text) } as unknown as Value;
  }
  return value;
}

/**
 * Make every text of a loaded workbook writable as XML: ExcelJS writes strings as they are, so a control character
 * or U+FFFE read from the file (as _x001B_ or &#x1B;) would make the written copy unreadable. Characters are
 * written back as Excel's _xHHHH_ escapes (nothing is lost); sheet names, where Excel reads no escapes, get U+FFFD.
 * Returns the renamed sheets (old name → new).
 */
export function makeWritable(wb: ExcelJS.Workbook): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const ws of wb.worksheets) {
    const name = xmlSafeName(ws.name);
    if (name !== ws.name) {
      renamed.set(ws.name, name);
      ws.name = name;
    }
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const safe = safeValue(value);
        if (safe !== value && JSON.stringify(safe) !== JSON.stringify(value)) cell.value = safe;
        const note = noteText(cell.note);
        if (note !== "" && xmlSafeText(note) !== note) cell.note = xmlSafeText(note);
      });
    });
  }
  return renamed;
}

/** Mark every checked sheet and add the results sheet: the annotated copy `yanxiu check --out` writes. */
export function annotateWorkbook(
  wb: ExcelJS.Workbook,
  checks: readonly SheetCheck[],
  lang: Lang,
  ignores: readonly IgnoreEntry[] = [],
): { marked: number } {
  let marked = 0;
  const renamed = makeWritable(wb);
  for (const check of checks) {
    const ws = wb.getWorksheet(renamed.get(check.sheet) ?? check.sheet);
    if (ws) marked += markWorksheet(ws, check.findings, lang);
  }
  addResultsSheet(wb, checks, lang, ignores);
  return { marked };
}
