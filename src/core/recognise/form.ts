import type { Grid, RawCell } from "../grid/types";
import { cellText } from "../read/normalise";
import { normaliseLabel, stripHint } from "./labels";

/** A labelled field of a form. */
export interface FieldSpec<K extends string = string> {
  key: K;
  /** Label texts as normaliseLabel gives them. */
  labels: readonly string[];
  /** The block the label must sit in (单位名称 under 申报单位信息 is not 单位名称 under 推荐单位信息). */
  block?: string;
}

/** A block of a form: a label (often merged down several rows) whose rows hold the block's fields. */
export interface BlockSpec {
  key: string;
  labels: readonly string[];
}

export interface FormSpec<K extends string = string> {
  fields: readonly FieldSpec<K>[];
  blocks?: readonly BlockSpec[];
}

export interface FormField {
  labelRow: number;
  labelCol: number;
  valueRow: number;
  valueCol: number;
  /** The value as typed (for readers that need the number or date); a text cell when the value shared its cell
   * with the label ("申报时间：2026年4月1日") or with the template's hint. */
  cell: RawCell;
  /** The answer as text, with the template's hint removed; "" when not filled. */
  text: string;
}

export interface FormTable<K extends string = string> {
  fields: Map<K, FormField>;
  /** Every label the spec knows that was found, for recognition confidence. */
  found: number;
  blockRows: Map<string, { top: number; bottom: number; col: number }>;
}

const textCell = (text: string): RawCell => ({ value: text === "" ? null : text, text });

interface LabelHit {
  row: number;
  col: number;
  right: number;
  bottom: number;
  /** Set when the cell holds "label：value" together. */
  inline?: string;
}

const MAX_FORM_ROWS = 400;
const INLINE = /^([^:：]{2,20})[:：](.*)$/s;

/** Index every cell of the sheet's top part by its normalised label (top-left of merges only). */
export function indexLabels(grid: Grid): Map<string, LabelHit[]> {
  const index = new Map<string, LabelHit[]>();
  const add = (key: string, hit: LabelHit) => {
    if (key === "") return;
    const list = index.get(key);
    if (list) list.push(hit);
    else index.set(key, [hit]);
  };
  const rows = Math.min(grid.rowCount, MAX_FORM_ROWS);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < grid.colCount; col++) {
      const m = grid.mergeAt(row, col);
      if (m && (m.top !== row || m.left !== col)) continue;
      const text = cellText(grid.cell(row, col));
      if (text === "" || text.length > 60) continue;
      const right = m ? m.right : col;
      const bottom = m ? m.bottom : row;
      add(normaliseLabel(text), { row, col, right, bottom });
      // (INLINE needs a colon: most cells have none, and skip the regex.)
      const inline = text.indexOf(":") >= 0 || text.indexOf("：") >= 0 ? INLINE.exec(text) : null;
      if (inline)
        add(normaliseLabel(inline[1] ?? ""), { row, col, right, bottom, inline: (inline[2] ?? "").trim() });
    }
  }
  return index;
}

function blockRanges(grid: Grid, index: Map<string, LabelHit[]>, blocks: readonly BlockSpec[]) {
  const ranges = new Map<string, { top: number; bottom: number; col: number }>();
  for (const block of blocks) {
    const hit = block.labels.flatMap((l) => index.get(l) ?? [])[0];
    if (!hit) continue;
    let bottom = hit.bottom;
    if (bottom === hit.row) {
      // Not merged down: the block runs until the next non-empty cell in the same column.
      bottom = hit.row;
      for (let r = hit.row + 1; r < Math.min(grid.rowCount, hit.row + 12); r++) {
        const m = grid.mergeAt(r, hit.col);
        if (m && m.top < r) continue;
        if (cellText(grid.cell(r, hit.col)) !== "") break;
        bottom = r;
      }
    }
    ranges.set(block.key, { top: hit.row, bottom, col: hit.col });
  }
  return ranges;
}

function valueOf(grid: Grid, hit: LabelHit): FormField {
  if (hit.inline !== undefined) {
    const text = stripHint(hit.inline.replace(/^[_\s]+|[_\s]+$/g, ""));
    return {
      labelRow: hit.row,
      labelCol: hit.col,
      valueRow: hit.row,
      valueCol: hit.col,
      cell: textCell(text),
      text,
    };
  }
  let valueRow = hit.row;
  let valueCol = hit.right + 1;
  if (valueCol >= grid.colCount) {
    // The label spans the form's width: the answer is underneath.
    valueRow = hit.bottom + 1;
    valueCol = hit.col;
  }
  if (valueRow >= grid.rowCount) {
    // A label in the last row and column has no answer cell at all: the answer is missing, and said at the label.
    return {
      labelRow: hit.row,
      labelCol: hit.col,
      valueRow: hit.row,
      valueCol: hit.col,
      cell: textCell(""),
      text: "",
    };
  }
  const m = grid.mergeAt(valueRow, valueCol);
  if (m) {
    valueRow = m.top;
    valueCol = m.left;
  }
  const raw = grid.cell(valueRow, valueCol);
  const full = cellText(raw);
  const text = stripHint(full);
  // Readers see the answer only: the template's hint is not part of what the user typed.
  const cell = text === full ? raw : textCell(text);
  return { labelRow: hit.row, labelCol: hit.col, valueRow, valueCol, cell, text };
}

/**
 * Find each field of a form by its label wherever the user put it and read the value beside it
 * (or below it when the label spans the width). Fields of a block are looked for only inside that block.
 */
export function readForm<K extends string>(
  grid: Grid,
  spec: FormSpec<K>,
  index = indexLabels(grid),
): FormTable<K> {
  const blocks = blockRanges(grid, index, spec.blocks ?? []);
  const inBlock = (hit: LabelHit, key: string) => {
    const b = blocks.get(key);
    return b !== undefined && hit.row >= b.top && hit.row <= b.bottom && hit.col > b.col;
  };
  const inAnyBlock = (hit: LabelHit) => [...blocks.keys()].some((k) => inBlock(hit, k));
  const fields = new Map<K, FormField>();
  let found = 0;
  for (const field of spec.fields) {
    const hits = field.labels.flatMap((l) => index.get(l) ?? []);
    let hit: LabelHit | undefined;
    if (field.block !== undefined) hit = hits.find((h) => inBlock(h, field.block as string));
    else hit = hits.find((h) => !inAnyBlock(h)) ?? hits[0];
    if (!hit) continue;
    found++;
    const value = valueOf(grid, hit);
    // A formula never calculated: the answer is unknown, so the field is left to no rule at all.
    if (value.cell.uncalculated) continue;
    fields.set(field.key, value);
  }
  return { fields, found, blockRows: blocks };
}
