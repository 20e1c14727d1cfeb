import type { Pack } from "../pack";
import type { FormTable } from "../../recognise/form";
import { checkShApplication, recogniseShApplication, type ShFormKey } from "./application";
import { checkShList, recogniseShList, type ShListRecognition } from "./lists";

/** 沪人社专〔2026〕82号: 附件2 申报表, 附件3 推荐表 and the city summary list. */
export const shGaoyanPack: Pack = {
  id: "sh-2026-gaoyan",
  tables: ["summary", "recommendation", "application", "reference"],
  recognise(signals) {
    // 附件1 重点领域和主要专业范围 is a reference sheet: recognised so it is not reported as unknown, never checked.
    if (signals.labels.has("主要专业范围") && signals.labels.has("牵头部门"))
      return { table: "reference", confidence: 0.9, level: null };
    // A list header can hold form words (领域, 专业范围) and a form can hold a list-like row: ask both, keep the surer.
    const form = recogniseShApplication(signals);
    const list = recogniseShList(signals);
    if (form && (!list || form.confidence >= list.confidence))
      return { table: "application", confidence: form.confidence, level: null, data: form.form };
    if (list) return { table: list.table, confidence: list.confidence, level: null, data: list };
    return undefined;
  },
  check(signals, recognition) {
    if (recognition.table === "reference") return [];
    if (recognition.table === "application")
      return checkShApplication(signals.grid, recognition.data as FormTable<ShFormKey>);
    return checkShList(signals.grid, recognition.data as ShListRecognition);
  },
};
