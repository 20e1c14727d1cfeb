// Group headings of the findings list: what each rule is about, in a few words. The CLI's headings are used as they
// are (one wording for both faces); the rules it has no heading for are named here.

import type { Text } from "../core/findings";
import type { RuleId } from "../core/rules/ids";
import { RULE_TITLES } from "../cli/messages";
import type { Lang } from "./strings";

const MORE_TITLES: Partial<Record<RuleId, Text>> = {
  "fj.ministry.national": { zh: "部属单位申报级别", en: "Ministry units' level" },
  "fj.no-joint-host": { zh: "联合举办", en: "Joint hosting" },
  "fj.unfinished-2025": { zh: "2025年度未完成单位", en: "Unit that did not finish 2025" },
  "inst.occupation": { zh: "培训职业", en: "Occupation" },
  "inst.level": { zh: "培训等级", en: "Training level" },
  "sh.registered-locally": { zh: "本市注册", en: "Registered in Shanghai" },
  "inst.unit-type": { zh: "单位类型", en: "Type of unit" },
  "inst.industry": { zh: "所属行业", en: "Industry" },
  "inst.experience-years": { zh: "培训经验年限", en: "Years of training experience" },
  "inst.tax-years": { zh: "纳税年限", en: "Years of paying tax" },
  "inst.credit-record": { zh: "信用记录", en: "Credit record" },
  "inst.annual-scale": { zh: "年培训规模", en: "Annual training scale" },
  "sum.consistency": { zh: "合计与分项不符", en: "Total differs from its parts" },
  "inst.teacher-kind": { zh: "师资类别", en: "Kind of teacher" },
  "inst.plan-level": { zh: "培训计划等级", en: "Level of the training plan" },
};

/** The heading of a rule's group in the user's language; the rule id when no heading exists. */
export function ruleTitle(rule: RuleId, lang: Lang): string {
  const title = RULE_TITLES[rule] ?? MORE_TITLES[rule];
  return title ? title[lang] : rule;
}
