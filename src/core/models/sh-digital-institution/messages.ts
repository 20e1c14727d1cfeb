import type { Text } from "../../findings";
import { say, type MessageVar, type PackData } from "../../packs/data";

const both = (zh: string, en: string): Text => ({ zh, en });
const joined = (items: readonly (string | number)[]): Text => both(items.join("、"), items.join(", "));

/** The training-institution form's messages, read from the pack's messages.yaml, in the shape the checks call. */
export function instMessages(pack: PackData, unitTypes: readonly string[]) {
  const t = (key: string, vars: Record<string, MessageVar> = {}) => say(pack, key, vars);
  const yearOf = (year: string) =>
    both(year ? `${year} 年度` : "该年度", year ? `Year ${year}` : "This year");
  return {
    occupationUnknown: (value: string, suggestion: string | undefined): Text =>
      suggestion ? t("occupationSuggest", { value, suggestion }) : t("occupationUnknown", { value }),
    occupationSeveral: (value: string, names: readonly string[]): Text =>
      t("occupationSeveral", { value, names: joined(names) }),
    levelNone: (): Text => t("levelNone"),
    notLocal: (code: string, region: string): Text => t("notLocal", { code, region }),
    unitType: (value: string, suggestion: string | undefined): Text =>
      suggestion
        ? t("unitTypeSuggest", { value, suggestion, types: joined(unitTypes) })
        : t("unitType", { value, types: joined(unitTypes) }),
    industry: (value: string, suggestion: string | undefined): Text =>
      suggestion ? t("industrySuggest", { value, suggestion }) : t("industry", { value }),
    experience: (founded: string, cutoff: string, years: number): Text =>
      t("experience", { founded, cutoff, years }),
    taxYear: (value: string, years: readonly number[]): Text => t("taxYear", { value, years: joined(years) }),
    taxYearsMissing: (missing: readonly number[], years: readonly number[]): Text =>
      t("taxYearsMissing", { missing: joined(missing), years: joined(years) }),
    creditRecord: (year: string): Text =>
      t("creditRecord", { year: both(year ? `（${year} 年）` : "", year ? ` for ${year}` : "") }),
    annualScale: (year: string, count: number, min: number): Text =>
      t("annualScale", { year: yearOf(year), count, min }),
    sumRow: (year: string, total: number, independent: number, cooperative: number): Text =>
      t("sumRow", { year: yearOf(year), total, independent, cooperative, sum: independent + cooperative }),
    sumTotal: (stated: number, sum: number): Text => t("sumTotal", { stated, sum }),
    sumIndependent: (stated: number, sum: number): Text => t("sumIndependent", { stated, sum }),
    sumTeachers: (stated: number, fullTime: number, partTime: number): Text =>
      t("sumTeachers", { stated, fullTime, partTime, sum: fullTime + partTime }),
    teacherKind: (name: string, value: string): Text => {
      const who = both(name ? `“${name}”` : "", name ? ` “${name}”` : "");
      return value ? t("teacherKindWrong", { name: who, value }) : t("teacherKindEmpty", { name: who });
    },
    teacherName: (): Text => t("teacherName"),
    planLevel: (level: string, count: number, ticked: readonly string[]): Text =>
      t("planLevel", { level, count, ticked: joined(ticked) }),
    taxCreditMissing: (year: string): Text =>
      t("taxCreditMissing", { year: both(year ? `${year} 年` : "", year ? ` ${year}` : "") }),
  };
}

/** The message keys this model uses (pack lint checks a pack gives them all). */
export const INST_MESSAGE_KEYS = [
  "occupationUnknown",
  "occupationSuggest",
  "occupationSeveral",
  "levelNone",
  "notLocal",
  "unitType",
  "unitTypeSuggest",
  "industry",
  "industrySuggest",
  "experience",
  "taxYear",
  "taxYearsMissing",
  "creditRecord",
  "annualScale",
  "sumRow",
  "sumTotal",
  "sumIndependent",
  "sumTeachers",
  "teacherKindWrong",
  "teacherKindEmpty",
  "teacherName",
  "planLevel",
  "taxCreditMissing",
] as const;
