import type { CellValue } from "../../../src/core/grid/types";
import type { GoldenCase, GoldenSheet } from "../types";

/** The answers of one Fujian 申报表 (附件1 or 附件2), by the labels of the form. */
export interface FjApplication {
  applicantLine: string;
  dateLine: string;
  title: string;
  courseTime: CellValue;
  location: string;
  techField: string;
  ministry: string;
  category: string;
  scope: string;
  purpose: string;
  methods: string;
  experts: string;
  audience: string;
  applicant: UnitBlock;
  host: UnitBlock;
  base: string;
  review: string;
}

export interface UnitBlock {
  name: string;
  contact: string;
  office: CellValue;
  mobile: CellValue;
  fax: string;
  address: string;
}

const BLANK_UNIT: UnitBlock = { name: "", contact: "", office: "", mobile: "", fax: "", address: "" };

const EXPERTS_HINT = "（如有院士或省部级领导出席，请重点阐述）";
const METHODS_HINT = "（包括但不限于主题报告、专题研讨、学术交流、现场教学）";
const AUDIENCE_HINT_NATIONAL =
  "（应面向全国招收，研修学员一般应是具有中高级职称的专业技术人员，或是在管理岗位工作的经营管理人员，并应向基层一线人才倾斜）";
const BASE_BLANK = "□是第      批国家级继续教育基地\n□是省级继续教育基地\n□否";

/** 附件1 filled by a host for the province (附件4 第2条: 申报单位, 申报时间 and 申报单位信息 stay blank). */
export const CLEAN_NATIONAL: FjApplication = {
  applicantLine: "申报单位：（盖章）",
  dateLine: "申报时间：      年    月    日",
  title: "海洋装备智能制造关键技术高级研修班",
  courseTime: "2026年9月14日-18日",
  location: "福建省福州市",
  techField: "工业和信息化",
  ministry: "工业和信息化部",
  category: "□财政资助项目\n☑自筹经费项目（自筹经费来源：承办单位培训专项经费）",
  scope:
    "☑服务重大战略：服务制造强国、海洋强国战略\n\n□对接产业需求：\n\n☑突出数字技术：智能制造与工业互联网赋能船舶产业",
  purpose:
    "围绕海洋装备智能制造关键核心技术，提升专业技术人员自主创新能力，推动船舶与海洋工程产业高端化、智能化、绿色化发展。",
  methods: `${METHODS_HINT}\n主题报告：海洋装备智能制造前沿进展；专题研讨：关键核心技术攻关；现场教学：参观船舶智能制造示范工厂。`,
  experts: `${EXPERTS_HINT}\n中国工程院院士1人，船舶与海洋工程领域正高级职称专家6人。`,
  audience: `${AUDIENCE_HINT_NATIONAL}\n面向全国船舶与海洋工程领域具有中高级职称的专业技术人员，计划招收学员60人，向基层一线技术骨干倾斜。`,
  applicant: BLANK_UNIT,
  host: {
    name: "福州海洋工程技术研究院",
    contact: "陈老师",
    office: "0591-87612345",
    mobile: "13905912345",
    fax: "0591-87612346",
    address: "福建省福州市鼓楼区工业路100号",
  },
  base: "□是第      批国家级继续教育基地\n☑是省级继续教育基地\n□否",
  review: "",
};

const NATIONAL_VIOLATIONS: FjApplication = {
  ...CLEAN_NATIONAL,
  // after the national deadline 2026-01-16 (三（三）)
  dateLine: "申报时间：2026年1月20日",
  // 3 days (一般5至7天) and after 2026-11-30
  courseTime: "2026年12月1日-3日",
  location: "",
  // a provincial body where 附件4 第5条 asks for a national ministry
  ministry: "福建省工业和信息化厅",
  // 仅单选 with two ticks, and 自筹 without its source
  category: "☑财政资助项目\n☑自筹经费项目（自筹经费来源：          ）",
  scope: "□服务重大战略：\n\n□对接产业需求：\n\n□突出数字技术：",
  experts: EXPERTS_HINT,
  audience: `${AUDIENCE_HINT_NATIONAL}\n面向全国船舶与海洋工程领域专业技术人员，计划招收学员40人。`,
  // the province may fill its own block; what it writes is still checked
  applicant: { ...BLANK_UNIT, office: "0591-87-61" },
  host: {
    name: "福州大学、福建师范大学",
    contact: "",
    office: "",
    mobile: "1390591234",
    fax: "0591-87612346",
    address: "",
  },
  base: "☑是第      批国家级继续教育基地\n☑是省级继续教育基地\n□否",
};

/** 附件2 filled by a host that is its own applicant (附件4 第3条: every field). */
export const CLEAN_PROVINCIAL: FjApplication = {
  applicantLine: "申报单位：福建医科大学（盖章）",
  dateLine: "申报时间：2026年2月10日",
  title: "基层全科医生慢病管理能力提升高级研修班",
  courseTime: "2026年6月15日-18日",
  location: "福建省福州市",
  techField: "卫生健康",
  // a provincial body is right on 附件2: fj.ministry.national is a 附件1 rule
  ministry: "福建省卫生健康委员会",
  category: "",
  scope: "☑服务重大战略：服务健康中国战略\n\n☑对接产业需求：生命健康产业\n\n□突出数字技术：",
  purpose: "提升基层全科医生高血压、糖尿病等慢病规范化管理能力，推动优质医疗资源下沉。",
  methods: `${METHODS_HINT}\n专题讲座、病例研讨、基层社区卫生服务中心现场教学。`,
  experts: "福建医科大学附属第一医院主任医师5人，国家级全科医学师资2人。",
  audience: "面向全省基层医疗卫生机构具有中级以上职称的全科医生，计划招收学员80人。",
  applicant: BLANK_UNIT,
  host: {
    name: "福建医科大学",
    contact: "林老师",
    office: "0591-22862345",
    mobile: "13859012345",
    fax: "0591-22862346",
    address: "福建省福州市闽侯县学府北路1号",
  },
  base: "☑是第 3 批国家级继续教育基地\n□是省级继续教育基地\n     □否",
  review: "同意推荐。\n（盖章）\n2026年2月12日",
};

const PROVINCIAL_VIOLATIONS: FjApplication = {
  ...CLEAN_PROVINCIAL,
  applicantLine: "申报单位：（盖章）",
  // after the provincial deadline 2026-02-20
  dateLine: "申报时间：2026年2月25日",
  courseTime: "2026年10月中旬",
  techField: "",
  audience: "面向全省基层医疗卫生机构全科医生，计划招收学员25人。",
  host: {
    name: "福建医科大学联合福建省立医院",
    contact: "林老师",
    office: "0591-876",
    mobile: "138590123456",
    fax: "",
    address: "福建省福州市闽侯县学府北路1号",
  },
  base: BASE_BLANK,
  review: "（盖章）\n        年     月       日",
};

/** 附件1 laid out as the attachment: labels in A, blocks merged down A, answers merged across. */
export function nationalSheet(name: string, a: FjApplication): GoldenSheet {
  const rows: (CellValue | undefined)[][] = [
    ["附件1"],
    ["专业技术人才知识更新工程"],
    ["2026年高级研修项目申报表"],
    [a.applicantLine],
    [a.dateLine],
    ["项目名称", a.title],
    ["办班时间", a.courseTime, undefined, "办班地点", a.location],
    ["选题所属\n\n行业领域", a.techField, undefined, "选题所属行业主管部门", a.ministry],
    ["申报项目\n\n类别\n\n（仅单选）", a.category],
    ["是否符合 选题范围", a.scope],
    ["研修目的\n\n和作用", a.purpose],
    ["研修内容 和方式", a.methods],
    ["授课专家\n\n情况", a.experts],
    ["研修对象", a.audience],
    ["申报单位\n\n信息", "单位名称", a.applicant.name, "联系人", a.applicant.contact],
    [undefined, "办公电话", a.applicant.office, "手机", a.applicant.mobile],
    [undefined, "传真", a.applicant.fax, "地址", a.applicant.address],
    ["承办单位\n\n信息", "单位名称", a.host.name, "联系人", a.host.contact],
    [undefined, "办公电话", a.host.office, "手机", a.host.mobile],
    [undefined, "传真", a.host.fax, "地址", a.host.address],
    [undefined, "是否继续 教育基地", a.base],
  ];
  const merges = ["A2:E2", "A3:E3", "A4:E4", "A5:E5", "B6:E6", "B7:C7", "B8:C8"];
  for (let r = 9; r <= 14; r++) merges.push(`B${r}:E${r}`);
  merges.push("A15:A17", "A18:A21", "C21:E21");
  return { name, rows, merges };
}

/** 附件2: no 申报项目类别 and no 申报单位信息 block; 培训对象; the reviewing department's opinion at the foot. */
export function provincialSheet(name: string, a: FjApplication): GoldenSheet {
  const rows: (CellValue | undefined)[][] = [
    ["附件2"],
    ["专业技术人才知识更新工程"],
    ["2026年省级高级研修项目申报表"],
    [a.applicantLine],
    [a.dateLine],
    ["项目名称", a.title],
    ["办班时间", a.courseTime, undefined, "办班地点", a.location],
    ["选题所属\n\n专业技术领域", a.techField, undefined, "选题所属\n\n行业主管部门", a.ministry],
    ["是否符合\n\n选题范围", a.scope],
    ["研修目的\n\n和作用", a.purpose],
    ["研修内容\n\n和方式", a.methods],
    ["授课专家\n\n情况", a.experts],
    ["培训对象", a.audience],
    ["承办单位\n\n信息", "单位名称", a.host.name, "联系人", a.host.contact],
    [undefined, "办公电话", a.host.office, "手机", a.host.mobile],
    [undefined, "传真", a.host.fax, "地址", a.host.address],
    [undefined, "是否继续\n\n教育基地", a.base],
    ["省直主管\n\n单位或设\n\n区市人社\n\n部门审核\n\n意见", a.review],
  ];
  const merges = ["A2:E2", "A3:E3", "A4:E4", "A5:E5", "B6:E6", "B7:C7", "B8:C8"];
  for (let r = 9; r <= 13; r++) merges.push(`B${r}:E${r}`);
  merges.push("A14:A17", "C17:E17", "B18:E18");
  return { name, rows, merges };
}

export type SummaryRow = readonly [CellValue, string, string, string, CellValue, string];

export const CLEAN_SUMMARY_ROWS: readonly SummaryRow[] = [
  [
    1,
    "海洋装备智能制造关键技术高级研修班",
    "福州海洋工程技术研究院",
    "陈老师",
    "0591-87612345",
    "工业和信息化",
  ],
  [2, "基层全科医生慢病管理能力提升高级研修班", "福建医科大学", "林老师", 13859012345, "卫生健康"],
  [3, "茶产业绿色低碳发展高级研修班", "福建农林大学", "黄老师", "0591-83789012", "农业农村"],
  [4, "集成电路设计与先进封装技术高级研修班", "厦门大学", "郑老师", "0592-2181234", "工业和信息化"],
  [
    5,
    "数字乡村建设与农村电商高级研修班",
    "福建省农业科学院",
    "吴老师",
    "0591-87884567 / 13960812345",
    "农业农村",
  ],
];

/** 附件3 as the attachment: title, header, project rows, the 盖章 and 填表日期 line under the table. */
export function summarySheet(
  name: string,
  projects: readonly SummaryRow[],
  signer: string,
  date: string,
): GoldenSheet {
  const rows: (CellValue | undefined)[][] = [
    ["附件3"],
    ["福建省专业技术人才知识更新工程2026年高级研修项目汇总表"],
    ["序号", "研修选题", "承办单位", "联系人", "联系电话", "所属专业\n\n技术领域"],
    ...projects.map((p) => [...p]),
    [],
    [signer, undefined, undefined, date],
  ];
  const footer = rows.length;
  return { name, rows, merges: ["A2:F2", `A${footer}:C${footer}`, `D${footer}:F${footer}`] };
}

const SUMMARY_VIOLATION_ROWS: readonly SummaryRow[] = [
  [
    1,
    "海洋装备智能制造关键技术高级研修班",
    "福州海洋工程技术研究院",
    "陈老师",
    "0591-87612345",
    "工业和信息化",
  ],
  [2, "基层全科医生慢病管理能力提升高级研修班", "福建医科大学", "", 13859012345, "卫生健康"],
  [4, "海洋装备智能制造关键技术高级研修班", "福建农林大学", "黄老师", "0591-83789012", "农业农村"],
  [4, "集成电路设计与先进封装技术高级研修班", "厦门大学与集美大学", "郑老师", "0592-218", "工业和信息化"],
  [5, "数字乡村建设与农村电商高级研修班", "福建省农业科学院", "吴老师", "0591-87884567", ""],
];

export const SIGNER = "主管部门或申报单位(盖章)：福建省人力资源和社会保障厅";

export const fjCases: readonly GoldenCase[] = [
  {
    id: "fj-national-clean",
    description:
      "Fujian 附件1 国家级申报表, fully and correctly filled by the host (申报单位 fields blank as 附件4 says)",
    sheets: [nationalSheet("国家级申报表", CLEAN_NATIONAL)],
    expect: [{ sheet: "国家级申报表", table: "application", policy: "fj-2026-gaoyan", level: "national" }],
  },
  {
    id: "fj-national-violations",
    description: "Fujian 附件1 with a violation of every rule of the national form",
    sheets: [nationalSheet("国家级申报表", NATIONAL_VIOLATIONS)],
    expect: [{ sheet: "国家级申报表", table: "application", policy: "fj-2026-gaoyan", level: "national" }],
  },
  {
    id: "fj-provincial-clean",
    description: "Fujian 附件2 省级申报表, every field filled, reviewed and dated before 2026-02-20",
    sheets: [provincialSheet("省级申报表", CLEAN_PROVINCIAL)],
    expect: [{ sheet: "省级申报表", table: "application", policy: "fj-2026-gaoyan", level: "provincial" }],
  },
  {
    id: "fj-provincial-violations",
    description:
      "Fujian 附件2 with blanks, a late date, a joint host, bad phones, no base ticked and no review date",
    sheets: [provincialSheet("省级申报表", PROVINCIAL_VIOLATIONS)],
    expect: [{ sheet: "省级申报表", table: "application", policy: "fj-2026-gaoyan", level: "provincial" }],
  },
  {
    id: "fj-summary-clean",
    description: "Fujian 附件3 汇总表, five projects; the level is unknown, so only an info note",
    sheets: [summarySheet("汇总表", CLEAN_SUMMARY_ROWS, SIGNER, "填表日期：2026年1月12日")],
    expect: [{ sheet: "汇总表", table: "summary", policy: "fj-2026-gaoyan", level: null }],
  },
  {
    id: "fj-summary-violations",
    description:
      "Fujian 附件3 with a serial gap, a repeated topic, blanks, a joint host, a bad phone and a late date",
    sheets: [summarySheet("汇总表", SUMMARY_VIOLATION_ROWS, SIGNER, "填表日期：2026年3月2日")],
    expect: [{ sheet: "汇总表", table: "summary", policy: "fj-2026-gaoyan", level: null }],
  },
  {
    id: "fj-summary-national-violations",
    description:
      "Fujian 附件3 checked as a national list (level chosen): dated after the national deadline 2026-01-16",
    sheets: [summarySheet("汇总表", CLEAN_SUMMARY_ROWS, SIGNER, "填表日期：2026年1月20日")],
    expect: [{ sheet: "汇总表", table: "summary", policy: "fj-2026-gaoyan", level: "national" }],
    options: { level: "national" },
  },
];
