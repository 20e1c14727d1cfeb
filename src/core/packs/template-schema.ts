/**
 * The templates part of the pack format (docs/packs.md “模板”): templates/<name>.yaml, one official table of the
 * notice each — its identity (id, table kind, level, 附件N, title, sheet name) and its layout as data: a form's rows
 * of labels and blanks, a list's columns and lines, a reference table drawn from one of the pack's lists, a sheet of
 * text lines, or a grid of cells for a form of any other shape (a cover page, tables repeated per year). Styles are named (title,
 * label, value …), dropdowns refer to the pack's lists/, and texts may hold {year}, {notice}, {share:FIGURE}.
 *
 * Imported by schema.ts (PackFilesSchema.templates); the names a template uses (styles, lists, fields, figures) are
 * checked by src/core/templates/check.ts, which `pack lint` runs.
 */
import * as v from "valibot";

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]*$/, "模板 id 只能用小写字母、数字和连字符，如 sh-82-application"),
);

const Text = v.pipe(v.string(), v.minLength(1));

/** A style by name (title, attachment, line, label, value, long, header, centred, section, note), or one changed. */
export const StyleRef = v.union([
  v.string(),
  v.strictObject({
    style: v.string(),
    bold: v.optional(v.boolean()),
    italic: v.optional(v.boolean()),
    fontSize: v.optional(v.pipe(v.number(), v.minValue(6), v.maxValue(72))),
    fontName: v.optional(v.string()),
    hAlign: v.optional(v.picklist(["left", "center", "right"])),
    vAlign: v.optional(v.picklist(["top", "middle", "bottom"])),
    wrap: v.optional(v.boolean()),
    fill: v.optional(v.pipe(v.string(), v.regex(/^#[0-9A-Fa-f]{6}$/, "颜色写成 #RRGGBB"))),
    color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9A-Fa-f]{6}$/, "颜色写成 #RRGGBB"))),
    numberFormat: v.optional(v.string()),
  }),
]);

const ErrorStyle = v.picklist(["stop", "warning", "information"]);

/**
 * A dropdown on a cell: fixed `values`; the values of a pack list (`list`, and `column` for a list of records); the
 * cell's own □ group with each of `ticked` ticked in turn (`all`: and every one ticked, where several may be chosen);
 * or a `cascade` that depends on another field's answer (专业范围 by 领域), kept in hidden helper columns from `at`.
 */
export const Dropdown = v.strictObject({
  values: v.optional(v.array(Text)),
  list: v.optional(v.string()),
  column: v.optional(v.string()),
  ticked: v.optional(v.array(Text)),
  all: v.optional(v.boolean()),
  cascade: v.optional(
    v.strictObject({
      /** The pack list (records) the groups and items come from. */
      list: v.string(),
      /** The record field that names a group (领域). */
      by: v.string(),
      /** The record field that holds the group's items: a list, or text as the notice prints it (、-separated). */
      items: v.string(),
      /** The form field whose answer picks the group. */
      parent: v.string(),
      /** The first helper cell (A1), right of the printed columns. */
      at: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}[1-9]\d*$/, "写成单元格地址，如 H7")),
    }),
  ),
  prompt: v.optional(v.string()),
  errorStyle: v.optional(ErrorStyle),
});

/** How a form's answer is written into its cell (see FormSlot in src/core/templates/types.ts). */
export const Slot = v.strictObject({
  kind: v.optional(v.picklist(["text", "inline", "choice"])),
  single: v.optional(v.boolean()),
  layout: v.optional(v.picklist(["box-before", "box-after"])),
  optionAliases: v.optional(v.record(v.string(), v.string())),
  numeric: v.optional(v.boolean()),
  items: v.optional(v.array(Text)),
  prefix: v.optional(v.string()),
});

/** A field of a form: its label, the blank as printed (hint or □ group), the key its answer has, its room. */
export const FormField = v.strictObject({
  label: v.string(),
  value: v.optional(v.string()),
  key: v.optional(v.string()),
  lines: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(40))),
  style: v.optional(StyleRef),
  slot: v.optional(Slot),
  dropdown: v.optional(Dropdown),
});

/** Text under a table: a line, or items of a pack list (by number, 1 first). */
export const NoteItem = v.union([
  v.string(),
  v.strictObject({ list: v.string(), items: v.array(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
]);

/**
 * A row of a form, top to bottom; one key says which kind: line (申报单位：____ above the grid), wide (one field
 * across), pair (two fields side by side), block (a label down the left of its rows), notes, gap. One object rather
 * than a union of kinds, so that a misspelt key is reported as such (check.ts reports a row with no kind or two).
 */
export const FormRow = v.strictObject({
  line: v.optional(
    v.strictObject({ text: Text, key: v.optional(v.string()), prefix: v.optional(v.string()) }),
  ),
  wide: v.optional(FormField),
  labelCols: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  pair: v.optional(v.tuple([FormField, FormField])),
  block: v.optional(
    v.strictObject({
      label: v.string(),
      /** One field across, or two side by side: chosen by the input's shape so errors name the field's own keys. */
      rows: v.pipe(
        v.array(v.lazy((input) => (Array.isArray(input) ? v.tuple([FormField, FormField]) : FormField))),
        v.minLength(1),
      ),
    }),
  ),
  notes: v.optional(v.array(NoteItem)),
  gap: v.optional(v.pipe(v.number(), v.minValue(0))),
});

/** An application form: label/value rows in five columns, and how list rows fill it. */
export const FormLayout = v.strictObject({
  columns: v.optional(v.pipe(v.array(v.pipe(v.number(), v.minValue(1))), v.length(5))),
  rows: v.pipe(v.array(FormRow), v.minLength(1)),
});

/** How a list row fills an application form (form and grid templates; the pack's model reads the form). */
export const FormFill = v.strictObject({
  /** The field whose answer names a filled form's sheet (项目名称). */
  titleKey: v.string(),
  /** List columns (项目名称 → title, 承办单位 → host …) and the form fields they fill. */
  fromList: v.record(v.string(), v.array(v.string())),
  /** Labels of the lines above the grid (申报单位：) that the pack's form reader does not read as fields. */
  lineLabels: v.optional(v.record(v.string(), v.array(v.string()))),
});

const ListLine = v.union([
  v.string(),
  v.strictObject({
    left: v.string(),
    right: v.string(),
    split: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
]);

/** A 推荐表 / 汇总表: its columns, the lines above and below, the 注, blank rows, and how forms fill it. */
export const ListLayout = v.strictObject({
  orientation: v.picklist(["portrait", "landscape"]),
  columns: v.pipe(
    v.array(
      v.strictObject({
        key: v.string(),
        label: Text,
        width: v.pipe(v.number(), v.minValue(1)),
        centred: v.optional(v.boolean()),
        dropdown: v.optional(Dropdown),
      }),
    ),
    v.minLength(1),
  ),
  above: v.optional(v.array(ListLine)),
  below: v.optional(v.array(ListLine)),
  notes: v.optional(v.array(NoteItem)),
  blank: v.strictObject({
    rows: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    /** The column numbered 1, 2, 3 … in blank rows (推荐排序). */
    number: v.optional(v.string()),
    /** What the first blank row shows as an example (备注: 重点推荐). */
    first: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
  }),
  fromForms: v.optional(
    v.strictObject({
      /** Each column from the first non-empty of these form fields, or the mark of a 重点推荐 form. */
      rows: v.record(
        v.string(),
        v.union([v.array(v.string()), v.strictObject({ keyRecommended: v.string() })]),
      ),
      /** Lines above/below (recommender, contact …) from a form field, when every form gives the same. */
      lines: v.optional(v.record(v.string(), v.string())),
    }),
  ),
});

/** A reference table drawn from a pack list of records (附件1): a column per record field, runs merged as printed. */
export const ReferenceLayout = v.strictObject({
  list: v.string(),
  orientation: v.picklist(["portrait", "landscape"]),
  columns: v.pipe(
    v.array(
      v.strictObject({
        label: Text,
        field: v.string(),
        width: v.pipe(v.number(), v.minValue(1)),
        style: v.optional(StyleRef),
        /** same: equal values of adjacent rows are one merged cell; blank: an empty value continues the cell above. */
        merge: v.optional(v.picklist(["same", "blank"])),
        /** A run of `same` also needs this field equal (领域 within one 序号). */
        within: v.optional(v.string()),
      }),
    ),
    v.minLength(1),
  ),
});

/** A sheet of text lines (填表说明): gaps and lines across the columns. */
export const TextLayout = v.strictObject({
  orientation: v.picklist(["portrait", "landscape"]),
  columns: v.pipe(v.array(v.pipe(v.number(), v.minValue(1))), v.minLength(1)),
  /** Each row: a gap (points) or lines (texts, or items of a pack list) in one style. */
  rows: v.array(
    v.strictObject({
      gap: v.optional(v.pipe(v.number(), v.minValue(0))),
      lines: v.optional(v.array(NoteItem)),
      style: v.optional(StyleRef),
    }),
  ),
});

/**
 * A cell of a grid: at column `col` (0 = A), over `cols` columns and `rows` rows. Text or a blank with the key its
 * answer has; without a style a cell with a key is a blank (value), one without is a label. `total` makes it a live
 * sum of the blanks whose keys match (a * stands for any part: scale:*:total), blank until a figure is entered.
 */
export const GridCell = v.strictObject({
  col: v.pipe(v.number(), v.integer(), v.minValue(0)),
  cols: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  rows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  text: v.optional(v.string()),
  key: v.optional(v.string()),
  style: v.optional(StyleRef),
  border: v.optional(v.boolean()),
  slot: v.optional(Slot),
  dropdown: v.optional(Dropdown),
  total: v.optional(v.pipe(v.array(v.string()), v.minLength(1))),
});

/** What a repeat runs over: a range figure (tax.years: 2023–2025), the years before the notice's, a count, words. */
export const RepeatOver = v.strictObject({
  figure: v.optional(v.string()),
  yearsBack: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  values: v.optional(v.array(Text)),
});

export interface GridRowData {
  line?: { text: string; style?: v.InferOutput<typeof StyleRef> };
  gap?: number;
  cells?: Array<v.InferOutput<typeof GridCell>>;
  block?: { cells: Array<v.InferOutput<typeof GridCell>>; rows: GridRowData[] };
  repeat?: {
    over: v.InferOutput<typeof RepeatOver>;
    rows: GridRowData[];
    dropdowns?: Array<v.InferOutput<typeof Dropdown> & { col: number }>;
  };
  notes?: Array<v.InferOutput<typeof NoteItem>>;
  minHeight?: number;
  minLines?: number;
  pageBreak?: boolean;
}

/**
 * A row of a grid; one key says which kind: line (text across the width), gap (a spacer of that height), cells,
 * block (cells merged down the rows inside it, such as a table's label), repeat (rows once per year, count or word:
 * {item} in their texts and keys), notes. minHeight / minLines give a row room; pageBreak starts a new page after it.
 */
export const GridRow: v.GenericSchema<GridRowData> = v.strictObject({
  line: v.optional(v.strictObject({ text: v.string(), style: v.optional(StyleRef) })),
  gap: v.optional(v.pipe(v.number(), v.minValue(0))),
  cells: v.optional(v.array(GridCell)),
  block: v.optional(
    v.strictObject({
      cells: v.array(GridCell),
      rows: v.pipe(v.array(v.lazy(() => GridRow)), v.minLength(1)),
    }),
  ),
  repeat: v.optional(
    v.strictObject({
      over: RepeatOver,
      rows: v.pipe(v.array(v.lazy(() => GridRow)), v.minLength(1)),
      /** Dropdowns over one column of every repeated row (人员性质 of each teacher). */
      dropdowns: v.optional(
        v.array(v.strictObject({ ...Dropdown.entries, col: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
      ),
    }),
  ),
  notes: v.optional(v.array(NoteItem)),
  minHeight: v.optional(v.pipe(v.number(), v.minValue(0))),
  minLines: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(40))),
  pageBreak: v.optional(v.boolean()),
});

/** A form of any shape: cells placed on a grid of columns, top to bottom (培训机构申报表: a cover, then tables). */
export const GridLayout = v.strictObject({
  orientation: v.picklist(["portrait", "landscape"]),
  columns: v.pipe(v.array(v.pipe(v.number(), v.minValue(1))), v.minLength(1)),
  rows: v.pipe(v.array(GridRow), v.minLength(1)),
});

/** templates/<name>.yaml: one official table. Exactly one of form, list, reference, text or grid. */
export const TemplateSchema = v.strictObject({
  id: Id,
  table: v.picklist(["recommendation", "summary", "application", "institution", "reference"]),
  level: v.optional(v.nullable(v.picklist(["national", "provincial"]))),
  /** 附件N as the notice numbers it. */
  attachment: v.string(),
  /** The title as printed ("\n" where the notice breaks it); {year} and {notice} are the pack's. */
  title: Text,
  /** The sheet's name when inserted (made unique by the host). */
  sheet: v.pipe(v.string(), v.minLength(1), v.maxLength(31, "工作表名不能超过 31 个字符")),
  form: v.optional(FormLayout),
  list: v.optional(ListLayout),
  reference: v.optional(ReferenceLayout),
  text: v.optional(TextLayout),
  grid: v.optional(GridLayout),
  fill: v.optional(FormFill),
});

export type TemplateData = v.InferOutput<typeof TemplateSchema>;
export type StyleRefData = v.InferOutput<typeof StyleRef>;
export type DropdownData = v.InferOutput<typeof Dropdown>;
export type FormFieldData = v.InferOutput<typeof FormField>;
export type FormRowData = v.InferOutput<typeof FormRow>;
export type FormLayoutData = v.InferOutput<typeof FormLayout>;
export type FormFillData = v.InferOutput<typeof FormFill>;
export type ListLayoutData = v.InferOutput<typeof ListLayout>;
export type ReferenceLayoutData = v.InferOutput<typeof ReferenceLayout>;
export type TextLayoutData = v.InferOutput<typeof TextLayout>;
export type GridLayoutData = v.InferOutput<typeof GridLayout>;
export type GridCellData = v.InferOutput<typeof GridCell>;
export type NoteItemData = v.InferOutput<typeof NoteItem>;
