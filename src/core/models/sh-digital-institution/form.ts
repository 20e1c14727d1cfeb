import { readForm, type FormSpec, type FormTable } from "../../recognise/form";
import type { SheetSignals } from "../../packs/pack";
import type { InstContext } from "./figures";
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

/*
 * 附件 数字技术工程师培育项目培训机构申报表 is read by the fields of its pack's tables/institution.yaml (法定代表人,
 * 申报负责人 and 申报联系人 are blocks, so their 姓名/电话/职务/邮箱 are told apart; InstContext.form); the tables inside
 * the form are read by ./tables.ts.
 */

// Section and table labels of the form that are not fields: a row holding one ends the table above it.
const SECTION_LABELS = [
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

/** Every label of the form, fields and sections alike: a row holding one ends the table above it. */
export function sectionLabels(form: FormSpec): string[] {
  return [
    ...form.fields.flatMap((f) => f.labels),
    ...(form.blocks ?? []).flatMap((b) => b.labels),
    ...SECTION_LABELS,
  ];
}

const stopLabels = new WeakMap<FormSpec, ReadonlySet<string>>();

function stopLabelsOf(form: FormSpec): ReadonlySet<string> {
  let known = stopLabels.get(form);
  if (!known) {
    known = new Set(sectionLabels(form));
    stopLabels.set(form, known);
  }
  return known;
}

export interface InstRecognition {
  confidence: number;
  form: FormTable<InstFormKey>;
  tables: InstTables;
}

/** How strongly the sheet looks like the institution form; undefined when fewer than two of its own labels are there. */
export function recogniseInstForm(c: InstContext, signals: SheetSignals): InstRecognition | undefined {
  const markers = new Set(
    c.markers.filter((m) => signals.labels.has(m)).map((m) => m.replace("五", "5").replace("下步", "下一步")),
  );
  if (markers.size < 2) return undefined;
  const form = readForm(signals.grid, c.form, signals.labels);
  const share = form.found / c.form.fields.length;
  const title = /培训机构|数字技术工程师/.test(signals.head) ? 0.1 : 0;
  const confidence = Math.min(0.99, 0.5 + 0.3 * share + 0.04 * markers.size + title);
  return { confidence, form, tables: readInstTables(signals.grid, signals.labels, stopLabelsOf(c.form)) };
}
