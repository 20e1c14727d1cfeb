/**
 * Builds the example workbooks in examples/ from the data below (run: `npm run build:examples`).
 * They are what `npx yanxiu check examples/` and the browser file mode show first, so each one carries a few
 * realistic mistakes of the kind the notices' rules catch, next to rows that are right.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

type Value = string | number | null | { formula: string; result: number };

/** One example sheet: rows of values, merges as A1 ranges, column widths, and which rows form the bordered table. */
export interface ExampleSheet {
  name: string;
  rows: Value[][];
  merges?: string[];
  widths: number[];
  /** 1-based inclusive rows drawn with borders (the table itself, not the titles and notes). */
  table: { from: number; to: number };
  formats?: Record<string, string>;
}

export interface Example {
  file: string;
  description: string;
  sheets: ExampleSheet[];
}

const TITLE_82 = "专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）";

/** 附件3 推荐表 of one recommender, with a gap in the ranking, two 重点推荐 of 6, a repeated title and more. */
const recommendation: Example = {
  file: "sh-recommendation.xlsx",
  description: "上海 推荐表（附件3），含若干问题 / Shanghai recommendation list with some violations",
  sheets: [
    {
      name: "推荐表",
      widths: [10, 44, 30, 12],
      rows: [
        [`${TITLE_82}推荐表`, null, null, null],
        ["推荐单位：上海市经济和信息化委员会（盖章）", null, null, null],
        ["填写时间：2026年4月25日", null, null, null],
        ["推荐排序", "项目名称", "承办单位", "备注"],
        [1, "工业互联网平台安全与数据治理高级研修班", "上海工业互联网创新中心", "重点推荐"],
        [2, "智能网联汽车软件定义架构高级研修班", "上海汽车工程学会", null],
        [4, "集成电路先进封装技术高级研修班", "上海集成电路行业协会", "重点推荐"],
        [5, "低空经济航空器适航与运营管理研修班", "上海航空学会", null],
        [6, "智能网联汽车软件定义架构高级研修班", "上海汽车工程学会", null],
        [7, "具身智能机器人关键技术研修班", "上海机器人产业技术研究院", null],
        ["推荐单位联系人：王敏", null, null, null],
        ["联系方式：021-2345", null, null, null],
        [
          "注：请各推荐单位将推荐项目按推荐程度排序，标注重点推荐项目（原则上不超过推荐项目总数的15%），并加盖单位公章。",
          null,
          null,
          null,
        ],
      ],
      merges: ["A1:D1", "A2:D2", "A3:D3", "A11:D11", "A12:D12", "A13:D13"],
      table: { from: 4, to: 10 },
    },
  ],
};

/** 附件2 申报表 of one project: filled in properly except a six-day course and a payee that is not the applicant. */
const application: Example = {
  file: "sh-application.xlsx",
  description: "上海 申报表（附件2） / Shanghai application form",
  sheets: [
    {
      name: "申报表",
      widths: [14, 16, 30, 14, 30],
      rows: [
        [`${TITLE_82}申报表`, null, null, null, null],
        ["申报单位：上海人工智能产业研究院", null, null, "申报时间：2026年4月10日", null],
        ["项目名称", "生成式人工智能工程化落地高级研修班", null, null, null],
        ["办班时间（X 天）", "2026年9月14日-19日（6天）", null, "办班地点", "上海市松江区"],
        ["领域", "数字技术", null, "专业范围", "人工智能"],
        ["申报特色班", "☑是 □否", null, "特色班拟办年限", "5年"],
        ["申报项目类别", "☑高级研修项目 □急需紧缺人才培养项目", null, null, null],
        [
          "是否提供学员住宿（单选）",
          "☑提供学员住宿（是否接受统筹调剂为：住宿费由申报单位自筹：☑是 □否） □不提供学员住宿",
          null,
          null,
          null,
        ],
        [
          "是否符合选题范围",
          "服务本市战略：人工智能高地建设 对接产业需求：大模型行业应用 突出数字技术：工程化部署",
          null,
          null,
          null,
        ],
        [
          "研修目的和作用",
          "围绕生成式人工智能在制造、金融、医疗等行业的工程化落地，提升专业技术人员的模型选型、部署与评估能力。",
          null,
          null,
          null,
        ],
        [
          "主要目标",
          "培养一批能够主导大模型行业应用落地的骨干工程师，形成可复制的工程化方法与案例库。",
          null,
          null,
          null,
        ],
        [
          "研修内容和方式",
          "☑主题报告：大模型技术趋势 ☑专题研讨：行业落地难点 □学术交流：____ ☑现场教学：智算中心参观 □其他方式：____",
          null,
          null,
          null,
        ],
        ["授课专家情况", "☑院士：1名 ☑正高级职称专家：6名", null, null, null],
        [
          "培训对象",
          "本市人工智能及相关领域具有中高级职称的专业技术人员，计划招收60人，其中基层一线不少于20人。",
          null,
          null,
          null,
        ],
        [
          "特色班相关情况",
          "2024年、2025年已举办两期，累计培训120人；本期侧重工程化部署与评估。",
          null,
          null,
          null,
        ],
        ["宣传推广计划", "通过行业协会、园区和微信公众号发布招生信息，结业后发布案例集。", null, null, null],
        ["推荐单位信息", "单位名称", "上海市经济和信息化委员会", "联系人", "王敏"],
        [null, "联系方式", "021-23112345", null, null],
        ["申报单位信息", "单位名称", "上海人工智能产业研究院", "联系人", "李华"],
        [null, "办公电话", "021-64321234", "手机", "13912345678"],
        [null, "传真", "021-64321235", "邮编", "201620"],
        [null, "统一社会信用代码", "91310117MA1J4B2K1X", null, null],
        [null, "地址", "上海市松江区文汇路 1000 号", null, null],
        [
          null,
          "银行账户信息",
          "收款人名称：上海智算科技有限公司 收款人账号：1001 2345 6789 收款人开户行：工商银行松江支行",
          null,
          null,
        ],
        [null, "是否继续教育基地", "□国家基地 ☑本市基地 □否", null, null],
        [
          "上一年度项目情况",
          "☑高级研修项目 □急需紧缺人才培养项目 项目名称：大模型应用研修班 □未承办",
          null,
          null,
          null,
        ],
      ],
      merges: [
        "A1:E1",
        "A2:C2",
        "D2:E2",
        "B3:E3",
        "B4:C4",
        "B5:C5",
        "B6:C6",
        "B7:E7",
        "B8:E8",
        "B9:E9",
        "B10:E10",
        "B11:E11",
        "B12:E12",
        "B13:E13",
        "B14:E14",
        "B15:E15",
        "B16:E16",
        "A17:A18",
        "C18:E18",
        "A19:A25",
        "C22:E22",
        "C23:E23",
        "C24:E24",
        "C25:E25",
        "B26:E26",
      ],
      table: { from: 3, to: 26 },
    },
  ],
};

/** The columns of the city summary example (also the bench's generated lists). */
export const SUMMARY_HEADER: Value[] = [
  "序号",
  "推荐单位",
  "推荐排序",
  "项目名称",
  "承办单位",
  "学员人数",
  "基层比例",
  "办班时间",
  "资助经费（万元）",
  "是否住宿",
  "领域",
  "专业范围",
  "备注",
];

/**
 * The rows of a generated city summary list of `count` projects under SUMMARY_HEADER (50 per recommender), for the
 * benchmarks and the browser tests' long lists: every `shortEvery`-th project (counted from `shortAt`) has too few
 * trainees, and ranks up to `keyRanks` of each recommender are marked 重点推荐.
 */
export function summaryListRows(
  count: number,
  options: { shortEvery: number; shortAt?: number; keyRanks: number },
): Value[][] {
  const rows: Value[][] = [];
  for (let i = 0; i < count; i++) {
    const rank = (i % 50) + 1;
    const day = 1 + (i % 24);
    rows.push([
      i + 1,
      `推荐单位${Math.floor(i / 50)}`,
      rank,
      `研修项目${i}号高级研修班`,
      `承办单位${i}`,
      i % options.shortEvery === (options.shortAt ?? 0) ? 45 : 50 + (i % 40),
      0.3 + (i % 5) / 100,
      `2026年${1 + (i % 10)}月${day}日-${day + 2 + (i % 3)}日`,
      i % 2 === 0 ? 12 : 6.5,
      i % 2 === 0 ? "是" : "否",
      "数字技术",
      "人工智能",
      rank <= options.keyRanks ? "重点推荐" : null,
    ]);
  }
  return rows;
}

/** A city summary list compiled from several recommenders, with a few figures outside the notice's limits. */
const summary: Example = {
  file: "sh-city-summary.xlsx",
  description: "上海 市级汇总表（多个推荐单位） / Shanghai city summary list",
  sheets: [
    {
      name: "汇总表",
      widths: [6, 22, 8, 40, 26, 9, 9, 24, 10, 9, 12, 16, 10],
      rows: [
        ["2026年度上海市专业技术人员知识更新工程高级研修项目汇总表", ...Array<Value>(12).fill(null)],
        SUMMARY_HEADER,
        [
          1,
          "市经济信息化委",
          1,
          "工业互联网平台安全与数据治理高级研修班",
          "上海工业互联网创新中心",
          60,
          0.35,
          "2026年9月7日-11日",
          12,
          "是",
          "数字技术",
          "工业互联网",
          "重点推荐",
        ],
        [
          2,
          "市经济信息化委",
          2,
          "集成电路先进封装技术高级研修班",
          "上海集成电路行业协会",
          55,
          0.4,
          "2026年10月12日-15日",
          6.5,
          "否",
          "数字技术",
          "集成电路",
          null,
        ],
        [
          3,
          "市经济信息化委",
          3,
          "低空经济航空器适航与运营管理研修班",
          "上海航空学会",
          50,
          0.3,
          "2026年11月23日-27日",
          11.8,
          "是",
          "装备制造",
          "低空经济",
          null,
        ],
        [
          4,
          "市科委",
          1,
          "细胞与基因治疗产业化关键技术研修班",
          "上海生物医药行业协会",
          80,
          0.32,
          "2026年6月15日-19日",
          12.7,
          "是",
          "生物医药",
          "药品",
          "重点推荐",
        ],
        [
          5,
          "市科委",
          2,
          "科技成果转移转化技术经理人高级研修班",
          "上海技术交易所",
          45,
          0.3,
          "2026年7月6日-9日",
          6.8,
          "否",
          "现代服务业",
          "科技成果转移转化（技术经理人）",
          null,
        ],
        [
          6,
          "市科委",
          3,
          "量子科技与精密测量前沿研修班",
          "上海量子科学研究中心",
          52,
          0.25,
          "2026年8月24日-28日",
          12.5,
          "是",
          "信息",
          "量子科技",
          null,
        ],
        [
          7,
          "浦东新区人社局",
          1,
          "跨境金融科技与数据合规高级研修班",
          "上海金融科技产业联盟",
          60,
          0.3,
          "2026年9月21日-27日",
          13.5,
          "是",
          "金融",
          "金融科技",
          "重点推荐",
        ],
        [
          8,
          "浦东新区人社局",
          2,
          "航运金融与航运法律服务研修班",
          "上海国际航运研究中心",
          58,
          0.33,
          "2026年10月19日-23日",
          7,
          "否",
          "航运",
          "航运服务",
          null,
        ],
        [
          9,
          "松江区人社局",
          1,
          "智能建造与建筑信息模型技术研修班",
          "上海建筑科学研究院",
          66,
          0.45,
          "2026年12月7日-11日",
          12,
          "是",
          "建筑",
          "智能建造",
          null,
        ],
        [
          10,
          "松江区人社局",
          2,
          "人工智能赋能智能制造研修班",
          "上海松江智能制造研究院",
          60,
          0.3,
          "2026年9月14日-18日",
          12,
          "是",
          "人工智能",
          null,
          null,
        ],
        [
          "合计",
          null,
          null,
          null,
          null,
          { formula: "SUM(F3:F12)", result: 586 },
          null,
          null,
          { formula: "SUM(I3:I12)", result: 106.8 },
          null,
          null,
          null,
          null,
        ],
        ["填表人：赵磊    联系电话：021-63812345", ...Array<Value>(12).fill(null)],
      ],
      merges: ["A1:M1", "A13:E13", "A14:M14"],
      table: { from: 2, to: 13 },
      formats: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`G${i + 3}`, "0%"])),
    },
  ],
};

export const EXAMPLES: readonly Example[] = [recommendation, application, summary];

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };

/** One example as xlsx bytes: values, merges, widths, wrapped text and borders round the table. */
export async function buildExample(example: Example): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "yanxiu-desk examples";
  // Fixed dates keep the document properties stable from one build to the next.
  wb.created = new Date(Date.UTC(2026, 3, 1));
  wb.modified = wb.created;
  for (const sheet of example.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    for (let r = 1; r <= sheet.rows.length; r++) {
      for (let c = 1; c <= sheet.widths.length; c++) {
        const cell = ws.getCell(r, c);
        cell.alignment = { vertical: "middle", wrapText: true, horizontal: r === 1 ? "center" : undefined };
        if (r >= sheet.table.from && r <= sheet.table.to)
          cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      }
    }
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).height = 36;
    for (const [address, fmt] of Object.entries(sheet.formats ?? {})) ws.getCell(address).numFmt = fmt;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function buildAll(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const example of EXAMPLES) {
    const target = path.join(dir, example.file);
    fs.writeFileSync(target, await buildExample(example));
    process.stdout.write(`${target}  ${example.description}\n`);
  }
}

// Only when run as the script itself (npm run build:examples bundles it to .tmp/build-examples.js): tests and the
// bench import EXAMPLES and buildExample from here, and bundlers make every entry point look like require.main.
if (/build-examples\.[jt]s$/.test(process.argv[1] ?? "")) {
  buildAll(path.resolve(process.argv[2] ?? "examples")).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
