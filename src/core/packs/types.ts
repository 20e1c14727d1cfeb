import type { Text } from "../findings";

/** The notices the product knows, one pack each (rules.md "Policy packs"). */
export const PACK_IDS = [
  "sh-2026-gaoyan",
  "fj-2026-gaoyan",
  "hb-2026-gaoyan",
  "sh-2026-digital-institution",
] as const;
export type PackId = (typeof PACK_IDS)[number];

export type Level = "national" | "provincial";

/** The kinds of table the engine recognises. */
export type TableKind =
  "recommendation" | "summary" | "application" | "institution" | "reference" | "unknown";

export function isPackId(value: string): value is PackId {
  return (PACK_IDS as readonly string[]).includes(value);
}

export const PACK_NAMES: Record<PackId, Text> = {
  "sh-2026-gaoyan": {
    zh: "上海 2026 高级研修项目（沪人社专〔2026〕82号）",
    en: "Shanghai 2026 advanced training (No. 82)",
  },
  "fj-2026-gaoyan": { zh: "福建 2026 高级研修项目", en: "Fujian 2026 advanced training" },
  "hb-2026-gaoyan": {
    zh: "湖北 2026 高级研修项目（鄂人社函〔2025〕168号）",
    en: "Hubei 2026 advanced training (No. 168)",
  },
  "sh-2026-digital-institution": {
    zh: "上海 数字技术工程师培育项目培训机构（沪人社专〔2026〕55号）",
    en: "Shanghai digital-engineer training institutions (No. 55)",
  },
};

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
