import { recogniseSheet } from "../check";
import type { Finding } from "../findings";
import { columnIndex } from "../grid/a1";
import type { CellValue, Grid } from "../grid/types";
import { listText } from "../messages/lists";
import { quotaFigure, type PackData } from "../packs/data";
import { findPack } from "../packs/registry";
import { cellText, compactText } from "../read/normalise";
import { LIST_COLUMNS, type ListKey } from "../recognise/columns";
import { readForm } from "../recognise/form";
import { normaliseLabel } from "../recognise/labels";
import { readList } from "../recognise/list";
import { allowedKeyRecommendations } from "../rules/list";
import { gridFromLayout, layoutText, setLayoutValue } from "./grid";
import type { SheetLayout } from "./layout";
import { tickOption, TICKED_BOX } from "./options";
import { formSpecOfPack } from "./form-specs";
import { getTemplate } from "./registry";
import type { ApplicationForm, FormBinding, FormSlot, ListLines, ListRow, Template } from "./types";

/** A programmer fault: an unknown template id, or a fill asked of a template that cannot take it. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export type RecordValue = CellValue | undefined;
/** One list row (or any answers) by header text, field key or table-cell slot key. */
export type FormRecord = Readonly<Record<string, RecordValue>>;

function packOrThrow(id: string): PackData {
  const pack = findPack(id);
  if (!pack) throw new TemplateError(`Pack “${id}” is not loaded.`);
  return pack.data;
}

function templateOrThrow(id: string): Template {
  const template = getTemplate(id);
  if (!template) throw new TemplateError(`Unknown template “${id}”.`);
  return template;
}

/** A value as a form cell shows it: dates as 2026年4月10日, booleans as 是/否. */
function formatValue(value: RecordValue): string | number {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return value;
  return value.trim();
}

const isMobile = (text: string) => /^(?:\+?86)?1[3-9]\d{9}$/.test(text.replace(/[\s-]/g, ""));
const HAS_BOX = /[□☐☑☒■▣√✓✔]/;
const NUMERIC = /^\d+(?:\.\d+)?$/;

interface Write {
  key: string;
  value: string | number;
  /** Higher wins when two record entries fill the same field (a label beats a list column's alias). */
  priority: number;
}

/** The fields a record key fills: a slot key, a label of the pack's form, "block + label", or a list column alias. */
function targetsOf(
  binding: FormBinding,
  slots: Partial<Record<string, FormSlot>>,
  header: string,
): { keys: string[]; priority: number; list?: ListKey } {
  if (slots[header]) return { keys: [header], priority: 4 };
  const n = normaliseLabel(header);
  const spec = binding.spec;
  const direct = spec.fields.find((f) => f.block === undefined && f.labels.includes(n));
  if (direct) return { keys: [direct.key], priority: 3 };
  const line = Object.entries(binding.lineLabels ?? {}).find(([, labels]) => labels.includes(n));
  if (line) return { keys: [line[0]], priority: 3 };
  for (const block of spec.blocks ?? []) {
    for (const stem of block.labels.map((l) => l.replace(/信息$/, ""))) {
      if (!n.startsWith(stem) || n.length === stem.length) continue;
      const rest = n.slice(stem.length);
      const field = spec.fields.find((f) => f.block === block.key && f.labels.includes(rest));
      if (field) return { keys: [field.key], priority: 3 };
    }
  }
  // A list's column (联系电话, 承办单位) means what it means in a list, even where a form block has the same label.
  const column = LIST_COLUMNS.find((c) => c.aliases.includes(n));
  if (column) return { keys: [...(binding.fromList[column.key] ?? [])], priority: 1, list: column.key };
  // A block's label that no other field has (传真 only under 申报单位信息) needs no block to say which it is.
  const anywhere = spec.fields.filter((f) => f.labels.includes(n));
  if (anywhere.length === 1) return { keys: [(anywhere[0] as (typeof anywhere)[number]).key], priority: 2 };
  return { keys: [], priority: 0 };
}

/** 培训对象 prose from a list's figures, in the words the engine's prose reader understands. */
function audienceProse(record: Map<ListKey, RecordValue>): string | undefined {
  const trainees = record.get("trainees");
  if (trainees === undefined || trainees === null || trainees === "") return undefined;
  let text = `计划招收${formatValue(trainees)}人`;
  const grassroots = record.get("grassroots");
  const share = record.get("grassrootsShare");
  if (grassroots !== undefined && grassroots !== null && grassroots !== "")
    text += `，其中基层专业技术人员不少于${formatValue(grassroots)}人`;
  else if (typeof share === "number") text += `，其中基层专业技术人员不低于${Math.round(share * 1000) / 10}%`;
  else if (typeof share === "string" && share.trim() !== "")
    text += `，其中基层专业技术人员不低于${share.trim()}`;
  return `${text}。`;
}

/** Ticks each option named in `value` ("高级研修项目", "提供学员住宿、是") in the slot's □ group. */
function tickAll(text: string, value: string, slot: FormSlot): string {
  const parts = value.split(/[、，,;；/]+|\s+/).filter((p) => p !== "");
  const aliases = slot.optionAliases ?? {};
  // An alias is only for a one-word answer: in "提供学员住宿、是" the 是 answers the group inside the brackets.
  const options = parts.length === 1 ? parts.map((p) => aliases[p] ?? p) : parts;
  let out = text;
  for (const option of options) out = tickOption(out, option, slot.single ?? false, slot.layout);
  return out;
}

/** Fills "name：____" inside a cell's text, ticking the box before the name when there is one. */
function fillItem(text: string, name: string, value: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`([□☐☑☒■▣])?(${escaped})([：:])[ _\u3000]*`);
  return text.replace(
    re,
    (_all, box: string | undefined, label: string) => `${box ? TICKED_BOX : ""}${label}：${value}`,
  );
}

// The totals the templates write: =IF(COUNT(C30:C34)=0,"",SUM(C30:C34)) (see sh-55.ts). Their result is worked out
// here so a filled workbook carries it, as Excel would after a recalculation.
const TOTAL = /^=IF\(COUNT\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)=0,"",SUM\(\1\2:\3\4\)\)$/;

function evaluate(layout: SheetLayout, formula: string): number | undefined {
  const m = TOTAL.exec(formula);
  if (!m) return undefined;
  const [left, right] = [columnIndex(m[1] ?? ""), columnIndex(m[3] ?? "")];
  const values: number[] = [];
  for (let r = Number(m[2]) - 1; r <= Number(m[4]) - 1; r++)
    for (let c = left; c <= right; c++) {
      const value = layout.cells.find((cell) => cell.row === r && cell.col === c)?.value;
      // SUM adds numbers only and skips text (even "1600" typed as text), as Excel's does.
      if (typeof value === "number") values.push(value);
    }
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
}

function refreshFormulas(layout: SheetLayout): void {
  for (const cell of layout.cells) {
    if (!cell.formula) continue;
    const result = evaluate(layout, cell.formula);
    if (result === undefined) delete cell.value;
    else cell.value = result;
  }
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** A sheet name from a form's title: Excel's characters and 31-character limit respected. */
export function sheetNameFor(base: string, title: string): string {
  const clean = compactText(title).replace(SHEET_NAME_BAD, "");
  const name = clean === "" ? base : clean;
  return name.slice(0, 31);
}

/**
 * One application form filled from a list row (or any record): each entry is matched to a field by the same words
 * the engine reads the form with — a field key or slot key, a label of the pack's form spec (申报单位 单位名称 as
 * block + label), or a list column alias of LIST_COLUMNS (承办单位 → the host's 单位名称). □ groups get their option
 * ticked; named blanks (服务本市战略：____) are filled; 学员人数/基层人数 become 培训对象 prose when no 培训对象 is given.
 */
export function fillFormFromRecord(templateId: string, record: FormRecord): SheetLayout {
  const template = templateOrThrow(templateId);
  if (!template.form) throw new TemplateError(`Template “${templateId}” is not an application form.`);
  const { binding } = template.form;
  const { layout, slots } = template.form.draft();
  const writes = new Map<string, Write>();
  const listValues = new Map<ListKey, RecordValue>();
  const items: Array<{ key: string; name: string; value: string }> = [];
  const put = (key: string, value: string | number, priority: number) => {
    const had = writes.get(key);
    if (!had || had.priority < priority) writes.set(key, { key, value, priority });
  };

  for (const [header, raw] of Object.entries(record)) {
    const value = formatValue(raw);
    if (value === "") continue;
    const itemOf = Object.entries(slots).find(([, s]) => s?.items?.includes(normaliseLabel(header)));
    const { keys, priority, list } = targetsOf(binding, slots, header);
    if (list) listValues.set(list, raw);
    if (keys.length === 0 && itemOf) {
      items.push({ key: itemOf[0], name: normaliseLabel(header), value: String(value) });
      continue;
    }
    if (list === "trainees" || list === "grassroots" || list === "grassrootsShare") continue;
    if (list === "phone" && keys.length === 2) {
      put((isMobile(String(value)) ? keys[1] : keys[0]) as string, value, priority);
      continue;
    }
    // A bare day count in a 天数 column: the form's 办班时间 takes "5天" when nothing better is given.
    const v = list === "days" && typeof value === "number" ? `${value}天` : value;
    for (const key of keys) put(key, v, list === "days" ? 0 : priority);
  }
  const prose = audienceProse(listValues);
  const audienceKey = binding.fromList.trainees?.[0];
  if (prose && audienceKey) put(audienceKey, prose, 0);

  for (const { key, value } of writes.values()) {
    const slot = slots[key];
    if (!slot) continue;
    const current = layoutText(layout, slot.row, slot.col);
    if (slot.kind === "inline") setLayoutValue(layout, slot.row, slot.col, `${slot.prefix ?? ""}${value}`);
    else if (slot.kind === "choice" && typeof value === "string" && !HAS_BOX.test(value))
      setLayoutValue(layout, slot.row, slot.col, tickAll(current, value, slot));
    else
      setLayoutValue(
        layout,
        slot.row,
        slot.col,
        slot.numeric && typeof value === "string" && NUMERIC.test(value) ? Number(value) : value,
      );
  }
  for (const { key, name, value } of items) {
    const slot = slots[key];
    if (!slot) continue;
    setLayoutValue(layout, slot.row, slot.col, fillItem(layoutText(layout, slot.row, slot.col), name, value));
  }
  refreshFormulas(layout);
  const title = writes.get(binding.titleKey)?.value;
  if (title !== undefined) layout.name = sheetNameFor(layout.name, String(title));
  return layout;
}

/** The project rows of the list sheets of a workbook, each as a record by its header texts (for fill (a)). */
export function recordsFromGrid(grid: Grid): Array<{ row: number; record: FormRecord }> {
  const list = readList(grid, LIST_COLUMNS);
  if (!list || !list.columns.has("title")) return [];
  const headers: Array<{ col: number; text: string }> = [];
  for (let col = 0; col < grid.colCount; col++) {
    const m = grid.mergeAt(list.headerRow, col);
    if (m && (m.top !== list.headerRow || m.left !== col)) continue;
    const text = cellText(grid.cell(list.headerRow, col));
    if (text !== "") headers.push({ col, text });
  }
  return list.rows.map((row) => {
    const record: Record<string, RecordValue> = {};
    for (const h of headers) {
      const cell = grid.cell(row, h.col);
      const value =
        typeof cell.value === "number" || cell.value instanceof Date ? cell.value : cellText(cell);
      if (value !== "") record[h.text] = value;
    }
    return { row, record };
  });
}

/**
 * The application forms among a workbook's sheets, as the engine recognises them (table, pack, level) and reads
 * them with readForm and the pack's own form spec. Forms come in workbook order, without a rank.
 */
export function readApplicationForms(grids: readonly Grid[]): ApplicationForm[] {
  const forms: ApplicationForm[] = [];
  for (const grid of grids) {
    // Recognition only: learning the pack needs no rules run.
    const seen = recogniseSheet(grid);
    if (!seen || seen.recognition.table !== "application") continue;
    const check = { policy: seen.pack.id, level: seen.recognition.level };
    // The form as recognition read it (by its pack's form table); a model without one reads no forms.
    const spec = formSpecOfPack(seen.pack.data);
    if (!spec) continue;
    const form = seen.recognition.form ?? readForm(grid, spec);
    const fields: Record<string, string> = {};
    for (const [key, field] of form.fields) fields[key] = field.text;
    forms.push({ sheet: grid.name, policy: check.policy, level: check.level, fields });
  }
  return forms;
}

export interface ListFromForms {
  layout: SheetLayout;
  /** Findings-like hints about the list made (the 15% 重点推荐 quota), for the pane or the CLI to show. */
  hints: Finding[];
}

/**
 * A 推荐表 or 汇总表 from application forms: the forms of the list's notice, sorted by rank (forms without one keep
 * their order after the ranked ones), numbered 1..N, 重点推荐 written in 备注 where a form is marked. When more forms
 * are marked than 附件3's 15% allows, a warning hint says so (and an info hint always gives the use).
 */
export function buildListFromForms(
  templateId: string,
  forms: readonly ApplicationForm[],
  lines: ListLines = {},
): ListFromForms {
  const template = templateOrThrow(templateId);
  const binding = template.list;
  if (!binding) throw new TemplateError(`Template “${templateId}” is not a list.`);
  const ours = forms
    .map((form, i) => ({ form, i }))
    .filter(({ form }) => form.policy === binding.policy)
    .sort((a, b) => (a.form.rank ?? Infinity) - (b.form.rank ?? Infinity) || a.i - b.i)
    .map(({ form }) => form);
  const rows: ListRow[] = ours.map((form, i) => {
    const row = binding.rowFromForm(form);
    if (binding.columns.includes("rank")) row.rank = i + 1;
    if (binding.columns.includes("serial")) row.serial = i + 1;
    return row;
  });
  const layout = binding.buildRows(rows, { ...binding.linesFromForms(ours), ...lines });
  const hints: Finding[] = [];
  if (binding.keyColumn && ours.length > 0) {
    const grid = gridFromLayout(layout);
    const list = readList(grid, LIST_COLUMNS);
    const remark = list?.columns.get("remark");
    const at = { row: list?.headerRow ?? 0, col: remark?.col ?? 0 };
    const used = ours.filter((f) => f.keyRecommended).length;
    // The list's own pack gives the quota (附件3 注: 15%, at least 1) and its clause.
    const quota = quotaFigure(packOrThrow(binding.policy), "keyQuota");
    const allowed = allowedKeyRecommendations(ours.length, quota.value);
    const hint = (severity: Finding["severity"], message: Finding["message"]): Finding => ({
      sheet: layout.name,
      ...at,
      severity,
      rule: "key-recommendation.quota",
      message,
      clause: quota.clause,
      value: String(used),
      expected: `≤ ${allowed}`,
    });
    if (used > allowed)
      hints.push(hint("warning", listText.keyQuota(used, ours.length, allowed, "", quota.value.share)));
    hints.push(hint("info", listText.keyQuotaUse(used, ours.length, allowed, "")));
  }
  return { layout, hints };
}
