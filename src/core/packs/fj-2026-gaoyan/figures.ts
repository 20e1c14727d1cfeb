import type { Level } from "../types";
import type { CourseLimits, Limit } from "../../rules/figures";
import type { DateOnly } from "../../read/types";

/** The Fujian notice has no document number; it is cited by its issuer and date. */
export const FJ = "福建省人社厅办公室通知（2026年1月5日）";

export const FJ_CLAUSE = {
  scope: `${FJ} 一`,
  course: `${FJ} 二（一）`,
  unfinished: `${FJ} 三（一）`,
  funding: `${FJ} 三（二）`,
  jointHost: `${FJ} 三（二）`,
  deadline: `${FJ} 三（三）`,
  national: `${FJ} 附件1`,
  provincial: `${FJ} 附件2`,
  summary: `${FJ} 附件3`,
  allFields: `${FJ} 附件4 第3条`,
  ministry: `${FJ} 附件4 第5条`,
} as const;

/** The figures that differ between the levels (rules.md "fj-2026-gaoyan"). */
export interface FjLevelFigures {
  course: CourseLimits;
  trainees: Limit<number>;
  deadline: Limit<DateOnly>;
}

// 二（一） 并应在2026年11月30日之前完成办班
const finishBy: Limit<DateOnly> = {
  value: { year: 2026, month: 11, day: 30 },
  severity: "error",
  clause: FJ_CLAUSE.course,
};

export const FJ_FIGURES: Record<Level, FjLevelFigures> = {
  // 二（一） 国家级：每期研修时间一般为5至7天（含报到返程时间），学员数量一般不少于50人 — 一般: a reminder.
  // 三（三） 申报国家级高级研修项目的截止日期为2026年1月16日
  national: {
    course: {
      year: 2026,
      days: { value: { min: 5, max: 7 }, severity: "warning", clause: FJ_CLAUSE.course },
      finishBy,
    },
    trainees: { value: 50, severity: "warning", clause: FJ_CLAUSE.course },
    deadline: { value: { year: 2026, month: 1, day: 16 }, severity: "warning", clause: FJ_CLAUSE.deadline },
  },
  // 二（一） 省级：每期研修时间4天左右 (3–5 accepted), 学员数量不少于30人 — 不少于: an error where it is a figure.
  // 三（三） 申报省级高级研修项目的截止日期为2026年2月20日
  provincial: {
    course: {
      year: 2026,
      days: { value: { min: 3, max: 5 }, severity: "warning", clause: FJ_CLAUSE.course },
      finishBy,
    },
    trainees: { value: 30, severity: "error", clause: FJ_CLAUSE.course },
    deadline: { value: { year: 2026, month: 2, day: 20 }, severity: "warning", clause: FJ_CLAUSE.deadline },
  },
};

/** While the level is unknown (附件3 汇总表 serves both), the later of the two deadlines is the one that holds. */
export const FJ_LOOSER_DEADLINE: Limit<DateOnly> = FJ_FIGURES.provincial.deadline;
