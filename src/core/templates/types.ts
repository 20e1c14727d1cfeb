import type { ChoiceLayout } from "../read/choice";
import type { FormSpec } from "../recognise/form";
import type { ListKey } from "../recognise/columns";
import type { Level, PackId, TableKind } from "../packs/types";
import type { SheetLayout } from "./layout";

/** Where a form's answer goes and how it is written. */
export interface FormSlot {
  row: number;
  col: number;
  /**
   * text: the answer replaces the cell (and its hint); inline: "申报单位：answer" in one cell (`prefix` is kept);
   * choice: options of the cell's □ group are ticked (`single` clears the others).
   */
  kind: "text" | "inline" | "choice";
  prefix?: string;
  single?: boolean;
  layout?: ChoiceLayout;
  /** What people write for an option, and the option it means: 是 → 提供学员住宿. */
  optionAliases?: Readonly<Record<string, string>>;
  /** A count or amount: "1600" is written as the number 1600 (totals add numbers only). */
  numeric?: boolean;
  /** Named blanks inside the cell ("服务本市战略：____", "自筹经费来源：____"), filled from record keys of that name. */
  items?: readonly string[];
}

/** An application form's fields for filling: the pack's own spec (for label matching) and the list columns' fields. */
export interface FormBinding<K extends string = string> {
  spec: FormSpec<K>;
  /**
   * List columns (by the engine's LIST_COLUMNS keys) and the form fields they fill. For `phone` the first field takes
   * an office number and the second a mobile.
   */
  fromList: Partial<Record<ListKey, readonly K[]>>;
  /** The field whose answer names the sheet of a filled form (项目名称). */
  titleKey: K;
  /** Labels of slots the pack's spec does not read as fields (the 申报单位：/申报时间： lines above the grid). */
  lineLabels?: Readonly<Record<string, readonly string[]>>;
}

/** What an application form says, as `buildListFromForms` needs it. */
export interface ApplicationForm {
  sheet: string;
  policy: PackId;
  level: Level | null;
  /** The answers by the pack's field keys (text as read, hints removed). */
  fields: Readonly<Record<string, string>>;
  /** The recommender's order (1 first); forms without one follow in the order given. */
  rank?: number;
  /** Marked 重点推荐. */
  keyRecommended?: boolean;
}

/** A list row as the list template writes it, by the list's column keys. */
export type ListRow = Partial<Record<ListKey, string | number>>;

/** The lines above and below a list that the notice gives (推荐单位, 填写时间, 联系人 …), by the template's names. */
export type ListLines = Partial<Record<"recommender" | "date" | "contact" | "phone" | "applicant", string>>;

export interface ListBinding {
  /** Which application forms feed this list. */
  policy: PackId;
  /** The list's columns (keys) in order. */
  columns: readonly ListKey[];
  /** Builds the list with these rows (blank rows when none) and lines. */
  buildRows(rows: readonly ListRow[], lines: ListLines): SheetLayout;
  /** One list row from one application form's fields. */
  rowFromForm(form: ApplicationForm): ListRow;
  /** The lines above/below the list taken from the forms (e.g. 推荐单位 when they all name the same one). */
  linesFromForms(forms: readonly ApplicationForm[]): ListLines;
  /** Whether the list has a 重点推荐 column (the 15% quota applies). */
  keyColumn: boolean;
}

/** A blank application form and where each field's answer goes. */
export interface FormDraft {
  layout: SheetLayout;
  slots: Partial<Record<string, FormSlot>>;
}

export interface BuildOptions {
  /** Blank rows a list template prints (default: as many as the notice's attachment shows). */
  rows?: number;
}

/** One official table of a notice, as a template the product can insert blank or filled. */
export interface Template {
  /** Stable id, e.g. "sh-82-application". */
  id: string;
  policy: PackId;
  level: Level | null;
  table: TableKind;
  /** 附件N as the notice numbers it. */
  attachment: string;
  /** The table's title in the notice's words. */
  title: string;
  build(options?: BuildOptions): SheetLayout;
  /** Set for application forms: how a list row fills the form. */
  form?: { binding: FormBinding; draft(): FormDraft };
  /** Set for 推荐表/汇总表: how application forms fill the list. */
  list?: ListBinding;
}
