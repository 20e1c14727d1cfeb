import type { Level } from "../../packs/types";
import type { CourseLimits, Limit } from "../../rules/figures";
import type { DateOnly } from "../../read/types";
import type { Text } from "../../findings";
import { clauseOf, dateFigure, say, tableOf, type PackData } from "../../packs/data";
import type { FormSpec } from "../../recognise/form";
import { formSpecOf, markersOf } from "../../recognise/signals";
import type { FjFormKey } from "./application";
import { compareDates, formatDate } from "../../read/date";
import { nationalLevelFigures } from "../national-form/figures";

export const FJ_CLAUSE_NAMES = [
  "scope",
  "course",
  "unfinished",
  "funding",
  "jointHost",
  "deadline",
  "national",
  "provincial",
  "summary",
  "allFields",
  "ministry",
] as const;

export const FJ_FIGURE_KEYS = [
  "course.finishBy",
  "national.course.days",
  "national.trainees.min",
  "national.deadline",
  "provincial.course.days",
  "provincial.trainees.min",
  "provincial.deadline",
] as const;

export const FJ_MESSAGE_KEYS = [
  "ministryNational",
  "jointHost",
  "jointHostMany",
  "fundingSource",
  "anyPhone",
  "scope",
  "reviewDate",
  "levelUnknown",
  "unfinished2025",
] as const;

/** The figures that differ between the levels (rules.md "fj-2026-gaoyan"). */
export interface FjLevelFigures {
  course: CourseLimits;
  trainees: Limit<number>;
  deadline: Limit<DateOnly>;
}

function levelFigures(pack: PackData, level: Level): FjLevelFigures {
  return { ...nationalLevelFigures(pack, level), deadline: dateFigure(pack, `${level}.deadline`) };
}

function fjMessages(pack: PackData, national: Limit<DateOnly>) {
  return {
    ministryNational: (value: string): Text => say(pack, "ministryNational", { value }),
    jointHost: (value: string, parts: readonly string[]): Text =>
      parts.length > 1
        ? say(pack, "jointHostMany", {
            value,
            count: parts.length,
            parts: { zh: parts.join("、"), en: parts.join(", ") },
          })
        : say(pack, "jointHost", { value }),
    fundingSource: (): Text => say(pack, "fundingSource"),
    anyPhone: (block: string): Text => say(pack, "anyPhone", { block }),
    scope: (): Text => say(pack, "scope"),
    reviewDate: (): Text => say(pack, "reviewDate"),
    levelUnknown: (deadline: string): Text =>
      say(pack, "levelUnknown", { deadline, national: formatDate(national.value) }),
    unfinished2025: (host: string): Text => say(pack, "unfinished2025", { host }),
  };
}

/** What the Fujian model reads from its pack: figures by level, clauses, messages. */
export interface FjContext {
  pack: PackData;
  clause: Record<(typeof FJ_CLAUSE_NAMES)[number], string>;
  figures: Record<Level, FjLevelFigures>;
  /** While the level is unknown (附件3 汇总表 serves both), the later of the two deadlines is the one that holds. */
  looserDeadline: Limit<DateOnly>;
  T: ReturnType<typeof fjMessages>;
  /** 附件1/附件2 by label (the national-form base's tables/application.yaml with this pack's own), and its core labels. */
  form: FormSpec<FjFormKey>;
  markers: readonly string[];
}

const cache = new WeakMap<PackData, FjContext>();

export function fjContext(pack: PackData): FjContext {
  const hit = cache.get(pack);
  if (hit) return hit;
  const figures = { national: levelFigures(pack, "national"), provincial: levelFigures(pack, "provincial") };
  const later =
    compareDates(figures.national.deadline.value, figures.provincial.deadline.value) > 0
      ? figures.national.deadline
      : figures.provincial.deadline;
  const c: FjContext = {
    pack,
    clause: Object.fromEntries(FJ_CLAUSE_NAMES.map((n) => [n, clauseOf(pack, n)])) as FjContext["clause"],
    figures,
    looserDeadline: later,
    T: fjMessages(pack, figures.national.deadline),
    form: formSpecOf(tableOf(pack, "application")) as FormSpec<FjFormKey>,
    markers: markersOf(tableOf(pack, "application")),
  };
  cache.set(pack, c);
  return c;
}
