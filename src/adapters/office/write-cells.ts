import type { MergeArea } from "../../core/grid/types";
import type { CellWrite } from "../../core/port";
import { cellKey, cellRects, keyToCell, rectAddress } from "./addresses";
import { REQUEST_BUDGET } from "./marks";

/** A value as it goes into Range.values. */
export type CellInput = string | number;

/** One range write: a rectangle every cell of which is written, and its values row by row. */
export interface WriteBlock {
  rect: MergeArea;
  values: CellInput[][];
  /** Estimated bytes of the write in a request. */
  bytes: number;
}

/**
 * Estimated bytes of one range write besides its values: the object path of `getRange(address)` and the
 * SetProperty action of `values` (calibrated on the simulator's model of the Office.js request format).
 */
const BLOCK_OVERHEAD = 300;

// Made on first use: importing the adapter (the pane does, for 自检) must not need TextEncoder before it is used.
let encoder: TextEncoder | undefined;
const utf8 = { encode: (s: string) => (encoder ??= new TextEncoder()).encode(s) };
const bytesOf = (values: CellInput[][]) => utf8.encode(JSON.stringify(values)).length + BLOCK_OVERHEAD;

/**
 * Text Excel could read as something else when it is written through Range.values, which reads strings as it
 * reads typed input: "=…", "+…", "-…", "@…" become formulas, "001" or "1,5" or "50%" numbers, "2025-3-1" or "3月1日"
 * dates, "TRUE" a boolean, "#N/A" an error, and a leading apostrophe is taken as the text mark. The full-width
 * forms count too (Chinese input methods produce them and Excel reads them as their ASCII twins). Anything with a
 * digit is held suspect: Excel's readings of numbers, dates and times depend on the locale and cannot all be
 * foreseen, so they are not imitated here.
 */
const SPECIAL_START = /^[=+\-@'#＝＋－＠＃]/;
const DIGIT = /[0-9０-９]/;
const BOOLEAN = /^\s*(true|false|ｔｒｕｅ|ｆａｌｓｅ)\s*$/i;

export function needsTextMark(text: string): boolean {
  return SPECIAL_START.test(text) || DIGIT.test(text) || BOOLEAN.test(text);
}

/** A value passed to writeCells that no cell can hold (a programmer fault). */
export class CellValueError extends Error {
  override name = "CellValueError";
}

/**
 * What to put into Range.values so that the cell holds exactly `value`. Text that Excel could read otherwise gets a
 * leading apostrophe, Excel's own text mark: it is not part of the value (the cell's value is the text as given) and,
 * unlike the text number format "@", leaves the cell's format as the user had it (a later number typed there is
 * still a number). `null` becomes "", which empties the cell (null in Range.values would leave it as it is).
 */
export function cellInput(value: string | number | null): CellInput {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new CellValueError(`A cell cannot hold the number ${value}.`);
    return value;
  }
  return needsTextMark(value) ? `'${value}` : value;
}

function blockOf(rect: MergeArea, inputs: ReadonlyMap<number, CellInput>): WriteBlock {
  const values: CellInput[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: CellInput[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(inputs.get(cellKey(r, c)) ?? "");
    values.push(line);
  }
  return { rect, values, bytes: bytesOf(values) };
}

/** A single row too large for a request on its own (very long texts side by side): halved by columns. */
function splitRow(block: WriteBlock, inputs: ReadonlyMap<number, CellInput>, budget: number): WriteBlock[] {
  const { rect } = block;
  if (block.bytes <= budget || rect.left === rect.right) return [block];
  const middle = rect.left + Math.floor((rect.right - rect.left) / 2);
  return [
    { ...rect, right: middle },
    { ...rect, left: middle + 1 },
  ].flatMap((half) => splitRow(blockOf(half, inputs), inputs, budget));
}

/**
 * The writes as range writes grouped into requests. Cells are covered by rectangles every cell of which is
 * written (column runs, joined across neighbouring columns with the same runs), so no other cell is touched; a
 * cell written twice keeps the last value. Requests are filled up to `budget` estimated bytes, a rectangle cut
 * into bands of rows where it does not fit whole: one request for any number of writes that fits Excel on the
 * web's 5 MB, as few as the bytes need beyond.
 */
export function planWrites(writes: readonly CellWrite[], budget = REQUEST_BUDGET): WriteBlock[][] {
  const inputs = new Map<number, CellInput>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0)
      throw new CellValueError(`There is no cell at row ${w.row}, column ${w.col}.`);
    inputs.set(cellKey(w.row, w.col), cellInput(w.value));
  }
  const requests: WriteBlock[][] = [];
  let current: WriteBlock[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) requests.push(current);
    current = [];
    used = 0;
  };
  const add = (block: WriteBlock) => {
    current.push(block);
    used += block.bytes;
  };
  for (const rect of cellRects([...inputs.keys()].map(keyToCell))) {
    const whole = blockOf(rect, inputs);
    // Bytes of each row inside the values array (its JSON and a comma).
    const rowBytes = whole.values.map((line) => utf8.encode(JSON.stringify(line)).length + 1);
    let start = 0;
    while (start < rowBytes.length) {
      let bytes = BLOCK_OVERHEAD + 2;
      let end = start;
      while (end < rowBytes.length && used + bytes + (rowBytes[end] ?? 0) <= budget)
        bytes += rowBytes[end++] ?? 0;
      if (end > start) {
        add(blockOf({ ...rect, top: rect.top + start, bottom: rect.top + end - 1 }, inputs));
        start = end;
      } else if (current.length > 0) flush();
      else {
        // Not even one row fits an empty request: that row goes in pieces, each a request of its own.
        const row = blockOf({ ...rect, top: rect.top + start, bottom: rect.top + start }, inputs);
        for (const piece of splitRow(row, inputs, budget)) {
          add(piece);
          flush();
        }
        start++;
      }
    }
  }
  flush();
  return requests;
}

/** Queues the range writes of one request. */
export function queueWrites(ws: Excel.Worksheet, blocks: readonly WriteBlock[]): void {
  for (const block of blocks) ws.getRange(rectAddress(block.rect)).values = block.values;
}

function slice(block: WriteBlock, rows: [number, number], cols: [number, number]): WriteBlock {
  const { rect } = block;
  const values = block.values
    .slice(rows[0] - rect.top, rows[1] - rect.top + 1)
    .map((line) => line.slice(cols[0] - rect.left, cols[1] - rect.left + 1));
  return {
    rect: { top: rows[0], bottom: rows[1], left: cols[0], right: cols[1] },
    values,
    bytes: utf8.encode(JSON.stringify(values)).length + BLOCK_OVERHEAD,
  };
}

/**
 * A request Excel refused as too large, as two requests of about half the size: its blocks shared out, or its one
 * block cut in two by rows (by columns when it is one row). Undefined for a single cell, which cannot be cut.
 */
export function halveRequest(blocks: readonly WriteBlock[]): WriteBlock[][] | undefined {
  if (blocks.length > 1) {
    const middle = Math.ceil(blocks.length / 2);
    return [blocks.slice(0, middle), blocks.slice(middle)];
  }
  const [block] = blocks;
  if (!block) return undefined;
  const { top, bottom, left, right } = block.rect;
  if (bottom > top) {
    const cut = top + Math.floor((bottom - top) / 2);
    return [[slice(block, [top, cut], [left, right])], [slice(block, [cut + 1, bottom], [left, right])]];
  }
  if (right > left) {
    const cut = left + Math.floor((right - left) / 2);
    return [[slice(block, [top, bottom], [left, cut])], [slice(block, [top, bottom], [cut + 1, right])]];
  }
  return undefined;
}
