import type { Model } from "../../packs/pack";
import type { FormTable } from "../../recognise/form";
import { checkDeclaredTable, recogniseDeclaredTable } from "../generic";
import { checkShApplication, recogniseShApplication, type ShFormKey } from "./application";
import { SH_MESSAGE_KEYS, shContext } from "./context";
import { SH_CLAUSE_NAMES, SH_FIGURE_KEYS } from "./figures";
import { checkShList, recogniseShList, type ShListRecognition } from "./lists";

/** Shanghai 高级研修 (沪人社专〔2026〕82号 and its successors): 附件2 申报表, 附件3 推荐表 and the city summary list. */
export const shGaoyanModel: Model = {
  id: "sh-gaoyan",
  needs: {
    figures: SH_FIGURE_KEYS,
    clauses: SH_CLAUSE_NAMES,
    lists: ["domains", "districts", "central-districts"],
    messages: SH_MESSAGE_KEYS,
    tables: ["application"],
  },
  make(data) {
    const c = shContext(data);
    return {
      id: data.id,
      data,
      tables: ["summary", "recommendation", "application", "reference"],
      recognise(signals) {
        // Tables the pack declares (tables/*.yaml: 附件1 as a reference sheet, recognised so it is not reported as
        // unknown, never checked) come first, scored by the generic recogniser.
        const declared = recogniseDeclaredTable(data, signals);
        if (declared) return declared;
        // A list header can hold form words (领域, 专业范围) and a form can hold a list-like row: ask both, keep the surer.
        const form = recogniseShApplication(c, signals);
        const list = recogniseShList(signals);
        if (form && (!list || form.confidence >= list.confidence))
          return {
            table: "application",
            confidence: form.confidence,
            level: null,
            data: form.form,
            form: form.form,
          };
        if (list) return { table: list.table, confidence: list.confidence, level: null, data: list };
        return undefined;
      },
      check(signals, recognition) {
        const declared = checkDeclaredTable(data, signals, recognition);
        if (declared) return declared;
        if (recognition.table === "reference") return [];
        if (recognition.table === "application")
          return checkShApplication(c, signals.grid, recognition.data as FormTable<ShFormKey>);
        return checkShList(c, signals.grid, recognition.data as ShListRecognition);
      },
    };
  },
};
