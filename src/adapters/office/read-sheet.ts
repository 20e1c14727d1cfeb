import { columnLetters, toRangeA1 } from "../../core/grid/a1";
import { makeGrid } from "../../core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../core/grid/types";
import { isDateFormat } from "../../core/read/date";
import { parseAddressList } from "./addresses";
import { NullReadError, isExcelError, isReadTooLarge } from "./errors";

/** Excel on the web's cap on one response (and one request): 5 MB. */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Blocks are sized to fill this share of the cap, by the bytes the cells read so far took. */
export const BLOCK_FILL = 0.95;
/** The share of measured bytes a block is allowed to grow by (longer numbers further down a list). */
const GROWTH = 1.02;
/**
 * The first request reads, with the used range's size, its first PROBE_ROWS rows of at most PROBE_COLS columns: the
 * whole of most sheets (a list of 10,000 projects of 13 columns, with its title and header rows), a measure of the
 * cells of the others. At most 192,000 cells: about 3-4 MB of ordinary cells, so it fits a response unless they
 * average over 27 bytes (a list whose every column holds long texts), when it is asked for again eight times smaller.
 */
export const PROBE_ROWS = 12_000;
export const PROBE_COLS = 16;
/** The box of the first request's block: rows and columns counted from A1. */
export interface ProbeBox {
  rows: number;
  cols: number;
}

export const DEFAULT_PROBE: Readonly<ProbeBox> = Object.freeze({ rows: PROBE_ROWS, cols: PROBE_COLS });

/** What a sheet's last reading found: where its used range starts, its width and the bytes its cells took. */
export interface SheetShape {
  top: number;
  left: number;
  cols: number;
  perCell: number;
}

/**
 * The first block for a sheet read before: as many of its rows, at its known width, as fill one response by the
 * bytes its cells took last time (all of a sheet that fits, as one request). Unknown sheets get DEFAULT_PROBE.
 */
export function probeFor(shape: SheetShape | undefined): ProbeBox {
  if (!shape || shape.cols < 1) return DEFAULT_PROBE;
  const perRow = shape.cols * Math.max(1, shape.perCell) * GROWTH;
  const rows = Math.min(
    Math.floor((RESPONSE_LIMIT_BYTES * BLOCK_FILL) / perRow),
    Math.floor(MAX_BLOCK_CELLS / shape.cols),
  );
  if (rows < 1) return DEFAULT_PROBE;
  return { rows: shape.top + rows, cols: shape.left + shape.cols };
}

/** Bytes a cell is taken to need before any has been measured (the probe found nothing to measure). */
const UNMEASURED_CELL_BYTES = 64;
/** Excel answers a read of more than 5,000,000 cells with null: no block asks for more than this. */
const MAX_BLOCK_CELLS = 1_000_000;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial number as a UTC date (serials before 1900-03-01 skip Excel's fictitious 1900-02-29). */
export function serialToDate(serial: number): Date {
  const base = serial < 60 ? EXCEL_EPOCH_MS + 86_400_000 : EXCEL_EPOCH_MS;
  return new Date(base + Math.round(serial * 86_400_000));
}

export interface ReadOptions {
  /** getSpecialCells (ExcelApi 1.9) is there: load text and number formats for numeric cells only. */
  special: boolean;
  /** getMergedAreasOrNullObject (ExcelApi 1.13) is there. */
  merges: boolean;
  /** The sheet is known (from an earlier read) to be too large for one request: go straight to row blocks. */
  blocks?: boolean;
}

/** Used cells up to which a sheet is read in one request (beyond, a 5 MB response is unlikely to hold it). */
export const ONE_REQUEST_CELLS = 200_000;

/** What one request brings back for a block of rows. */
interface Loaded {
  top: number;
  left: number;
  values: unknown[][];
  /** Text and number format, for every cell (no getSpecialCells) or for the numeric areas. */
  full?: { text: string[][]; numberFormat: string[][] };
  numeric: Array<{ address: string; text: string[][]; numberFormat: string[][] }>;
}

/**
 * Queues the loads for one range: its values, and text plus number format either of every cell or, where
 * getSpecialCells exists, of the numeric cells only. Strings display as themselves, so loading their text
 * again would double the response for nothing; that keeps a 200,000-cell sheet inside one 5 MB response.
 */
function queueLoad(range: Excel.Range, options: ReadOptions): () => Loaded {
  range.load(
    options.special ? "rowIndex,columnIndex,values" : "rowIndex,columnIndex,values,text,numberFormat",
  );
  const areas = options.special
    ? [
        range.getSpecialCellsOrNullObject("Constants", "Numbers"),
        range.getSpecialCellsOrNullObject("Formulas", "Numbers"),
      ]
    : [];
  for (const a of areas) a.areas.load("address,text,numberFormat");
  return () => {
    // Over Excel's 5,000,000 cells a read may come back as null rather than fail: the caller reads smaller blocks.
    if (!Array.isArray(range.values)) throw new NullReadError("Excel answered the read with no values");
    const loaded: Loaded = {
      top: range.rowIndex,
      left: range.columnIndex,
      values: range.values,
      numeric: [],
    };
    if (!options.special) loaded.full = { text: range.text, numberFormat: range.numberFormat };
    for (const a of areas) {
      if (a.isNullObject) continue;
      for (const area of a.areas.items)
        loaded.numeric.push({ address: area.address, text: area.text, numberFormat: area.numberFormat });
    }
    return loaded;
  };
}

function rawFromValue(value: unknown): RawCell | undefined {
  if (value === "" || value === null || value === undefined) return undefined;
  if (typeof value === "string") return { value, text: value };
  if (typeof value === "boolean") return { value, text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number") return { value, text: String(value) };
  return { value: String(value), text: String(value) };
}

function withFormat(cell: RawCell, text: string | undefined, numberFormat: string | undefined): RawCell {
  const out: RawCell = { value: cell.value, text: text ?? cell.text };
  if (numberFormat !== undefined) {
    out.numberFormat = numberFormat;
    if (typeof cell.value === "number" && isDateFormat(numberFormat))
      out.value = serialToDate(cell.value) as CellValue;
  }
  return out;
}

/** Puts one loaded block into the sheet-wide rows (0-based sheet coordinates). */
function place(rows: Array<Array<RawCell | undefined>>, block: Loaded): void {
  block.values.forEach((line, r) => {
    const row = block.top + r;
    let target = rows[row];
    line.forEach((v, c) => {
      let cell = rawFromValue(v);
      if (!cell) return;
      if (block.full) cell = withFormat(cell, block.full.text[r]?.[c], block.full.numberFormat[r]?.[c]);
      if (!target) target = rows[row] = [];
      target[block.left + c] = cell;
    });
  });
  for (const area of block.numeric) {
    const rect = parseAddressList(area.address)[0];
    if (!rect) continue;
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const line = rows[r];
        const cell = line?.[c];
        if (!line || !cell) continue;
        line[c] = withFormat(
          cell,
          area.text[r - rect.top]?.[c - rect.left],
          area.numberFormat[r - rect.top]?.[c - rect.left],
        );
      }
  }
}

function mergesFrom(address: string | undefined): MergeArea[] {
  return address ? parseAddressList(address) : [];
}

/** makeGrid wants an array per row; rows with nothing in them are left as holes while placing blocks. */
function filled(rows: Array<Array<RawCell | undefined>>): Array<Array<RawCell | undefined>> {
  return Array.from(rows, (row) => row ?? []);
}

/** What the first request brings back: the used range, its first block (the probe) and the merged areas. */
export interface SheetStart {
  top: number;
  left: number;
  rows: number;
  cols: number;
  probe: Loaded;
  merges: MergeArea[];
}

/**
 * Queues, into the request about to be sent, the first read of a worksheet: its used range's position and size, its
 * first block of cells (the used range within the probe's box of rows and columns, counted from A1 or
 * from the used range's top-left cell when that lies further out) and its merged areas. Bounded whatever the sheet:
 * the rest is read by finishSheet in blocks sized from what this one measured.
 */
export function queueSheetStart(
  ws: Excel.Worksheet,
  options: ReadOptions,
  probe: ProbeBox = DEFAULT_PROBE,
): () => SheetStart {
  const used = ws.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  // The box and the used range's first cell: their bounding rectangle always meets the used range, so the probe is
  // never empty, and it never reaches further than the box or the first cell's own row and column.
  const box = ws
    .getRange(
      `A1:${columnLetters(Math.min(16_384, Math.max(1, probe.cols)) - 1)}${Math.min(1_048_576, Math.max(1, probe.rows))}`,
    )
    .getBoundingRect(used.getCell(0, 0));
  const take = queueLoad(used.getIntersection(box), options);
  const merged = options.merges ? ws.getRange().getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  // Read once the caller has synced (the lint rule cannot see through the returned function).
  /* eslint-disable office-addins/call-sync-before-read */
  return () => ({
    top: used.rowIndex,
    left: used.columnIndex,
    rows: used.rowCount,
    cols: used.columnCount,
    probe: take(),
    merges: merged && !merged.isNullObject ? mergesFrom(merged.address) : [],
  });
  /* eslint-enable office-addins/call-sync-before-read */
}

/**
 * Reads a sheet's values, displayed text, number formats and merged areas as a core Grid. The first request brings
 * the used range's size with a first block (queueSheetStart): the whole of most sheets. A larger sheet is read on
 * in blocks sized to fill Excel on the web's 5 MB response by the bytes its cells took so far (Excel on the desktop
 * has no cap; the blocks are as few there). `extras` queues further loads into the first request and returns what
 * to do with them once it is back.
 */
export async function readSheetGrid(
  context: Excel.RequestContext,
  sheet: string,
  options: ReadOptions,
  extras?: () => () => void,
  read: { probe?: ProbeBox; measured?: (shape: SheetShape) => void } = {},
): Promise<Grid> {
  const probe = read.probe ?? DEFAULT_PROBE;
  const ws = context.workbook.worksheets.getItem(sheet);
  const takeExtras = extras?.();
  const takeStart = queueSheetStart(ws, options, probe);
  let start: SheetStart;
  try {
    await context.sync();
    start = takeStart();
  } catch (e) {
    // A first block of long texts too large for one answer: a smaller one (the rest is read in blocks all the same).
    if (isReadTooLarge(e) && probe.rows > 1)
      return readSheetGrid(context, sheet, options, extras, {
        ...read,
        probe: { ...probe, rows: Math.floor(probe.rows / 8) },
      });
    // The merged areas may be what failed (more than 512): the rest again without them, then the merges apart.
    if (!options.merges || !isExcelError(e)) throw e;
    const grid = await readSheetGrid(context, sheet, { ...options, merges: false }, extras, read);
    return withMerges(grid, await readMergesApart(context, ws, grid.rowCount));
  }
  takeExtras?.();
  return finishSheet(context, ws, sheet, start, options, read.measured);
}

/** The grid with merged areas read apart. */
export function withMerges(grid: Grid, merges: MergeArea[]): Grid {
  const index = makeGrid(grid.name, [], merges);
  return {
    name: grid.name,
    rowCount: Math.max(grid.rowCount, index.rowCount),
    colCount: Math.max(grid.colCount, index.colCount),
    merges: index.merges,
    cell: (row, col) => grid.cell(row, col),
    rowWidth: (row) => grid.rowWidth(row),
    mergeAt: (row, col) => index.mergeAt(row, col),
  };
}

/**
 * The merged areas of a worksheet, read apart from its cells for when one getMergedAreasOrNullObject over the sheet
 * fails (Excel's reference: it fails beyond 512 merged areas; a list with a merged 推荐单位 per group passes that
 * easily). Row bands are asked for, each halved until Excel answers. A band finds the areas whose top-left cell lies
 * in it (office-js #3611), so every area is found once. A single row Excel still refuses keeps its cells unmerged.
 */
export async function readMergesApart(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  rows: number,
): Promise<MergeArea[]> {
  const out: MergeArea[] = [];
  const band = async (top: number, bottom: number): Promise<void> => {
    const merged = ws.getRange(`${top + 1}:${bottom + 1}`).getMergedAreasOrNullObject();
    merged.load("address");
    try {
      await context.sync();
    } catch (e) {
      if (!isExcelError(e) || SHEET_GONE.has(e.code)) throw e;
      if (top === bottom) return;
      const middle = top + Math.floor((bottom - top) / 2);
      await band(top, middle);
      return band(middle + 1, bottom);
    }
    if (!merged.isNullObject) out.push(...mergesFrom(merged.address));
  };
  // The first band is a twentieth of the rows (a few hundred merges each on a list merged per group), halved on.
  const size = Math.max(1, Math.ceil(rows / 20));
  const from = async (top: number): Promise<void> => {
    if (top >= rows) return;
    await band(top, Math.min(rows, top + size) - 1);
    return from(top + size);
  };
  await from(0);
  return out;
}

/** Errors that no smaller request would avoid. */
const SHEET_GONE: ReadonlySet<string> = new Set([
  "ItemNotFound",
  "InvalidOperationInCellEditMode",
  "ApiNotFound",
]);

/** UTF-8 bytes of a string, as the response counts them. */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Two more bytes for most of the BMP, one for U+0080-U+07FF; a surrogate pair is 4 bytes for 2 units.
    if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c >= 0x80 && c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) n += 0;
    else if (c >= 0xdc00 && c <= 0xdfff) n += 1;
  }
  return n;
}

/** The bytes of the rows of a 2-D answer, from a sample of its rows (every row of a short one), and the most any
 * sampled row took per cell. */
function gridBytes(grid: ReadonlyArray<readonly unknown[]> | undefined): {
  bytes: number;
  rowPerCell: number;
} {
  if (!grid || grid.length === 0) return { bytes: 0, rowPerCell: 0 };
  const step = Math.max(1, Math.floor(grid.length / 256));
  let bytes = 0;
  let sampled = 0;
  let rowPerCell = 0;
  for (let r = 0; r < grid.length; r += step) {
    const row = grid[r] ?? [];
    const b = utf8Length(JSON.stringify(row)) + 1;
    bytes += b;
    sampled++;
    if (row.length > 0) rowPerCell = Math.max(rowPerCell, b / row.length);
  }
  return { bytes: (bytes * grid.length) / sampled, rowPerCell };
}

/**
 * About the bytes of the answer that brought a block (what a response is sized by), and the most bytes per cell of
 * any of its rows sampled: what a row read in bands of its columns is sized by.
 */
export function loadedBytes(block: Loaded): { bytes: number; rowPerCell: number } {
  const parts = [gridBytes(block.values)];
  if (block.full) parts.push(gridBytes(block.full.text), gridBytes(block.full.numberFormat));
  let bytes = 0;
  for (const area of block.numeric) {
    bytes += utf8Length(area.address);
    parts.push(gridBytes(area.text), gridBytes(area.numberFormat));
  }
  let rowPerCell = 0;
  for (const p of parts) {
    bytes += p.bytes;
    rowPerCell += p.rowPerCell;
  }
  return { bytes, rowPerCell };
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Reads what the first request left of the used range, in blocks: rows of the whole width sized to fill a
 * response by the bytes per cell measured so far (the larger of the last block's and the average, with room for
 * growth), or, when one row is too much for a response, bands of a row's columns. A block Excel still refuses is
 * halved (cells far longer than those before them); one request per block, in sequence.
 */
export async function finishSheet(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  start: SheetStart,
  options: ReadOptions,
  measured?: (shape: SheetShape) => void,
): Promise<Grid> {
  const rows: Array<Array<RawCell | undefined>> = [];
  const probe = start.probe;
  place(rows, probe);
  const probeRows = probe.values.length;
  const probeCols = probe.values[0]?.length ?? 0;
  const first = loadedBytes(probe);
  let totalBytes = first.bytes;
  let totalCells = probeRows * probeCols;
  let lastPerCell = totalCells > 0 ? totalBytes / totalCells : 0;
  // The densest row seen: a row too long for one response is cut into bands by it, not by the average.
  let rowPerCell = first.rowPerCell;
  const perCell = () =>
    totalCells === 0 ? UNMEASURED_CELL_BYTES : Math.max(lastPerCell, totalBytes / totalCells, 1) * GROWTH;
  const bandPerCell = () => Math.max(perCell(), rowPerCell * GROWTH, 1);
  const budget = RESPONSE_LIMIT_BYTES * BLOCK_FILL;

  const right = start.left + start.cols - 1;
  const bottom = start.top + start.rows - 1;
  const pending: Rect[] = [];
  // Right of the probe in its rows (a sheet wider than PROBE_COLS), then every row below it.
  if (probe.left + probeCols - 1 < right)
    pending.push({ top: probe.top, bottom: probe.top + probeRows - 1, left: probe.left + probeCols, right });
  if (probe.top + probeRows - 1 < bottom)
    pending.push({ top: probe.top + probeRows, bottom, left: start.left, right });

  const read = async (rect: Rect): Promise<void> => {
    const take = queueLoad(ws.getRange(toRangeA1(rect.top, rect.left, rect.bottom, rect.right)), options);
    await context.sync();
    const block = take();
    place(rows, block);
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    const measured = loadedBytes(block);
    totalBytes += measured.bytes;
    totalCells += cells;
    lastPerCell = measured.bytes / cells;
    rowPerCell = Math.max(rowPerCell, measured.rowPerCell);
  };
  // A block refused all the same is read in halves (by rows, else by columns).
  const readOrSplit = async (rect: Rect): Promise<void> => {
    try {
      await read(rect);
    } catch (e) {
      if (!isReadTooLarge(e)) throw e;
      if (rect.bottom > rect.top) {
        const middle = rect.top + Math.floor((rect.bottom - rect.top) / 2);
        await readOrSplit({ ...rect, bottom: middle });
        return readOrSplit({ ...rect, top: middle + 1 });
      }
      if (rect.right > rect.left) {
        const middle = rect.left + Math.floor((rect.right - rect.left) / 2);
        await readOrSplit({ ...rect, right: middle });
        return readOrSplit({ ...rect, left: middle + 1 });
      }
      throw e;
    }
  };

  for (const rect of pending) {
    const width = rect.right - rect.left + 1;
    for (let top = rect.top; top <= rect.bottom;) {
      const rowBytes = width * perCell();
      if (rowBytes > budget || width * bandPerCell() > budget) {
        // One row is (or its densest kind would be) more than a response holds: its columns in bands.
        for (let left = rect.left; left <= rect.right;) {
          const count = Math.max(
            1,
            Math.min(Math.floor(budget / bandPerCell()), MAX_BLOCK_CELLS, rect.right - left + 1),
          );
          await readOrSplit({ top, bottom: top, left, right: left + count - 1 });
          left += count;
        }
        top++;
        continue;
      }
      const count = Math.max(
        1,
        Math.min(Math.floor(budget / rowBytes), Math.floor(MAX_BLOCK_CELLS / width), rect.bottom - top + 1),
      );
      await readOrSplit({ top, bottom: top + count - 1, left: rect.left, right: rect.right });
      top += count;
    }
  }
  if (totalCells > 0)
    measured?.({ top: start.top, left: start.left, cols: start.cols, perCell: totalBytes / totalCells });
  return makeGrid(sheet, filled(rows), start.merges);
}
