import type { Text } from "../../core/findings";
import { wordProblemText, type WordProblem } from "../docx/problems";

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
export const COPY_LIMITS = {
  rows: 50_000,
  cells: 750_000,
  /**
   * Merges per sheet: ExcelJS checks each new merge against every earlier one, so the time grows with the square
   * (50,000 merges did not finish in two minutes; 10,000 take about two seconds).
   */
  merges: 10_000,
  /** Cells covered by merges, or by data validations, per sheet: ExcelJS makes an object for each. */
  coveredCells: 2_000_000,
} as const;

/** Why the copy writer refused a workbook that was checked. */
export type CopyRefusal =
  | { kind: "copy-would-drop"; sheets: string[] }
  | { kind: "copy-too-spread"; sheet: string; merges: number; mergedCells: number; validatedCells: number };

/** The words for a copy refused, zh-CN and en: the findings are listed as usual, nothing was written. */
export function copyRefusedText(refusal: CopyRefusal): Text {
  if (refusal.kind === "copy-would-drop") {
    const names = refusal.sheets.map((s) => `“${s}”`).join("、");
    return {
      zh: `写出标记副本时会丢失工作表 ${names}（其文件结构为写出工具所不支持），为免丢失数据，未写出标记副本。校验结果照常列出。可在 Excel 或 WPS 中打开后另存为 .xlsx，再生成副本。`,
      en: `Writing the annotated copy would lose sheet(s) ${refusal.sheets.map((s) => `“${s}”`).join(", ")} (their package layout is not supported by the copy writer), so no copy was written rather than one missing data. The findings are listed as usual. Open the file in Excel or WPS and save it as .xlsx to get a copy.`,
    };
  }
  return {
    zh: `工作表“${refusal.sheet}”有 ${n(refusal.merges)} 处合并单元格，合并区域覆盖 ${n(refusal.mergedCells)} 个单元格，数据验证覆盖 ${n(refusal.validatedCells)} 个单元格，超过标记副本的上限（${n(COPY_LIMITS.merges)} 处合并、${n(COPY_LIMITS.coveredCells)} 个单元格；整列或整表的合并与数据验证会让写出需要数 GB 内存）。校验结果照常列出，未写出标记副本。`,
    en: `Sheet “${refusal.sheet}” has ${n(refusal.merges)} merges covering ${n(refusal.mergedCells)} cells and data validations covering ${n(refusal.validatedCells)} cells, over the annotated copy's limits (${n(COPY_LIMITS.merges)} merges, ${n(COPY_LIMITS.coveredCells)} cells; merges and validations over whole columns or the whole sheet would take gigabytes to write). The findings are listed as usual; no annotated copy was written.`,
  };
}

/** Why an annotated copy of a checked workbook was not written, zh-CN and en. */
export function copyTooLargeText(sheet: string, rows: number, cells: number): Text {
  return {
    zh: `工作表“${sheet}”有 ${n(rows)} 行、${n(cells)} 个单元格，超过标记副本每张工作表 ${n(COPY_LIMITS.rows)} 行、${n(COPY_LIMITS.cells)} 个单元格的上限（写出副本要重新载入并写出整个工作簿，再大则需要 2 GB 以上内存）。校验结果照常列出，未写出标记副本。`,
    en: `Sheet “${sheet}” has ${n(rows)} rows and ${n(cells)} cells, over the limit of ${n(COPY_LIMITS.rows)} rows and ${n(COPY_LIMITS.cells)} cells per sheet for an annotated copy (writing one reloads and rewrites the whole workbook, which would need more than 2 GB beyond it). The findings are listed as usual; no annotated copy was written.`,
  };
}

/**
 * Why no annotated copy was written when the writer (ExcelJS) could not load a workbook the reader checked: parts it
 * does not expect (inline rich text, other namespace prefixes, a DOCTYPE). The copy is refused, never half-written.
 */
export function copyUnloadableText(detail: string): Text {
  return {
    zh: `写出标记副本的组件无法载入此文件的结构（${detail}），未写出标记副本；校验结果照常列出。可在 Excel 或 WPS 中打开后另存为 .xlsx，再生成副本。`,
    en: `The component that writes annotated copies cannot load this file's structure (${detail}); no annotated copy was written. The findings are listed as usual. Open it in Excel or WPS, save it as .xlsx, and make the copy from that.`,
  };
}

/** The formats read through SheetJS rather than the project's own reader. */
export type LegacyFormat = "xls" | "et" | "ods" | "fods" | "xlsb";

const FORMAT_NAMES: Record<LegacyFormat, Text> = {
  xls: { zh: "旧版 Excel 工作簿（.xls）", en: "old Excel workbook (.xls)" },
  et: { zh: "WPS 表格（.et）", en: "WPS spreadsheet (.et)" },
  ods: { zh: "OpenDocument 电子表格（.ods）", en: "OpenDocument spreadsheet (.ods)" },
  fods: {
    zh: "OpenDocument 平面电子表格（.fods，XML 文本）",
    en: "flat OpenDocument spreadsheet (.fods, XML text)",
  },
  xlsb: { zh: "Excel 二进制工作簿（.xlsb）", en: "Excel binary workbook (.xlsb)" },
};

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;

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
  /** A sheet over SHEET_LIMITS; `atLeast` when counting stopped as soon as the limit was passed. */
  | { kind: "too-large"; sheet: string; rows: number; cells: number; atLeast?: boolean }
  /** The package inflates past a cap (package.ts): a zip bomb, or a part no workbook has. */
  | { kind: "over-limit"; part: string; limit: "part" | "total" | "copy" | "entries"; bytes: number }
  /** Merges or data validations over so many cells that the workbook writer (ExcelJS) cannot load the file. */
  | { kind: "too-spread"; sheet: string; merges: number; mergedCells: number; validatedCells: number }
  /** A format read through SheetJS (.xls, .et, .ods, .fods, .xlsb) that it could not read. */
  | { kind: "legacy-unreadable"; format: LegacyFormat; message: string }
  | { kind: "empty-workbook"; noSheets: boolean }
  /** A Word document (.docx form) that cannot be read, or gets no annotated copy (docx/problems.ts). */
  | WordProblem;

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
    case "word":
      return wordProblemText(problem);
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
    case "over-limit": {
      const what =
        problem.limit === "entries"
          ? {
              zh: `zip 中的部件超过 ${n(problem.bytes)} 个`,
              en: `the zip holds more than ${n(problem.bytes)} parts`,
            }
          : problem.limit === "part"
            ? {
                zh: `部件 ${problem.part} 解压后超过 ${mb(problem.bytes)}`,
                en: `part ${problem.part} inflates to more than ${mb(problem.bytes)}`,
              }
            : {
                zh: `解压后的内容合计超过 ${mb(problem.bytes)}（到部件 ${problem.part} 为止）`,
                en: `its parts inflate to more than ${mb(problem.bytes)} in all (at part ${problem.part})`,
              };
      return {
        zh: `文件解压后超过本工具的上限（${what.zh}），未读取。正常的申报表远小于此；此文件可能是“zip 炸弹”或夹带了大文件。请向发件人核实，或删去多余内容后另存为 .xlsx 再校验。`,
        en: `The file inflates beyond this tool's limit (${what.en}) and was not read. Real application workbooks are far smaller; this may be a "zip bomb" or carry large embedded files. Check with the sender, or remove the extra content, save as .xlsx and check again.`,
      };
    }
    case "too-spread": {
      const t = copyRefusedText({ ...problem, kind: "copy-too-spread" });
      return {
        zh: t.zh.replace(
          /校验结果照常列出，未写出标记副本。$/,
          "无法在文件模式中打开；请用命令行 yanxiu check 校验。",
        ),
        en: t.en.replace(
          /The findings are listed as usual; no annotated copy was written\.$/,
          "It cannot be opened in file mode; check it with the yanxiu check command.",
        ),
      };
    }
    case "legacy-unreadable": {
      const name = FORMAT_NAMES[problem.format];
      return {
        zh: `这是${name.zh}，但无法读取其内容（${problem.message}）。${SAVE_AS.zh}`,
        en: `This is an ${name.en}, but its content could not be read (${problem.message}). ${SAVE_AS.en}`,
      };
    }
    case "too-large":
      return {
        zh: `工作表“${problem.sheet}”有${problem.atLeast ? "超过 " : " "}${n(problem.rows)} 行、${n(problem.cells)} 个单元格，超过本工具每张工作表 ${n(SHEET_LIMITS.rows)} 行、${n(SHEET_LIMITS.cells)} 个单元格的上限（再大则校验需要 2 GB 以上内存）。请删除多余的行，或拆分为多个文件后再校验。`,
        en: `Sheet “${problem.sheet}” has ${problem.atLeast ? "at least " : ""}${n(problem.rows)} rows and ${n(problem.cells)} cells, over this tool's limit of ${n(SHEET_LIMITS.rows)} rows and ${n(SHEET_LIMITS.cells)} cells per sheet (beyond it a check would need more than 2 GB of memory). Delete the extra rows or split the file, then check again.`,
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
