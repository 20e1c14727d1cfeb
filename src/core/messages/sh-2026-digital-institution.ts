import type { Text } from "../findings";

/** Messages of the rules that only 沪人社专〔2026〕55号 (the training-institution form) has. */
export const instText = {
  occupationUnknown: (value: string, suggestion: string | undefined): Text => ({
    zh: `拟申报开展培训的职业“${value}”不是通知“一、申报范围”所列的职业${suggestion ? `，是否应为“${suggestion}”` : "（如大数据工程技术人员、人工智能工程技术人员、数字化管理师等十个职业之一）"}。`,
    en: `Occupation “${value}” is not one of the ten listed in section 1 of the notice${suggestion ? `; did you mean “${suggestion}”?` : "."}`,
  }),
  occupationSeveral: (value: string, names: readonly string[]): Text => ({
    zh: `拟申报开展培训的职业“${value}”填写了多个职业（${names.join("、")}），仅填一项；申请多个职业请按职业分别填报。`,
    en: `Occupation “${value}” names several occupations (${names.join(", ")}); enter one only and file one form per occupation.`,
  }),
  levelNone: (): Text => ({
    zh: "拟申报开展培训的专业技术等级（初级、中级、高级）未勾选，至少应勾选一项。",
    en: "No technical level (初级, 中级, 高级) is ticked; tick at least one.",
  }),
  notLocal: (code: string, region: string): Text => ({
    zh: `统一社会信用代码“${code}”的登记管理机关行政区划码为 ${region}，不是上海（31 开头）；申报单位应为在本市依法登记的独立法人机构。`,
    en: `Credit code “${code}” was registered in region ${region}, not Shanghai (31…); applicants must be registered in Shanghai.`,
  }),
  unitType: (value: string, suggestion: string | undefined): Text => ({
    zh: `单位类型“${value}”不是表注所列类型（行业协会等社团组织、事业单位、企业、集体企业、民营企业、民办非企业单位）${suggestion ? `，是否应为“${suggestion}”` : ""}。`,
    en: `Unit type “${value}” is not one of the six listed in the form's note${suggestion ? `; did you mean “${suggestion}”?` : "."}`,
  }),
  industry: (value: string, suggestion: string | undefined): Text => ({
    zh: `所属行业“${value}”不是《国民经济行业分类》（GB/T 4754—2017）的门类或大类名称${suggestion ? `，是否应为“${suggestion}”` : "（如“P 教育”“I 信息传输、软件和信息技术服务业”“65 软件和信息技术服务业”）"}。`,
    en: `Industry “${value}” is not a section or division of GB/T 4754-2017${suggestion ? `; did you mean “${suggestion}”?` : "."}`,
  }),
  experience: (founded: string, cutoff: string, years: number): Text => ({
    zh: `单位成立时间为 ${founded}，至通知发布日不足 ${years} 年（应不晚于 ${cutoff}）；通知要求一般应具有 ${years} 年以上专业技术人员培训经验。`,
    en: `The unit was founded on ${founded}, less than ${years} years before the notice (founded by ${cutoff}); the notice asks for ${years} years of training experience as a rule.`,
  }),
  taxYear: (value: string, years: readonly number[]): Text => ({
    zh: `近三年纳税情况的年份“${value}”不是 ${years.join("、")} 年之一。`,
    en: `Tax year “${value}” is not one of ${years.join(", ")}.`,
  }),
  taxYearsMissing: (missing: readonly number[], years: readonly number[]): Text => ({
    zh: `近三年纳税情况缺少 ${missing.join("、")} 年的记录，应逐年填写 ${years.join("、")} 年的纳税情况。`,
    en: `The tax record lacks ${missing.join(", ")}; fill in each of ${years.join(", ")}.`,
  }),
  creditRecord: (year: string): Text => ({
    zh: `近三年纳税情况${year ? `（${year} 年）` : ""}填写有失信行为；申报单位应社会信用良好，无违法、失信等不良记录。`,
    en: `The tax record${year ? ` for ${year}` : ""} states a breach of trust; applicants must have no record of dishonesty.`,
  }),
  annualScale: (year: string, count: number, min: number): Text => ({
    zh: `${year ? `${year} 年度` : "该年度"}培训人数为 ${count} 人次，低于通知要求的年培训 ${min} 人次以上的规模。`,
    en: `${year ? `Year ${year}` : "This year"}: ${count} trainee-times, below the annual scale of ${min} the notice asks for.`,
  }),
  sumRow: (year: string, total: number, independent: number, cooperative: number): Text => ({
    zh: `${year ? `${year} 年度` : "该年度"}培训人数 ${total} 不等于独立培训人数 ${independent} 与合作培训人数 ${cooperative} 之和（${independent + cooperative}）。`,
    en: `${year ? `Year ${year}` : "This year"}: trainees ${total} ≠ independent ${independent} + cooperative ${cooperative} (${independent + cooperative}).`,
  }),
  sumTotal: (stated: number, sum: number): Text => ({
    zh: `培训总规模 ${stated} 不等于各年度培训人数之和 ${sum}。`,
    en: `Total training scale ${stated} ≠ the sum of the yearly trainee counts (${sum}).`,
  }),
  sumIndependent: (stated: number, sum: number): Text => ({
    zh: `其中独立培训规模 ${stated} 不等于各年度独立培训人数之和 ${sum}。`,
    en: `Independent training scale ${stated} ≠ the sum of the yearly independent counts (${sum}).`,
  }),
  sumTeachers: (stated: number, fullTime: number, partTime: number): Text => ({
    zh: `师资团队总人数 ${stated} 不等于专职师资队伍人数 ${fullTime} 与兼职师资队伍人数 ${partTime} 之和（${fullTime + partTime}）。`,
    en: `Teaching staff ${stated} ≠ full-time ${fullTime} + part-time ${partTime} (${fullTime + partTime}).`,
  }),
  teacherKind: (name: string, value: string): Text => ({
    zh: `培训教师${name ? `“${name}”` : ""}的人员性质${value ? `“${value}”不正确` : "未填写"}，应为“专职师资”或“兼职师资”。`,
    en: `Teacher${name ? ` “${name}”` : ""}: staff type ${value ? `“${value}” is not valid` : "is empty"}; expected 专职师资 (full-time) or 兼职师资 (part-time).`,
  }),
  teacherName: (): Text => ({
    zh: "培训教师一行填写了内容，但“培训教师姓名”未填写。",
    en: "A teacher row is filled in but the teacher's name is empty.",
  }),
  planLevel: (level: string, count: number, ticked: readonly string[]): Text => ({
    zh: `年度计划培训人数填写了${level} ${count} 人次，但专业技术等级未勾选${level}（已勾选：${ticked.join("、")}）。`,
    en: `${count} planned trainees at level ${level}, which is not ticked among the technical levels (ticked: ${ticked.join(", ")}).`,
  }),
  taxCreditMissing: (year: string): Text => ({
    zh: `近三年纳税情况${year ? `${year} 年` : ""}一行未填写“是否有失信行为”（从信用中国平台查询后填）。`,
    en: `Tax record${year ? ` ${year}` : ""}: “any breach of trust” is empty (fill it in after checking Credit China).`,
  }),
};

/** What the readers of this form expect, for `unreadable` messages. */
export const instExpected = {
  count: { zh: "人数或人次（如“1500”或“1500人次”）", en: "a count such as 1500" },
  fee: { zh: "每学时费用（元），如“200”或“200元”", en: "a fee per class hour in yuan, such as 200" },
  date: { zh: "日期（如“2015年6月1日”或“2015-06-01”）", en: "a date such as 2015-06-01" },
  yesNo: { zh: "“是”或“否”", en: "是 (yes) or 否 (no)" },
} as const;
