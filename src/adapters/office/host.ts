import type { Text } from "../../core/findings";
import { noExcel } from "./errors";

/**
 * `Excel.run`: the one way into the workbook. Injected so tests can pass a simulator's. The second form runs a batch
 * on the context of earlier objects, which is how an event handler registered in an earlier batch is removed.
 */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** With RunOptions: `delayForCellEdit` (ExcelApi 1.11) waits until the user leaves a cell being edited. */
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Excel.run from the Office.js global, resolved when first used (so importing this module never needs Office). */
export function globalRun(): ExcelRun {
  const run = (...args: unknown[]): Promise<unknown> => {
    const excel = (globalThis as { Excel?: { run?: (...a: unknown[]) => Promise<unknown> } }).Excel;
    if (typeof excel?.run !== "function") return Promise.reject(noExcel());
    return excel.run(...args);
  };
  return run as ExcelRun;
}

export function globalIsSetSupported(): IsSetSupported {
  return (name, minVersion) => {
    const office = (
      globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }
    ).Office;
    const check = office?.context?.requirements?.isSetSupported;
    return typeof check === "function" ? check.call(office?.context?.requirements, name, minVersion) : false;
  };
}

/**
 * The ExcelApi version each feature of the adapter needs, checked with isSetSupported before use.
 * (Office 2016 has 1.1, Office 2019 1.8, Office 2021 1.14, Office 2024 1.17; Microsoft 365 from Windows 2501 / Mac 16.93
 * and Excel on the web have them all. The manifest asks for 1.9, so Excel before that never loads the add-in.)
 */
export const REQUIREMENTS = {
  /** Reading: the used range's values (`getUsedRange(valuesOnly)`, 1.2). */
  read: "1.2",
  /** Reading text and number formats of numeric cells only (`getSpecialCellsOrNullObject`): a third of the bytes. */
  lightRead: "1.9",
  /** Merged areas of the sheet: `Range.getMergedAreasOrNullObject`. */
  merges: "1.13",
  /** Painting and taking back marks: `getRanges`, `RangeAreas`, `RangeFill.pattern`/`tintAndShade`; settings (1.4). */
  marks: "1.9",
  /** Reasons as notes: `Worksheet.notes`. */
  notes: "1.18",
  /** Reasons as threaded comments: `Worksheet.comments`. */
  comments: "1.10",
  /** Drawing a sheet: `getRanges` and `PageLayout` (1.9), list validation (1.8). */
  insertSheet: "1.9",
  /** Selecting a cell: `Range.select`, `Worksheet.activate`. */
  selectCell: "1.1",
  /**
   * Settings: the store sheet "_yanxiu" (`worksheets.getItemOrNullObject`, `getUsedRangeOrNullObject`, 1.4) and the
   * record of marks in `Workbook.settings` (1.4).
   */
  settings: "1.4",
  /** 实时校验: `Worksheet.onChanged`. */
  changeEvents: "1.7",
} as const;

export type Feature = keyof typeof REQUIREMENTS;

export const FEATURE_NAMES: Record<Feature, Text> = {
  read: { zh: "读取工作表", en: "read sheets" },
  lightRead: { zh: "高效读取大工作表", en: "read large sheets efficiently" },
  merges: { zh: "识别合并单元格", en: "see merged cells" },
  marks: { zh: "在单元格中标记问题", en: "mark problems in the cells" },
  notes: { zh: "以批注（备注）说明原因", en: "attach reasons as notes" },
  comments: { zh: "以评论说明原因", en: "attach reasons as comments" },
  insertSheet: { zh: "插入模板工作表", en: "insert template sheets" },
  selectCell: { zh: "定位到单元格", en: "select cells" },
  settings: { zh: "在工作簿中保存设置", en: "keep settings in the workbook" },
  changeEvents: { zh: "编辑后自动重新校验（实时校验）", en: "check again after edits (live check)" },
};

export function supports(isSetSupported: IsSetSupported, feature: Feature): boolean {
  return isSetSupported("ExcelApi", REQUIREMENTS[feature]);
}
