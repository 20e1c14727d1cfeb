import type { Text } from "../findings";

/** Messages of the rules and notes that only the Fujian 2026 notice has (fj-2026-gaoyan), zh-CN and en. */
export const fjText = {
  ministryNational: (value: string): Text => ({
    zh: `“选题所属行业主管部门”填写为“${value}”，看起来是省、市级单位；国家级申报表此栏应填写国家部委（如国家卫生健康委员会、工业和信息化部）。`,
    en: `“Supervising ministry” is “${value}”, which looks like a provincial or city body; the national form asks for a national ministry (e.g. National Health Commission).`,
  }),
  jointHost: (value: string, parts: readonly string[]): Text => ({
    zh: `承办单位“${value}”${parts.length > 1 ? `写了 ${parts.length} 个单位（${parts.join("、")}）` : "注明了联合举办"}；入选单位应当独立承办，不得与其他单位联办。`,
    en: `Host “${value}” ${parts.length > 1 ? `names ${parts.length} units (${parts.join(", ")})` : "says the course is run jointly"}; a selected unit must run the course on its own, not jointly.`,
  }),
  fundingSource: (): Text => ({
    zh: "勾选了“自筹经费项目”，但未注明自筹经费来源；自筹经费项目应在申报表中注明经费来源。",
    en: "“Self-funded project” is ticked but the source of the funds is not stated; state it on the form.",
  }),
  anyPhone: (block: string): Text => ({
    zh: `${block}的“办公电话”和“手机”均未填写，至少应填写一项联系电话。`,
    en: `${block}: neither office phone nor mobile is filled in; give at least one.`,
  }),
  scope: (): Text => ({
    zh: "“是否符合选题范围”三项（服务重大战略、对接产业需求、突出数字技术）均未勾选或填写，至少应说明一项。",
    en: "None of the three scope items (major strategies, industry needs, digital technology) is ticked or described; give at least one.",
  }),
  reviewDate: (): Text => ({
    zh: "“省直主管单位或设区市人社部门审核意见”未填写审核日期（年 月 日）；附件2 需填写所有栏目。",
    en: "The reviewing department's opinion has no date; every field of Annex 2 must be filled in.",
  }),
  levelUnknown: (deadline: string): Text => ({
    zh: `汇总表未写明申报国家级还是省级项目，按两级中较宽的省级截止日期 ${deadline} 判断填表日期（国家级截止日期为 2026-01-16）；如已确定级别，请选择级别后重新校验。`,
    en: `The summary list does not say whether it is for national or provincial projects; the fill-in date was judged against the later, provincial deadline ${deadline} (national: 2026-01-16). Choose the level to check against it.`,
  }),
  unfinished2025: (host: string): Text => ({
    zh: `承办单位“${host}”在 2025 年未按计划完成高级研修项目任务的单位名单中；通知要求原则上不推荐此类承办单位。`,
    en: `Host “${host}” is on the list of units that did not finish their 2025 project; such hosts are not to be recommended as a rule.`,
  }),
} as const;
