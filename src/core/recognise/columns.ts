import type { ColumnSpec } from "./list";

/** The list columns the engine knows, by the header words the notices and people use. */
export type ListKey =
  | "serial"
  | "rank"
  | "title"
  | "host"
  | "remark"
  | "recommender"
  | "trainees"
  | "grassroots"
  | "grassrootsShare"
  | "days"
  | "courseTime"
  | "courseStart"
  | "courseEnd"
  | "location"
  | "funding"
  | "lodging"
  | "domain"
  | "major"
  | "techField"
  | "contact"
  | "phone"
  | "score"
  | "category";

/** Aliases as normaliseLabel gives them (no spaces, no bracketed units). */
export const LIST_COLUMNS: readonly ColumnSpec<ListKey>[] = [
  { key: "serial", aliases: ["序号", "编号"], content: false },
  {
    key: "rank",
    aliases: ["推荐排序", "排序", "排名", "推荐顺序", "推荐次序"],
    anchor: true,
    content: false,
  },
  {
    key: "title",
    aliases: ["项目名称", "研修选题", "选题名称", "选题", "研修项目名称", "项目选题"],
    anchor: true,
  },
  { key: "host", aliases: ["承办单位", "承办单位名称", "施教机构", "申报单位"] },
  { key: "remark", aliases: ["备注", "是否重点推荐", "重点推荐"], content: false },
  { key: "recommender", aliases: ["推荐单位", "推荐部门", "推荐单位名称", "主管部门"] },
  {
    key: "trainees",
    aliases: [
      "学员人数",
      "计划人数",
      "培训人数",
      "研修人数",
      "计划招收人数",
      "计划培训人数",
      "招收人数",
      "计划招生人数",
      "招生人数",
      "学员数",
      "参训人数",
      "拟招收人数",
      "人数",
    ],
  },
  {
    key: "grassroots",
    aliases: [
      "基层人数",
      "基层学员人数",
      "其中基层人数",
      "基层专业技术人员人数",
      "其中基层",
      "基层",
      "基层学员",
    ],
  },
  {
    key: "grassrootsShare",
    aliases: ["基层比例", "基层占比", "基层人员比例", "基层学员比例", "基层专业技术人员比例"],
  },
  { key: "days", aliases: ["天数", "办班天数", "培训天数", "研修天数"] },
  {
    key: "courseTime",
    aliases: ["办班时间", "培训时间", "研修时间", "举办时间", "起止时间", "办班起止时间"],
  },
  {
    key: "courseStart",
    aliases: [
      "开始",
      "开始日期",
      "开始时间",
      "开班日期",
      "开班时间",
      "起始日期",
      "起始时间",
      "办班开始日期",
      "办班开始时间",
      "培训开始日期",
      "培训开始时间",
      "研修开始日期",
      "研修开始时间",
    ],
  },
  {
    key: "courseEnd",
    aliases: [
      "结束",
      "结束日期",
      "结束时间",
      "结班日期",
      "结班时间",
      "截止日期",
      "办班结束日期",
      "办班结束时间",
      "培训结束日期",
      "培训结束时间",
      "研修结束日期",
      "研修结束时间",
    ],
  },
  { key: "location", aliases: ["办班地点", "培训地点", "举办地点"] },
  { key: "funding", aliases: ["资助经费", "申请资助经费", "资助金额", "经费", "申请经费"] },
  { key: "lodging", aliases: ["是否住宿", "是否提供学员住宿", "提供住宿", "住宿"] },
  { key: "domain", aliases: ["领域", "所属领域", "重点领域"] },
  { key: "major", aliases: ["专业范围", "主要专业范围", "专业"] },
  {
    key: "techField",
    aliases: ["所属专业技术领域", "专业技术领域", "选题所属专业技术领域", "选题所属行业领域"],
  },
  { key: "contact", aliases: ["联系人", "项目联系人"] },
  { key: "phone", aliases: ["联系电话", "联系方式", "电话", "手机"] },
  { key: "score", aliases: ["评审得分", "专家评分", "得分", "总分", "评分"] },
  { key: "category", aliases: ["项目类别", "申报项目类别", "类别"] },
];

/**
 * Sub-columns under a parent header, by the parent's key and the sub-header's words: 学员人数 › 总数 is the trainee
 * count, 学员人数 › 其中基层 the 基层 count, 办班时间 › 开始 | 结束 the two halves of the course time. Used only where the
 * sub-header alone names no column (总数, 开始, 比例 mean nothing without their parent).
 */
export const SUB_COLUMNS: ReadonlyArray<{
  parent: readonly ListKey[];
  words: readonly string[];
  key: ListKey;
}> = [
  {
    parent: ["trainees"],
    words: ["总数", "总人数", "合计", "人数", "计划人数", "小计", "计划", "总计", "学员", "总"],
    key: "trainees",
  },
  {
    parent: ["trainees", "grassroots"],
    words: ["基层", "其中基层", "基层人数", "其中:基层", "其中基层学员", "基层学员", "人数"],
    key: "grassroots",
  },
  {
    parent: ["trainees", "grassroots", "grassrootsShare"],
    words: ["比例", "占比", "基层比例", "基层占比", "其中基层比例", "基层比重", "比重"],
    key: "grassrootsShare",
  },
  {
    parent: ["courseTime", "days"],
    words: ["开始", "开始日期", "开始时间", "起", "起始", "起始日期", "开班", "开班日期", "始", "自", "从"],
    key: "courseStart",
  },
  {
    parent: ["courseTime", "days"],
    words: ["结束", "结束日期", "结束时间", "止", "截止", "截止日期", "结班", "结班日期", "终", "至", "到"],
    key: "courseEnd",
  },
  { parent: ["courseTime"], words: ["天数", "共计天数", "天", "共计", "合计天数"], key: "days" },
  { parent: ["contact"], words: ["姓名", "名字"], key: "contact" },
  {
    parent: ["contact", "phone"],
    words: ["电话", "手机", "联系方式", "办公电话", "手机号码", "联系电话"],
    key: "phone",
  },
  { parent: ["funding"], words: ["金额", "万元", "元", "资助", "申请"], key: "funding" },
];

/** Columns whose cell names a group of rows: merged downwards over the group, the value belongs to each row. */
export const GROUP_COLUMNS: readonly ListKey[] = [
  "recommender",
  "host",
  "domain",
  "major",
  "techField",
  "contact",
  "phone",
  "category",
  "lodging",
  "location",
];

/**
 * Group columns that staff also write once at the top of the group and leave blank below: 推荐单位 (a list of many
 * recommenders has one on every project). A blank 领域 or 承办单位 stays blank: it may simply be missing.
 */
export const FILL_DOWN_COLUMNS: readonly ListKey[] = ["recommender"];

/** 办班时间 (起止时间) merged over two columns with no sub-headers: the start date and the end date. */
export const SPLIT_COLUMNS: ReadonlyArray<{ key: ListKey; into: readonly [ListKey, ListKey] }> = [
  { key: "courseTime", into: ["courseStart", "courseEnd"] },
];
