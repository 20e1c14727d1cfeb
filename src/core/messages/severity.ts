import type { Severity, Text } from "../findings";

/**
 * The one name of each severity, wherever a finding is shown: the pane's badges, the CLI's tags and counts, the
 * notes of marked cells and the 校验结果 sheet. 说明 (not 信息) for the findings that are neither errors nor
 * warnings: they explain what was assumed or not checked.
 */
export const SEVERITY_WORDS: Record<Severity, Text> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "提醒", en: "Warning" },
  info: { zh: "说明", en: "Note" },
};
