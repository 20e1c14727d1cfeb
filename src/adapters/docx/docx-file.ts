// A .docx package opened by classify.ts, read into the one grid the engine checks, or the problem that stops it.
// Nothing here writes: a Word document is never modified, and gets no annotated copy.
import type { Text } from "../../core/findings";
import type { RawCell } from "../../core/grid/types";
import { statsOf, type FastSheet } from "../xlsx/fast-read";
import { OverLimitError, DamagedPartError, type WorkbookPackage } from "../xlsx/package";
import { docxLocation, formLabels, type DocxLocation } from "./location";
import type { WordProblem } from "./problems";
import { documentPartOf, DocxShapeError, readDocxPackage, type DocxRead } from "./read-docx";
import { XmlError, XmlLimitError } from "./xml";

/** The most a document part may inflate to: a two-page form is tens of kilobytes; a 300-page report a few MB. */
export const DOCX_PART_LIMIT = 32 * 1024 * 1024;

export interface DocxFile {
  sheet: FastSheet;
  read: DocxRead;
  /** File-level notes, said as info beside the findings (none from the reader itself today). */
  notes: Text[];
  /** Where a grid cell is in the document, in words and as data. */
  locate(row: number, col: number): DocxLocation | null;
}

export type DocxFileResult = { ok: true; file: DocxFile } | { ok: false; problem: WordProblem };

/**
 * The grid's name: the file's name without its folder and extension ("申报表-某院.docx" → "申报表-某院"), made a name
 * Excel accepts for a sheet (no []:*?/\, at most 31 characters), since the pane shows the form as a sheet of that name.
 */
export function docxGridName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const stem = base
    .replace(/\.(docx|docm|dotx|dotm)$/i, "")
    .replace(/[[\]:*?/\\]/g, "")
    .trim()
    .slice(0, 31);
  return stem === "" ? "Word" : stem;
}

/** Read an opened .docx package; never throws. */
export function readDocxFile(pkg: WorkbookPackage, fileName: string): DocxFileResult {
  try {
    const part = documentPartOf(pkg);
    if (part === undefined) return { ok: false, problem: { kind: "word", detail: "no-document" } };
    // The document part is inflated under its own, lower cap: a form is small, and its XML becomes a tree in memory.
    pkg.stream(part, () => undefined, pkg.inflatedBytes + DOCX_PART_LIMIT);
    const read = readDocxPackage(pkg, docxGridName(fileName));
    if (read.grid.rowCount === 0) return { ok: false, problem: { kind: "word", detail: "empty" } };
    const rows: (RawCell | undefined)[][] = [];
    for (let r = 0; r < read.grid.rowCount; r++) {
      const cells: (RawCell | undefined)[] = [];
      for (let c = 0; c < read.grid.rowWidth(r); c++) {
        const cell = read.grid.cell(r, c);
        cells.push(cell.text !== "" ? cell : undefined);
      }
      rows.push(cells);
    }
    // The form's own labels, found once (on the first place asked for) by recognising the form as the check does.
    let labels: Map<string, string> | undefined;
    return {
      ok: true,
      file: {
        sheet: {
          name: read.grid.name,
          state: "visible",
          grid: read.grid,
          stats: statsOf(rows, read.grid.merges),
        },
        read,
        // Tracked changes are said by the engine, as an info finding (document.revisions-accepted).
        notes: [],
        locate: (row, col) => docxLocation(read, row, col, (labels ??= formLabels(read.grid))),
      },
    };
  } catch (error) {
    return { ok: false, problem: docxProblemOf(error) };
  }
}

function docxProblemOf(error: unknown): WordProblem {
  if (error instanceof OverLimitError) return { kind: "word", detail: "over-limit", message: error.part };
  if (error instanceof XmlLimitError)
    return { kind: "word", detail: "over-limit", message: `XML ${error.limit}` };
  if (error instanceof DocxShapeError) {
    if (error.reason === "no-document") return { kind: "word", detail: "no-document" };
    if (error.reason === "too-wide") return { kind: "word", detail: "too-large", message: "gridSpan" };
    return { kind: "word", detail: "too-large", message: `${error.rows} / ${error.cells}` };
  }
  if (error instanceof DamagedPartError)
    return { kind: "word", detail: "corrupt", message: `${error.part}: ${error.reason}` };
  if (error instanceof XmlError) return { kind: "word", detail: "corrupt", message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "word", detail: "corrupt", message: message.split("\n")[0] ?? "" };
}
