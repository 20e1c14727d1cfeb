/**
 * A pack's templates/*.yaml made into templates: the data says what the table holds and how it is laid out, and this
 * module draws it with the shared vocabulary — LayoutBuilder, the named STYLES, FormWriter (form rows), writeList
 * (推荐表/汇总表), writeCascade (dependent dropdowns), tickOption (□ groups) — so a pack folder brings its own tables.
 */
import { columnIndex } from "../grid/a1";
import { PackDataError, recordList, type PackData } from "../packs/data";
import type {
  DropdownData,
  FormFieldData,
  FormFillData,
  FormLayoutData,
  GridLayoutData,
  ListLayoutData,
  ReferenceLayoutData,
  TemplateData,
  TextLayoutData,
} from "../packs/template-schema";
import { compactText } from "../read/normalise";
import type { ListKey } from "../recognise/columns";
import { LayoutBuilder } from "./builder";
import { writeCascade } from "./cascade";
import { formSpecOfPack } from "./form-specs";
import { drawGrid } from "./grid-writer";
import { FormWriter, type BlockRow, type FieldCell } from "./form-writer";
import type { ListValidation, SheetLayout } from "./layout";
import { writeList, type ListColumnSpec, type ListLine } from "./list-writer";
import { tickOption } from "./options";
import { mergedDown, STYLE_NAMES, styleOf, STYLES } from "./styles";

export { STYLE_NAMES, styleOf };
import { cascadeGroups, listValues } from "./pack-lists";
import { fillText, noteLines } from "./text";
import type {
  ApplicationForm,
  FormBinding,
  FormDraft,
  ListBinding,
  ListLines,
  ListRow,
  Template,
} from "./types";

/** The kinds of form row (templates/*.yaml form.rows): each row has exactly one of these keys. */
export const FORM_ROW_KINDS = ["line", "wide", "pair", "block", "notes", "gap"] as const;

/** A template's data names something the pack or the vocabulary does not have (pack lint says it in Chinese). */
export function templateFault(pack: PackData, file: string, path: string, message: string): PackDataError {
  return new PackDataError(pack.id, `templates/${file}.yaml`, path, message);
}

/** The items of a dropdown that is not a cascade. */
function dropdownList(pack: PackData, dropdown: DropdownData, cellText: string): string[] {
  if (dropdown.values) return [...dropdown.values];
  if (dropdown.list !== undefined) return listValues(pack, dropdown.list, dropdown.column);
  if (dropdown.ticked) {
    const variants = dropdown.ticked.map((option) => tickOption(cellText, option, true));
    if (dropdown.all && dropdown.ticked.length > 1)
      variants.push(dropdown.ticked.reduce((text, option) => tickOption(text, option, false), cellText));
    // A dropdown item is one line: the group's line breaks become spaces.
    return variants.map((v) => v.replace(/\n/g, " "));
  }
  return [];
}

function validation(
  area: ListValidation["area"],
  list: string[],
  dropdown: DropdownData,
  pack: PackData,
  formula?: string,
): ListValidation {
  const out: ListValidation = { area, list };
  if (formula !== undefined) out.formula = formula;
  if (dropdown.prompt !== undefined) out.prompt = fillText(dropdown.prompt, pack);
  if (dropdown.errorStyle !== undefined) out.errorStyle = dropdown.errorStyle;
  return out;
}

/** A form field of the data as FormWriter writes it. */
function fieldCell(pack: PackData, field: FormFieldData): FieldCell {
  const cell: FieldCell = { label: field.label };
  if (field.value !== undefined) cell.value = fillText(field.value, pack);
  if (field.key !== undefined) cell.key = field.key;
  if (field.slot !== undefined) cell.slot = field.slot;
  if (field.lines !== undefined) cell.lines = field.lines;
  if (field.style !== undefined) cell.style = styleOf(field.style, STYLES.value);
  return cell;
}

/** An application form as the data lays it out, with where each answer goes and its dropdowns. */
function drawForm(pack: PackData, t: TemplateData, form: FormLayoutData): FormDraft {
  const w = new FormWriter(t.sheet, form.columns);
  w.attachment(t.attachment);
  w.title(fillText(t.title, pack));
  const dropdowns: Array<{ field: FormFieldData; row: number; col: number; text: string }> = [];
  const placed = (field: FormFieldData, row: number, col: number) => {
    if (field.dropdown) dropdowns.push({ field, row, col, text: fillText(field.value ?? "", pack) });
  };
  form.rows.forEach((row, i) => {
    const kinds = FORM_ROW_KINDS.filter((k) => row[k] !== undefined);
    if (kinds.length !== 1)
      throw new Error(`form.rows.${i}：每行要有且只有一种：${FORM_ROW_KINDS.join("、")}`);
    const at = w.row;
    if (row.line) w.line(fillText(row.line.text, pack), row.line.key, row.line.prefix);
    else if (row.wide) {
      w.wide(fieldCell(pack, row.wide), row.labelCols);
      placed(row.wide, at, row.labelCols ?? 2);
    } else if (row.pair) {
      w.pair(fieldCell(pack, row.pair[0]), fieldCell(pack, row.pair[1]));
      placed(row.pair[0], at, 2);
      placed(row.pair[1], at, 4);
    } else if (row.block) {
      const rows = row.block.rows;
      w.block(
        row.block.label,
        rows.map((r): BlockRow =>
          Array.isArray(r)
            ? [fieldCell(pack, r[0]), fieldCell(pack, r[1])]
            : fieldCell(pack, r as FormFieldData),
        ),
      );
      rows.forEach((r, j) => {
        if (Array.isArray(r)) {
          placed(r[0], at + j, 2);
          placed(r[1], at + j, 4);
        } else placed(r as FormFieldData, at + j, 2);
      });
    } else if (row.notes) w.notes(noteLines(row.notes, pack));
    else w.gap(row.gap ?? 0);
  });
  const b = w.builder;
  for (const { field, row, col, text } of dropdowns) {
    const dropdown = field.dropdown as DropdownData;
    const area = { top: row, left: col, bottom: row, right: col };
    const cascade = dropdown.cascade;
    if (cascade) {
      const parent = w.slots[cascade.parent];
      if (!parent) throw new Error(`级联下拉的上级字段“${cascade.parent}”不在本表`);
      const m = /^([A-Z]+)(\d+)$/.exec(cascade.at) as RegExpExecArray;
      const at = { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
      const formula = writeCascade(b, cascadeGroups(pack, cascade), at, { row: parent.row, col: parent.col });
      b.validate(validation(area, [], dropdown, pack, formula));
    } else b.validate(validation(area, dropdownList(pack, dropdown, text), dropdown, pack));
  }
  return w.finish();
}

/** The form binding of a template: the pack model's form reader and the data's fill. */
function bindingOf(pack: PackData, fill: FormFillData | undefined): FormBinding | undefined {
  const spec = formSpecOfPack(pack);
  if (!spec || !fill) return undefined;
  const binding: FormBinding = {
    spec,
    titleKey: fill.titleKey,
    fromList: fill.fromList as FormBinding["fromList"],
  };
  if (fill.lineLabels) binding.lineLabels = fill.lineLabels;
  return binding;
}

const sameText = (values: readonly string[]): string | undefined => {
  const set = new Set(values.map((v) => compactText(v)).filter((v) => v !== ""));
  return set.size === 1 ? values.find((v) => compactText(v) !== "") : undefined;
};

function listLine(
  line: string | { left: string; right: string; split: number },
  pack: PackData,
  lines: ListLines,
): ListLine {
  if (typeof line === "string") return fillText(line, pack, lines);
  return {
    left: fillText(line.left, pack, lines),
    right: fillText(line.right, pack, lines),
    split: line.split,
  };
}

/** A list template: its drawing with given rows (or the blank rows) and, when forms can fill it, the binding. */
function listTemplate(
  pack: PackData,
  t: TemplateData,
  list: ListLayoutData,
): Pick<Template, "build" | "list"> {
  const columns: ListColumnSpec[] = list.columns.map((c) => {
    const spec: ListColumnSpec = { key: c.key as ListKey, label: c.label, width: c.width };
    if (c.centred) spec.centred = true;
    if (c.dropdown) {
      const choices: NonNullable<ListColumnSpec["choices"]> = { list: dropdownList(pack, c.dropdown, "") };
      if (c.dropdown.prompt !== undefined) choices.prompt = fillText(c.dropdown.prompt, pack);
      if (c.dropdown.errorStyle !== undefined) choices.errorStyle = c.dropdown.errorStyle;
      spec.choices = choices;
    }
    return spec;
  });
  const blankRow = (i: number): ListRow => {
    const row: ListRow = {};
    if (list.blank.number !== undefined) row[list.blank.number as ListKey] = i + 1;
    if (i === 0 && list.blank.first) Object.assign(row, list.blank.first);
    return row;
  };
  const notes = noteLines(list.notes ?? [], pack);
  const draw = (
    rows: readonly ListRow[] | undefined,
    lines: ListLines,
    blankRows = list.blank.rows,
  ): SheetLayout =>
    writeList({
      name: t.sheet,
      attachment: t.attachment,
      title: fillText(t.title, pack),
      orientation: list.orientation,
      columns,
      above: (list.above ?? []).map((l) => listLine(l, pack, lines)),
      below: (list.below ?? []).map((l) => listLine(l, pack, lines)),
      ...(notes.length > 0 ? { notes } : {}),
      rows: rows && rows.length > 0 ? [...rows] : Array.from({ length: blankRows }, (_, i) => blankRow(i)),
    }).layout;
  const out: Pick<Template, "build" | "list"> = {
    build: (options) => draw(undefined, {}, options?.rows ?? list.blank.rows),
  };
  const from = list.fromForms;
  if (!from) return out;
  const sources = Object.entries(from.rows);
  out.list = {
    policy: pack.id,
    columns: columns.map((c) => c.key),
    keyColumn: sources.some(([, s]) => !Array.isArray(s)),
    buildRows: (rows, lines) => draw(rows, lines),
    rowFromForm: (form: ApplicationForm): ListRow => {
      const row: ListRow = {};
      for (const [column, source] of sources)
        row[column as ListKey] = Array.isArray(source)
          ? (source.map((f) => form.fields[f]).find((v) => v) ?? "")
          : form.keyRecommended
            ? source.keyRecommended
            : "";
      return row;
    },
    linesFromForms: (forms) => {
      const lines: ListLines = {};
      for (const [line, field] of Object.entries(from.lines ?? {})) {
        const value = sameText(forms.map((f) => f.fields[field] ?? ""));
        if (value) lines[line as keyof ListLines] = value;
      }
      return lines;
    },
  } satisfies ListBinding;
  return out;
}

/** A reference table from a pack list of records, runs merged as the notice prints them (附件1). */
function drawReference(pack: PackData, t: TemplateData, ref: ReferenceLayoutData): SheetLayout {
  const b = new LayoutBuilder(
    t.sheet,
    ref.columns.map((c) => c.width),
  );
  b.line(0, t.attachment, STYLES.attachment);
  b.line(1, fillText(t.title, pack), STYLES.title);
  const header = 2;
  ref.columns.forEach((c, col) => b.put(header, col, c.label, STYLES.header));
  const first = header + 1;
  const records = recordList(pack, ref.list);
  const value = (i: number, field: string): string | number => {
    const v = records[i]?.[field];
    return typeof v === "number" ? v : String(v ?? "");
  };
  const runs = (continues: (i: number) => boolean) => {
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let i = 1; i <= records.length; i++) {
      if (i < records.length && continues(i)) continue;
      out.push([start, i - 1]);
      start = i;
    }
    return out;
  };
  // Merged columns first, then the others, each top to bottom.
  const order = [...ref.columns.keys()].sort(
    (a, b2) =>
      Number(ref.columns[a]?.merge === undefined) - Number(ref.columns[b2]?.merge === undefined) || a - b2,
  );
  for (const col of order) {
    const c = ref.columns[col] as ReferenceLayoutData["columns"][number];
    const style = styleOf(c.style, STYLES.value);
    if (c.merge === undefined) {
      records.forEach((_, i) => b.put(first + i, col, value(i, c.field), style));
      continue;
    }
    const same = (i: number, field: string) => value(i, field) === value(i - 1, field);
    const continues =
      c.merge === "blank"
        ? (i: number) => value(i, c.field) === ""
        : (i: number) => same(i, c.field) && (c.within === undefined || same(i, c.within));
    for (const [s, e] of runs(continues))
      b.put(first + s, col, value(s, c.field), mergedDown(style, e - s + 1), { rows: e - s + 1 });
  }
  return b.build({ orientation: ref.orientation, repeatRows: [header, header] });
}

/** A sheet of text lines (填表说明). */
function drawText(pack: PackData, t: TemplateData, text: TextLayoutData): SheetLayout {
  const b = new LayoutBuilder(t.sheet, text.columns);
  b.line(0, t.attachment, STYLES.attachment);
  b.line(1, fillText(t.title, pack), STYLES.title);
  let r = 2;
  text.rows.forEach((row, i) => {
    if ((row.gap === undefined) === (row.lines === undefined))
      throw new Error(`text.rows.${i}：每行要有且只有 gap 或 lines 之一`);
    if (row.gap !== undefined) b.fixHeight(r++, row.gap);
    const style = styleOf(row.style, STYLES.note);
    for (const line of noteLines(row.lines ?? [], pack)) b.line(r++, line, style);
  });
  return b.build({ orientation: text.orientation });
}

/** The one layout kind a template's data gives, or a fault. */
export const LAYOUT_KINDS = ["form", "list", "reference", "text", "grid"] as const;

export function layoutKind(t: TemplateData): (typeof LAYOUT_KINDS)[number] | undefined {
  const kinds = LAYOUT_KINDS.filter((k) => t[k] !== undefined);
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** One template of a pack, from its templates/<file>.yaml. Throws a PackDataError when the data cannot be drawn. */
export function templateFromData(pack: PackData, file: string, t: TemplateData): Template {
  const meta = {
    id: t.id,
    policy: pack.id,
    level: t.level ?? null,
    table: t.table,
    attachment: t.attachment,
    title: fillText(t.title, pack).replace(/\n/g, ""),
  };
  const fault = (path: string, message: string) => templateFault(pack, file, path, message);
  const kind = layoutKind(t);
  if (kind === undefined) throw fault("", `模板要有且只有一种版式：${LAYOUT_KINDS.join("、")}`);
  let body: Pick<Template, "build" | "form" | "list">;
  if (kind === "form") {
    const form = t.form as FormLayoutData;
    const draft = () => drawForm(pack, t, form);
    const binding = bindingOf(pack, t.fill);
    body = { build: () => draft().layout, ...(binding ? { form: { binding, draft } } : {}) };
  } else if (kind === "list") body = listTemplate(pack, t, t.list as ListLayoutData);
  else if (kind === "reference")
    body = { build: () => drawReference(pack, t, t.reference as ReferenceLayoutData) };
  else if (kind === "text") body = { build: () => drawText(pack, t, t.text as TextLayoutData) };
  else {
    const grid = t.grid as GridLayoutData;
    const dropdownOf = (area: ListValidation["area"], d: DropdownData, text: string): ListValidation => {
      if (d.cascade) throw new Error("级联下拉（cascade）只用于申报表（form）");
      return validation(area, dropdownList(pack, d, text), d, pack);
    };
    const draft = () => drawGrid(pack, t, grid, dropdownOf);
    const binding = bindingOf(pack, t.fill);
    body = { build: () => draft().layout, ...(binding ? { form: { binding, draft } } : {}) };
  }
  return { ...meta, ...body };
}
