import { gridFromValues, makeGrid, rawCell } from "../../src/core/grid/grid";
import type { CellValue, Grid, RawCell } from "../../src/core/grid/types";

type Row = (CellValue | undefined)[];

export const CITY_HEADER = [
  "序号",
  "推荐单位",
  "推荐排序",
  "项目名称",
  "承办单位",
  "领域",
  "专业范围",
  "学员人数",
  "基层人数",
  "评审得分",
  "备注",
];

/**
 * A city summary list of 12 projects (sheet rows 4–15): three recommenders (one typed once with a trailing space),
 * scores with ties and gaps, 浦东 over its 重点推荐 quota, 卫健委 with a repeated 推荐排序, 领域 with an unknown one
 * (人工智能 typed as 领域), an empty one and one spelled with a space, two AI topics, one host twice.
 */
export const CITY_ROWS: Row[] = [
  [
    1,
    "市经济信息化委",
    1,
    "大模型应用开发高级研修班",
    "上海交通大学",
    "数字技术",
    "人工智能",
    60,
    20,
    95,
    "重点推荐",
  ],
  [2, "市经济信息化委", 2, "集成电路设计前沿", "复旦大学", "数字技术", "集成电路", 55, 18, 90, ""],
  [3, "市经济信息化委", 3, "区块链与数据安全", "上海交通大学", "数字 技术", "区块链", 50, 15, 90, ""],
  [4, "市经济信息化委", 4, "智能网联汽车测试", "同济大学", "装备制造", "汽车", 52, 16, 88, ""],
  [5, "市经济信息化委", 5, "生成式AI与工业设计", "华东理工大学", "人工智能", "", 50, 12, undefined, ""],
  [6, "浦东新区人社局", 1, "创新药临床研究", "上海医药集团", "生物医药", "药品", 60, 20, 85, "重点推荐"],
  [7, "浦东新区人社局", 2, "医疗器械注册", "张江实验室", "生物医药", "医疗器械", 58, 18, 85, "是"],
  [8, "浦东新区人社局 ", 3, "跨境金融科技", "浦东金融研究院", "金融", "金融科技", 50, 15, 85, "非重点"],
  [9, "浦东新区人社局", 4, "绿色金融与ESG", "上海财经大学", "金融", "金融管理", 60, 21, 80, ""],
  [10, "市卫生健康委", 1, "智慧医疗管理", "瑞金医院", "数字技术", "数字化管理", 62, 20, "", ""],
  [11, "市卫生健康委", 1, "公共卫生应急", "市疾控中心", "", "", 50, 15, 70, "否"],
  [12, "市卫生健康委", 3, "生物样本库建设", "中科院上海分院", "生物医药", "生物制造", 70, 25, 92, ""],
];

export function cityList(name = "城市 汇总表", rows: Row[] = CITY_ROWS): Grid {
  return gridFromValues(name, [
    ["2026年度高级研修项目汇总表"],
    [],
    [],
    CITY_HEADER,
    ...rows,
    [],
    ["合计", undefined, undefined, undefined, undefined, undefined, undefined, 677],
  ]);
}

/** 附件3 推荐表 of one recommender: the recommender named above the table, no score, 6 projects. */
export function recommendationList(name = "推荐表"): Grid {
  return gridFromValues(name, [
    ["附件3"],
    ["专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）推荐表"],
    ["推荐单位：上海市经济和信息化委员会（盖章）", undefined, "填写时间：2026年4月20日"],
    ["推荐排序", "项目名称", "承办单位", "备注"],
    [1, "工业互联网平台建设", "上海电气", "重点推荐"],
    [2, "智能制造系统集成", "上海交通大学", ""],
    [3, "人工智能安全治理", "上海人工智能实验室", "重点推荐"],
    [5, "集成电路先进封装", "华虹集团", ""],
    [5, "低空经济与无人机", "上海飞机设计研究院", ""],
    [6, "数据要素流通", "上海数据交易所", ""],
    [],
    ["推荐单位联系人：张三", undefined, "联系方式：021-32511306"],
  ]);
}

/** A list with 基层比例 as %-formatted fractions instead of 基层人数. */
export function shareList(name = "推荐 '汇总' 表", bareFirst = false): Grid {
  const pct = (v: number): RawCell => rawCell(v, "0%");
  const text = (v: CellValue) => (v === null ? undefined : rawCell(v));
  const rows: (RawCell | undefined)[][] = [
    [text("项目名称"), text("推荐单位"), text("领域"), text("学员人数"), text("基层比例"), text("专家评分")],
    [
      text("AI 通识教育"),
      text("市教委"),
      text("数字技术"),
      text(80),
      bareFirst ? text(40) : pct(0.4),
      text(88.5),
    ],
    [text("智能体开发"), text("市教委"), text("数字技术"), text(50), pct(0.3), text(88.5)],
    [text("绿色建筑"), text("市住建委"), text("建筑"), text(60), pct(0.25), text(91)],
    [text("城市更新"), text("市住建委"), text("建筑"), text(60), undefined, text(79)],
  ];
  return makeGrid(name, rows);
}
