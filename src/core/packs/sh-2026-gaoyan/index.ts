import type { Pack } from "../pack";
import type { FormTable } from "../../recognise/form";
import { checkShApplication, recogniseShApplication, type ShFormKey } from "./application";
import { checkShList, recogniseShList, type ShListRecognition } from "./lists";

/** 沪人社专〔2026〕82号: 附件2 申报表, 附件3 推荐表 and the city summary list. */
export const shGaoyanPack: Pack = {
  id: "sh-2026-gaoyan",
  tables: ["summary", "recommendation", "application"],
  recognise(signals) {
    const form = recogniseShApplication(signals);
    if (form) return { table: "application", confidence: form.confidence, level: null, data: form.form };
    const list = recogniseShList(signals);
    if (list) return { table: list.table, confidence: list.confidence, level: null, data: list };
    return undefined;
  },
  check(signals, recognition) {
    if (recognition.table === "application") return checkShApplication(signals.grid, recognition.data as FormTable<ShFormKey>);
    return checkShList(signals.grid, recognition.data as ShListRecognition);
  },
};
