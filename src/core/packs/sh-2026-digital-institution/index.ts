import type { Pack } from "../pack";
import { checkInstForm } from "./check";
import { recogniseInstForm, type InstRecognition } from "./form";

/** 沪人社专〔2026〕55号: 附件 数字技术工程师培育项目培训机构申报表. */
export const shDigitalInstitutionPack: Pack = {
  id: "sh-2026-digital-institution",
  tables: ["institution"],
  recognise(signals) {
    const recognition = recogniseInstForm(signals);
    return recognition
      ? { table: "institution", confidence: recognition.confidence, level: null, data: recognition }
      : undefined;
  },
  check(signals, recognition) {
    return checkInstForm(signals.grid, recognition.data as InstRecognition);
  },
};
