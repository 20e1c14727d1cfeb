import type { DateOnly } from "../../read/types";
import type { FormSpec } from "../../recognise/form";
import { formSpecOf, markersOf } from "../../recognise/signals";
import type { InstFormKey } from "./form";
import { indexIndustries, industrySections, type IndustryIndex } from "./industries";
import {
  clauseOf,
  numberFigure,
  rangeFigure,
  recordList,
  tableOf,
  stringList,
  type PackData,
} from "../../packs/data";
import { instMessages } from "./messages";
import type { Occupation } from "./occupations";
import type { UnitTypes } from "./unit-types";

export const INST_CLAUSE_NAMES = [
  "occupations",
  "registered",
  "experience",
  "form",
  "unitType",
  "industry",
  "teacherKind",
] as const;

export const INST_FIGURE_KEYS = ["experience.years", "annual.scale", "tax.years"] as const;

/** The 专业技术等级 of the form, in its order (the form's own layout, read by the model). */
export const INST_LEVELS = ["初级", "中级", "高级"] as const;
export type InstLevel = (typeof INST_LEVELS)[number];

/** What the training-institution model reads from its pack (packs/sh-2026-digital-institution). */
export interface InstContext {
  pack: PackData;
  clause: Record<(typeof INST_CLAUSE_NAMES)[number], string>;
  /** The day the notice was issued: the years of experience are counted back from it. */
  noticeDate: DateOnly;
  figures: {
    experienceYears: number;
    annualScale: number;
    /** 近三年纳税情况: the years the form asks for. */
    taxYears: readonly number[];
  };
  occupations: readonly Occupation[];
  unitTypes: UnitTypes;
  /** The form's fields by label (tables/institution.yaml), and the labels only it has. */
  form: FormSpec<InstFormKey>;
  markers: readonly string[];
  /** GB/T 4754-2017 (lists/industries.yaml), indexed for 所属行业. */
  industries: IndustryIndex;
  /** messages.yaml, in the shape the checks call. */
  T: ReturnType<typeof instMessages>;
}

const cache = new WeakMap<PackData, InstContext>();

export function instContext(pack: PackData): InstContext {
  const hit = cache.get(pack);
  if (hit) return hit;
  const tax = rangeFigure(pack, "tax.years").value;
  const years: number[] = [];
  for (let y = tax.min; y <= tax.max; y++) years.push(y);
  const unitTypes: UnitTypes = {
    types: stringList(pack, "unit-types"),
    aliases: recordList(pack, "unit-type-aliases").map(
      (a) => [String(a.word ?? ""), String(a.type ?? "")] as const,
    ),
  };
  const c: InstContext = {
    pack,
    clause: Object.fromEntries(INST_CLAUSE_NAMES.map((n) => [n, clauseOf(pack, n)])) as InstContext["clause"],
    noticeDate: pack.issued,
    figures: {
      experienceYears: numberFigure(pack, "experience.years").value,
      annualScale: numberFigure(pack, "annual.scale").value,
      taxYears: years,
    },
    occupations: recordList(pack, "occupations").map((o) => ({
      name: String(o.name ?? ""),
      field: String(o.field ?? o.name ?? ""),
    })),
    unitTypes,
    form: formSpecOf(tableOf(pack, "institution")) as FormSpec<InstFormKey>,
    markers: markersOf(tableOf(pack, "institution")),
    industries: indexIndustries(industrySections(recordList(pack, "industries"))),
    T: instMessages(pack, unitTypes.types),
  };
  cache.set(pack, c);
  return c;
}
