/**
 * The pack format (docs/packs.md): one source of truth for the types (PackFiles below are inferred from these schemas)
 * and for the validation of a pack folder; packs/schema.json is generated from it (scripts/build-packs.ts).
 *
 * Only the loader of user packs (CLI --pack, pack lint, the pane's pack settings) imports this module; the built-in
 * packs are validated when they are built and in the tests, so valibot stays out of the pane's main chunk.
 */
import * as v from "valibot";
import { TemplateSchema } from "./template-schema";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as the notice gives it, written as an ISO string: `finishBy: 2026-11-30`. */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE, "日期应写成 YYYY-MM-DD，如 2026-11-30"),
  v.check((s) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, "不是日历上存在的日期"),
);

export const Severity = v.picklist(["error", "warning", "info"]);

const Text = v.strictObject({ zh: v.pipe(v.string(), v.minLength(1)), en: v.string() });

/**
 * A figure of the notice with the clause it comes from. `value` is a number or an ISO date; ranges use min/max; a
 * quota uses share/atLeast. `clause` is relative to the notice (二（一）); the 文号 is prefixed when cited.
 */
export const Figure = v.strictObject({
  value: v.optional(v.union([v.number(), IsoDate])),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  share: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  atLeast: v.optional(v.number()),
  unit: v.optional(v.string()),
  clause: v.pipe(v.string(), v.minLength(1, "每个数字都要写明出自通知的哪一条（clause）")),
  severity: v.optional(Severity),
  note: v.optional(v.string()),
});

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]*$/, "id 只能用小写字母、数字和连字符，如 sh-2027-gaoyan"),
);

/** notice.yaml: who issued what, when, for which year and levels; figures; the clauses rules cite. */
export const Notice = v.strictObject({
  id: Id,
  /** 文号, or the issuer and date where the notice has none (Fujian). */
  notice: v.pipe(v.string(), v.minLength(1)),
  issuer: v.string(),
  issued: IsoDate,
  region: v.string(),
  year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
  levels: v.optional(v.array(v.picklist(["national", "provincial"]))),
  names: Text,
  /** The code that reads this notice's tables (the vocabulary: sh-gaoyan, fj-gaoyan, hb-gaoyan, sh-digital-institution). */
  model: v.string(),
  /** A shared base folder (e.g. national-form) whose lists and messages this pack takes unless it gives its own. */
  base: v.optional(Id),
  /** Named clauses (relative to the notice) the rules cite. */
  clauses: v.optional(v.record(v.string(), v.string())),
  figures: v.optional(v.record(v.string(), Figure)),
  /** Words of the sheet that tie it to this notice (文号, year): on a tie, the pack whose words appear wins. */
  marks: v.optional(v.array(v.string())),
});

/** messages.yaml: zh / en texts with {placeholders}, by key. */
export const Messages = v.record(v.string(), Text);

/** A reference list (lists/*.yaml): a list of strings, or of records (附件1 rows, occupations). */
export const List = v.union([
  v.array(v.string()),
  v.array(v.record(v.string(), v.union([v.string(), v.number(), v.array(v.string()), v.null()]))),
]);

/** stats.yaml: the plan figures and what the 统计 tab counts. */
export const Stats = v.strictObject({
  planProjects: v.optional(v.nullable(v.number())),
  planTrainees: v.optional(v.nullable(v.number())),
  /** The list (lists/<name>.yaml) whose 领域 the distribution follows. */
  domains: v.optional(v.string()),
  aiDomain: v.optional(v.nullable(v.string())),
  /** The words that make a topic an AI topic (plain words, compared case-insensitively; also used in SEARCH()). */
  aiTerms: v.optional(v.array(v.string())),
  clause: v.optional(v.string()),
});

/** A field of a table: the labels people write, the reader, required, max length. */
export const Field = v.strictObject({
  labels: v.pipe(v.array(v.string()), v.minLength(1)),
  /** The field's name in messages when it is not the first label (申报单位 单位名称: 单位名称 under a block). */
  name: v.optional(v.string()),
  read: v.optional(v.string()),
  required: v.optional(v.union([v.boolean(), v.literal("warning")])),
  maxLength: v.optional(v.number()),
  /** List tables: a column whose header makes a row the header row (default: every column, when none says so). */
  anchor: v.optional(v.boolean()),
  /** List tables: false for columns that do not make a row a project row (序号, 推荐排序, 备注). */
  content: v.optional(v.boolean()),
  /** List tables: a group column (推荐单位): a cell merged downwards, or written once with the rows below left blank. */
  group: v.optional(v.boolean()),
  /** List tables: not a column but a line above or below the table (填写时间：2027年2月20日). */
  footer: v.optional(v.boolean()),
  /** Forms: the block (a label merged down over several rows, e.g. 申报单位信息) the label must sit in. */
  block: v.optional(v.string()),
});

/** A rule wired to fields: a kind from the vocabulary with its parameters. */
export const Rule = v.looseObject({
  kind: v.string(),
  field: v.optional(v.string()),
  figure: v.optional(v.string()),
  severity: v.optional(Severity),
  clause: v.optional(v.string()),
});

/** tables/*.yaml: how to recognise a table, its fields and the rules on them. */
export const Table = v.strictObject({
  table: v.picklist(["recommendation", "summary", "application", "institution", "reference"]),
  /** form (default): label and value side by side; list: a header row of column labels and one project per row. */
  layout: v.optional(v.picklist(["form", "list"])),
  recognise: v.optional(
    v.strictObject({
      /** Words of the sheet's first rows: any one adds to the score (required when no label must be present). */
      title: v.optional(v.array(v.string())),
      /** Words of the sheet's first rows that must all be there. */
      titleMust: v.optional(v.array(v.string())),
      labels: v.optional(
        v.strictObject({
          must: v.optional(v.array(v.string())),
          may: v.optional(v.array(v.string())),
          not: v.optional(v.array(v.string())),
        }),
      ),
      /** The score of a match when given (else computed from the signals). */
      confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    }),
  ),
  /** Forms: blocks (申报单位信息, 推荐单位信息) whose rows hold fields with the same label (单位名称, 联系人). */
  blocks: v.optional(
    v.record(v.string(), v.strictObject({ labels: v.pipe(v.array(v.string()), v.minLength(1)) })),
  ),
  /**
   * Labels only this table has, for a model that recognises the table in code (sh-gaoyan, sh-digital-institution):
   * the model counts how many are present. Tables of the generic model use `recognise` instead.
   */
  markers: v.optional(v.array(v.string())),
  fields: v.optional(v.record(v.string(), Field)),
  rules: v.optional(v.array(Rule)),
});

/** A pack folder as files, parsed: notice.yaml, messages.yaml, stats.yaml, lists/*.yaml, tables/*.yaml. */
export const PackFilesSchema = v.strictObject({
  notice: Notice,
  messages: v.optional(Messages),
  stats: v.optional(Stats),
  lists: v.optional(v.record(v.string(), List)),
  tables: v.optional(v.record(v.string(), Table)),
  templates: v.optional(v.record(v.string(), TemplateSchema)),
});

/** A shared base folder (base.yaml instead of notice.yaml): lists and messages several packs share. */
export const BaseFilesSchema = v.strictObject({
  base: v.strictObject({ id: Id, names: Text }),
  messages: v.optional(Messages),
  lists: v.optional(v.record(v.string(), List)),
  tables: v.optional(v.record(v.string(), Table)),
});

export type PackFiles = v.InferOutput<typeof PackFilesSchema>;
export type BaseFiles = v.InferOutput<typeof BaseFilesSchema>;
export type FigureData = v.InferOutput<typeof Figure>;
export type NoticeData = v.InferOutput<typeof Notice>;
export type StatsData = v.InferOutput<typeof Stats>;
export type TableData = v.InferOutput<typeof Table>;
export type ListData = v.InferOutput<typeof List>;

export interface SchemaIssue {
  /** The file of the folder the issue is in (notice.yaml, lists/domains.yaml …). */
  file: string;
  /** The path inside the file (figures.trainees.min.value). */
  path: string;
  message: string;
}

function fileOf(path: readonly (string | number)[]): { file: string; rest: (string | number)[] } {
  const [top, name, ...rest] = path;
  if (top === "lists" || top === "tables" || top === "templates")
    return { file: `${top}/${String(name)}.yaml`, rest };
  return { file: `${String(top ?? "notice")}.yaml`, rest: name === undefined ? [] : [name, ...rest] };
}

const TYPE_WORDS: Record<string, string> = {
  number: "数字",
  string: "文字",
  boolean: "true 或 false",
  Array: "列表",
  Object: "键值对象",
};

/** Valibot's expected types ("number", "string | number") in words an author reads. */
const typeWords = (expected: string | null) =>
  (expected ?? "?")
    .split(" | ")
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(" 或 ");

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): SchemaIssue[] {
  return issues.map((issue) => {
    const keys = (issue.path ?? []).map((p) => p.key as string | number);
    const { file, rest } = fileOf(keys);
    let message = issue.message;
    if (issue.type === "strict_object" && issue.expected === "never")
      message = `未知的键 ${issue.received}（拼写错误？格式见 docs/packs.md）`;
    else if (issue.kind === "schema" && issue.received === "undefined" && keys[keys.length - 1] === "clause")
      message = "缺少条款：每个数字都要写明出自通知的哪一条，如 clause: 二（一）";
    else if (issue.kind === "schema" && issue.received === "undefined")
      message = `缺少必填项 ${String(keys[keys.length - 1] ?? "")}`;
    else if (issue.kind === "schema")
      message = `类型不对：应为${typeWords(issue.expected)}，实际为 ${issue.received}`;
    return { file, path: rest.join("."), message };
  });
}

/** Validate parsed pack files against the schema: the typed files, or the issues with file + path. */
export function validatePackFiles(
  input: unknown,
): { ok: true; files: PackFiles } | { ok: false; issues: SchemaIssue[] } {
  const r = v.safeParse(PackFilesSchema, input, { lang: "zh-CN" });
  return r.success ? { ok: true, files: r.output } : { ok: false, issues: issuesOf(r.issues) };
}

export function validateBaseFiles(
  input: unknown,
): { ok: true; files: BaseFiles } | { ok: false; issues: SchemaIssue[] } {
  const r = v.safeParse(BaseFilesSchema, input, { lang: "zh-CN" });
  return r.success ? { ok: true, files: r.output } : { ok: false, issues: issuesOf(r.issues) };
}
