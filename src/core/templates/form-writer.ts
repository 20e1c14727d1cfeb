import { LayoutBuilder } from "./builder";
import type { CellStyle, SheetLayout } from "./layout";
import { heightForLines } from "./measure";
import { mergedDown, STYLES } from "./styles";
import type { FormDraft, FormSlot } from "./types";

/** A field of a form row: its label, the blank as the notice prints it, and the field key it answers. */
export interface FieldCell {
  label: string;
  /** The blank's own text: a hint "（X 天）", a □ group, or "" for an empty cell. */
  value?: string;
  key?: string;
  slot?: Partial<FormSlot>;
  /** Long answers: text from the top of the cell and at least this many lines of room. */
  lines?: number;
  /** The value cell's look when it differs from the usual (e.g. a stamp line at the bottom right). */
  style?: CellStyle;
}

/** A row inside a block (申报单位信息 …): one field across the width, or two side by side. */
export type BlockRow = FieldCell | [FieldCell, FieldCell];

/**
 * Writes the label/value grid of the application forms (上海附件2, 福建附件1/2, 湖北申报表) top to bottom: five
 * columns — block label, field label, value, second label, second value — and records where each answer goes.
 */
export class FormWriter {
  readonly builder: LayoutBuilder;
  readonly slots: Record<string, FormSlot> = {};
  private next = 0;

  constructor(name: string, widths: readonly number[] = [10, 15, 26, 14, 25]) {
    this.builder = new LayoutBuilder(name, widths);
  }

  get row(): number {
    return this.next;
  }

  private slot(
    key: string | undefined,
    row: number,
    col: number,
    extra: Partial<FormSlot> | undefined,
  ): void {
    if (key === undefined) return;
    this.slots[key] = { row, col, kind: "text", ...extra };
  }

  private valueStyle(field: FieldCell): CellStyle {
    if (field.style) return field.style;
    return field.lines !== undefined && field.lines > 1 ? STYLES.long : STYLES.value;
  }

  private room(row: number, field: FieldCell): void {
    if (field.lines !== undefined) this.builder.minHeight(row, heightForLines(field.lines));
  }

  /** 附件N above the title. */
  attachment(text: string): void {
    this.builder.line(this.next++, text, STYLES.attachment);
  }

  title(text: string): void {
    this.builder.line(this.next++, text, STYLES.title);
  }

  /** A "申报单位：____" line between the title and the grid; its answer goes after the prefix. */
  line(text: string, key?: string, prefix?: string): void {
    const row = this.next++;
    this.builder.line(row, text, STYLES.line);
    this.slot(key, row, 0, { kind: "inline", prefix: prefix ?? text });
  }

  /** One field across the form: label over the first `labelCols` columns, value over the rest. */
  wide(field: FieldCell, labelCols = 2): void {
    const b = this.builder;
    const row = this.next++;
    b.put(row, 0, field.label, STYLES.label, { cols: labelCols });
    b.put(row, labelCols, field.value, this.valueStyle(field), { cols: b.width - labelCols });
    this.slot(field.key, row, labelCols, field.slot);
    this.room(row, field);
  }

  /** Two fields side by side: label A:B, value C, label D, value E. */
  pair(left: FieldCell, right: FieldCell): void {
    const b = this.builder;
    const row = this.next++;
    b.put(row, 0, left.label, STYLES.label, { cols: 2 });
    b.put(row, 2, left.value, this.valueStyle(left));
    b.put(row, 3, right.label, STYLES.label);
    b.put(row, 4, right.value, this.valueStyle(right));
    this.slot(left.key, row, 2, left.slot);
    this.slot(right.key, row, 4, right.slot);
    this.room(row, left);
    this.room(row, right);
  }

  /** A block: its label in column A merged down its rows, each row a field across B:E or two fields. */
  block(label: string, rows: readonly BlockRow[]): void {
    const b = this.builder;
    const top = this.next;
    b.put(top, 0, label, mergedDown(STYLES.label, rows.length), { rows: rows.length });
    for (const r of rows) {
      const row = this.next++;
      if (Array.isArray(r)) {
        const [left, right] = r;
        b.put(row, 1, left.label, STYLES.label);
        b.put(row, 2, left.value, this.valueStyle(left));
        b.put(row, 3, right.label, STYLES.label);
        b.put(row, 4, right.value, this.valueStyle(right));
        this.slot(left.key, row, 2, left.slot);
        this.slot(right.key, row, 4, right.slot);
        this.room(row, left);
        this.room(row, right);
      } else {
        const field = r as FieldCell;
        b.put(row, 1, field.label, STYLES.label);
        b.put(row, 2, field.value, this.valueStyle(field), { cols: b.width - 2 });
        this.slot(field.key, row, 2, field.slot);
        this.room(row, field);
      }
    }
  }

  /** The notes under the table (注, 填表说明): one cell across the width, so a page break never splits them. */
  notes(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.builder.fixHeight(this.next++, 8);
    this.builder.line(this.next++, lines.join("\n"), STYLES.note);
  }

  /** Skips a row (spacing). */
  gap(points = 8): void {
    this.builder.fixHeight(this.next++, points);
  }

  /** The finished form (A4 portrait, one page wide) and its slots. */
  finish(): FormDraft {
    const layout: SheetLayout = this.builder.build({ orientation: "portrait" });
    return { layout, slots: { ...this.slots } };
  }
}
