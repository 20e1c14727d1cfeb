import type { Finding } from "../../findings";
import { cellText } from "../../read/normalise";
import { isListedUnit } from "../../references";
import type { Model } from "../../packs/pack";
import { checkDeclaredTable, recogniseDeclaredTable } from "../generic";
import { FJ_CLAUSE_NAMES, FJ_FIGURE_KEYS, FJ_MESSAGE_KEYS, fjContext, type FjContext } from "./figures";
import { checkFjApplication, recogniseFjApplication, type FjFormRecognition } from "./application";
import { checkFjSummary, recogniseFjSummary, type FjSummaryRecognition } from "./summary";

/**
 * Fujian's 2026 notice (福建省人社厅办公室, 2026-01-05): 附件1 国家级申报表, 附件2 省级申报表, 附件3 汇总表, with 附件4
 * 填表说明 as rules. The forms name their level; the 汇总表 serves both and leaves it unknown unless chosen.
 * `fj.unfinished-2025` uses the list of units that did not finish their 2025 task, when the workbook has one
 * (gathered by checkWorkbook from a sheet such as "2025未完成单位").
 */
export const fjGaoyanModel: Model = {
  id: "fj-gaoyan",
  needs: {
    figures: FJ_FIGURE_KEYS,
    clauses: FJ_CLAUSE_NAMES,
    lists: [],
    messages: FJ_MESSAGE_KEYS,
    tables: ["application"],
  },
  make(data) {
    const c = fjContext(data);
    return {
      id: data.id,
      data,
      tables: ["summary", "application", "reference"],
      recognise(signals) {
        // Tables the pack declares (tables/*.yaml: 附件4 填表说明, prose that goes with the tables, recognised so it is
        // not reported as unknown, never checked) come first, scored by the generic recogniser.
        const declared = recogniseDeclaredTable(data, signals);
        if (declared) return declared;
        const form = recogniseFjApplication(c, signals);
        if (form)
          return {
            table: "application",
            confidence: form.confidence,
            level: form.variant,
            data: form,
            form: form.form,
          };
        const summary = recogniseFjSummary(signals);
        if (summary) return { table: "summary", confidence: summary.confidence, level: null, data: summary };
        return undefined;
      },
      check(signals, recognition, level, references) {
        const declared = checkDeclaredTable(c.pack, signals, recognition, references);
        if (declared) return declared;
        if (recognition.table === "reference") return [];
        const units = references?.unfinishedUnits ?? [];
        if (recognition.table === "application") {
          const data = recognition.data as FjFormRecognition;
          const findings = checkFjApplication(c, signals.grid, data, level);
          const host = data.form.fields.get("hostName");
          if (host && isListedUnit(host.text, units))
            findings.push(
              unfinishedFinding(c, signals.grid.name, { row: host.valueRow, col: host.valueCol }, host.text),
            );
          return findings;
        }
        const data = recognition.data as FjSummaryRecognition;
        const findings = checkFjSummary(c, signals.grid, data, level);
        const hostColumn = data.list.columns.get("host");
        if (hostColumn && units.length > 0)
          for (const row of data.list.rows) {
            const name = cellText(signals.grid.cell(row, hostColumn.col));
            if (isListedUnit(name, units))
              findings.push(unfinishedFinding(c, signals.grid.name, { row, col: hostColumn.col }, name));
          }
        return findings;
      },
    };
  },
};

/** 三（一） 原则上不推荐2025年未按计划完成高级研修项目任务的承办单位 (warning: "原则上"). */
function unfinishedFinding(
  c: FjContext,
  sheet: string,
  at: { row: number; col: number },
  host: string,
): Finding {
  return {
    sheet,
    row: at.row,
    col: at.col,
    severity: "warning",
    rule: "fj.unfinished-2025",
    message: c.T.unfinished2025(host),
    clause: c.clause.unfinished,
    value: host,
  };
}
