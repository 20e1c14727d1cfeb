import type { ListKey } from "../recognise/columns";
import { LayoutBuilder } from "./builder";
import type { CellStyle, ListValidation, SheetLayout } from "./layout";
import { STYLES } from "./styles";
import type { ListRow } from "./types";

export interface ListColumnSpec {
  key: ListKey;
  label: string;
  /** Width in characters. */
  width: number;
  centred?: boolean;
  /** Dropdown choices for the column's cells. */
  choices?: { list: readonly string[]; prompt?: string; errorStyle?: ListValidation["errorStyle"] };
}

/** A line above or below a list: across the width, or split into a left and a right part at column `split`. */
export type ListLine = string | { left: string; right: string; split: number };

export interface ListSpec {
  name: string;
  attachment: string;
  title: string;
  columns: readonly ListColumnSpec[];
  above: readonly ListLine[];
  below: readonly ListLine[];
  /** 注 lines under everything, in the note style. */
  notes?: readonly string[];
  orientation: "portrait" | "landscape";
  rows: readonly ListRow[];
}

function writeLine(b: LayoutBuilder, row: number, line: ListLine, style: CellStyle): void {
  if (typeof line === "string") {
    b.line(row, line, style);
    return;
  }
  b.put(row, 0, line.left, style, { cols: line.split, border: false });
  b.put(
    row,
    line.split,
    line.right,
    { ...style, hAlign: "left" },
    { cols: b.width - line.split, border: false },
  );
}

/**
 * A list as the notices print it: 附件N, the title, the lines above (推荐单位, 填写时间), the header row (repeated on
 * every printed page), one bordered row per project, the lines below (联系人, 盖章, 日期) and the 注.
 */
export function writeList(spec: ListSpec): { layout: SheetLayout; headerRow: number; firstRow: number } {
  const b = new LayoutBuilder(
    spec.name,
    spec.columns.map((c) => c.width),
  );
  let row = 0;
  b.line(row++, spec.attachment, STYLES.attachment);
  b.line(row++, spec.title, STYLES.title);
  for (const line of spec.above) writeLine(b, row++, line, STYLES.line);
  const headerRow = row++;
  spec.columns.forEach((c, col) => b.put(headerRow, col, c.label, STYLES.header));
  b.minHeight(headerRow, 30);
  const firstRow = row;
  for (const data of spec.rows) {
    spec.columns.forEach((c, col) => b.put(row, col, data[c.key], c.centred ? STYLES.centred : STYLES.value));
    b.minHeight(row, 28);
    row++;
  }
  const lastRow = row - 1;
  spec.columns.forEach((c, col) => {
    if (!c.choices || lastRow < firstRow) return;
    const validation: ListValidation = {
      area: { top: firstRow, left: col, bottom: lastRow, right: col },
      list: [...c.choices.list],
    };
    if (c.choices.prompt !== undefined) validation.prompt = c.choices.prompt;
    if (c.choices.errorStyle) validation.errorStyle = c.choices.errorStyle;
    b.validate(validation);
  });
  if (spec.below.length > 0) b.fixHeight(row++, 8);
  for (const line of spec.below) {
    b.minHeight(row, 24);
    writeLine(b, row++, line, STYLES.line);
  }
  // The notes are one cell, so a page break never splits them.
  if (spec.notes && spec.notes.length > 0) writeLine(b, row++, spec.notes.join("\n"), STYLES.note);
  const layout = b.build({ orientation: spec.orientation, repeatRows: [headerRow, headerRow] });
  return { layout, headerRow, firstRow };
}
