import type { Pack } from "../pack";
import { checkHbApplication, recogniseHbApplication, type HbFormRecognition } from "./application";

/**
 * 鄂人社函〔2025〕168号 (Hubei, 2025-12-18): one 申报表 for national and provincial projects. The form never says
 * which: the level stays unknown (null) unless the user chooses it.
 */
export const hbGaoyanPack: Pack = {
  id: "hb-2026-gaoyan",
  tables: ["application"],
  recognise(signals) {
    const form = recogniseHbApplication(signals);
    return form ? { table: "application", confidence: form.confidence, level: null, data: form } : undefined;
  },
  check(signals, recognition, level) {
    return checkHbApplication(signals.grid, recognition.data as HbFormRecognition, level);
  },
};
