import type { Text } from "../findings";

/** Messages of the rules that only 沪人社专〔2026〕82号 has. */
export const shText = {
  district: (value: string): Text => ({
    zh: `办班地点“${value}”未写明上海市的区（应为“上海市 XX 区”）。`,
    en: `Venue “${value}” names no Shanghai district (expected “上海市 XX 区”).`,
  }),
  domainNotInList: (value: string, suggestion: string | undefined): Text => ({
    zh: `领域“${value}”不是附件1所列的领域${suggestion ? `；“${value}”属于“${suggestion}”领域的专业范围，领域应填“${suggestion}”` : "（如数字技术、装备制造、信息、生物医药……）"}。`,
    en: `Domain “${value}” is not one of Annex 1's domains${suggestion ? `; “${value}” is a speciality of “${suggestion}”, which is the domain to enter` : ""}.`,
  }),
  majorNotInDomain: (major: string, domain: string): Text => ({
    zh: `专业范围“${major}”不在附件1“${domain}”领域的主要专业范围内。`,
    en: `Speciality “${major}” is not among Annex 1's specialities for “${domain}”.`,
  }),
  featureYears: (years: string): Text => ({
    zh: `特色班拟办年限为“${years}”，通知鼓励用 5 至 10 年打造特色主题。`,
    en: `Planned years of the feature class: “${years}”; the notice asks for 5 to 10 years.`,
  }),
  featureInfo: (): Text => ({
    zh: "申报特色班选“是”，但“特色班相关情况”未填写（首次举办请填“无”）。",
    en: "A feature class is applied for but “特色班相关情况” is empty (write “无” for a first course).",
  }),
  pooling: (): Text => ({
    zh: "选择提供学员住宿，但未勾选“是否接受统筹调剂（住宿费由申报单位自筹）”的是或否。",
    en: "Lodging is provided but “accepts pooling (lodging paid by the applicant)” has neither yes nor no ticked.",
  }),
  suburb: (district: string): Text => ({
    zh: `提供学员住宿的项目原则上在市郊举办或面向长三角地区招收学员；办班地点在中心城区（${district}区），且未写明面向长三角招收。`,
    en: `Courses with lodging are held in the suburbs or recruit across the Yangtze River Delta as a rule; the venue is central (${district}) and no Delta-wide intake is stated.`,
  }),
  scope: (): Text => ({
    zh: "“是否符合选题范围”三项（服务本市战略、对接产业需求、突出数字技术）均未填写，至少应填写一项。",
    en: "None of the three scope items (city strategy, industry needs, digital technology) is filled in; fill in at least one.",
  }),
  methods: (): Text => ({
    zh: "“研修内容和方式”未勾选或填写任何一种方式（主题报告、专题研讨、学术交流、现场教学或其他方式）。",
    en: "“Content and methods”: no method ticked or described (talks, seminars, exchanges, site visits or other).",
  }),
  payee: (payee: string, applicant: string): Text => ({
    zh: `银行账户收款人名称“${payee}”与申报单位名称“${applicant}”不一致（须与申报单位信息一致）。`,
    en: `Bank payee “${payee}” differs from the applicant “${applicant}” (they must match).`,
  }),
  lastYear: (count: number): Text => ({
    zh:
      count === 0
        ? "“上一年度项目情况”未勾选，应勾选项目类别或“未承办”。"
        : `“上一年度项目情况”勾选了 ${count} 项，应只勾选一项。`,
    en:
      count === 0
        ? "“Last year's project”: tick a category or “not hosted”."
        : `“Last year's project”: ${count} options ticked; tick one.`,
  }),
  shareInCountColumn: (value: string): Text => ({
    zh: `“基层人数”列填写的是比例（如“${value}”），已按基层比例校验；如需填写人数，请改为人数。`,
    en: `The grassroots count column holds shares (such as “${value}”); they were checked as the grassroots share.`,
  }),
};
