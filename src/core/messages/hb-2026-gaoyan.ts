import type { Text } from "../findings";

/** Messages of the notes that only 鄂人社函〔2025〕168号 (hb-2026-gaoyan) has, zh-CN and en. */
export const hbText = {
  fundingSource: (): Text => ({
    zh: "勾选了“自筹经费项目”，但未注明自筹经费来源；自筹经费保障班次应在申报表中注明。",
    en: "“Self-funded project” is ticked but the source of the funds is not stated; self-funded courses must say so on the form.",
  }),
  scope: (): Text => ({
    zh: "“是否符合选题范围”三项（服务国家战略、对接产业需求、突出数字技术）均未勾选或填写，至少应说明一项。",
    en: "None of the three scope items (national strategies, industry needs, digital technology) is ticked or described; give at least one.",
  }),
  anyPhone: (block: string): Text => ({
    zh: `${block}的“办公电话”和“手机”均未填写，至少应填写一项联系电话。`,
    en: `${block}: neither office phone nor mobile is filled in; give at least one.`,
  }),
  levelUnknown: (minDays: number, maxDays: number, trainees: number): Text => ({
    zh: `湖北申报表不注明国家级还是省级项目：办班天数按两级中较宽的 ${minDays}–${maxDays} 天、研修人数按不少于 ${trainees} 人判断（国家级 5 天左右、不少于 50 人；省级 4 天左右、不少于 40 人）。如已确定级别，请选择级别后重新校验。`,
    en: `The Hubei form does not say whether it is for a national or a provincial project: days were judged against the looser ${minDays}–${maxDays} and trainees against at least ${trainees} (national about 5 days and 50; provincial about 4 days and 40). Choose the level to check against it.`,
  }),
} as const;
