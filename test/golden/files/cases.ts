import type { Level, PackId, TableKind } from "../../../src/core/packs/types";

/**
 * The golden workbooks written by independent producers (scripts/golden/build-files.py): LibreOffice converting flat
 * ODF sources, and openpyxl. Expected findings: test/golden/expected/<id>.json, written by hand from the notices.
 */
export interface GoldenFile {
  id: string;
  producer: "libreoffice" | "openpyxl";
  /** The layouts the file is made of, for the report of what is covered. */
  layouts: readonly string[];
  expect: ReadonlyArray<{ sheet: string; table: TableKind; policy: PackId | null; level: Level | null }>;
}

const SH = "sh-2026-gaoyan" as const;
const unknown = (sheet: string) => ({ sheet, table: "unknown" as const, policy: null, level: null });
const sh = (sheet: string, table: TableKind) => ({ sheet, table, policy: SH, level: null });

export const GOLDEN_FILES: readonly GoldenFile[] = [
  {
    id: "lo-sh-summary-merged",
    producer: "libreoffice",
    layouts: [
      "two header rows, parents merged",
      "推荐单位 merged down",
      "date cells",
      "table at B3",
      "hidden row",
      "合计 formulas",
      "说明 sheet",
    ],
    expect: [unknown("说明"), sh("汇总", "summary")],
  },
  {
    id: "lo-sh-summary-written-once",
    producer: "libreoffice",
    layouts: [
      "three header rows, parents written once",
      "推荐单位 blank below",
      "start/end as text",
      "hidden spacer column",
      "full-width digits",
      "reference sheet",
    ],
    expect: [sh("推荐汇总", "summary"), unknown("领域参考")],
  },
  {
    id: "lo-sh-summary-clean",
    producer: "libreoffice",
    layouts: ["two header rows, parents merged", "推荐单位 merged down", "date cells", "合计 merged row"],
    expect: [sh("汇总表", "summary")],
  },
  {
    id: "lo-sh-recommendation-spaced",
    producer: "libreoffice",
    layouts: ["spaced labels", "full-width digits and colons", "table at B2", "quota over", "说明 sheet"],
    expect: [sh("推荐表", "recommendation"), unknown("说明")],
  },
  {
    id: "lo-sh-application-words",
    producer: "libreoffice",
    layouts: ["choice groups answered in words"],
    expect: [sh("申报表", "application")],
  },
  {
    id: "lo-fj-national-clean",
    producer: "libreoffice",
    layouts: ["choice groups answered in words"],
    expect: [{ sheet: "国家级申报表", table: "application", policy: "fj-2026-gaoyan", level: "national" }],
  },
  {
    id: "lo-sh-summary-share",
    producer: "libreoffice",
    layouts: ["share in a count column (text and percentage cell)"],
    expect: [sh("汇总", "summary")],
  },
  {
    id: "py-sh-summary-formulas",
    producer: "openpyxl",
    layouts: ["formulas without cached values", "合计 formulas"],
    expect: [sh("汇总", "summary")],
  },
  {
    id: "py-sh-recommendation-formula-footer",
    producer: "openpyxl",
    layouts: ["formulas without cached values in ranks and the footer", "reference sheet"],
    expect: [sh("推荐表", "recommendation"), unknown("联系人")],
  },
  {
    id: "py-hb-application-words",
    producer: "openpyxl",
    layouts: ["choice groups answered in words, dependent rule applies"],
    expect: [{ sheet: "申报表", table: "application", policy: "hb-2026-gaoyan", level: null }],
  },
  {
    id: "py-sh-summary-clean",
    producer: "openpyxl",
    layouts: ["three header rows merged", "推荐单位 merged down", "date cells"],
    expect: [sh("汇总", "summary")],
  },
  {
    id: "py-fj-summary-merged",
    producer: "openpyxl",
    layouts: ["two header rows (联系人 › 姓名 | 联系电话)", "承办单位/联系人/电话 merged down"],
    expect: [{ sheet: "汇总表", table: "summary", policy: "fj-2026-gaoyan", level: null }],
  },
  {
    id: "py-sh-summary-share",
    producer: "openpyxl",
    layouts: [
      "two header rows, parent written once",
      "share column (%-cell and text)",
      "推荐单位 repeated",
      "hidden row",
    ],
    expect: [sh("汇总", "summary")],
  },
  {
    id: "lo-sh-summary-sections",
    producer: "libreoffice",
    layouts: [
      "section rows as recommender groups",
      "起止时间 merged over two date columns",
      "领域 written with 领域",
      "合计 merged row",
    ],
    expect: [sh("汇总", "summary")],
  },
  {
    id: "py-sh-recommendation-clean",
    producer: "openpyxl",
    layouts: ["ranks written 第1名 / 第二名", "是/否 under 是否重点推荐", "hidden column"],
    expect: [sh("推荐表", "recommendation")],
  },
];
