// The □ groups of a sheet, for the 勾选 helper: which cells hold options to tick, and what ticking one writes.

import type { Grid } from "../core/grid/types";
import { cellText } from "../core/read/normalise";
import { readChoices, type ChoiceLayout, type ChoiceOption } from "../core/read/choice";
import { tickOption } from "../core/templates";

export interface ChoiceCell {
  row: number;
  col: number;
  text: string;
  layout: ChoiceLayout;
  options: ChoiceOption[];
}

const BOX = /[□☐☑☒■▣]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether the boxes of a cell stand before their options ("□是 □否") or after them ("初级□ 中级□"): the side where
 * most boxes touch a word. The template's own slot says so for its forms; a user's sheet has only its text.
 */
export function guessChoiceLayout(text: string): ChoiceLayout {
  let before = 0;
  let after = 0;
  for (let i = 0; i < text.length; i++) {
    if (!BOX.test(text[i] ?? "")) continue;
    if (WORD.test(text[i + 1] ?? "")) before++;
    if (WORD.test(text[i - 1] ?? "")) after++;
  }
  return after > before ? "box-after" : "box-before";
}

// Brackets and punctuation that close a group ("□是 □否）") are not part of an option's words.
const LABEL_EDGES = /^[\s()（）[\]【】:：,，;；、.。]+|[\s()（）[\]【】:：,，;；、.。]+$/g;

/**
 * The options of a cell as the user should see them. Lines are read one at a time, since an option ends at its line
 * (a note on the next line is not part of the last option's words).
 */
export function choiceOptions(text: string, layout: ChoiceLayout): ChoiceOption[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => readChoices(line, layout))
    .map((o) => ({ ...o, label: o.label.replace(LABEL_EDGES, "") }))
    .filter((o) => o.label !== "");
}

/** Every cell of the sheet whose text is a □ group of at least two options, in reading order. */
export function findChoiceCells(grid: Grid): ChoiceCell[] {
  const cells: ChoiceCell[] = [];
  for (let row = 0; row < grid.rowCount; row++) {
    for (let col = 0; col < grid.colCount; col++) {
      const merge = grid.mergeAt(row, col);
      if (merge && (merge.top !== row || merge.left !== col)) continue;
      const cell = grid.cell(row, col);
      // The text as typed (not trimmed): ticking writes it back, and must change nothing but the boxes.
      const text = typeof cell.value === "string" ? cell.value : cellText(cell);
      if (!BOX.test(text)) continue;
      const layout = guessChoiceLayout(text);
      const options = choiceOptions(text, layout);
      if (options.length >= 2) cells.push({ row, col, text, layout, options });
    }
  }
  return cells;
}

/** The cell's text after ticking one option; in a single-choice group the other options of its group are cleared. */
export function tickedText(cell: ChoiceCell, option: string, single: boolean): string {
  return tickOption(cell.text, option, single, cell.layout);
}
