import type { Text } from "../../core/findings";

/** What went wrong, for the pane to choose its wording and its advice. */
export type OfficeErrorKind =
  /** Excel or its JavaScript API is not there (the code runs outside Excel). */
  | "no-excel"
  /** The host lacks a requirement set the operation needs. */
  | "unsupported"
  | "sheet-not-found"
  | "protected"
  /** A request or response went over Excel on the web's 5 MB limit. */
  | "too-large"
  /** The user is typing in a cell and this Excel would not wait (before ExcelApi 1.11). */
  | "cell-edit"
  /** Any other error Excel reported. */
  | "excel";

/**
 * An error from Excel (or from its absence), typed and worded in both languages. The original error is kept as
 * `cause`; `code` is Excel's own error code when there is one.
 */
export class OfficeAdapterError extends Error {
  override readonly name = "OfficeAdapterError";
  readonly kind: OfficeErrorKind;
  readonly text: Text;
  readonly code: string | undefined;

  constructor(kind: OfficeErrorKind, text: Text, options: { code?: string; cause?: unknown } = {}) {
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.text = text;
    this.code = options.code;
  }
}

/** The shape of Office.js's OfficeExtension.Error that matters here. */
interface ExcelErrorLike {
  code: string;
  message: string;
  debugInfo?: { errorLocation?: string };
}

export function isExcelError(e: unknown): e is ExcelErrorLike {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { message?: unknown }).message === "string"
  );
}

export const PAYLOAD_CODES: ReadonlySet<string> = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

export function isPayloadError(e: unknown): boolean {
  return isExcelError(e) && PAYLOAD_CODES.has(e.code);
}

/**
 * A read too large for one request: over the 5 MB of a response (Excel on the web), or over the 5,000,000 cells
 * Excel reads at once on every platform (RangeExceedsLimit). Either way, smaller reads get it.
 */
export function isReadTooLarge(e: unknown): boolean {
  return (
    e instanceof NullReadError || isPayloadError(e) || (isExcelError(e) && e.code === "RangeExceedsLimit")
  );
}

/** Excel answered a read with null values instead of an error (reported for reads over 5,000,000 cells). */
export class NullReadError extends Error {
  override readonly name = "NullReadError";
}

const FILE_MODE: Text = {
  zh: "可改用文件模式（命令行 yanxiu 或浏览器中打开工作簿）完成校验。",
  en: "Use file mode instead (the yanxiu command or the workbook opened in the browser).",
};

export function unsupported(what: Text, needs: string): OfficeAdapterError {
  return new OfficeAdapterError("unsupported", {
    zh: `此版本的 Excel 不支持${what.zh}（需要 ExcelApi ${needs}）。${FILE_MODE.zh}`,
    en: `This version of Excel cannot ${what.en} (it needs ExcelApi ${needs}). ${FILE_MODE.en}`,
  });
}

export function noExcel(): OfficeAdapterError {
  return new OfficeAdapterError("no-excel", {
    zh: `未在 Excel 中运行，无法访问工作簿。${FILE_MODE.zh}`,
    en: `Not running inside Excel, so the workbook cannot be reached. ${FILE_MODE.en}`,
  });
}

/**
 * Turns whatever an Excel call threw into an OfficeAdapterError with a message for the user. Errors that are
 * not Excel's (programming faults such as a TypeError) are passed through unchanged so they stay visible as bugs.
 */
export function toOfficeError(e: unknown, sheet?: string): unknown {
  if (e instanceof OfficeAdapterError || !isExcelError(e)) return e;
  const where =
    sheet === undefined ? { zh: "", en: "" } : { zh: `（工作表“${sheet}”）`, en: ` (sheet “${sheet}”)` };
  switch (e.code) {
    case "ItemNotFound":
      if (sheet !== undefined && /worksheet|sheet/i.test(`${e.message} ${e.debugInfo?.errorLocation ?? ""}`))
        return new OfficeAdapterError(
          "sheet-not-found",
          {
            zh: `找不到工作表“${sheet}”，它可能已被改名或删除。`,
            en: `The sheet “${sheet}” was not found; it may have been renamed or deleted.`,
          },
          { code: e.code, cause: e },
        );
      break;
    case "AccessDenied":
    case "InsertDeleteConflict":
      return new OfficeAdapterError(
        "protected",
        {
          zh: `工作表受保护或正在被他人编辑，无法修改${where.zh}。请撤销工作表保护后重试。`,
          en: `The sheet is protected or being edited elsewhere, so it cannot be changed${where.en}. Unprotect it and try again.`,
        },
        { code: e.code, cause: e },
      );
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new OfficeAdapterError(
        "too-large",
        {
          zh: `数据量超过了 Excel 单次请求 5 MB 的上限${where.zh}。${FILE_MODE.zh}`,
          en: `The data exceeds Excel's 5 MB limit for one request${where.en}. ${FILE_MODE.en}`,
        },
        { code: e.code, cause: e },
      );
    case "InvalidOperationInCellEditMode":
      return new OfficeAdapterError(
        "cell-edit",
        {
          zh: "Excel 正在编辑单元格，暂时无法操作工作簿。请按 Enter 或 Esc 结束单元格编辑后重试。",
          en: "Excel is editing a cell and cannot be changed now. Press Enter or Esc to finish editing the cell, then try again.",
        },
        { code: e.code, cause: e },
      );
    case "ApiNotFound":
      return new OfficeAdapterError(
        "unsupported",
        {
          zh: `此版本的 Excel 缺少所需的功能（${e.message}）。${FILE_MODE.zh}`,
          en: `This version of Excel lacks a feature this needs (${e.message}). ${FILE_MODE.en}`,
        },
        { code: e.code, cause: e },
      );
  }
  return new OfficeAdapterError(
    "excel",
    {
      zh: `Excel 报告了错误 ${e.code}${where.zh}：${e.message}`,
      en: `Excel reported ${e.code}${where.en}: ${e.message}`,
    },
    { code: e.code, cause: e },
  );
}
