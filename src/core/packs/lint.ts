/**
 * `yanxiu pack lint DIR`: everything wrong with a pack folder, in Chinese, with the file and the path inside it. Pure:
 * the CLI reads the folder and hands the texts here.
 */
import { MODELS } from "../models";
import { isRuleId } from "../rules/ids";
import { RULE_KINDS, type RuleParam } from "../rules/kinds";
import { templateIssues } from "../templates/check";
import { LIST_RULE_KINDS } from "../rules/list-kinds";
import { PackDataError, resolvePack } from "./data";
import { makePack } from "./registry";
import { collectFolder, parseFolder } from "./parse";
import type { BaseFiles, PackFiles, SchemaIssue } from "./schema";

export interface LintIssue extends SchemaIssue {
  severity: "error" | "warning";
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function realDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Figures whose value is meant as a date but cannot be read as one (2026-11-31, 2026/11/30, 11月30日). */
function dateIssues(input: Record<string, unknown>): LintIssue[] {
  const out: LintIssue[] = [];
  const notice = input.notice as
    { figures?: Record<string, { value?: unknown }>; issued?: unknown } | undefined;
  const looksLikeDate = (v: unknown) => typeof v === "string" || v instanceof Date;
  if (
    notice &&
    notice.issued !== undefined &&
    !(typeof notice.issued === "string" && realDate(notice.issued))
  )
    out.push({
      severity: "error",
      file: "notice.yaml",
      path: "issued",
      message: `日期无法识别：“${String(notice.issued)}”，应写成 YYYY-MM-DD，如 2026-03-31`,
    });
  for (const [key, f] of Object.entries(notice?.figures ?? {})) {
    const v = f?.value;
    if (looksLikeDate(v) && !(typeof v === "string" && realDate(v)))
      out.push({
        severity: "error",
        file: "notice.yaml",
        path: `figures.${key}.value`,
        message: `日期无法识别：“${String(v)}”，应写成 YYYY-MM-DD，如 2026-11-30`,
      });
  }
  return out;
}

/** Field keys that only a list table reads. */
const LIST_ONLY = ["anchor", "content", "group", "footer"] as const;

/** Rules of tables/*.yaml: kinds from the vocabulary, fields the table declares, figures and lists the pack has. */
function tableIssues(files: PackFiles, base?: Partial<BaseFiles>): LintIssue[] {
  const out: LintIssue[] = [];
  const tables = files.tables ?? {};
  const fieldsAnywhere = new Map<string, string>();
  for (const [name, t] of Object.entries(tables))
    if (isRecord(t)) for (const field of Object.keys(t.fields ?? {})) fieldsAnywhere.set(field, name);
  for (const [name, t] of Object.entries(tables)) {
    if (!isRecord(t)) continue;
    const file = `tables/${name}.yaml`;
    // A table extends its base's table of the same name (national-form): the base's fields are its own too.
    const own = new Set([...Object.keys(base?.tables?.[name]?.fields ?? {}), ...Object.keys(t.fields ?? {})]);
    // A list table's rules come from the list vocabulary (per column, per group); a form's from the form one.
    // An unknown layout is the schema's error; its rules cannot be read against either vocabulary.
    if (t.layout !== undefined && t.layout !== "list" && t.layout !== "form") continue;
    const isList = t.layout === "list";
    const kinds: ReadonlyMap<string, { params: readonly RuleParam[] }> = isList
      ? LIST_RULE_KINDS
      : RULE_KINDS;
    for (const [key, f] of Object.entries(isRecord(t.fields) ? t.fields : {}))
      for (const word of LIST_ONLY)
        if (!isList && isRecord(f) && f[word] !== undefined)
          out.push({
            severity: "warning",
            file,
            path: `fields.${key}.${word}`,
            message: `${word} 只用于列表（layout: list），本表是表单，它不起作用`,
          });
    (Array.isArray(t.rules) ? t.rules : []).forEach((rule, i) => {
      if (!isRecord(rule) || typeof rule.kind !== "string") return;
      const path = `rules.${i}`;
      const kind = kinds.get(rule.kind);
      if (!kind) {
        out.push({
          severity: "error",
          file,
          path: `${path}.kind`,
          message: `未知的${isList ? "列表" : ""}规则类型“${rule.kind}”；可用：${[...kinds.keys()].join("、")}`,
        });
        return;
      }
      for (const param of kind.params) {
        const value = (rule as Record<string, unknown>)[param.name];
        if (value === undefined) {
          if (param.required)
            out.push({ severity: "error", file, path, message: `规则 ${rule.kind} 缺少参数 ${param.name}` });
          continue;
        }
        const refs = Array.isArray(value) ? value.map(String) : [String(value)];
        for (const ref of refs) {
          if (param.refers === "field" && !own.has(ref)) {
            const elsewhere = fieldsAnywhere.get(ref);
            out.push({
              severity: "error",
              file,
              path: `${path}.${param.name}`,
              message: elsewhere
                ? `字段“${ref}”不在本表，在 tables/${elsewhere}.yaml`
                : `字段“${ref}”没有任何表声明（在 fields: 中加上它，或改正拼写）`,
            });
          }
          if (param.refers === "figure" && !files.notice.figures?.[ref])
            out.push({
              severity: "error",
              file,
              path: `${path}.${param.name}`,
              message: `引用了不存在的数字“${ref}”（notice.yaml 的 figures: 中没有）`,
            });
          if (param.refers === "list" && !files.lists?.[ref])
            out.push({
              severity: "error",
              file,
              path: `${path}.${param.name}`,
              message: `引用了不存在的列表“${ref}”（没有 lists/${ref}.yaml）`,
            });
        }
      }
      const citesFigure = kind.params.some(
        (param) => param.refers === "figure" && (rule as Record<string, unknown>)[param.name] !== undefined,
      );
      if (typeof rule.id === "string" && !isRuleId(rule.id))
        out.push({
          severity: "error",
          file,
          path: `${path}.id`,
          message: `未知的规则编号“${rule.id}”（见规则目录 rules.md 的编号）`,
        });
      if (
        typeof rule.message === "string" &&
        !files.messages?.[rule.message] &&
        !base?.messages?.[rule.message]
      )
        out.push({
          severity: "error",
          file,
          path: `${path}.message`,
          message: `引用了不存在的提示文字“${rule.message}”（messages.yaml 中没有）`,
        });
      if (rule.clause === undefined && !citesFigure)
        out.push({
          severity: "error",
          file,
          path: `${path}.clause`,
          message: `规则 ${rule.kind} 没有写明出自通知的哪一条（clause），也没有引用带条款的数字（figure）`,
        });
    });
  }
  return out;
}

/** Lint a pack folder given as texts; bases are the shared base folders it may refer to. */
export function lintPackTexts(
  texts: Readonly<Record<string, string>>,
  bases: ReadonlyMap<string, BaseFiles>,
): LintIssue[] {
  const { input, issues: fileIssues } = collectFolder(texts);
  const out: LintIssue[] = fileIssues.map((i) => ({ ...i, severity: "error" }));
  out.push(...dateIssues(input));
  const parsed = parseFolder(texts);
  if (!parsed.ok) {
    for (const i of parsed.issues)
      if (!out.some((o) => o.file === i.file && o.path.startsWith(i.path) && i.path !== ""))
        if (!out.some((o) => o.file === i.file && o.path === i.path && o.message === i.message))
          out.push({ ...i, severity: "error" });
    // The tables are still worth reading: a schema error elsewhere should not hide a misspelt rule kind.
    if (fileIssues.length === 0 && isRecord(input.notice) && isRecord(input.tables))
      out.push(...tableIssues(input as unknown as PackFiles, bases.get(String(input.notice.base))));
    return out;
  }
  if (parsed.kind === "base") return out;
  const files = parsed.files;
  const n = files.notice;
  if (!MODELS.has(n.model))
    out.push({
      severity: "error",
      file: "notice.yaml",
      path: "model",
      message: `未知的 model“${n.model}”；可用：${[...MODELS.keys()].join("、")}`,
    });
  if (n.base !== undefined && !bases.has(n.base))
    out.push({
      severity: "error",
      file: "notice.yaml",
      path: "base",
      message: `找不到共享基础文件夹“${n.base}”`,
    });
  for (const [key, f] of Object.entries(n.figures ?? {}))
    if (f.value === undefined && f.min === undefined && f.max === undefined && f.share === undefined)
      out.push({
        severity: "error",
        file: "notice.yaml",
        path: `figures.${key}`,
        message: "数字没有值（value、min/max 或 share）",
      });
  out.push(...tableIssues(files, n.base === undefined ? undefined : bases.get(n.base)));
  const model = MODELS.get(n.model);
  if (model && out.length === 0) {
    const base = n.base === undefined ? undefined : bases.get(n.base);
    const messages = { ...(base?.messages ?? {}), ...(files.messages ?? {}) };
    const lists = { ...(base?.lists ?? {}), ...(files.lists ?? {}) };
    for (const key of model.needs.figures)
      if (!n.figures?.[key])
        out.push({
          severity: "error",
          file: "notice.yaml",
          path: `figures.${key}`,
          message: `model ${model.id} 需要数字 figures.${key}（带 clause）`,
        });
    for (const key of model.needs.clauses)
      if (!n.clauses?.[key])
        out.push({
          severity: "error",
          file: "notice.yaml",
          path: `clauses.${key}`,
          message: `缺少条款 clauses.${key}（model ${model.id} 引用它）`,
        });
    for (const key of model.needs.lists)
      if (!lists[key])
        out.push({
          severity: "error",
          file: `lists/${key}.yaml`,
          path: "",
          message: `缺少列表（model ${model.id} 需要它）`,
        });
    const tables = { ...(base?.tables ?? {}), ...(files.tables ?? {}) };
    for (const key of model.needs.tables ?? [])
      if (!tables[key]?.fields)
        out.push({
          severity: "error",
          file: `tables/${key}.yaml`,
          path: "fields",
          message: `缺少表格或它的字段（model ${model.id} 按这些字段读表）`,
        });
    for (const key of model.needs.messages)
      if (!messages[key])
        out.push({
          severity: "error",
          file: "messages.yaml",
          path: key,
          message: `缺少提示文字 ${key}（zh / en）`,
        });
    for (const key of Object.keys(files.messages ?? {}))
      if (
        !model.needs.messages.includes(key) &&
        !Object.values(files.tables ?? {}).some((t) =>
          (t.rules ?? []).some((r) => (r as { message?: unknown }).message === key),
        )
      )
        out.push({
          severity: "warning",
          file: "messages.yaml",
          path: key,
          message: `没有规则使用这条提示文字（拼写错误？）`,
        });
  }
  // The templates (templates/*.yaml): names they use that the vocabulary or the pack lacks, then each one drawn.
  out.push(...templateIssues(files, n.base === undefined ? undefined : bases.get(n.base)));
  if (out.every((i) => i.severity !== "error")) {
    // Last: the model builds the runtime pack, which reads every figure as its type (a date where a date belongs).
    try {
      makePack(resolvePack(files, n.base === undefined ? undefined : bases.get(n.base), "lint"));
    } catch (e) {
      if (!(e instanceof PackDataError)) throw e;
      out.push({ severity: "error", file: e.file, path: e.path, message: e.message });
    }
  }
  return out;
}
