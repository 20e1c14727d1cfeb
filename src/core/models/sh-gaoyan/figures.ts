import type { CourseLimits, Limit } from "../../rules/figures";
import type { DateOnly } from "../../read/types";
import {
  clauseOf,
  dateFigure,
  numberFigure,
  quotaFigure,
  rangeFigure,
  type PackData,
} from "../../packs/data";

/** The clauses this model cites, named in notice.yaml `clauses:`. */
export const SH_CLAUSE_NAMES = [
  "scope",
  "trainees",
  "days",
  "funding",
  "featureClass",
  "deadline",
  "hostOne",
  "form",
  "list",
  "listNote",
  "domains",
] as const;
export type ShClauseName = (typeof SH_CLAUSE_NAMES)[number];

/** What the Shanghai 高级研修 model reads from its pack (packs/sh-2026-gaoyan/notice.yaml): every figure, with clause. */
export interface ShFigures {
  clause: Record<ShClauseName, string>;
  trainees: Limit<number>;
  grassroots: Limit<number>;
  course: CourseLimits & { days: Limit<{ min: number; max: number }>; finishBy: Limit<DateOnly> };
  fundingWithLodging: number;
  fundingWithoutLodging: number;
  recommendationDeadline: Limit<DateOnly>;
  featureYears: { min: number; max: number };
  keyQuota: Limit<{ share: number; atLeast: number }>;
}

const cache = new WeakMap<PackData, ShFigures>();

/** The figures of a pack in the shape the model's checks use; read once per pack. */
export function shFigures(pack: PackData): ShFigures {
  const hit = cache.get(pack);
  if (hit) return hit;
  const clause = Object.fromEntries(SH_CLAUSE_NAMES.map((n) => [n, clauseOf(pack, n)])) as Record<
    ShClauseName,
    string
  >;
  const figures: ShFigures = {
    clause,
    trainees: numberFigure(pack, "trainees.min"),
    grassroots: numberFigure(pack, "grassroots.share"),
    course: {
      year: pack.year,
      days: rangeFigure(pack, "course.days"),
      finishBy: dateFigure(pack, "course.finishBy"),
    },
    fundingWithLodging: numberFigure(pack, "funding.capLodging").value,
    fundingWithoutLodging: numberFigure(pack, "funding.capNoLodging").value,
    recommendationDeadline: dateFigure(pack, "deadline.recommendation"),
    featureYears: rangeFigure(pack, "feature.years").value,
    keyQuota: quotaFigure(pack, "keyQuota"),
  };
  cache.set(pack, figures);
  return figures;
}

/** The figures a model of this kind needs (pack lint checks a pack declares them all). */
export const SH_FIGURE_KEYS = [
  "trainees.min",
  "grassroots.share",
  "course.days",
  "course.finishBy",
  "funding.capLodging",
  "funding.capNoLodging",
  "deadline.recommendation",
  "feature.years",
  "keyQuota",
] as const;
