// Opening a workbook in the browser: the bytes never leave the page. The file is read by the same pipeline as the
// CLI's (adapters/xlsx/workbook-file.ts: capped inflation, the project's reader, SheetJS for .xls/.et/.ods), so a
// bomb or a damaged file gets the same message here as there. ExcelJS is loaded only to write (marks, inserted
// sheets, the download), once the file has passed every limit.

import { rememberWordPlaces } from "../../adapters/docx/places";
import { COPY_LIMITS, type InputProblem } from "../../adapters/xlsx/problems";
import { XlsxWorkbookPort } from "../../adapters/xlsx/workbook-port";
import { copySourceBytes, problemOf, readWorkbookBytes } from "../../adapters/xlsx/workbook-file";
import type { Lang } from "../strings";
import type { OpenStage } from "../worker/protocol";
import { loadExcelJS } from "./load-exceljs";

export type OpenOutcome = { ok: true; port: XlsxWorkbookPort } | { ok: false; problem: InputProblem };

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? "";
}

/**
 * A workbook port over the bytes of a workbook file (.xlsx, .xlsm, or .xls/.et/.ods/.fods/.xlsb converted to .xlsx),
 * or the problem that stops them being one (over the limits, encrypted, CSV, damaged, no worksheets). Never throws:
 * every failure is a typed problem.
 * @param lang the language of the reasons the marks will carry
 * @param onStage hears where opening has got to (the file-mode worker passes it on to the banner)
 */
export async function openWorkbookInBrowser(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
  onStage: (stage: OpenStage) => void = () => {},
): Promise<OpenOutcome> {
  onStage("parsing");
  const read = await readWorkbookBytes(bytes, fileName);
  if (!read.ok) return read;
  const { sheets } = read.workbook;
  if (!sheets.some((s) => s.state === "visible"))
    return { ok: false, problem: { kind: "empty-workbook", noSheets: true } };
  // ExcelJS makes an object for every cell a merge or a validation covers: such a file would hang the tab.
  const spread = sheets.find(
    (s) =>
      s.stats.merges > COPY_LIMITS.merges ||
      s.stats.mergedCells > COPY_LIMITS.coveredCells ||
      s.stats.validatedCells > COPY_LIMITS.coveredCells,
  );
  if (spread) return { ok: false, problem: { kind: "too-spread", sheet: spread.name, ...spread.stats } };
  const source = await copySourceBytes(read.workbook);
  if (!source.ok) return source;
  onStage("loading");
  let ExcelJS;
  try {
    ExcelJS = await loadExcelJS();
  } catch (error) {
    return { ok: false, problem: { kind: "read-failed", detail: messageOf(error) } };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(source.bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const port = new XlsxWorkbookPort(workbook, {
    createWorkbook: () => new ExcelJS.Workbook(),
    lang,
    // The sheets as the project's reader read them: what the engine checks, whatever ExcelJS makes of the file.
    grids: new Map(sheets.map((s) => [s.name, s.grid])),
  });
  // A Word form: its findings also say where they are in the document (表N 第R行 …).
  rememberWordPlaces(port, read.workbook.locate);
  return { ok: true, port };
}
