import type { CellValue } from "../../../src/core/grid/types";
import type { GoldenCase, GoldenSheet } from "../types";

/** The answers of one 数字技术工程师培育项目培训机构申报表 (沪人社专〔2026〕55号 附件). */
export interface InstAnswers {
  unitLine: string;
  fillDate: string;
  occupation: string;
  level: string;
  unitName: string;
  creditCode: CellValue;
  legalName: string;
  legalId: CellValue;
  address: string;
  unitType: string;
  industry: string;
  capital: CellValue;
  employees: CellValue;
  founded: CellValue;
  /** 近三年纳税情况: 年份, 税额（万元）, 是否有失信行为 — three rows. */
  tax: ReadonlyArray<readonly [CellValue, CellValue, string]>;
  lead: { name: string; phone: string; title: string; email: string };
  contact: { name: string; phone: string; title: string; email: string };
  profile: string;
  /** 近5年培训规模: 年度, 培训人数, 独立培训人数, 合作培训人数 — five rows. */
  scale: ReadonlyArray<readonly [CellValue, CellValue, CellValue, CellValue]>;
  scaleTotal: CellValue;
  scaleIndependent: CellValue;
  /** 自有场地: 场地地址, 场地面积, 容纳人数, 设施设备台套, 设施设备总值 — two rows. */
  venues: ReadonlyArray<readonly [string, string, CellValue, string, string]>;
  platform: string;
  teachersTotal: CellValue;
  teachersFullTime: CellValue;
  teachersPartTime: CellValue;
  /** 培训教师姓名, 工作单位, 专业技术职务/职称, 专业, 人员性质, 联系电话 — four rows (the template's "……" row follows). */
  teachers: ReadonlyArray<readonly [string, string, string, string, string, string]>;
  trainingSummary: string;
  teamMechanism: string;
  /** 年度计划培训人数 and 培训费用（元/学时）, 初级/中级/高级. */
  plan: readonly [CellValue, CellValue, CellValue];
  fees: readonly [CellValue, CellValue, CellValue];
  planText: string;
}

const NOTES =
  "注：1. 单位类型：行业协会等社团组织、事业单位、企业、集体企业、民营企业、民办非企业单位；\n2. 所属行业：请参考《2017年国民经济行业分类》（GB/T 4754—2017）；\n3. 人员性质：专职师资、兼职师资；\n4. 工作单位：填写单位全称，建议填写至单位所在部门或二级单位；\n5. 申请开展多个职业的培训或评价工作，请按职业分别填报申请；\n6. 本表可另附页。";

const PROMISE =
  "本单位提交的所有材料均真实、准确、可靠，如有失信或弄虚作假，其责任由本单位自负并愿接受相关处理。\n申报单位（盖章）：\n法定代表人（或委托代理人）：\n年    月    日";

/**
 * The attachment's layout over columns A–H: labels merged across A:B (blocks merged down), sub-tables beside
 * their section label, answers merged to the right edge. Rows are fixed, so the expected JSON can name cells.
 */
export function instSheet(name: string, a: InstAnswers): GoldenSheet {
  const rows: (CellValue | undefined)[][] = [
    ["数字技术工程师培育项目培训机构申报表"], // 1
    [a.unitLine], // 2
    [a.fillDate], // 3
    ["拟申报开展培训的\n职业（仅填一项）", undefined, a.occupation], // 4
    ["拟申报开展培训的\n专业技术等级", undefined, a.level], // 5
    ["申报单位基本情况"], // 6
    ["单位名称（盖章）", undefined, a.unitName], // 7
    ["统一社会信用代码", undefined, a.creditCode], // 8
    ["法定代表人", undefined, "姓名", a.legalName, "身份证号", a.legalId], // 9
    ["单位地址", undefined, a.address], // 10
    ["单位类型", undefined, a.unitType, undefined, "所属行业", a.industry], // 11
    ["注册资金（万元）", undefined, a.capital, undefined, "正式员工数", a.employees], // 12
    ["单位成立时间", undefined, a.founded], // 13
    [
      "近三年纳税情况",
      undefined,
      "年份",
      "税额（万元）",
      undefined,
      "是否有失信行为\n（从信用中国平台查询后填）",
    ], // 14
    ...a.tax.map(([year, amount, credit]) => [undefined, undefined, year, amount, undefined, credit]), // 15–17
    ["申报负责人", undefined, "姓名", a.lead.name, "电话", a.lead.phone], // 18
    [undefined, undefined, "职务", a.lead.title, "邮箱", a.lead.email], // 19
    ["申报联系人", undefined, "姓名", a.contact.name, "电话", a.contact.phone], // 20
    [undefined, undefined, "职务", a.contact.title, "邮箱", a.contact.email], // 21
    ["单位基本情况", undefined, a.profile], // 22
    ["已有基础"], // 23
    ["近 5 年\n培训规模\n（人次）", undefined, "年度", "培训人数", "独立培训人数", undefined, "合作培训人数"], // 24
    ...a.scale.map(([year, total, independent, cooperative]) => [
      undefined,
      undefined,
      year,
      total,
      independent,
      undefined,
      cooperative,
    ]), // 25–29
    [undefined, undefined, "培训总规模", a.scaleTotal], // 30
    [undefined, undefined, "（其中独立培训规模）", a.scaleIndependent], // 31
    [
      "自有场地\n及设施设\n备情况",
      undefined,
      "场地地址",
      "场地面积",
      "容纳人数",
      "设施设备台套",
      "设施设备总值",
    ], // 32
    ...a.venues.map(([address, area, capacity, equipment, value]) => [
      undefined,
      undefined,
      address,
      area,
      capacity,
      equipment,
      value,
    ]), // 33–34
    ["信息化平\n台建设情\n况", undefined, a.platform], // 35
    [
      "师资团队\n总人数",
      undefined,
      a.teachersTotal,
      undefined,
      "专职师资队伍人数",
      undefined,
      a.teachersFullTime,
    ], // 36
    [undefined, undefined, undefined, undefined, "兼职师资队伍人数", undefined, a.teachersPartTime], // 37
    [
      "培训教师\n姓名",
      undefined,
      "工作单位",
      undefined,
      "专业技术职务/\n职称",
      "专业",
      "人员性质",
      "联系电话",
    ], // 38
    ...a.teachers.map(([n, employer, title, major, kind, phone]) => [
      n,
      undefined,
      employer,
      undefined,
      title,
      major,
      kind,
      phone,
    ]), // 39–42
    ["……"], // 43
    ["已有培训\n情况简述", undefined, a.trainingSummary], // 44
    ["师资团队\n建设机制\n简述", undefined, a.teamMechanism], // 45
    ["下一步工作方案"], // 46
    ["年度计划培训\n人数（人次）", undefined, "初级", a.plan[0], "培训费用（元/\n学时）", "初级", a.fees[0]], // 47
    [undefined, undefined, "中级", a.plan[1], undefined, "中级", a.fees[1]], // 48
    [undefined, undefined, "高级", a.plan[2], undefined, "高级", a.fees[2]], // 49
    ["下一步培训\n工作规划", undefined, a.planText], // 50
    ["承 诺"], // 51
    [PROMISE], // 52
    [NOTES], // 53
  ];
  const merges = ["A1:H1", "A2:H2", "A3:H3", "A4:B4", "C4:H4", "A5:B5", "C5:H5", "A6:H6"];
  for (const r of [7, 8, 10, 13, 22, 35, 44, 45, 50]) merges.push(`A${r}:B${r}`, `C${r}:H${r}`);
  merges.push("A9:B9", "F9:H9", "A11:B11", "C11:D11", "F11:H11", "A12:B12", "C12:D12", "F12:H12");
  merges.push("A14:B17");
  for (let r = 14; r <= 17; r++) merges.push(`D${r}:E${r}`, `F${r}:H${r}`);
  merges.push("A18:B19", "A20:B21");
  for (let r = 18; r <= 21; r++) merges.push(`F${r}:H${r}`);
  merges.push("A23:H23", "A24:B31");
  for (let r = 24; r <= 29; r++) merges.push(`E${r}:F${r}`, `G${r}:H${r}`);
  merges.push("D30:H30", "D31:H31", "A32:B34");
  for (let r = 32; r <= 34; r++) merges.push(`G${r}:H${r}`);
  merges.push("A36:B37", "C36:D37", "E36:F36", "G36:H36", "E37:F37", "G37:H37");
  for (let r = 38; r <= 43; r++) merges.push(`A${r}:B${r}`, `C${r}:D${r}`);
  merges.push("A46:H46", "A47:B49", "E47:E49");
  for (let r = 47; r <= 49; r++) merges.push(`G${r}:H${r}`);
  merges.push("A51:H51", "A52:H52", "A53:H53");
  return { name, rows, merges };
}

const PROFILE =
  "上海浦江数字技能培训中心成立于2012年，是经上海市民政局登记的民办非企业单位，也是本市专业技术人员继续教育基地。中心长期面向本市企事业单位开展人工智能、大数据、云计算等数字技术领域的专业技术人员培训，与多所高校和头部企业建立了稳定的合作关系，在本市数字技术培训领域具有较高的行业认可度。";
const PLATFORM =
  "中心自建“浦江数字学堂”在线学习平台，支持直播授课、录播点播、在线考试、学时认定和学习档案管理，可同时承载3000人在线学习。网址：https://learn.pjdigital.org.cn";
const TRAINING_SUMMARY =
  "近五年来，中心围绕人工智能领域组织开展机器学习、深度学习、大模型应用开发等系列培训，累计开设课程46门、总课时3200学时，采用线上线下相结合的形式，培训专业技术人员11220人次。建立了课前报名审核、课中人脸识别考勤、课后满意度测评与结业考核相结合的培训质量评估制度。";
const TEAM_MECHANISM =
  "中心按照专兼结合的原则建设师资队伍：专职教师负责课程研发和教学组织，兼职教师从高校、科研院所和人工智能企业聘请，实行聘任制和年度考核；建立教学质量评价与课酬挂钩的激励机制，每年组织师资研修和企业实践，持续优化师资结构。";
const PLAN_TEXT =
  "下一步，中心将按照数字技术工程师培育项目的要求，制定人工智能工程技术人员中级、高级培训实施方案，完善培训质量管控制度；计划每年培训中级600人次、高级200人次；组织师资参加国家级师资培训；开发配套课程资源和实训项目；按照市场调研和成本核算测算培训费用，确保培训质量和规范收费。";

/** A realistic form, fully and correctly filled. */
export const CLEAN_INST: InstAnswers = {
  unitLine: "申报单位：上海浦江数字技能培训中心",
  fillDate: "填表日期：2026年3月25日",
  occupation: "人工智能工程技术人员",
  level: "初级□ 中级☑ 高级☑（请打√）",
  unitName: "上海浦江数字技能培训中心",
  // 52 民政登记的民办非企业单位, region 310104 徐汇区; check character computed by GB 32100-2015.
  creditCode: "52310104MJ4A8R3K6U",
  legalName: "陈建华",
  // Region 310104, born 1978-06-15, check digit computed by GB 11643-1999.
  legalId: "310104197806152835",
  address: "上海市徐汇区漕溪北路88号12楼",
  unitType: "民办非企业单位",
  industry: "P 教育",
  capital: 500,
  employees: 68,
  founded: "2012年5月18日",
  tax: [
    [2023, 36.5, "否"],
    [2024, 41.2, "否"],
    [2025, 45.8, "否"],
  ],
  lead: { name: "王志明", phone: "021-64281234", title: "副主任", email: "wangzm@pjdigital.org.cn" },
  contact: { name: "李晓燕", phone: "13917654321", title: "培训部主管", email: "lixy@pjdigital.org.cn" },
  profile: PROFILE,
  scale: [
    ["2021年", 1820, 1320, 500],
    ["2022年", 1950, 1400, 550],
    ["2023年", 2260, 1610, 650],
    ["2024年", 2480, 1780, 700],
    ["2025年", 2710, 1930, 780],
  ],
  scaleTotal: 11220,
  scaleIndependent: 8040,
  venues: [
    ["上海市徐汇区漕溪北路88号12楼", "1200平方米", 260, "180台套", "360万元"],
    ["上海市闵行区东川路555号实训楼3层", "800平方米", 120, "95台套", "520万元"],
  ],
  platform: PLATFORM,
  teachersTotal: 24,
  teachersFullTime: 10,
  teachersPartTime: 14,
  teachers: [
    ["张伟", "上海交通大学计算机科学与工程系", "教授", "人工智能", "兼职师资", "13801234567"],
    ["刘洋", "上海浦江数字技能培训中心教研部", "高级工程师", "机器学习", "专职师资", "021-64281235"],
    ["赵敏", "上海人工智能实验室", "研究员", "计算机视觉", "兼职师资", "136 6123 4567"],
    ["孙磊", "上海浦江数字技能培训中心教研部", "工程师", "软件工程", "专职师资", "13512345678"],
  ],
  trainingSummary: TRAINING_SUMMARY,
  teamMechanism: TEAM_MECHANISM,
  plan: ["/", 600, "200人次"],
  fees: ["/", 180, "260元/学时"],
  planText: PLAN_TEXT,
};

const over = (text: string, limit: number) =>
  text.repeat(Math.ceil((limit + 1) / text.replace(/\s/g, "").length));

/** The first violations form: every rule that a single form can break at once. */
const VIOLATIONS_ONE: InstAnswers = {
  ...CLEAN_INST,
  fillDate: "填表日期：2026年4月10日",
  occupation: "大数据工程技术员",
  level: "初级□ 中级☑ 高级□（请打√）",
  // Valid check character, but registered in 苏州 (320594), not Shanghai.
  creditCode: "91320594MA1Q2W3E88",
  // The last digit should be 6.
  legalId: "310115198503124217",
  unitType: "国有企业",
  industry: "教育培训",
  founded: "2022年5月10日",
  tax: [
    [2022, 30.1, "否"],
    [2023, 36.5, "是"],
    [2024, 41.2, "否"],
  ],
  lead: { name: "王志明", phone: "021-6428123", title: "副主任", email: "wangzm@pjdigital" },
  contact: { name: "李晓燕", phone: "13917654321", title: "", email: "lixy@pjdigital.org.cn" },
  profile: over(PROFILE, 800),
  scale: [
    ["2021年", 1200, 800, 400],
    ["2022年", 1950, 1400, 500],
    ["2023年", 2260, 1610, 650],
    ["2024年", 2480, 1780, 700],
    ["2025年", 2710, 1930, 780],
  ],
  scaleTotal: 11220,
  scaleIndependent: 8040,
  platform: over(PLATFORM, 300),
  teachersTotal: 20,
  teachers: [
    ["张伟", "上海交通大学计算机科学与工程系", "教授", "人工智能", "兼职师资", "13801234567"],
    ["刘洋", "上海浦江数字技能培训中心教研部", "高级工程师", "机器学习", "外聘", "021-64281235"],
    ["赵敏", "上海人工智能实验室", "研究员", "计算机视觉", "兼职师资", "1366123456"],
    ["孙磊", "上海浦江数字技能培训中心教研部", "工程师", "软件工程", "专职师资", "13512345678"],
  ],
  trainingSummary: over(TRAINING_SUMMARY, 500),
  teamMechanism: over(TEAM_MECHANISM, 500),
  plan: [300, 600, "两百多人"],
  fees: ["/", "面议", 260],
  planText: over(PLAN_TEXT, 800),
};

/** The second violations form: the rules that exclude the first form's violations on the same cells. */
const VIOLATIONS_TWO: InstAnswers = {
  ...CLEAN_INST,
  occupation: "大数据工程技术人员、云计算工程技术人员",
  level: "初级□ 中级□ 高级□（请打√）",
  // The check character should be 1.
  creditCode: "91310115MA1H8XK272",
  // Typed as a number: Excel keeps 15 digits, the ID's tail is gone.
  legalId: Number("310104197806152835"),
  unitType: "",
  teachers: [
    ["张伟", "上海交通大学计算机科学与工程系", "教授", "人工智能", "兼职师资", "13801234567"],
    ["刘洋", "上海浦江数字技能培训中心教研部", "高级工程师", "机器学习", "专职", "021-64281235"],
    ["赵敏", "上海人工智能实验室", "研究员", "计算机视觉", "兼职", "13661234567"],
    ["", "上海浦江数字技能培训中心教研部", "工程师", "软件工程", "专职师资", "13512345678"],
  ],
};

const EXPECT = (sheet: string) => ({
  sheet,
  table: "institution" as const,
  policy: "sh-2026-digital-institution" as const,
  level: null,
});

export const instCases: readonly GoldenCase[] = [
  {
    id: "inst-clean",
    description: "数字技术工程师培育项目培训机构申报表, fully and correctly filled",
    sheets: [instSheet("培训机构申报表", CLEAN_INST)],
    expect: [EXPECT("培训机构申报表")],
  },
  {
    id: "inst-violations",
    description:
      "数字技术工程师培育项目培训机构申报表, two forms that break every rule of the pack at least once",
    sheets: [instSheet("申报表一", VIOLATIONS_ONE), instSheet("申报表二", VIOLATIONS_TWO)],
    expect: [EXPECT("申报表一"), EXPECT("申报表二")],
  },
];
