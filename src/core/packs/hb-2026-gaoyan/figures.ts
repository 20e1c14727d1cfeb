import type { Level } from "../types";
import type { CourseLimits, Limit } from "../../rules/figures";
import type { DateOnly } from "../../read/types";

export const HB168 = "鄂人社函〔2025〕168号";

export const HB_CLAUSE = {
  scope: `${HB168} 一`,
  course: `${HB168} 二（一）`,
  funding: `${HB168} 二（四）`,
  deadline: `${HB168} 四`,
  form: `${HB168} 附件`,
} as const;

export interface HbLevelFigures {
  course: CourseLimits;
  trainees: Limit<number>;
}

// 二（一） 均应在 2026 年 9 月 30 日之前完成办班
const finishBy: Limit<DateOnly> = {
  value: { year: 2026, month: 9, day: 30 },
  severity: "error",
  clause: HB_CLAUSE.course,
};
const days = (min: number, max: number): Limit<{ min: number; max: number }> => ({
  value: { min, max },
  severity: "warning",
  clause: HB_CLAUSE.course,
});
const trainees = (value: number): Limit<number> => ({ value, severity: "warning", clause: HB_CLAUSE.course });

/**
 * 二（一） 国家级研修时间为 5 天左右，研修人数一般不少于 50 人；省级 4 天左右，一般不少于 40 人. 左右 and 一般 make every
 * figure a reminder; "about N days" accepts N ± 1.
 */
export const HB_FIGURES: Record<Level, HbLevelFigures> = {
  national: { course: { year: 2026, days: days(4, 6), finishBy }, trainees: trainees(50) },
  provincial: { course: { year: 2026, days: days(3, 5), finishBy }, trainees: trainees(40) },
};

/** The form never names its level: until it is chosen, what holds at either level (the looser of each figure). */
export const HB_UNKNOWN_LEVEL: HbLevelFigures = {
  course: { year: 2026, days: days(3, 6), finishBy },
  trainees: trainees(40),
};

// 四 请于 2025 年 12 月 25 日 17 点前将申报材料报送 (the hour cannot be read from a date; the day is what is checked)
export const HB_DEADLINE: Limit<DateOnly> = {
  value: { year: 2025, month: 12, day: 25 },
  severity: "warning",
  clause: HB_CLAUSE.deadline,
};
