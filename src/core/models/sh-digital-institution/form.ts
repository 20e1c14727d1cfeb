import { readForm, type FormSpec, type FormTable } from "../../recognise/form";
import type { SheetSignals } from "../../packs/pack";
import { readInstTables, type InstTables } from "./tables";

export type InstFormKey =
  | "fillDate"
  | "occupation"
  | "level"
  | "unitName"
  | "creditCode"
  | "legalName"
  | "legalId"
  | "address"
  | "unitType"
  | "industry"
  | "capital"
  | "employees"
  | "founded"
  | "leadName"
  | "leadPhone"
  | "leadTitle"
  | "leadEmail"
  | "contactName"
  | "contactPhone"
  | "contactTitle"
  | "contactEmail"
  | "profile"
  | "platform"
  | "teachersTotal"
  | "teachersFullTime"
  | "teachersPartTime"
  | "trainingSummary"
  | "teamMechanism"
  | "plan";

/**
 * 附件 数字技术工程师培育项目培训机构申报表: its labelled fields. 法定代表人, 申报负责人 and 申报联系人 are blocks, so
 * their 姓名/电话/职务/邮箱 are told apart. The tables inside the form are read by ./tables.ts.
 */
export const INST_FORM: FormSpec<InstFormKey> = {
  blocks: [
    { key: "legal", labels: ["法定代表人"] },
    { key: "lead", labels: ["申报负责人"] },
    { key: "contact", labels: ["申报联系人"] },
  ],
  fields: [
    { key: "fillDate", labels: ["填表日期", "填报日期"] },
    { key: "occupation", labels: ["拟申报开展培训的职业", "拟申报培训的职业", "拟申报职业", "申报职业"] },
    {
      key: "level",
      labels: ["拟申报开展培训的专业技术等级", "拟申报培训的专业技术等级", "专业技术等级", "拟申报等级"],
    },
    { key: "unitName", labels: ["单位名称"] },
    { key: "creditCode", labels: ["统一社会信用代码"] },
    { key: "legalName", labels: ["姓名"], block: "legal" },
    { key: "legalId", labels: ["身份证号", "身份证号码", "法定代表人身份证号"] },
    { key: "address", labels: ["单位地址"] },
    { key: "unitType", labels: ["单位类型"] },
    { key: "industry", labels: ["所属行业"] },
    { key: "capital", labels: ["注册资金", "注册资本"] },
    { key: "employees", labels: ["正式员工数", "正式员工人数"] },
    { key: "founded", labels: ["单位成立时间", "成立时间", "成立日期"] },
    { key: "leadName", labels: ["姓名"], block: "lead" },
    { key: "leadPhone", labels: ["电话", "联系电话", "手机"], block: "lead" },
    { key: "leadTitle", labels: ["职务"], block: "lead" },
    { key: "leadEmail", labels: ["邮箱", "电子邮箱", "E-mail", "Email"], block: "lead" },
    { key: "contactName", labels: ["姓名"], block: "contact" },
    { key: "contactPhone", labels: ["电话", "联系电话", "手机"], block: "contact" },
    { key: "contactTitle", labels: ["职务"], block: "contact" },
    { key: "contactEmail", labels: ["邮箱", "电子邮箱", "E-mail", "Email"], block: "contact" },
    { key: "profile", labels: ["单位基本情况"] },
    { key: "platform", labels: ["信息化平台建设情况"] },
    { key: "teachersTotal", labels: ["师资团队总人数"] },
    { key: "teachersFullTime", labels: ["专职师资队伍人数", "专职师资人数"] },
    { key: "teachersPartTime", labels: ["兼职师资队伍人数", "兼职师资人数"] },
    { key: "trainingSummary", labels: ["已有培训情况简述"] },
    { key: "teamMechanism", labels: ["师资团队建设机制简述"] },
    // The attachment prints the label vertically, one character a line; the 一 is often lost in copies.
    { key: "plan", labels: ["下一步培训工作规划", "下步培训工作规划"] },
  ],
};

/** Labels only the institution form has: any two of them tell it from every other form of the notices. */
export const INST_MARKERS = [
  "拟申报开展培训的职业",
  "拟申报开展培训的专业技术等级",
  "近三年纳税情况",
  "师资团队总人数",
  "下一步培训工作规划",
  "下步培训工作规划",
  "近5年培训规模",
  "近五年培训规模",
  "已有培训情况简述",
  "师资团队建设机制简述",
  "信息化平台建设情况",
  "自有场地及设施设备情况",
];

/** Every label of the form, fields and sections alike: a row holding one ends the table above it. */
export const INST_SECTION_LABELS = [
  ...INST_FORM.fields.flatMap((f) => f.labels),
  ...(INST_FORM.blocks ?? []).flatMap((b) => b.labels),
  "申报单位基本情况",
  "已有基础",
  "下一步工作方案",
  "承诺",
  "近三年纳税情况",
  "近5年培训规模",
  "近五年培训规模",
  "培训总规模",
  "其中独立培训规模",
  "自有场地及设施设备情况",
  "培训教师姓名",
  "年度计划培训人数",
  "培训费用",
  "注",
];

const INST_STOP_LABELS: ReadonlySet<string> = new Set(INST_SECTION_LABELS);

export interface InstRecognition {
  confidence: number;
  form: FormTable<InstFormKey>;
  tables: InstTables;
}

/** How strongly the sheet looks like the institution form; undefined when fewer than two of its own labels are there. */
export function recogniseInstForm(signals: SheetSignals): InstRecognition | undefined {
  const markers = new Set(
    INST_MARKERS.filter((m) => signals.labels.has(m)).map((m) =>
      m.replace("五", "5").replace("下步", "下一步"),
    ),
  );
  if (markers.size < 2) return undefined;
  const form = readForm(signals.grid, INST_FORM, signals.labels);
  const share = form.found / INST_FORM.fields.length;
  const title = /培训机构|数字技术工程师/.test(signals.head) ? 0.1 : 0;
  const confidence = Math.min(0.99, 0.5 + 0.3 * share + 0.04 * markers.size + title);
  return { confidence, form, tables: readInstTables(signals.grid, signals.labels, INST_STOP_LABELS) };
}
