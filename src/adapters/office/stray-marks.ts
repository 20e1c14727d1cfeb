import { MARK_FILL } from "../../core/marks";
import { addressChunks, cellKey, keyToCell, rectAddress } from "./addresses";
import { isPayloadError } from "./errors";
import { MARKS_SETTING_KEY, decodeStored, stateOf } from "./marks-store";

/**
 * Marks without a record. `Workbook.settings` belong to one add-in id: a workbook marked by another deployment of the
 * add-in (the dev copy and the production one, another office's server), or whose record was lost, shows our fills
 * that clearMarks knows nothing of. (Our notes and comments are found by their prefix wherever they are, so only fills
 * are stray.) They are found by colour: solid fills in exactly our two colours, on cells our record does not list for
 * this sheet. Because a user may have chosen the same colours (Excel's "Light Red Fill" preset is our error colour),
 * the pane offers to clear them and says how many and where; it never does so on its own.
 */
export interface StrayMarks {
  /** Cells (0-based) showing one of our colours with no record of ours. */
  cells: Array<{ row: number; col: number }>;
}

/** Cells per getCellProperties request (each answers about 80 bytes a cell: a 5 MB response holds 60,000). */
export const STRAY_SCAN_CELLS = 20_000;

const OURS = new Set(Object.values(MARK_FILL).map((c) => c.toUpperCase()));

interface FillProps {
  format?: { fill?: { color?: string; pattern?: string | null } };
}

/** Scans the sheet's used range (formats included) for our colours not in the record. Requests: 1 + one per block. */
export async function findStrayMarks(context: Excel.RequestContext, sheet: string): Promise<StrayMarks> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load("id");
  const used = ws.getUsedRangeOrNullObject(false);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
  setting.load("value");
  await context.sync();
  if (used.isNullObject) return { cells: [] };
  const sheetId = ws.id;
  const state = stateOf(decodeStored(setting.isNullObject ? null : setting.value), sheetId);
  const known = state.painted;
  const top = used.rowIndex;
  const left = used.columnIndex;
  const end = top + used.rowCount;
  const cols = used.columnCount;
  const cells: StrayMarks["cells"] = [];

  // One block per request, in sequence; a block Excel finds too large is halved.
  const scan = async (start: number, rows: number): Promise<void> => {
    if (start >= end) return;
    const count = Math.min(rows, end - start);
    const block = ws.getRangeByIndexes(start, left, count, cols);
    const asked = { props: block.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadError(e) && count > 1) return scan(start, Math.ceil(count / 2));
      throw e;
    }
    (asked.props.value as FillProps[][]).forEach((line, r) =>
      line.forEach((p, c) => {
        const fill = p.format?.fill;
        const solid = fill?.pattern === "Solid" || fill?.pattern === null || fill?.pattern === undefined;
        const row = start + r;
        const col = left + c;
        if (solid && OURS.has((fill?.color ?? "").toUpperCase()) && !known.has(cellKey(row, col)))
          cells.push({ row, col });
      }),
    );
    return scan(start + count, rows);
  };
  await scan(top, Math.max(1, Math.floor(STRAY_SCAN_CELLS / Math.max(1, cols))));
  return { cells };
}

/**
 * Takes our colour off the given cells: back to no fill, since what was there before is not known. One request (more
 * when the addresses need more than one getRanges each 8,000 characters: they still share it).
 */
export async function clearStrayFills(
  context: Excel.RequestContext,
  sheet: string,
  cells: ReadonlyArray<{ row: number; col: number }>,
): Promise<void> {
  if (cells.length === 0) return;
  const ws = context.workbook.worksheets.getItem(sheet);
  const keys = cells.map((c) => cellKey(c.row, c.col));
  for (const chunk of addressChunks(keys.map(keyToCell))) ws.getRanges(chunk).format.fill.clear();
  await context.sync();
}

/** A few of the cells as A1 addresses, to show the user where they are. */
export function strayExamples(stray: StrayMarks, max = 5): string[] {
  return stray.cells
    .slice(0, max)
    .map((c) => rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col }));
}
