/**
 * `pack lint` for templates/*.yaml: what the schema cannot see — names a template uses that the vocabulary or the pack
 * does not have (a style, a list, a list's field, a figure, a list column, a form field), in Chinese, with the file
 * and the path inside it. Last, every template is drawn once, so what only drawing finds is reported too.
 */
import { PackDataError, resolvePack } from "../packs/data";
import type { BaseFiles, ListData, PackFiles } from "../packs/schema";
import type {
  DropdownData,
  FormFieldData,
  GridCellData,
  GridRowData,
  NoteItemData,
  StyleRefData,
  TemplateData,
} from "../packs/template-schema";
import { LIST_COLUMNS } from "../recognise/columns";
import { GRID_PLACEHOLDERS, GRID_ROW_KINDS } from "./grid-writer";
import { modelReadsForms } from "./form-specs";
import { FORM_ROW_KINDS, LAYOUT_KINDS, layoutKind, STYLE_NAMES, templateFromData } from "./from-data";
import { tickOption } from "./options";
import { LINE_PLACEHOLDERS, PACK_PLACEHOLDERS, placeholdersIn } from "./text";

export interface TemplateIssue {
  severity: "error" | "warning";
  file: string;
  path: string;
  message: string;
}

const LIST_KEYS = LIST_COLUMNS.map((c) => c.key as string);

interface Ctx {
  file: string;
  out: TemplateIssue[];
  lists: Readonly<Record<string, ListData>>;
  files: PackFiles;
}

const error = (ctx: Ctx, path: string, message: string) =>
  ctx.out.push({ severity: "error", file: ctx.file, path, message });
const warning = (ctx: Ctx, path: string, message: string) =>
  ctx.out.push({ severity: "warning", file: ctx.file, path, message });

/** The field names of a list of records (empty for a list of words). */
function fieldsOf(list: ListData): Set<string> {
  const out = new Set<string>();
  for (const entry of list) if (typeof entry !== "string") for (const k of Object.keys(entry)) out.add(k);
  return out;
}

function checkList(
  ctx: Ctx,
  path: string,
  name: string,
  fields: ReadonlyArray<string | undefined> = [],
): void {
  const list = ctx.lists[name];
  if (!list) {
    error(ctx, path, `引用了不存在的列表“${name}”（没有 lists/${name}.yaml）`);
    return;
  }
  const have = fieldsOf(list);
  for (const field of fields)
    if (field !== undefined && have.size > 0 && !have.has(field))
      error(ctx, path, `列表 lists/${name}.yaml 的条目没有“${field}”；有：${[...have].join("、")}`);
    else if (field !== undefined && have.size === 0 && field !== "name")
      error(ctx, path, `列表 lists/${name}.yaml 是一列文字，没有字段“${field}”`);
}

function checkStyle(ctx: Ctx, path: string, ref: StyleRefData | undefined): void {
  if (ref === undefined) return;
  const name = typeof ref === "string" ? ref : ref.style;
  if (!(STYLE_NAMES as readonly string[]).includes(name))
    error(ctx, path, `未知的样式“${name}”；可用：${STYLE_NAMES.join("、")}`);
}

function checkText(ctx: Ctx, path: string, text: string | undefined, extra: readonly string[] = []): void {
  if (text === undefined) return;
  for (const p of placeholdersIn(text)) {
    const known = (PACK_PLACEHOLDERS as readonly string[]).includes(p.name) || extra.includes(p.name);
    if (!known) {
      error(
        ctx,
        path,
        `不认识的占位符 {${p.name}}；这里可用：${[...PACK_PLACEHOLDERS, ...extra].join("、")}`,
      );
      continue;
    }
    if (p.name === "share") {
      const figure = p.arg === undefined ? undefined : ctx.files.notice.figures?.[p.arg];
      if (p.arg === undefined) error(ctx, path, "{share:…} 要写明数字的名称，如 {share:keyQuota}");
      else if (!figure || figure.share === undefined)
        error(ctx, path, `{share:${p.arg}} 引用的数字不存在或没有 share（notice.yaml 的 figures:）`);
    }
  }
}

function checkNotes(ctx: Ctx, path: string, notes: readonly NoteItemData[] | undefined): void {
  (notes ?? []).forEach((item, i) => {
    if (typeof item === "string") return checkText(ctx, `${path}.${i}`, item);
    const list = ctx.lists[item.list];
    if (!list) return checkList(ctx, `${path}.${i}.list`, item.list);
    for (const n of item.items)
      if (n > list.length)
        error(
          ctx,
          `${path}.${i}.items`,
          `列表 lists/${item.list}.yaml 只有 ${list.length} 条，没有第 ${n} 条`,
        );
  });
}

/** A dropdown: one source; its list and fields exist; ticked options are in the cell's □ group. */
function checkDropdown(
  ctx: Ctx,
  path: string,
  d: DropdownData | undefined,
  cellText: string | undefined,
  formKeys: ReadonlySet<string> | undefined,
): void {
  if (!d) return;
  const sources = (["values", "list", "ticked", "cascade"] as const).filter((k) => d[k] !== undefined);
  if (sources.length !== 1) error(ctx, path, "下拉列表要有且只有一种来源：values、list、ticked 或 cascade");
  if (d.list !== undefined) checkList(ctx, `${path}.list`, d.list, [d.column]);
  if (d.column !== undefined && d.list === undefined)
    warning(ctx, `${path}.column`, "column 只与 list 一起用");
  checkText(ctx, `${path}.prompt`, d.prompt);
  if (d.ticked) {
    if (cellText === undefined)
      error(ctx, `${path}.ticked`, "ticked 要勾选本格的 □ 选项，但这里没有写 □ 的格子");
    else
      for (const option of d.ticked)
        if (tickOption(cellText, option, true) === cellText)
          error(ctx, `${path}.ticked`, `选项“${option}”不在本格的 □ 选项中（value 里要有“□${option}”）`);
  }
  if (d.cascade) {
    if (!formKeys) {
      error(ctx, `${path}.cascade`, "级联下拉（cascade）只用于申报表（form）");
      return;
    }
    checkList(ctx, `${path}.cascade.list`, d.cascade.list, [d.cascade.by, d.cascade.items]);
    if (!formKeys.has(d.cascade.parent))
      error(ctx, `${path}.cascade.parent`, `上级字段“${d.cascade.parent}”不在本表（应为某一栏的 key）`);
  }
}

/** Every field of a form with its path, top to bottom. */
function formFields(t: TemplateData): Array<{ field: FormFieldData; path: string }> {
  const out: Array<{ field: FormFieldData; path: string }> = [];
  (t.form?.rows ?? []).forEach((row, i) => {
    const at = `form.rows.${i}`;
    if (row.wide) out.push({ field: row.wide, path: `${at}.wide` });
    if (row.pair) row.pair.forEach((f, j) => out.push({ field: f, path: `${at}.pair.${j}` }));
    if (row.block)
      row.block.rows.forEach((r, j) => {
        if (Array.isArray(r)) r.forEach((f, k) => out.push({ field: f, path: `${at}.block.rows.${j}.${k}` }));
        else out.push({ field: r as FormFieldData, path: `${at}.block.rows.${j}` });
      });
  });
  return out;
}

function checkForm(ctx: Ctx, t: TemplateData): Set<string> {
  const fields = formFields(t);
  const keys = new Set<string>();
  for (const row of t.form?.rows ?? []) if (row.line?.key) keys.add(row.line.key);
  for (const { field, path } of fields) {
    if (field.key === undefined) continue;
    if (keys.has(field.key)) error(ctx, `${path}.key`, `字段“${field.key}”在本表出现了两次`);
    keys.add(field.key);
  }
  (t.form?.rows ?? []).forEach((row, i) => {
    const kinds = FORM_ROW_KINDS.filter((k) => row[k] !== undefined);
    if (kinds.length !== 1)
      error(
        ctx,
        `form.rows.${i}`,
        kinds.length === 0
          ? `这一行没有写是哪一种：${FORM_ROW_KINDS.join("、")}`
          : `这一行同时写了 ${kinds.join("、")}，每行只能有一种`,
      );
    if (row.labelCols !== undefined && !row.wide)
      warning(ctx, `form.rows.${i}.labelCols`, "labelCols 只用于 wide 行");
    if (row.line) checkText(ctx, `form.rows.${i}.line.text`, row.line.text);
    if (row.notes) checkNotes(ctx, `form.rows.${i}.notes`, row.notes);
  });
  for (const { field, path } of fields) {
    checkStyle(ctx, `${path}.style`, field.style);
    checkText(ctx, `${path}.value`, field.value);
    checkDropdown(ctx, `${path}.dropdown`, field.dropdown, field.value, keys);
  }
  return keys;
}

function checkListLayout(ctx: Ctx, t: TemplateData): void {
  const list = t.list;
  if (!list) return;
  const columns = new Set(list.columns.map((c) => c.key));
  list.columns.forEach((c, i) => {
    if (!LIST_KEYS.includes(c.key))
      error(ctx, `list.columns.${i}.key`, `不认识的清单列“${c.key}”；可用：${LIST_KEYS.join("、")}`);
    checkDropdown(ctx, `list.columns.${i}.dropdown`, c.dropdown, undefined, undefined);
  });
  for (const where of ["above", "below"] as const)
    (list[where] ?? []).forEach((line, i) => {
      const texts = typeof line === "string" ? [line] : [line.left, line.right];
      for (const text of texts) checkText(ctx, `list.${where}.${i}`, text, LINE_PLACEHOLDERS);
    });
  checkNotes(ctx, "list.notes", list.notes);
  const named = [
    ...(list.blank.number === undefined ? [] : [["list.blank.number", list.blank.number]]),
    ...Object.keys(list.blank.first ?? {}).map((k) => [`list.blank.first.${k}`, k]),
    ...Object.keys(list.fromForms?.rows ?? {}).map((k) => [`list.fromForms.rows.${k}`, k]),
  ];
  for (const [path, key] of named)
    if (!columns.has(key as string)) error(ctx, path as string, `“${key}”不是本表的列（columns 中没有）`);
  const lines = Object.keys(list.fromForms?.lines ?? {});
  for (const line of lines)
    if (!(LINE_PLACEHOLDERS as readonly string[]).includes(line))
      error(
        ctx,
        `list.fromForms.lines.${line}`,
        `不认识的行“${line}”；可用：${LINE_PLACEHOLDERS.join("、")}`,
      );
}

/** A grid: each row one kind, repeats over one source (a figure the pack has), cells inside the columns. */
function checkGrid(ctx: Ctx, t: TemplateData): Set<string> {
  const keys = new Set<string>();
  const width = t.grid?.columns.length ?? 0;
  const cells: Array<{ cell: GridCellData; path: string }> = [];
  const walk = (rows: readonly GridRowData[], path: string): void =>
    rows.forEach((row, i) => {
      const at = `${path}.${i}`;
      const kinds = GRID_ROW_KINDS.filter((k) => row[k] !== undefined);
      if (kinds.length !== 1)
        error(
          ctx,
          at,
          kinds.length === 0
            ? `这一行没有写是哪一种：${GRID_ROW_KINDS.join("、")}`
            : `这一行同时写了 ${kinds.join("、")}，每行只能有一种`,
        );
      if (row.line) {
        checkText(ctx, `${at}.line.text`, row.line.text, GRID_PLACEHOLDERS);
        checkStyle(ctx, `${at}.line.style`, row.line.style);
      }
      (row.cells ?? []).forEach((cell, j) => cells.push({ cell, path: `${at}.cells.${j}` }));
      if (row.block) {
        row.block.cells.forEach((cell, j) => cells.push({ cell, path: `${at}.block.cells.${j}` }));
        walk(row.block.rows, `${at}.block.rows`);
      }
      if (row.repeat) {
        const over = row.repeat.over;
        const sources = (["figure", "yearsBack", "count", "values"] as const).filter(
          (k) => over[k] !== undefined,
        );
        if (sources.length !== 1)
          error(ctx, `${at}.repeat.over`, "repeat.over 要有且只有一种：figure、yearsBack、count 或 values");
        const figure = over.figure === undefined ? undefined : ctx.files.notice.figures?.[over.figure];
        if (over.figure !== undefined && (figure?.min === undefined || figure.max === undefined))
          error(
            ctx,
            `${at}.repeat.over.figure`,
            `引用的数字“${over.figure}”不存在或没有 min/max（notice.yaml 的 figures:）`,
          );
        (row.repeat.dropdowns ?? []).forEach((d, j) => {
          const { col, ...dropdown } = d;
          if (col >= width)
            error(ctx, `${at}.repeat.dropdowns.${j}.col`, `超出了表格的 ${width} 列（columns）`);
          checkDropdown(ctx, `${at}.repeat.dropdowns.${j}`, dropdown, undefined, undefined);
        });
        walk(row.repeat.rows, `${at}.repeat.rows`);
      }
      if (row.notes) checkNotes(ctx, `${at}.notes`, row.notes);
    });
  walk(t.grid?.rows ?? [], "grid.rows");
  for (const { cell, path } of cells) {
    if (cell.col + (cell.cols ?? 1) > width) error(ctx, `${path}.col`, `超出了表格的 ${width} 列（columns）`);
    checkStyle(ctx, `${path}.style`, cell.style);
    checkText(ctx, `${path}.text`, cell.text, GRID_PLACEHOLDERS);
    checkDropdown(ctx, `${path}.dropdown`, cell.dropdown, cell.text, undefined);
    if (cell.key === undefined) continue;
    if (keys.has(cell.key)) error(ctx, `${path}.key`, `字段“${cell.key}”在本表出现了两次`);
    keys.add(cell.key);
  }
  return keys;
}

function checkFill(ctx: Ctx, t: TemplateData, kind: string, formKeys: ReadonlySet<string> | undefined): void {
  const fill = t.fill;
  if (!fill) return;
  if (kind !== "form" && kind !== "grid") {
    warning(ctx, "fill", "fill 只用于申报表（form 或 grid），这里不起作用");
    return;
  }
  if (!modelReadsForms(ctx.files.notice.model))
    warning(ctx, "fill", `model ${ctx.files.notice.model} 没有申报表读取器，fill 不起作用（只能写出空白表）`);
  for (const key of Object.keys(fill.fromList))
    if (!LIST_KEYS.includes(key))
      error(ctx, `fill.fromList.${key}`, `不认识的清单列“${key}”；可用：${LIST_KEYS.join("、")}`);
  if (!formKeys) return;
  const known = (key: string) => formKeys.has(key);
  if (!known(fill.titleKey)) error(ctx, "fill.titleKey", `字段“${fill.titleKey}”不在本表`);
  for (const [column, keys] of Object.entries(fill.fromList))
    for (const key of keys) if (!known(key)) error(ctx, `fill.fromList.${column}`, `字段“${key}”不在本表`);
}

function checkOne(ctx: Ctx, t: TemplateData): void {
  checkText(ctx, "title", t.title);
  const kind = layoutKind(t);
  if (kind === undefined) {
    error(ctx, "", `模板要有且只有一种版式：${LAYOUT_KINDS.join("、")}`);
    return;
  }
  let formKeys: Set<string> | undefined;
  if (kind === "form") formKeys = checkForm(ctx, t);
  if (kind === "list") checkListLayout(ctx, t);
  if (kind === "reference" && t.reference) {
    checkList(ctx, "reference.list", t.reference.list, [
      ...t.reference.columns.flatMap((c) => [c.field, c.within]),
    ]);
    t.reference.columns.forEach((c, i) => checkStyle(ctx, `reference.columns.${i}.style`, c.style));
  }
  if (kind === "text" && t.text)
    t.text.rows.forEach((row, i) => {
      if ((row.gap === undefined) === (row.lines === undefined))
        error(ctx, `text.rows.${i}`, "每行要有且只有 gap（空行高度）或 lines（文字）之一");
      checkStyle(ctx, `text.rows.${i}.style`, row.style);
      checkNotes(ctx, `text.rows.${i}.lines`, row.lines);
    });
  if (kind === "grid") formKeys = checkGrid(ctx, t);
  checkFill(ctx, t, kind, formKeys);
}

/** Everything wrong with a pack's templates (validated files), and last what drawing each one finds. */
export function templateIssues(files: PackFiles, base: BaseFiles | undefined): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  const lists = { ...(base?.lists ?? {}), ...(files.lists ?? {}) };
  const ids = new Map<string, string>();
  for (const [name, t] of Object.entries(files.templates ?? {})) {
    const ctx: Ctx = { file: `templates/${name}.yaml`, out, lists, files };
    const other = ids.get(t.id);
    if (other !== undefined) error(ctx, "id", `模板 id“${t.id}”与 ${other} 重复`);
    ids.set(t.id, ctx.file);
    checkOne(ctx, t);
  }
  if (out.some((i) => i.severity === "error")) return out;
  const pack = resolvePack(files, base, "lint");
  for (const [name, t] of Object.entries(files.templates ?? {})) {
    const file = `templates/${name}.yaml`;
    try {
      const template = templateFromData(pack, name, t);
      template.build();
      template.form?.draft();
    } catch (e) {
      if (e instanceof PackDataError)
        out.push({ severity: "error", file: e.file, path: e.path, message: e.message });
      else
        out.push({ severity: "error", file, path: "", message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
