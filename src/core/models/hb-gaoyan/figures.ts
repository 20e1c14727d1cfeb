import { nationalLevelFigures, type NationalLevelFigures } from "../national-form/figures";
import type { Level } from "../../packs/types";
import type { Limit } from "../../rules/figures";
import type { DateOnly } from "../../read/types";
import type { Text } from "../../findings";
import { clauseOf, dateFigure, say, tableOf, type PackData } from "../../packs/data";
import type { FormSpec } from "../../recognise/form";
import { formSpecOf, markersOf } from "../../recognise/signals";
import type { HbFormKey } from "./application";

export const HB_CLAUSE_NAMES = ["scope", "course", "funding", "deadline", "form"] as const;
export const HB_FIGURE_KEYS = [
  "course.finishBy",
  "national.course.days",
  "national.trainees.min",
  "provincial.course.days",
  "provincial.trainees.min",
  "deadline",
] as const;
export const HB_MESSAGE_KEYS = ["fundingSource", "scope", "anyPhone", "levelUnknown"] as const;

export type HbLevelFigures = NationalLevelFigures;

const levelFigures = nationalLevelFigures;

/** "About N days" is written min N-1, max N+1: N is the middle. */
const about = (l: Limit<{ min: number; max: number }>) => (l.value.min + l.value.max) / 2;

export interface HbContext {
  pack: PackData;
  clause: Record<(typeof HB_CLAUSE_NAMES)[number], string>;
  figures: Record<Level, HbLevelFigures>;
  /** The form never names its level: until it is chosen, what holds at either level (the looser of each figure). */
  unknownLevel: HbLevelFigures;
  deadline: Limit<DateOnly>;
  T: {
    fundingSource(): Text;
    scope(): Text;
    anyPhone(block: string): Text;
    levelUnknown(minDays: number, maxDays: number, trainees: number): Text;
  };
  /** The form by label (the national-form base's tables/application.yaml with this pack's own), and its core labels. */
  form: FormSpec<HbFormKey>;
  markers: readonly string[];
}

const cache = new WeakMap<PackData, HbContext>();

export function hbContext(pack: PackData): HbContext {
  const hit = cache.get(pack);
  if (hit) return hit;
  const national = levelFigures(pack, "national");
  const provincial = levelFigures(pack, "provincial");
  const looserTrainees =
    national.trainees.value <= provincial.trainees.value ? national.trainees : provincial.trainees;
  const days = {
    ...national.course.days,
    value: {
      min: Math.min(national.course.days.value.min, provincial.course.days.value.min),
      max: Math.max(national.course.days.value.max, provincial.course.days.value.max),
    },
  };
  const c: HbContext = {
    pack,
    clause: Object.fromEntries(HB_CLAUSE_NAMES.map((n) => [n, clauseOf(pack, n)])) as HbContext["clause"],
    figures: { national, provincial },
    unknownLevel: { course: { ...national.course, days }, trainees: looserTrainees },
    deadline: dateFigure(pack, "deadline"),
    form: formSpecOf(tableOf(pack, "application")) as FormSpec<HbFormKey>,
    markers: markersOf(tableOf(pack, "application")),
    T: {
      fundingSource: () => say(pack, "fundingSource"),
      scope: () => say(pack, "scope"),
      anyPhone: (block) => say(pack, "anyPhone", { block }),
      levelUnknown: (minDays, maxDays, trainees) =>
        say(pack, "levelUnknown", {
          minDays,
          maxDays,
          trainees,
          nationalDays: about(national.course.days),
          nationalTrainees: national.trainees.value,
          provincialDays: about(provincial.course.days),
          provincialTrainees: provincial.trainees.value,
        }),
    },
  };
  cache.set(pack, c);
  return c;
}
