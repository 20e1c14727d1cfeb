// The one reading pipeline for a workbook file, in the CLI (open-file.ts) and the browser file mode
// (taskpane/file/open-workbook.ts): classify the bytes, open the package once, read every sheet with the project's
// reader (or SheetJS for .xls/.et/.ods/.fods/.xlsb, or adapters/docx for a Word 申报表), collect the ignores stored in the file, and say what stops any
// of it as a typed problem. Pure TypeScript: no Node built-ins, no DOM.
import type { IgnoreEntry } from "../../core/check-types";
import type { Text } from "../../core/findings";
import { gridAsXlsx } from "../docx/as-xlsx";
import { readDocxFile } from "../docx/docx-file";
import type { DocxLocation } from "../docx/location";
import type { Grid } from "../../core/grid/types";
import { classifyWorkbookBytes, extensionOf } from "./classify";
import { readWorkbookPackage, type FastRead, type FastSheet } from "./fast-read";
import { ignoresFromWebExtension, mergeIgnores, readIgnoresFromGrid, STORE_SHEET } from "./ignores";
import { legacyAsXlsx, readLegacyWorkbook } from "./legacy";
import { DamagedPartError, OverLimitError, WorkbookPackage } from "./package";
import type { InputProblem, LegacyFormat } from "./problems";

/** A workbook file as the engine reads it. */
export interface ReadWorkbook {
  /** "xlsx" for OOXML packages read by the project's reader, "docx" for a Word form, else the format SheetJS read. */
  format: "xlsx" | "docx" | LegacyFormat;
  bytes: Uint8Array;
  /** The opened package (xlsx, and the zip-based formats SheetJS reads). */
  pkg: WorkbookPackage | undefined;
  /** Every sheet, very hidden ones included, in workbook order. */
  sheets: FastSheet[];
  /** The names of sheets without cells (chart and dialog sheets), which a copy must keep all the same. */
  cellless: string[];
  /** Every sheet but very hidden ones, in workbook order: what the engine checks. */
  grids: Grid[];
  ignores: IgnoreEntry[];
  /** The stored ignores exist but cannot be parsed. */
  ignoresUnreadable: boolean;
  /** File-level notes to show beside the findings (a Word form: no annotated copy). */
  notes?: Text[];
  /**
   * Where a cell of a Word form is in the document (table, row, cell, label), for findings the user can find there;
   * absent for workbooks, whose cells have addresses.
   */
  locate?: (sheet: string, row: number, col: number) => DocxLocation | null;
}

export type ReadResult = { ok: true; workbook: ReadWorkbook } | { ok: false; problem: InputProblem };

/** The problem an exception of the reading pipeline stands for. */
export function problemOf(error: unknown): InputProblem {
  if (error instanceof OverLimitError)
    return { kind: "over-limit", part: error.part, limit: error.limit, bytes: error.bytes };
  if (error instanceof DamagedPartError)
    return { kind: "corrupt", detail: "content", message: `${error.part}: ${error.reason}` };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "corrupt", detail: "content", message: message.split("\n")[0] ?? "" };
}

/** Ignores an Office add-in saved through workbook.settings (see ignoresFromWebExtension), from every such part. */
function officeIgnores(pkg: WorkbookPackage): { ignores: IgnoreEntry[]; unreadable: boolean } {
  const lists: IgnoreEntry[][] = [];
  let unreadable = false;
  for (const name of pkg.names()) {
    if (!/(^|\/)webextensions\/webextension\d*\.xml$/i.test(name)) continue;
    let found;
    try {
      found = ignoresFromWebExtension(pkg.text(name) ?? "");
    } catch (error) {
      // A bomb is the file's problem; a damaged add-in part only makes its ignores unreadable.
      if (error instanceof OverLimitError) throw error;
      unreadable = true;
      continue;
    }
    if (!found) continue;
    lists.push(found.ignores);
    unreadable ||= found.unreadable;
  }
  return { ignores: mergeIgnores(...lists), unreadable };
}

function fromRead(read: FastRead, format: "xlsx" | LegacyFormat): InputProblem | FastSheet[] {
  if (read.ok) return read.sheets;
  if ("tooLarge" in read) return { kind: "too-large", ...read.tooLarge, atLeast: format === "xlsx" };
  if ("binary" in read) return { kind: "legacy-unreadable", format: "xlsb", message: "workbook.bin" };
  // SheetJS tells a password-protected .xls (XOR or RC4) by its FILEPASS record.
  if (format !== "xlsx" && /password/i.test(read.unsupported)) return { kind: "encrypted" };
  if (format !== "xlsx") return { kind: "legacy-unreadable", format, message: read.unsupported };
  return { kind: "corrupt", detail: "content", message: read.unsupported };
}

/**
 * Read the bytes of a workbook file for checking. Never throws: every failure (a bomb, a damaged part, a format
 * that is no workbook) is a typed problem with its own message.
 * @param fileName the file's name, for its extension (.et is told from .xls by it)
 */
export async function readWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const classified = classifyWorkbookBytes(bytes, extensionOf(fileName));
  if (!classified.ok) return classified;
  if (classified.kind === "docx") {
    const docx = readDocxFile(classified.pkg, fileName);
    if (!docx.ok) return docx;
    const { sheet, notes, locate } = docx.file;
    return {
      ok: true,
      workbook: {
        format: "docx",
        bytes,
        pkg: classified.pkg,
        sheets: [sheet],
        cellless: [],
        grids: [sheet.grid],
        ignores: [],
        ignoresUnreadable: false,
        notes,
        locate: (name, row, col) => (name === sheet.name ? locate(row, col) : null),
      },
    };
  }
  try {
    const format = classified.kind === "xlsx" ? "xlsx" : classified.format;
    const pkg = classified.pkg;
    const read =
      classified.kind === "xlsx"
        ? readWorkbookPackage(classified.pkg)
        : await readLegacyWorkbook(bytes, classified.format, pkg);
    const sheets = fromRead(read, format);
    if (!Array.isArray(sheets)) return { ok: false, problem: sheets };
    const store = sheets.find((s) => s.name === STORE_SHEET)?.grid;
    const stored = readIgnoresFromGrid(store);
    const office =
      classified.kind === "xlsx" ? officeIgnores(classified.pkg) : { ignores: [], unreadable: false };
    return {
      ok: true,
      workbook: {
        format,
        bytes,
        pkg,
        sheets,
        cellless: read.ok ? (read.cellless ?? []) : [],
        grids: sheets.filter((s) => s.state !== "veryHidden").map((s) => s.grid),
        ignores: mergeIgnores(stored.ignores, office.ignores),
        ignoresUnreadable: stored.unreadable || office.unreadable,
      },
    };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/**
 * The .xlsx bytes the copy writer (ExcelJS) may load for an annotated copy: the file itself once every part of it
 * has inflated within the copy budget (ExcelJS inflates and holds every part, images included), or the workbook
 * converted to .xlsx by SheetJS for the other formats. A problem when it is over the budget.
 */
export async function copySourceBytes(
  wb: ReadWorkbook,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: InputProblem }> {
  try {
    // A Word form is never rewritten: the file mode gets a new workbook of its grid to show and mark (the CLI
    // writes no copy of a Word form at all, and says so).
    if (wb.format === "docx") {
      const grid = wb.grids[0];
      if (!grid) return { ok: false, problem: { kind: "word", detail: "empty" } };
      return { ok: true, bytes: await gridAsXlsx(grid) };
    }
    if (wb.format === "xlsx") {
      wb.pkg?.measureAll();
      return { ok: true, bytes: wb.bytes };
    }
    return { ok: true, bytes: await legacyAsXlsx(wb.bytes) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}
