import type { SheetCheck } from "../core/check-types";
import type { CellValue, Grid } from "../core/grid/types";
import { cellText } from "../core/read/normalise";
import { LIST_COLUMNS, type ListKey } from "../core/recognise/columns";
import { readForm, type FormSpec } from "../core/recognise/form";
import { findLabelledLine } from "../core/recognise/lines";
import { readList } from "../core/recognise/list";
import type { TableKind } from "../core/packs/types";

/** One project as it goes into the merged summary list: where it came from and its values by list column. */
export interface ProjectRecord {
  file: string;
  sheet: string;
  /** The sheet row (1-based) of a list row; null for a form (one project per sheet). */
  row: number | null;
  table: TableKind;
  values: Partial<Record<ListKey, CellValue>>;
}

const LIST_TABLES: ReadonlySet<TableKind> = new Set(["recommendation", "summary"]);
const FORM_TABLES: ReadonlySet<TableKind> = new Set(["application", "institution"]);

/**
 * The labels of a project form that map to summary columns, whatever the notice: each pack's form names them a
 * little differently, and the blocks keep 推荐单位's 单位名称 apart from the applicant's.
 */
const FORM_FIELDS: FormSpec<ListKey> = {
  blocks: [
    { key: "recommender", labels: ["推荐单位信息", "推荐单位情况"] },
    {
      key: "applicant",
      labels: [
        "申报单位信息",
        "承办单位信息",
        "申报单位情况",
        "承办单位情况",
        "机构基本情况",
        "培训机构信息",
      ],
    },
  ],
  fields: [
    { key: "title", labels: ["项目名称", "研修项目名称", "选题名称", "研修选题", "项目选题"] },
    { key: "host", labels: ["单位名称", "机构名称", "培训机构名称"], block: "applicant" },
    { key: "recommender", labels: ["单位名称"], block: "recommender" },
    { key: "courseTime", labels: ["办班时间", "培训时间", "研修时间", "举办时间"] },
    { key: "days", labels: ["办班天数", "培训天数", "研修天数"] },
    { key: "location", labels: ["办班地点", "培训地点", "举办地点"] },
    { key: "domain", labels: ["领域", "所属领域", "重点领域"] },
    { key: "major", labels: ["专业范围", "主要专业范围"] },
    { key: "techField", labels: ["所属专业技术领域", "专业技术领域"] },
    { key: "trainees", labels: ["学员人数", "计划培训人数", "培训人数", "计划招收人数", "研修人数"] },
    { key: "funding", labels: ["资助经费", "申请资助经费", "申请经费"] },
    { key: "category", labels: ["申报项目类别", "项目类别"] },
    { key: "contact", labels: ["联系人"], block: "applicant" },
    { key: "phone", labels: ["手机", "办公电话", "联系电话"], block: "applicant" },
  ],
};

function listRecords(file: string, grid: Grid, table: TableKind): ProjectRecord[] {
  const list = readList(grid, LIST_COLUMNS);
  if (!list) return [];
  // A 推荐表 names its recommender once, above the table ("推荐单位：…（盖章）").
  const recommenderLine = list.columns.has("recommender")
    ? undefined
    : findLabelledLine(list.above, ["推荐单位"]);
  return list.rows.map((row) => {
    const values: Partial<Record<ListKey, CellValue>> = {};
    for (const [key, column] of list.columns) {
      const cell = grid.cell(row, column.col);
      if (cellText(cell) === "") continue;
      values[key] = typeof cell.value === "string" || cell.value === null ? cellText(cell) : cell.value;
    }
    if (recommenderLine && recommenderLine.value !== "") values.recommender = recommenderLine.value;
    return { file, sheet: grid.name, row: row + 1, table, values };
  });
}

function formRecord(file: string, grid: Grid, table: TableKind): ProjectRecord[] {
  const form = readForm(grid, FORM_FIELDS);
  const values: Partial<Record<ListKey, CellValue>> = {};
  for (const [key, field] of form.fields) if (field.text !== "") values[key] = field.text;
  if (values.host === undefined) {
    // Shanghai's 附件2 also names the applicant in the "申报单位：" line above the form.
    const line = readForm(grid, { fields: [{ key: "host" as const, labels: ["申报单位"] }] }).fields.get(
      "host",
    );
    if (line && line.text !== "") values.host = line.text;
  }
  if (Object.keys(values).length === 0) return [];
  return [{ file, sheet: grid.name, row: null, table, values }];
}

/** Every project row of a checked sheet: the rows of a list, or the one project of a form; [] for anything else. */
export function projectRecords(file: string, grid: Grid, check: SheetCheck): ProjectRecord[] {
  if (LIST_TABLES.has(check.table)) return listRecords(file, grid, check.table);
  if (FORM_TABLES.has(check.table)) return formRecord(file, grid, check.table);
  return [];
}

/** The summary columns in the order of the engine's list columns, with the header the notices use first. */
export const SUMMARY_COLUMNS: ReadonlyArray<{ key: ListKey; header: string }> = LIST_COLUMNS.map((c) => ({
  key: c.key,
  header: c.aliases[0] ?? c.key,
}));
