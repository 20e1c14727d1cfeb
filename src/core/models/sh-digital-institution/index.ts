import type { Model } from "../../packs/pack";
import { checkInstForm } from "./check";
import { INST_CLAUSE_NAMES, INST_FIGURE_KEYS, instContext } from "./figures";
import { recogniseInstForm, type InstRecognition } from "./form";
import { INST_MESSAGE_KEYS } from "./messages";

/** Shanghai 数字技术工程师培育项目培训机构申报表 (沪人社专〔2026〕55号 附件 and its successors). */
export const shDigitalInstitutionModel: Model = {
  id: "sh-digital-institution",
  needs: {
    figures: INST_FIGURE_KEYS,
    clauses: INST_CLAUSE_NAMES,
    lists: ["occupations", "unit-types", "unit-type-aliases", "industries"],
    messages: INST_MESSAGE_KEYS,
    tables: ["institution"],
  },
  make(data) {
    const c = instContext(data);
    return {
      id: data.id,
      data,
      tables: ["institution"],
      recognise(signals) {
        const recognition = recogniseInstForm(c, signals);
        return recognition
          ? {
              table: "institution",
              confidence: recognition.confidence,
              level: null,
              data: recognition,
              form: recognition.form,
            }
          : undefined;
      },
      check(signals, recognition) {
        return checkInstForm(c, signals.grid, recognition.data as InstRecognition);
      },
    };
  },
};
