// The formats staff send besides .xlsx (.xls and WPS .et, LibreOffice .ods and .fods, Excel .xlsb), read through
// SheetJS (@e965/xlsx, the registry's build of SheetJS 0.20) into the same grids as the project's own reader, under
// the same limits. SheetJS is loaded on first use, so neither the CLI's start nor the pane's first paint pays for it.
import type * as XLSXTypes from "@e965/xlsx";
import { makeGrid } from "../../core/grid/grid";
import type { CellValue, MergeArea, RawCell } from "../../core/grid/types";
import {
  isDateFormat,
  MAX_COLS,
  MAX_ROWS,
  serialToDate,
  statsOf,
  type FastRead,
  type FastSheet,
} from "./fast-read";
import type { WorkbookPackage } from "./package";
import { SHEET_LIMITS, type LegacyFormat } from "./problems";
import { rawCellOf } from "./read";

type SheetJS = typeof XLSXTypes;

let loading: Promise<SheetJS> | undefined;

/** SheetJS, loaded once (a failed load is tried again next time). */
export function loadSheetJS(): Promise<SheetJS> {
  loading ??= import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx").then(
    (module) =>
      (module as { default?: SheetJS }).default?.read ? (module as { default: SheetJS }).default : module,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function cellValue(cell: XLSXTypes.CellObject, date1904: boolean): { value: CellValue; format?: string } {
  const format = typeof cell.z === "string" && cell.z !== "General" ? cell.z : undefined;
  switch (cell.t) {
    case "s":
      return { value: typeof cell.v === "string" ? cell.v : String(cell.v ?? ""), format };
    case "b":
      return { value: cell.v === true, format };
    case "e":
      // SheetJS keeps an error's code in v and its text (#N/A, #DIV/0!) in w.
      return { value: cell.w ?? "#N/A", format };
    case "n": {
      const n = typeof cell.v === "number" ? cell.v : Number(cell.v);
      return { value: isDateFormat(format) ? serialToDate(n, date1904) : n, format };
    }
    case "d":
      return { value: cell.v instanceof Date ? cell.v : new Date(String(cell.v)), format };
    default:
      return { value: null, format };
  }
}

/**
 * Every sheet of a workbook in a format SheetJS reads, as grids (very hidden ones included, for the store), or the
 * sheet over the limits, or `unsupported` with SheetJS's reason. Zip-based formats are measured under the package
 * caps before SheetJS (which inflates whole parts) sees them.
 */
export async function readLegacyWorkbook(
  bytes: Uint8Array,
  format: LegacyFormat,
  pkg?: WorkbookPackage,
): Promise<FastRead> {
  // Throws OverLimitError for a bomb: SheetJS would inflate it whole.
  if (pkg) pkg.measureAll();
  const XLSX = await loadSheetJS();
  let wb: XLSXTypes.WorkBook;
  // SheetJS reports what it doubts in a file through console.error (with text from the file): the CLI's stderr and
  // the page's console are not its to write to, and the reader says what matters in its own words.
  const quiet = { error: console.error, warn: console.warn };
  console.error = console.warn = () => undefined;
  try {
    wb = XLSX.read(bytes, {
      type: "array",
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      // One row past the limit tells a sheet over it without reading the rest.
      sheetRows: SHEET_LIMITS.rows + 1,
    });
  } catch (error) {
    return { ok: false, unsupported: `${format}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    console.error = quiet.error;
    console.warn = quiet.warn;
  }
  // A sheet name with control characters, which no spreadsheet lets anyone type, means the workbook's directory was
  // misread: refuse it rather than check sheets that are not there.
  // eslint-disable-next-line no-control-regex -- the point of the check
  const garbled = wb.SheetNames.find((name) => /[\u0000-\u001f]/.test(name));
  if (garbled !== undefined) return { ok: false, unsupported: `${format}: unreadable sheet directory` };
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets: FastSheet[] = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden;
    const state: FastSheet["state"] = hidden === 2 ? "veryHidden" : hidden === 1 ? "hidden" : "visible";
    const data = ((ws as { "!data"?: XLSXTypes.CellObject[][] })["!data"] ?? []) as Array<
      Array<XLSXTypes.CellObject | undefined> | undefined
    >;
    const rows: (RawCell | undefined)[][] = [];
    let rowCount = 0;
    let cellCount = 0;
    data.forEach((row, r) => {
      if (!row || r >= MAX_ROWS) return;
      rowCount++;
      const out: (RawCell | undefined)[] = [];
      row.forEach((cell, c) => {
        if (!cell || c >= MAX_COLS) return;
        cellCount++;
        const { value, format: numFmt } = cellValue(cell, date1904);
        const raw = rawCellOf(value, numFmt);
        if (raw) out[c] = raw;
      });
      rows[r] = out;
    });
    if (rowCount > SHEET_LIMITS.rows || cellCount > SHEET_LIMITS.cells)
      return { ok: false, tooLarge: { sheet: name, rows: rowCount, cells: cellCount } };
    const merges: MergeArea[] = [];
    for (const m of ws["!merges"] ?? []) {
      if (m.s.r >= MAX_ROWS || m.s.c >= MAX_COLS) continue;
      const area = {
        top: m.s.r,
        left: m.s.c,
        bottom: Math.min(m.e.r, MAX_ROWS - 1),
        right: Math.min(m.e.c, MAX_COLS - 1),
      };
      merges.push(area);
      // Only the top-left cell of a merged area keeps its value, as in the xlsx reader.
      for (let r = area.top; r <= Math.min(area.bottom, rows.length - 1); r++) {
        const cells = rows[r];
        if (!cells) continue;
        for (let c = area.left; c <= Math.min(area.right, cells.length - 1); c++)
          if (r !== area.top || c !== area.left) cells[c] = undefined;
      }
    }
    sheets.push({ name, state, grid: makeGrid(name, rows, merges), stats: statsOf(rows, merges) });
  }
  return { ok: true, sheets };
}

/** The workbook as .xlsx bytes (SheetJS writes it), for an annotated copy of a file in another format. */
export async function legacyAsXlsx(bytes: Uint8Array): Promise<Uint8Array> {
  const XLSX = await loadSheetJS();
  const wb = XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true, cellDates: false });
  const out = XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
