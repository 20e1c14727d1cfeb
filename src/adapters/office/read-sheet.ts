import { toRangeA1 } from "../../core/grid/a1";
import { makeGrid } from "../../core/grid/grid";
import type { CellValue, Grid, MergeArea, RawCell } from "../../core/grid/types";
import { isDateFormat } from "../../core/read/date";
import { parseAddressList } from "./addresses";
import { NullReadError, isExcelError, isReadTooLarge } from "./errors";

/** Cells per block when a sheet is too large for one request (a block is halved again if it still is). */
export const READ_BLOCK_CELLS = 100_000;

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

/**
 * Queues, into the request about to be sent, the read of a worksheet's whole used range and merged areas. Returns
 * what turns the answer into a Grid (named once the name is known: the active sheet's comes with the same answer).
 */
export function queueWholeSheet(ws: Excel.Worksheet, options: ReadOptions): (name: string) => Grid {
  const used = ws.getUsedRange(true);
  const merged = options.merges ? ws.getRange().getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  const take = queueLoad(used, options);
  return (name) => {
    const rows: Array<Array<RawCell | undefined>> = [];
    place(rows, take());
    return makeGrid(name, filled(rows), merged && !merged.isNullObject ? mergesFrom(merged.address) : []);
  };
}

/**
 * Reads a sheet's values, displayed text, number formats and merged areas as a core Grid.
 * One request for the whole used range when the answer fits (Excel on the web caps responses at 5 MB; Excel on
 * the desktop has no cap); otherwise the used range is read again in row blocks, each sized to fit.
 * `extras` queues further loads into the first request and returns what to do with them once it is back.
 */
export async function readSheetGrid(
  context: Excel.RequestContext,
  sheet: string,
  options: ReadOptions,
  extras?: () => () => void,
): Promise<Grid> {
  if (options.blocks) return readInBlocks(context, sheet, options, extras);
  const ws = context.workbook.worksheets.getItem(sheet);
  const takeExtras = extras?.();
  const takeGrid = queueWholeSheet(ws, options);
  try {
    await context.sync();
  } catch (e) {
    if (isReadTooLarge(e)) return readInBlocks(context, sheet, options, extras);
    // The merged areas may be what failed (more than 512): the rest again without them, then the merges apart.
    if (!options.merges || !isExcelError(e)) throw e;
    const grid = await readSheetGrid(context, sheet, { ...options, merges: false }, extras);
    return withMerges(grid, await readMergesApart(context, ws, grid.rowCount));
  }
  takeExtras?.();
  try {
    return takeGrid(sheet);
  } catch (e) {
    if (e instanceof NullReadError) return readInBlocks(context, sheet, options, extras);
    throw e;
  }
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

async function readInBlocks(
  context: Excel.RequestContext,
  sheet: string,
  options: ReadOptions,
  extras?: () => () => void,
): Promise<Grid> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const takeExtras = extras?.();
  const used = ws.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const merged = options.merges ? ws.getRange().getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  try {
    await context.sync();
  } catch (e) {
    // The merged areas may be what failed (more than 512): the rest again without them, then the merges apart.
    if (!merged || !isExcelError(e)) throw e;
    const grid = await readInBlocks(context, sheet, { ...options, merges: false }, extras);
    return withMerges(grid, await readMergesApart(context, ws, grid.rowCount));
  }
  takeExtras?.();
  const top = used.rowIndex;
  const left = used.columnIndex;
  const end = top + used.rowCount;
  const cols = used.columnCount;
  const rows: Array<Array<RawCell | undefined>> = [];

  // One request per block, in sequence: each answer must arrive before the next block is asked for (recursion
  // rather than a loop makes that explicit). A block that is still too large is halved.
  const readFrom = async (start: number, blockRows: number): Promise<void> => {
    if (start >= end) return;
    const count = Math.min(blockRows, end - start);
    const take = queueLoad(ws.getRange(toRangeA1(start, left, start + count - 1, left + cols - 1)), options);
    let block: Loaded;
    try {
      await context.sync();
      block = take();
    } catch (e) {
      if (isReadTooLarge(e) && count > 1) return readFrom(start, Math.ceil(count / 2));
      throw e;
    }
    place(rows, block);
    return readFrom(start + count, blockRows);
  };
  await readFrom(top, Math.max(1, Math.floor(READ_BLOCK_CELLS / Math.max(1, cols))));
  return makeGrid(sheet, filled(rows), merged && !merged.isNullObject ? mergesFrom(merged.address) : []);
}
