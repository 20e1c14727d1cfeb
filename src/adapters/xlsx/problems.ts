import type { Text } from "../../core/findings";

const n = (value: number) => value.toLocaleString("en-US");

/**
 * The ceiling on one worksheet. Measured with ExcelJS 4.4 on a 12-column list (bench/files.ts, README):
 * 100,000 rows load in about 700 MB, 200,000 rows in 1.4 GB and 1,000,000 rows in 4.8 GB and two minutes.
 * Sheets above either figure are refused before loading so that a check never needs more than 2 GB.
 */
export const SHEET_LIMITS = { rows: 100_000, cells: 1_500_000 } as const;

/**
 * The ceiling on one worksheet of an annotated copy (--out), which ExcelJS must load and write again whole: measured
 * on the same list, 50,000 rows take 1.0 GB at peak and 100,000 rows 2.0 GB, so copies stop at half the check limit.
 */
export const COPY_LIMITS = { rows: 50_000, cells: 750_000 } as const;

/** Why an annotated copy of a checked workbook was not written, zh-CN and en. */
export function copyTooLargeText(sheet: string, rows: number, cells: number): Text {
  return {
    zh: `工作表“${sheet}”有 ${n(rows)} 行、${n(cells)} 个单元格，超过标记副本每张工作表 ${n(COPY_LIMITS.rows)} 行、${n(COPY_LIMITS.cells)} 个单元格的上限（写出副本要重新载入并写出整个工作簿，再大则需要 2 GB 以上内存）。校验结果照常列出，未写出标记副本。`,
    en: `Sheet “${sheet}” has ${n(rows)} rows and ${n(cells)} cells, over the limit of ${n(COPY_LIMITS.rows)} rows and ${n(COPY_LIMITS.cells)} cells per sheet for an annotated copy (writing one reloads and rewrites the whole workbook, which would need more than 2 GB beyond it). The findings are listed as usual; no annotated copy was written.`,
  };
}

/** Why a file could not be checked. Each kind has its own zh-CN/en message (problemText). */
export type InputProblem =
  | { kind: "not-found" }
  | { kind: "permission" }
  | { kind: "read-failed"; detail: string }
  | { kind: "empty-file" }
  /** An OLE compound file that is not encrypted: an old .xls, or WPS .et. */
  | { kind: "old-format"; extension: string }
  | { kind: "encrypted" }
  | { kind: "text"; csv: boolean }
  | { kind: "html" }
  | { kind: "not-zip" }
  /** A zip that holds no workbook (a .docx renamed, a zip archive). */
  | { kind: "not-xlsx"; looksLike: "docx" | "pptx" | null }
  | { kind: "corrupt"; detail: "truncated" | "no-directory" | "bad-entry" | "content"; message?: string }
  | { kind: "too-large"; sheet: string; rows: number; cells: number }
  | { kind: "empty-workbook"; noSheets: boolean };

const SAVE_AS: Text = {
  zh: "请用 Excel 或 WPS 打开，“另存为”Excel 工作簿（*.xlsx）后再校验。",
  en: "Open it in Excel or WPS, save it as an Excel workbook (*.xlsx), and check that file.",
};

const CORRUPT_DETAIL: Record<
  Exclude<Extract<InputProblem, { kind: "corrupt" }>["detail"], "content">,
  Text
> = {
  truncated: { zh: "文件不完整，像是被截断了", en: "the file is incomplete, as if cut short" },
  "no-directory": {
    zh: "找不到 zip 目录，文件可能被截断",
    en: "its zip directory is missing; the file may have been cut short",
  },
  "bad-entry": { zh: "zip 目录已损坏", en: "its zip directory is damaged" },
};

/** The message for a problem with the file the user named: what is wrong and what to do, zh-CN and en. */
export function problemText(problem: InputProblem): Text {
  switch (problem.kind) {
    case "not-found":
      return { zh: "找不到此文件或目录。", en: "No such file or directory." };
    case "permission":
      return {
        zh: "没有读取此文件的权限。请检查文件权限，或确认文件没有被其他程序独占打开。",
        en: "Permission denied: this file cannot be read. Check its permissions, or whether another program holds it open.",
      };
    case "read-failed":
      return {
        zh: `无法读取此文件（${problem.detail}）。`,
        en: `This file could not be read (${problem.detail}).`,
      };
    case "empty-file":
      return {
        zh: "文件是空的（0 字节），不是 Excel 工作簿。",
        en: "The file is empty (0 bytes); it is not an Excel workbook.",
      };
    case "old-format":
      return {
        zh: `这是旧版 Excel（.xls）或 WPS 表格（.et）格式的文件${problem.extension ? `（扩展名 ${problem.extension}）` : ""}，本工具只能读取 .xlsx。${SAVE_AS.zh}`,
        en: `This is an old Excel (.xls) or WPS (.et) file${problem.extension ? ` (extension ${problem.extension})` : ""}; only .xlsx can be read. ${SAVE_AS.en}`,
      };
    case "encrypted":
      return {
        zh: "此工作簿设置了打开密码（文件已加密），无法读取。请在 Excel 或 WPS 中打开，取消“用密码进行加密”后另存为 .xlsx，再校验。",
        en: "This workbook is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password (Encrypt with Password), save it as .xlsx, and check that file.",
      };
    case "text":
      return problem.csv
        ? {
            zh: `这是 CSV 文本文件（以逗号或制表符分隔），不是 Excel 工作簿，没有合并单元格等表格结构。${SAVE_AS.zh}`,
            en: `This is a CSV text file (comma- or tab-separated), not an Excel workbook, so it has no merged cells or layout. ${SAVE_AS.en}`,
          }
        : {
            zh: `这是纯文本文件，不是 Excel 工作簿。${SAVE_AS.zh}`,
            en: `This is a plain text file, not an Excel workbook. ${SAVE_AS.en}`,
          };
    case "html":
      return {
        zh: `这是网页（HTML）文件，只是扩展名像 Excel 文件（一些系统导出的“xls”实为网页）。${SAVE_AS.zh}`,
        en: `This is a web page (HTML) with a spreadsheet-like extension (some systems export "xls" files that are web pages). ${SAVE_AS.en}`,
      };
    case "not-zip":
      return {
        zh: "不是有效的 .xlsx 文件：内容不是 xlsx 所用的 zip 格式（可能是其他类型的文件改了扩展名）。",
        en: "Not a valid .xlsx file: its content is not the zip format xlsx uses (perhaps another kind of file was renamed).",
      };
    case "not-xlsx": {
      const like =
        problem.looksLike === "docx"
          ? { zh: "，看起来是 Word 文档", en: "; it looks like a Word document" }
          : problem.looksLike === "pptx"
            ? { zh: "，看起来是 PowerPoint 演示文稿", en: "; it looks like a PowerPoint presentation" }
            : { zh: "", en: "" };
      return {
        zh: `这是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml${like.zh}）。`,
        en: `This is a zip archive but not an Excel workbook (no xl/workbook.xml${like.en}).`,
      };
    }
    case "corrupt": {
      const why =
        problem.detail === "content"
          ? {
              zh: `工作簿内容无法解析：${problem.message ?? ""}`,
              en: `its content cannot be parsed: ${problem.message ?? ""}`,
            }
          : CORRUPT_DETAIL[problem.detail];
      return {
        zh: `文件已损坏，无法读取（${why.zh}）。请重新获取原文件（下载或复制可能不完整），或用 Excel 打开修复后另存为 .xlsx。`,
        en: `The file is damaged and cannot be read (${why.en}). Get the original again (the download or copy may be incomplete), or let Excel repair it and save it as .xlsx.`,
      };
    }
    case "too-large":
      return {
        zh: `工作表“${problem.sheet}”有 ${n(problem.rows)} 行、${n(problem.cells)} 个单元格，超过本工具每张工作表 ${n(SHEET_LIMITS.rows)} 行、${n(SHEET_LIMITS.cells)} 个单元格的上限（再大则校验需要 2 GB 以上内存）。请删除多余的行，或拆分为多个文件后再校验。`,
        en: `Sheet “${problem.sheet}” has ${n(problem.rows)} rows and ${n(problem.cells)} cells, over this tool's limit of ${n(SHEET_LIMITS.rows)} rows and ${n(SHEET_LIMITS.cells)} cells per sheet (beyond it a check would need more than 2 GB of memory). Delete the extra rows or split the file, then check again.`,
      };
    case "empty-workbook":
      return problem.noSheets
        ? {
            zh: "工作簿中没有任何工作表，没有可校验的内容。",
            en: "The workbook has no worksheets; there is nothing to check.",
          }
        : {
            zh: "工作簿中的工作表都是空的，没有可校验的内容。",
            en: "Every worksheet of the workbook is empty; there is nothing to check.",
          };
  }
}
