/**
 * Everything the Shanghai 高级研修 model reads from its pack, gathered once per pack: figures with clauses, 附件1,
 * the district lists and the message texts (messages.yaml). The checks take this context; no figure lives in code.
 */
import type { Text } from "../../findings";
import { say, stringList, tableOf, type PackData } from "../../packs/data";
import type { FormSpec } from "../../recognise/form";
import { formSpecOf, markersOf } from "../../recognise/signals";
import type { ShFormKey } from "./application";
import { shDomains, type ShDomains } from "./domains";
import { shFigures, type ShFigures } from "./figures";

function shMessages(pack: PackData, F: ShFigures) {
  return {
    district: (value: string): Text => say(pack, "district", { value }),
    domainNotInList: (value: string, suggestion: string | undefined): Text =>
      suggestion
        ? say(pack, "domainIsMajor", { value, suggestion })
        : say(pack, "domainNotInList", { value }),
    majorNotInDomain: (major: string, domain: string): Text =>
      say(pack, "majorNotInDomain", { major, domain }),
    featureYears: (years: string): Text =>
      say(pack, "featureYears", { years, min: F.featureYears.min, max: F.featureYears.max }),
    featureInfo: (): Text => say(pack, "featureInfo"),
    pooling: (): Text => say(pack, "pooling"),
    suburb: (district: string): Text => say(pack, "suburb", { district }),
    scope: (): Text => say(pack, "scope"),
    methods: (): Text => say(pack, "methods"),
    payee: (payee: string, applicant: string): Text => say(pack, "payee", { payee, applicant }),
    lastYear: (count: number): Text =>
      count === 0 ? say(pack, "lastYearNone") : say(pack, "lastYearMany", { count }),
    shareInCountColumn: (value: string): Text => say(pack, "shareInCountColumn", { value }),
  };
}

/** The message keys this model uses (pack lint checks a pack gives them all). */
export const SH_MESSAGE_KEYS = [
  "district",
  "domainNotInList",
  "domainIsMajor",
  "majorNotInDomain",
  "featureYears",
  "featureInfo",
  "pooling",
  "suburb",
  "scope",
  "methods",
  "payee",
  "lastYearNone",
  "lastYearMany",
  "shareInCountColumn",
] as const;

export interface ShContext {
  pack: PackData;
  F: ShFigures;
  D: ShDomains;
  T: ReturnType<typeof shMessages>;
  /** Shanghai's districts, for 办班地点 (上海市 XX 区). */
  districts: readonly string[];
  /** 二（三）: lodging courses are held in the suburbs as a rule; these are the central districts. */
  central: readonly string[];
  /** 附件2's fields by label (tables/application.yaml), and the labels only it has. */
  form: FormSpec<ShFormKey>;
  markers: readonly string[];
}

const cache = new WeakMap<PackData, ShContext>();

export function shContext(pack: PackData): ShContext {
  const hit = cache.get(pack);
  if (hit) return hit;
  const F = shFigures(pack);
  const c: ShContext = {
    pack,
    F,
    D: shDomains(pack),
    T: shMessages(pack, F),
    districts: stringList(pack, "districts"),
    central: stringList(pack, "central-districts"),
    form: formSpecOf(tableOf(pack, "application")) as FormSpec<ShFormKey>,
    markers: markersOf(tableOf(pack, "application")),
  };
  cache.set(pack, c);
  return c;
}
