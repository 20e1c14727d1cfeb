import type { Text } from "../findings";

/**
 * A pack's id (notice.yaml `id`, e.g. sh-2026-gaoyan). Packs are runtime data (packs/<id>/ folders, built-in or added
 * with --pack or the pane's pack settings), so this is an open string, not a closed union.
 */
export type PackId = string;

export type Level = "national" | "provincial";

/** The kinds of table the engine recognises. */
export type TableKind =
  "recommendation" | "summary" | "application" | "institution" | "reference" | "unknown";

export const TABLE_NAMES: Record<TableKind, Text> = {
  recommendation: { zh: "推荐表", en: "Recommendation list" },
  summary: { zh: "汇总表", en: "Summary list" },
  application: { zh: "申报表", en: "Application form" },
  institution: { zh: "培训机构申报表", en: "Training-institution application form" },
  reference: { zh: "参考表", en: "Reference sheet" },
  unknown: { zh: "未识别", en: "Not recognised" },
};

export const LEVEL_NAMES: Record<Level, Text> = {
  national: { zh: "国家级", en: "National" },
  provincial: { zh: "省级", en: "Provincial" },
};
