import type { Pack } from "../pack";
import { checkFjApplication, recogniseFjApplication, type FjFormRecognition } from "./application";
import { checkFjSummary, recogniseFjSummary, type FjSummaryRecognition } from "./summary";

/**
 * Fujian's 2026 notice (福建省人社厅办公室, 2026-01-05): 附件1 国家级申报表, 附件2 省级申报表, 附件3 汇总表, with 附件4
 * 填表说明 as rules. The forms name their level; the 汇总表 serves both and leaves it unknown unless chosen.
 *
 * `fj.unfinished-2025` (a reference sheet of units that did not finish their 2025 task) is not checked: a pack sees one
 * sheet at a time, and the reference list lives on another sheet of the workbook.
 */
export const fjGaoyanPack: Pack = {
  id: "fj-2026-gaoyan",
  tables: ["summary", "application"],
  recognise(signals) {
    const form = recogniseFjApplication(signals);
    if (form) return { table: "application", confidence: form.confidence, level: form.variant, data: form };
    const summary = recogniseFjSummary(signals);
    if (summary) return { table: "summary", confidence: summary.confidence, level: null, data: summary };
    return undefined;
  },
  check(signals, recognition, level) {
    if (recognition.table === "application")
      return checkFjApplication(signals.grid, recognition.data as FjFormRecognition, level);
    return checkFjSummary(signals.grid, recognition.data as FjSummaryRecognition, level);
  },
};
