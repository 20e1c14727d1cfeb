import type { Text } from "../findings";
import type { RuleId } from "../rules/ids";

/**
 * What each rule is about, in a few words: the group headings of the findings in the pane, the CLI and the
 * annotated files. Typed over every rule id, so a new rule cannot ship without its heading.
 */
export const RULE_TITLES: Record<RuleId, Text> = {
  required: { zh: "必填项未填", en: "Required value missing" },
  unreadable: { zh: "内容无法识别", en: "Value cannot be read" },
  "phone.format": { zh: "电话号码格式", en: "Phone number format" },
  "mobile.format": { zh: "手机号码格式", en: "Mobile number format" },
  "email.format": { zh: "电子邮箱格式", en: "E-mail format" },
  "postcode.format": { zh: "邮编格式", en: "Postcode format" },
  "credit-code.checksum": { zh: "统一社会信用代码", en: "Unified social credit code" },
  "id-card.checksum": { zh: "身份证号", en: "ID card number" },
  "number.precision-lost": { zh: "长数字丢失精度", en: "Long number lost its digits" },
  "text.max-length": { zh: "文字超过字数限制", en: "Text too long" },
  "choice.single": { zh: "单选项勾选数量", en: "Single choice" },
  "choice.required": { zh: "未勾选任何选项", en: "No option chosen" },
  "list.duplicate-title": { zh: "项目名称重复", en: "Duplicate project title" },
  "list.serial": { zh: "序号不连续", en: "Serial numbers out of order" },
  "deadline.submission": { zh: "填写日期晚于截止日期", en: "Date after the submission deadline" },
  "course.finish-by": { zh: "办班结束晚于规定日期", en: "Course ends after the completion date" },
  "course.days": { zh: "办班天数", en: "Course length in days" },
  "trainees.min": { zh: "学员人数不足", en: "Too few trainees" },
  "number.range": { zh: "数字超出范围", en: "Number out of range" },
  "grassroots.share": { zh: "基层学员比例不足", en: "Grassroots share too low" },
  "funding.cap": { zh: "资助经费超过上限", en: "Funding above the cap" },
  "base.batch-number": { zh: "继续教育基地批次", en: "Continuing-education base batch" },
  "sh.location.district": { zh: "办班地点未写明区", en: "Course location without a district" },
  "domain.in-list": { zh: "领域不在附件1之列", en: "Domain not in the list" },
  "major.in-domain": { zh: "专业范围与领域不符", en: "Major outside its domain" },
  "sh.feature-class.years": { zh: "特色班拟办年限", en: "Feature-class years" },
  "sh.lodging.suburb": { zh: "提供住宿的项目办班地点", en: "Lodging in a central district" },
  "sh.bank.payee-match": { zh: "收款人与申报单位不一致", en: "Payee differs from the applicant" },
  "ranking.sequence": { zh: "推荐排序", en: "Ranking sequence" },
  "key-recommendation.quota": { zh: "重点推荐数量", en: "Key recommendation quota" },
  "key-recommendation.order": { zh: "重点推荐的排序", en: "Key recommendation order" },
  "host.one-project": { zh: "同一承办单位多个项目", en: "One host, several projects" },
  "sheet.unrecognised": { zh: "未识别的工作表", en: "Sheet not recognised" },
  "level.unknown": { zh: "层级未知", en: "Level unknown" },

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
  "formula.uncalculated": { zh: "公式尚未计算", en: "Formulas not calculated" },
  "document.revisions-accepted": { zh: "文档含修订记录", en: "Document has tracked changes" },
};

/** The heading of a rule's group in the user's language. */
export function ruleTitle(rule: RuleId, lang: "zh" | "en"): string {
  return RULE_TITLES[rule][lang];
}
