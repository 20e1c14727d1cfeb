import type { CellValue } from "../../../src/core/grid/types";
import type { GoldenCase, GoldenSheet } from "../types";

interface UnitBlock {
  name: string;
  contact: string;
  office: CellValue;
  mobile: CellValue;
  fax: string;
  address: string;
}

/** The answers of one Hubei 申报表, by the labels of the form. */
export interface HbApplication {
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
  recentWork: string;
}

const AUDIENCE_HINT =
  "(按通知要求招收学员, 研修人员一般应是具有中高级职称的专业技术人员, 或在管理岗位工作的高级经营管理人员, 并向基层一线专业技术骨干倾斜。)";

export const CLEAN_HB: HbApplication = {
  applicantLine: "申报单位：湖北省经济和信息化厅（盖章）",
  dateLine: "申报时间：2025年12月22日",
  title: "光电子信息产业关键技术创新高级研修班",
  courseTime: "2026年6月22日-26日",
  location: "湖北省武汉市东湖新技术开发区",
  techField: "电子信息",
  ministry: "工业和信息化部",
  // 可多选: both ticked is right here (Fujian's 仅单选 must not fire)
  category: "☑财政资助项目 ☑自筹经费项目 (自筹经费来源: 承办单位培训专项经费)",
  scope:
    "☑服务国家战略: 服务创新驱动发展战略和湖北支点建设\n☑对接产业需求: 光电子信息优势产业\n☑突出数字技术: 集成电路与人工智能赋能",
  purpose: "聚焦光电子信息产业关键核心技术攻关，提升专业技术人员创新能力，服务湖北光电子信息产业集群发展。",
  methods:
    "(包括但不限于主题报告、专题研讨、学术交流、现场教学)\n主题报告、专题研讨、光谷企业现场教学、学术交流。",
  experts: "(如有院士或省部级领导出席, 请重点阐述)\n中国科学院院士1人，光电子领域正高级职称专家5人。",
  audience: `${AUDIENCE_HINT}\n面向全国光电子信息领域具有中高级职称的专业技术人员，计划招收学员60人，向基层一线专业技术骨干倾斜。`,
  applicant: {
    name: "湖北省经济和信息化厅",
    contact: "王老师",
    office: "027-87654321",
    mobile: "13907112345",
    fax: "027-87654322",
    address: "湖北省武汉市武昌区中北路1号",
  },
  host: {
    name: "武汉光电工程技术研究院",
    contact: "周老师",
    office: "027-87123456",
    mobile: 13871234567,
    fax: "027-87123457",
    address: "湖北省武汉市东湖新技术开发区光谷大道100号",
  },
  base: "☑是第 五 批专业技术人员继续教育基地 □是省级继续教育基地 □否",
  recentWork: "2021—2025年承办国家级高级研修项目3期、省级高级研修项目5期，累计培训专业技术人员1200余人次。",
};

const VIOLATIONS: HbApplication = {
  ...CLEAN_HB,
  // after 2025-12-25
  dateLine: "申报时间：2025年12月28日",
  title: "",
  // 2 days (looser of the levels: 3–6) and after 2026-09-30
  courseTime: "2026年10月8日-9日",
  category: "□财政资助项目 □自筹经费项目 (自筹经费来源: _____)",
  scope: "□服务国家战略: _____\n□对接产业需求: _____\n□突出数字技术: _____",
  audience: `${AUDIENCE_HINT}\n面向全省光电子信息领域专业技术人员，计划招收学员30人。`,
  applicant: { ...CLEAN_HB.applicant, office: "", mobile: "", fax: "027-8765" },
  host: { ...CLEAN_HB.host, office: "027-8712", mobile: "1387123456" },
  base: "☑是第_____批专业技术人员继续教育基地 □是省级继续教育基地 □否",
  recentWork: "",
};

/** Checked as a national project (level chosen): 3 days and 45 trainees fall short of 5 左右 and 50. */
const NATIONAL_VIOLATIONS: HbApplication = {
  ...CLEAN_HB,
  courseTime: "2026年9月7日-9日",
  audience: `${AUDIENCE_HINT}\n面向全国光电子信息领域专业技术人员，计划招收学员45人。`,
  category: "□财政资助项目 ☑自筹经费项目 (自筹经费来源: _____)",
  base: "□是第_____批专业技术人员继续教育基地 □是省级继续教育基地 □否",
};

/** The 申报表 laid out as the attachment: labels in A, the two unit blocks merged down A, the 注 under the table. */
export function hbSheet(name: string, a: HbApplication): GoldenSheet {
  const rows: (CellValue | undefined)[][] = [
    ["附件"],
    ["专业技术人员知识更新工程 2026 年高级研修项目申报表"],
    [a.applicantLine],
    [a.dateLine],
    ["项目名称", a.title],
    ["办班时间", a.courseTime, undefined, "办班地点", a.location],
    ["选题所属 行业领域", a.techField, undefined, "选题所属 行业主管部门", a.ministry],
    ["申报项目 类别 (可多选)", a.category],
    ["是否符合 选题范围", a.scope],
    ["研修目的 和作用", a.purpose],
    ["研修内容和方式", a.methods],
    ["授课专家情况", a.experts],
    ["研修对象", a.audience],
    ["申报单位信息", "单位名称", a.applicant.name, "联系人", a.applicant.contact],
    [undefined, "办公电话", a.applicant.office, "手 机", a.applicant.mobile],
    [undefined, "传 真", a.applicant.fax, "地 址", a.applicant.address],
    ["承办单位 信息", "单位名称", a.host.name, "联系人", a.host.contact],
    [undefined, "办公电话", a.host.office, "手 机", a.host.mobile],
    [undefined, "传 真", a.host.fax, "地 址", a.host.address],
    [undefined, "是否继续 教育基地", a.base],
    [undefined, "近5年支 撑知识更 新工程工 作情况", a.recentWork],
    [
      "注：请按照《湖北省人力资源和社会保障厅关于征集专业技术人员知识更新工程2026年高级研修项目选题的通知》有关要求，认真填写此表并加盖申报单位印章。",
    ],
  ];
  const merges = ["A2:E2", "A3:E3", "A4:E4", "B5:E5", "B6:C6", "B7:C7"];
  for (let r = 8; r <= 13; r++) merges.push(`B${r}:E${r}`);
  merges.push("A14:A16", "A17:A21", "C20:E20", "C21:E21", "A22:E22");
  return { name, rows, merges };
}

export const hbCases: readonly GoldenCase[] = [
  {
    id: "hb-clean",
    description: "Hubei 申报表, fully and correctly filled; the level is unknown, so only an info note",
    sheets: [hbSheet("申报表", CLEAN_HB)],
    expect: [{ sheet: "申报表", table: "application", policy: "hb-2026-gaoyan", level: null }],
  },
  {
    id: "hb-provincial-clean",
    description: "The same Hubei 申报表 checked as a provincial project (level chosen): nothing to say",
    sheets: [hbSheet("申报表", CLEAN_HB)],
    expect: [{ sheet: "申报表", table: "application", policy: "hb-2026-gaoyan", level: "provincial" }],
    options: { level: "provincial" },
  },
  {
    id: "hb-violations",
    description:
      "Hubei 申报表 with a violation of every rule the form has (level unknown: the looser figures)",
    sheets: [hbSheet("申报表", VIOLATIONS)],
    expect: [{ sheet: "申报表", table: "application", policy: "hb-2026-gaoyan", level: null }],
  },
  {
    id: "hb-national-violations",
    description:
      "Hubei 申报表 checked as national: figures short of the national ones, 自筹 without source, no base ticked",
    sheets: [hbSheet("申报表", NATIONAL_VIOLATIONS)],
    expect: [{ sheet: "申报表", table: "application", policy: "hb-2026-gaoyan", level: "national" }],
    options: { level: "national" },
  },
];
