import type { CellValue } from "../../../src/core/grid/types";
import type { GoldenCase, GoldenSheet } from "../types";

/** The answers of one 附件2 申报表, by the labels of the form. */
interface ShApplication {
  applicantLine: string;
  dateLine: string;
  title: string;
  courseTime: CellValue;
  location: string;
  domain: string;
  major: string;
  featureClass: string;
  featureYears: string;
  category: string;
  lodging: string;
  scope: string;
  purpose: string;
  goal: string;
  methods: string;
  experts: string;
  audience: string;
  featureInfo: string;
  promotion: string;
  recommenderName: string;
  recommenderContact: string;
  recommenderPhone: string;
  applicantName: string;
  applicantContact: string;
  officePhone: string;
  mobile: string;
  fax: string;
  postcode: string;
  creditCode: CellValue;
  address: string;
  bank: string;
  base: string;
  lastYear: string;
}

const CLEAN_APPLICATION: ShApplication = {
  applicantLine: "申报单位：上海示范大学（盖章）",
  dateLine: "申报时间：2026年4月10日",
  title: "人工智能大模型应用与治理高级研修班",
  courseTime: "2026年9月14日-18日（5天）",
  location: "上海市闵行区",
  domain: "数字技术",
  major: "人工智能",
  featureClass: "☑是 □否",
  featureYears: "5年",
  category: "☑高级研修项目 □急需紧缺人才培养项目",
  lodging:
    "☑提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：☑是 □否） □不提供学员住宿\n备注：提供学员住宿的项目原则上在市郊举办或面向长三角地区招收学员",
  scope:
    "服务本市战略：助力上海国际科技创新中心建设\n对接产业需求：对接本市人工智能产业发展\n突出数字技术：聚焦大模型应用",
  purpose: "围绕大模型在政务、金融、制造等场景的应用与治理，提升专业技术人员的数字化能力。",
  goal: "培养一批懂技术、会应用、善治理的人工智能骨干人才。",
  methods:
    "（包括但不限于主题报告、专题研讨、学术交流、现场教学）\n☑主题报告：大模型前沿进展\n☑专题研讨：行业应用案例\n□学术交流：\n☑现场教学：人工智能企业参观\n□其他方式：",
  experts:
    "（如有院士及其他高层次专家或厅局级以上领导出席，请重点阐述）\n☑院士：张某某\n☑正高级职称专家：李某某等5人",
  audience: "本市人工智能相关领域中、高级专业技术人员，计划招收60人，其中基层专业技术人员不少于20人。",
  featureInfo: "无",
  promotion: "通过上海人才网、微信公众号和结业展示会宣传项目特色亮点。",
  recommenderName: "上海市经济和信息化委员会",
  recommenderContact: "王老师",
  recommenderPhone: "021-23112311",
  applicantName: "上海示范大学",
  applicantContact: "刘老师",
  officePhone: "021-64251234",
  mobile: "13812345678",
  fax: "021-64251235",
  postcode: "200237",
  creditCode: "123100004250061179",
  address: "上海市闵行区示范路100号",
  bank: "收款人名称：上海示范大学\n收款人账号：1001234567890123\n收款人开户行：中国工商银行上海闵行支行",
  base: "□国家基地 ☑本市基地 □否",
  lastYear: "☑高级研修项目 □急需紧缺人才培养项目 项目名称：人工智能通识研修班 □未承办",
};

const FORM_TITLE = "专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）申报表";

/** 附件2 laid out as the attachment: labels in A (blocks merged down A), answers merged across B:E. */
function shApplicationSheet(name: string, a: ShApplication): GoldenSheet {
  const rows: (CellValue | undefined)[][] = [
    [FORM_TITLE],
    [a.applicantLine],
    [a.dateLine],
    ["项目名称", a.title],
    ["办班时间", a.courseTime, undefined, "办班地点", a.location],
    ["领域", a.domain, undefined, "专业范围", a.major],
    ["申报特色班", a.featureClass, undefined, "特色班\n拟办年限", a.featureYears],
    ["申报项目类别", a.category],
    ["是否提供学员\n住宿（单选）", a.lodging],
    ["是否符合\n选题范围", a.scope],
    ["研修目的\n和作用", a.purpose],
    ["主要目标", a.goal],
    ["研修内容和方式", a.methods],
    ["授课专家情况", a.experts],
    ["培训对象", a.audience],
    ["特色班\n相关情况", a.featureInfo],
    ["宣传推广计划", a.promotion],
    ["推荐单位信息", "单位名称", a.recommenderName, "联系人", a.recommenderContact],
    [undefined, "联系方式", a.recommenderPhone],
    ["申报单位信息", "单位名称", a.applicantName, "联系人", a.applicantContact],
    [undefined, "办公电话", a.officePhone, "手机", a.mobile],
    [undefined, "传 真", a.fax, "邮 编", a.postcode],
    [undefined, "统一社会信用代码", a.creditCode],
    [undefined, "地 址", a.address],
    [undefined, "银行账户信息", a.bank],
    [undefined, "是否继续教育基地", a.base],
    ["上一年度项目情况", a.lastYear],
  ];
  const merges = ["A1:E1", "A2:E2", "A3:E3", "B4:E4", "B5:C5", "B6:C6", "B7:C7"];
  for (let r = 8; r <= 17; r++) merges.push(`B${r}:E${r}`);
  merges.push("A18:A19", "C19:E19", "A20:A26", "C23:E23", "C24:E24", "C25:E25", "C26:E26", "B27:E27");
  return { name, rows, merges };
}

const LONG_GOAL =
  "本项目旨在全面系统地提升本市人工智能相关领域专业技术人员的理论水平和实践能力，围绕大模型的基础原理、训练方法、推理部署、安全治理、行业应用、伦理规范、数据要素、算力基础设施等方面开展深入研修，帮助学员掌握前沿技术并在本单位推广应用，形成一批可复制可推广的典型案例和经验做法。";

// 附件3 推荐表 as the attachment: title, 推荐单位 and 填写时间 lines, the table, contacts and the 注 under it.
function recommendationSheet(
  name: string,
  lines: { unit: string; date: string },
  rows: ReadonlyArray<readonly [CellValue, string, string, string]>,
  footer: { contact: string; phone: string },
): GoldenSheet {
  const body: (CellValue | undefined)[][] = [
    [FORM_TITLE.replace("申报表", "推荐表")],
    [lines.unit],
    [lines.date],
    ["推荐排序", "项目名称", "承办单位", "备注"],
    ...rows.map((r) => [...r]),
    [footer.contact],
    [footer.phone],
    [
      "注：请各推荐单位（市委、市政府各有关部、委、办、局，或各区人力资源和社会保障局）将推荐项目按推荐程度排序，标注重点推荐项目（原则上不超过推荐项目总数的15%），并加盖单位公章。",
    ],
  ];
  const n = body.length;
  return { name, rows: body, merges: ["A1:D1", "A2:D2", "A3:D3", `A${n}:D${n}`] };
}

const CLEAN_PROJECTS: ReadonlyArray<readonly [CellValue, string, string, string]> = [
  [1, "人工智能大模型应用与治理高级研修班", "上海示范大学", "重点推荐"],
  [2, "集成电路先进封装技术高级研修班", "上海微电子研究院", ""],
  [3, "工业互联网平台建设与应用研修班", "上海工业技术学院", ""],
  [4, "数据安全与密码工程应用研修班", "上海信息安全中心", ""],
  [5, "智能网联汽车测试评价研修班", "上海汽车工程学会", ""],
  [6, "生物制造关键技术研修班", "上海生物医药产业促进中心", ""],
  [7, "城市更新与韧性安全研修班", "上海建筑科学研究院", ""],
];

/** A city summary list: many recommenders, with figures. */
function summarySheet(name: string, rows: ReadonlyArray<ReadonlyArray<CellValue>>): GoldenSheet {
  return {
    name,
    rows: [
      ["上海市专业技术人才知识更新工程2026年度高级研修项目汇总表"],
      [
        "序号",
        "推荐单位",
        "推荐排序",
        "项目名称",
        "承办单位",
        "领域",
        "专业范围",
        "学员人数",
        "基层人数",
        "办班时间",
        "是否住宿",
        "资助经费（万元）",
        "备注",
      ],
      ...rows,
      ["合计", "", "", "", "", "", "", 0, 0, "", "", 0, ""],
    ],
    merges: ["A1:M1"],
  };
}

const SUMMARY_CLEAN: ReadonlyArray<ReadonlyArray<CellValue>> = [
  [
    1,
    "市经济信息化委",
    1,
    "人工智能大模型应用与治理高级研修班",
    "上海示范大学",
    "数字技术",
    "人工智能",
    60,
    20,
    "2026年9月14日-18日",
    "是",
    12.5,
    "重点推荐",
  ],
  [
    2,
    "市经济信息化委",
    2,
    "集成电路先进封装技术高级研修班",
    "上海微电子研究院",
    "数字技术",
    "集成电路",
    55,
    18,
    "2026年10月12日-16日",
    "否",
    6.8,
    "",
  ],
  [
    3,
    "市经济信息化委",
    3,
    "工业互联网平台建设与应用研修班",
    "上海工业技术学院",
    "数字技术",
    "工业互联网",
    50,
    16,
    "2026年6月8日-11日",
    "否",
    7,
    "",
  ],
  [
    4,
    "闵行区人社局",
    1,
    "智慧农业技术推广研修班",
    "上海农业技术推广中心",
    "农业",
    "智慧农业",
    52,
    30,
    "2026年5月18日-20日",
    "是",
    12.7,
    "重点推荐",
  ],
  [
    5,
    "闵行区人社局",
    2,
    "养老服务与社会保障研修班",
    "上海社会工作学院",
    "社会工作",
    "社会保障",
    80,
    40,
    "2026年7月6日-10日",
    "否",
    6.5,
    "",
  ],
];

const SUMMARY_VIOLATIONS: ReadonlyArray<ReadonlyArray<CellValue>> = [
  [
    1,
    "市经济信息化委",
    1,
    "人工智能大模型应用与治理高级研修班",
    "上海示范大学",
    "人工智能",
    "大模型",
    45,
    10,
    "2026年9月14日-20日",
    "是",
    13,
    "重点推荐",
  ],
  [
    2,
    "市经济信息化委",
    1,
    "集成电路先进封装技术高级研修班",
    "上海示范大学",
    "数字技术",
    "集成电路",
    "五十多人",
    18,
    "2026年12月1日-4日",
    "否",
    7.5,
    "重点推荐",
  ],
  [
    3,
    "市经济信息化委",
    4,
    "人工智能大模型应用与治理高级研修班",
    "上海工业技术学院",
    "金融",
    "区块链",
    50,
    12,
    "下旬",
    "否",
    "127000元",
    "",
  ],
  [
    4,
    "闵行区人社局",
    1,
    "智慧农业技术推广研修班",
    "上海农业技术推广中心",
    "农业",
    "智慧农业",
    52,
    30,
    "2026年5月18日-20日",
    "是",
    12.7,
    "重点推荐",
  ],
];

export const shCases: readonly GoldenCase[] = [
  {
    id: "sh-application-clean",
    description: "附件2 申报表, fully and correctly filled",
    sheets: [shApplicationSheet("申报表", CLEAN_APPLICATION)],
    expect: [{ sheet: "申报表", table: "application", policy: "sh-2026-gaoyan", level: null }],
  },
  {
    id: "sh-application-violations",
    description: "附件2 申报表, two forms with one or more violations of every form rule",
    sheets: [
      shApplicationSheet("申报表1", {
        ...CLEAN_APPLICATION,
        dateLine: "申报时间：2026年4月20日",
        title: "",
        courseTime: "2026年12月1日-7日",
        location: "上海市中心城区",
        domain: "人工智能",
        featureClass: "☑是 ☑否",
        featureYears: "3年",
        category: "□高级研修项目 □急需紧缺人才培养项目",
        lodging: "☑提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：□是 □否） □不提供学员住宿",
        scope: "服务本市战略：____\n对接产业需求：____\n突出数字技术：____",
        goal: LONG_GOAL,
        methods:
          "（包括但不限于主题报告、专题研讨、学术交流、现场教学）\n□主题报告：\n□专题研讨：\n□学术交流：\n□现场教学：\n□其他方式：",
        audience: "本市相关领域专业技术人员，计划招收40人，其中基层10人。",
        featureInfo: "",
        recommenderPhone: "021-123",
        officePhone: "6425-12",
        mobile: "1381234567",
        postcode: "20023",
        creditCode: "123100004250061170",
        bank: "收款人名称：上海示范大学继续教育学院\n收款人账号：1001234567890123\n收款人开户行：中国工商银行上海闵行支行",
        base: "□国家基地 □本市基地 □否",
        lastYear: "☑高级研修项目 ☑急需紧缺人才培养项目 项目名称：人工智能通识研修班 □未承办",
      }),
      shApplicationSheet("申报表2", {
        ...CLEAN_APPLICATION,
        courseTime: "2026年10月下旬",
        location: "上海市静安区",
        domain: "金融",
        major: "区块链",
        featureClass: "□是 ☑否",
        featureYears: "",
        audience: "本市金融领域中、高级专业技术人员。",
        creditCode: 123100004250061000,
      }),
    ],
    expect: [
      { sheet: "申报表1", table: "application", policy: "sh-2026-gaoyan", level: null },
      { sheet: "申报表2", table: "application", policy: "sh-2026-gaoyan", level: null },
    ],
  },
  {
    id: "sh-recommendation-clean",
    description: "附件3 推荐表 of one recommender, seven projects, one key recommendation",
    sheets: [
      recommendationSheet(
        "推荐表",
        { unit: "推荐单位：上海市经济和信息化委员会（盖章）", date: "填写时间：2026年4月20日" },
        CLEAN_PROJECTS,
        { contact: "推荐单位联系人：王老师", phone: "联系方式：021-23112311" },
      ),
    ],
    expect: [{ sheet: "推荐表", table: "recommendation", policy: "sh-2026-gaoyan", level: null }],
  },
  {
    id: "sh-recommendation-violations",
    description: "附件3 推荐表 with broken ranking, too many key recommendations, repeats and a late date",
    sheets: [
      recommendationSheet(
        "推荐表",
        { unit: "推荐单位：上海市经济和信息化委员会（盖章）", date: "填写时间：2026年4月25日" },
        [
          [1, "人工智能大模型应用与治理高级研修班", "上海示范大学", "重点推荐"],
          [3, "集成电路先进封装技术高级研修班", "上海示范大学", ""],
          [3, "工业互联网平台建设与应用研修班", "上海工业技术学院", "重点推荐"],
          [2, "人工智能大模型应用与治理高级研修班", "上海信息安全中心", "重点推荐"],
          ["五", "智能网联汽车测试评价研修班", "", "重点推荐"],
          [9, "生物制造关键技术研修班", "上海生物医药产业促进中心", ""],
          ["", "", "", ""],
          ["7.5", "", "上海建筑科学研究院", ""],
        ],
        { contact: "推荐单位联系人：", phone: "联系方式：3251" },
      ),
    ],
    expect: [{ sheet: "推荐表", table: "recommendation", policy: "sh-2026-gaoyan", level: null }],
  },
  {
    id: "sh-summary-clean",
    description: "city summary list of two recommenders with figures",
    sheets: [summarySheet("汇总", SUMMARY_CLEAN)],
    expect: [{ sheet: "汇总", table: "summary", policy: "sh-2026-gaoyan", level: null }],
  },
  {
    id: "sh-summary-violations",
    description: "city summary list with figure, ranking, quota, domain and funding violations",
    sheets: [summarySheet("汇总", SUMMARY_VIOLATIONS)],
    expect: [{ sheet: "汇总", table: "summary", policy: "sh-2026-gaoyan", level: null }],
  },
];
