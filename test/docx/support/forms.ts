import type { CellValue } from "../../../src/core/grid/types";
import { shCases } from "../../golden/cases/sh-2026-gaoyan";
import type { FormSheet } from "./form-sheet";

/** The values a generated 附件2 form is filled with, as the summary should list them. */
export interface FormValues {
  title: string;
  host: string;
  recommender: string;
  courseTime: string;
  location: string;
  domain: string;
  major: string;
  contact: string;
  mobile: string;
}

const DISTRICTS = [
  "闵行区",
  "松江区",
  "嘉定区",
  "青浦区",
  "奉贤区",
  "金山区",
  "崇明区",
  "浦东新区",
  "宝山区",
];
const TOPICS = ["人工智能", "集成电路", "生物医药", "数据要素", "工业互联网", "智能网联汽车"];

/** The n-th of a family of distinct, valid sh-82 forms. */
export function formValues(n: number): FormValues {
  const day = 1 + (n % 20);
  return {
    title: `${TOPICS[n % TOPICS.length]}高级研修班（第${n + 1}期）`,
    host: `上海第${n + 1}示范学院`,
    recommender: n % 2 === 0 ? "上海市经济和信息化委员会" : "上海市科学技术委员会",
    courseTime: `2026年9月${day}日-${day + 4}日（5天）`,
    location: `上海市${DISTRICTS[n % DISTRICTS.length]}`,
    domain: "数字技术",
    major: "人工智能",
    contact: `联系人${n + 1}`,
    mobile: `1381234${String(5000 + n).padStart(4, "0")}`,
  };
}

/** The clean golden sh-82 form with the values of `v` written in (labels found as the form prints them). */
export function shForm(name: string, v: FormValues): FormSheet {
  const base = shCases.find((c) => c.id === "sh-application-clean")?.sheets[0];
  if (!base) throw new Error("golden sh-application-clean is missing");
  const rows = base.rows.map((row) => [...row]) as (CellValue | undefined)[][];
  const set = (label: string, value: string, nth = 0, line?: string) => {
    let seen = 0;
    for (const row of rows)
      for (let c = 0; c < row.length; c++)
        if (row[c] === label && seen++ === nth) {
          row[c + 1] = value;
          return;
        }
    if (line)
      for (const row of rows) if (typeof row[0] === "string" && row[0].startsWith(line)) row[0] = value;
  };
  set("项目名称", v.title);
  set("办班时间", v.courseTime);
  set("办班地点", v.location);
  set("领域", v.domain);
  set("专业范围", v.major);
  set("单位名称", v.recommender, 0);
  set("单位名称", v.host, 1);
  set("联系人", v.contact, 1);
  set("手机", v.mobile);
  for (const row of rows) {
    if (typeof row[0] === "string" && row[0].startsWith("申报单位：")) row[0] = `申报单位：${v.host}（盖章）`;
    for (let c = 0; c < row.length; c++)
      if (typeof row[c] === "string" && (row[c] as string).startsWith("收款人名称："))
        row[c] = (row[c] as string).replace(/^收款人名称：[^\n]*/, `收款人名称：${v.host}`);
  }
  return { name, rows, merges: base.merges };
}
