import { STORE_SHEET, decodeStoreRows, encodeStoreRows, storeRowsFromValues } from "../../core/settings-rows";
import { toRangeA1 } from "../../core/grid/a1";

/**
 * The pane's settings inside Excel live where the CLI and the browser file mode keep them: the very hidden sheet
 * "_yanxiu", in the row format of src/core/settings-rows.ts (docs/ignores.md). Settings in `Workbook.settings` would
 * be invisible to every reader of the file but Excel.
 *
 * What the port last saw of that sheet: its cells as Excel returned them (to notice a change made meanwhile by
 * someone else, a co-author or another pane), and what they decode to.
 */
export interface StoreSnapshot {
  /** The sheet exists (it may be empty). */
  exists: boolean;
  /** The used range's values and its top-left cell (0-based); [] when the sheet is absent or empty. */
  cells: unknown[][];
  top: number;
  left: number;
  values: Map<string, unknown>;
}

function noStore(exists = false): StoreSnapshot {
  return { exists, cells: [], top: 0, left: 0, values: new Map() };
}

/** Queues the read of the store sheet; returns what to call once the request is back. */
export function queueStoreRead(context: Excel.RequestContext): () => StoreSnapshot {
  const ws = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  // A null sheet makes the used range a null object too: one request whether or not the store exists.
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  return () => snapshotOf(ws, used);
}

/** The store as a request brought it back (the sheet and its used range, each possibly a null object). */
function snapshotOf(ws: Excel.Worksheet, used: Excel.Range): StoreSnapshot {
  if (ws.isNullObject) return noStore();
  if (used.isNullObject) return noStore(true);
  const cells = used.values as unknown[][];
  const { values } = decodeStoreRows(storeRowsFromValues(cells, used.rowIndex, used.columnIndex));
  return { exists: true, cells, top: used.rowIndex, left: used.columnIndex, values };
}

function sameCells(a: StoreSnapshot, b: StoreSnapshot): boolean {
  return (
    a.exists === b.exists &&
    a.top === b.top &&
    a.left === b.left &&
    JSON.stringify(a.cells) === JSON.stringify(b.cells)
  );
}

/** What a write request found and left. */
export interface StoreWrite {
  /** The store as it was just before the write (read in the same request), when the sheet was there to read. */
  before(): StoreSnapshot | undefined;
  /** The store as the write leaves it. */
  after: StoreSnapshot;
}

/**
 * Queues the rewrite of the whole store with `values`, on top of `base` (what the port believes is there): the
 * rows of settings-rows.ts written as text into A1:B(n), the rest of what was there cleared, the sheet added (very
 * hidden) when there is none, and removed when nothing is left to keep, as the ExcelJS writer does. The store as it
 * was is read first in the same request, so the caller can tell whether someone changed it since `base` was read.
 */
export function queueStoreWrite(
  context: Excel.RequestContext,
  base: StoreSnapshot,
  values: ReadonlyMap<string, unknown>,
): StoreWrite {
  const sheets = context.workbook.worksheets;
  const rows = values.size > 0 ? encodeStoreRows(values) : [];
  let before: (() => StoreSnapshot) | undefined;
  let ws: Excel.Worksheet;
  if (base.exists) {
    before = queueStoreRead(context);
    ws = sheets.getItem(STORE_SHEET);
    if (rows.length === 0) {
      // Excel refuses to delete a very hidden sheet (InvalidOperation): it is made merely hidden first, in the same
      // request, so the user never sees it.
      ws.visibility = "Hidden";
      ws.delete();
      return { before: () => before?.(), after: noStore() };
    }
    const old = base.cells;
    if (old.length > 0)
      ws.getRange(
        toRangeA1(base.top, base.left, base.top + old.length - 1, base.left + (old[0]?.length ?? 1) - 1),
      ).clear("Contents");
  } else {
    if (rows.length === 0) return { before: () => undefined, after: base };
    ws = sheets.add(STORE_SHEET);
    ws.visibility = "VeryHidden";
  }
  // Text format first for the keys and pieces (row 1, the header, keeps its version number a number): a piece of
  // JSON such as "12" or "=…" must stay the text it is. Actions of a request run in order, so the values are read
  // as text.
  if (rows.length > 1)
    ws.getRange(toRangeA1(1, 0, rows.length - 1, 1)).numberFormat = rows.slice(1).map(() => ["@", "@"]);
  ws.getRange(toRangeA1(0, 0, rows.length - 1, 1)).values = rows;
  const cells = rows.map((r) => [...r] as unknown[]);
  return {
    before: () => before?.(),
    after: { exists: true, cells, top: 0, left: 0, values: new Map(values) },
  };
}

/** Whether the store was still as `base` when the write request read it (no one else wrote in between). */
export function unchangedSince(base: StoreSnapshot, before: StoreSnapshot | undefined): boolean {
  return before === undefined || sameCells(base, before);
}
