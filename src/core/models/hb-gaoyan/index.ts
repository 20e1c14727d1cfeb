import type { Model } from "../../packs/pack";
import { checkHbApplication, recogniseHbApplication, type HbFormRecognition } from "./application";
import { HB_CLAUSE_NAMES, HB_FIGURE_KEYS, HB_MESSAGE_KEYS, hbContext } from "./figures";

/**
 * Hubei 高级研修 (鄂人社函〔2025〕168号 and its successors): one national 申报表 (the shared national form) for
 * national and provincial projects. The form never says which: the level stays unknown (null) unless chosen.
 */
export const hbGaoyanModel: Model = {
  id: "hb-gaoyan",
  needs: {
    figures: HB_FIGURE_KEYS,
    clauses: HB_CLAUSE_NAMES,
    lists: [],
    messages: HB_MESSAGE_KEYS,
    tables: ["application"],
  },
  make(data) {
    const c = hbContext(data);
    return {
      id: data.id,
      data,
      tables: ["application"],
      recognise(signals) {
        const form = recogniseHbApplication(c, signals);
        return form
          ? { table: "application", confidence: form.confidence, level: null, data: form, form: form.form }
          : undefined;
      },
      check(signals, recognition, level) {
        return checkHbApplication(c, signals.grid, recognition.data as HbFormRecognition, level);
      },
    };
  },
};
