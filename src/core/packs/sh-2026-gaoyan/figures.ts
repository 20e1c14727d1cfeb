import type { CourseLimits, Limit } from "../../rules/figures";
import type { DateOnly } from "../../read/types";

/** 沪人社专〔2026〕82号: every figure with the clause it comes from. */
export const SH82 = "沪人社专〔2026〕82号";

export const SH_CLAUSE = {
  scope: `${SH82} 一`,
  trainees: `${SH82} 二（一）`,
  days: `${SH82} 二（二）`,
  funding: `${SH82} 二（三）`,
  featureClass: `${SH82} 四（一）`,
  deadline: `${SH82} 四（三）`,
  hostOne: `${SH82} 四（三）`,
  form: `${SH82} 附件2`,
  list: `${SH82} 附件3`,
  listNote: `${SH82} 附件3 注`,
  domains: `${SH82} 附件1`,
} as const;

export const SH_FIGURES = {
  // 二（一） 每期项目学员不少于 50 人，其中基层专业技术人员不低于 30%
  trainees: { value: 50, severity: "error", clause: SH_CLAUSE.trainees } satisfies Limit<number>,
  grassroots: { value: 0.3, severity: "error", clause: SH_CLAUSE.trainees } satisfies Limit<number>,
  // 二（二） 培训时间为 3 至 5 天 ; 二（三） 2026年11月30日前完成举办
  course: {
    year: 2026,
    days: { value: { min: 3, max: 5 }, severity: "error", clause: SH_CLAUSE.days },
    finishBy: { value: { year: 2026, month: 11, day: 30 }, severity: "error", clause: SH_CLAUSE.funding },
  } satisfies CourseLimits,
  // 二（三） 提供学员住宿 ≤ 12.7 万元/项；不提供 ≤ 7 万元/项
  fundingWithLodging: 12.7,
  fundingWithoutLodging: 7,
  // 四（三） 申报表 2026年4月15日前；推荐表 2026年4月22日前
  applicationDeadline: {
    value: { year: 2026, month: 4, day: 15 },
    severity: "warning",
    clause: SH_CLAUSE.deadline,
  } satisfies Limit<DateOnly>,
  recommendationDeadline: {
    value: { year: 2026, month: 4, day: 22 },
    severity: "warning",
    clause: SH_CLAUSE.deadline,
  } satisfies Limit<DateOnly>,
  // 四（一） 用5至10年打造专项人才培养特色主题
  featureYears: { min: 5, max: 10 },
  // 一 计划遴选实施约 80 个选题、培养培训约 5000 人
  planProjects: 80,
  planTrainees: 5000,
  textMaxGoal: 100,
} as const;
