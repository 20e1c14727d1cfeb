/**
 * Every rule id the product reports. The ids of ../shared/spec/rules.md are used as they are;
 * the compiler checks that a pack names only ids from this list.
 */
export const RULE_IDS = [
  // shared (rules.md "Shared rules")
  "required",
  "unreadable",
  "phone.format",
  "mobile.format",
  "email.format",
  "postcode.format",
  "credit-code.checksum",
  "id-card.checksum",
  "number.precision-lost",
  "text.max-length",
  "choice.single",
  "choice.required",
  "list.duplicate-title",
  "list.serial",
  "deadline.submission",
  "course.finish-by",
  "course.days",
  "trainees.min",
  // a number outside a pack's range figure (the number-range rule kind of data packs)
  "number.range",
  "grassroots.share",
  "funding.cap",
  "base.batch-number",
  // sh-2026-gaoyan
  "sh.location.district",
  "domain.in-list",
  "major.in-domain",
  "sh.feature-class.years",
  "sh.lodging.suburb",
  "sh.bank.payee-match",
  "ranking.sequence",
  "key-recommendation.quota",
  "key-recommendation.order",
  "host.one-project",
  // fj-2026-gaoyan
  "fj.ministry.national",
  "fj.no-joint-host",
  "fj.unfinished-2025",
  // sh-2026-digital-institution
  "inst.occupation",
  "inst.level",
  "sh.registered-locally",
  "inst.unit-type",
  "inst.industry",
  "inst.experience-years",
  "inst.tax-years",
  "inst.credit-record",
  "inst.annual-scale",
  "sum.consistency",
  "inst.teacher-kind",
  "inst.plan-level",
  // the engine's own notes (info): what it recognised and what it could not
  "sheet.unrecognised",
  "level.unknown",
  "formula.uncalculated",
  "document.revisions-accepted",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
