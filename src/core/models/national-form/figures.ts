import { dateFigure, numberFigure, rangeFigure, type PackData } from "../../packs/data";
import type { Level } from "../../packs/types";
import type { DateOnly } from "../../read/types";
import type { CourseLimits, Limit } from "../../rules/figures";

/** What the notices on the national form (Fujian, Hubei) give per level: the days and trainees, and the finish date. */
export interface NationalLevelFigures {
  course: CourseLimits & { days: Limit<{ min: number; max: number }>; finishBy: Limit<DateOnly> };
  trainees: Limit<number>;
}

/** The figures `<level>.course.days`, `<level>.trainees.min` and `course.finishBy` of the pack. */
export function nationalLevelFigures(pack: PackData, level: Level): NationalLevelFigures {
  return {
    course: {
      year: pack.year,
      days: rangeFigure(pack, `${level}.course.days`),
      finishBy: dateFigure(pack, "course.finishBy"),
    },
    trainees: numberFigure(pack, `${level}.trainees.min`),
  };
}
