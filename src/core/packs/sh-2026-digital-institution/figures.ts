import type { DateOnly } from "../../read/types";
import type { Limit } from "../../rules/figures";

/** 沪人社专〔2026〕55号: every figure of the training-institution form with the clause it comes from. */
export const SH55 = "沪人社专〔2026〕55号";

export const INST_CLAUSE = {
  occupations: `${SH55} 一`,
  registered: `${SH55} 二.1`,
  experience: `${SH55} 二.3`,
  deadline: `${SH55} 三.1`,
  form: `${SH55} 附件`,
  unitType: `${SH55} 附件 注1`,
  industry: `${SH55} 附件 注2`,
  teacherKind: `${SH55} 附件 注3`,
} as const;

/** The day the notice was issued: the five years of 二.3 are counted back from it. */
export const NOTICE_DATE: DateOnly = { year: 2026, month: 3, day: 3 };

export const INST_FIGURES = {
  // 二.3 一般应具有5年以上专业技术人员培训经验
  experienceYears: 5,
  // 二.3 达到年培训专业技术人员1500人次以上的规模
  annualScale: 1500,
  // 近三年纳税情况: the three calendar years before the notice
  taxYears: [2023, 2024, 2025] as const,
  // 三.1 于2026年4月3日前报送
  deadline: {
    value: { year: 2026, month: 4, day: 3 },
    severity: "warning",
    clause: INST_CLAUSE.deadline,
  } satisfies Limit<DateOnly>,
  // 附件: the word limits printed in the form's own hints
  textMax: {
    profile: 800,
    platform: 300,
    trainingSummary: 500,
    teamMechanism: 500,
    plan: 800,
  },
} as const;

/** The 专业技术等级 of the form, in its order. */
export const INST_LEVELS = ["初级", "中级", "高级"] as const;
export type InstLevel = (typeof INST_LEVELS)[number];
