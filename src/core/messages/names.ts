import type { Text } from "../findings";
import type { Level, TableKind } from "../packs/types";

/** The kinds of table, as the pane, the CLI and the summary name them. */
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
