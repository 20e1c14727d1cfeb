// Opening a workbook in the browser: the bytes never leave the page. Bad files are told apart before ExcelJS sees
// them (classify.ts, shared with the CLI), so the user reads what is wrong and what to do, not a zip library's error.

import { classifyWorkbookBytes, extensionOf } from "../../adapters/xlsx/classify";
import type { InputProblem } from "../../adapters/xlsx/problems";
import { XlsxWorkbookPort } from "../../adapters/xlsx/workbook-port";
import type { Lang } from "../strings";
import { loadExcelJS } from "./load-exceljs";

export type OpenOutcome = { ok: true; port: XlsxWorkbookPort } | { ok: false; problem: InputProblem };

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? "";
}

/**
 * A workbook port over the bytes of an .xlsx file, or the problem that stops them being one (not a zip, encrypted,
 * CSV, an old .xls, damaged, no worksheets). Never throws: every failure is a typed problem.
 * @param lang the language of the reasons the marks will carry
 */
export async function openWorkbookInBrowser(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
): Promise<OpenOutcome> {
  const classified = classifyWorkbookBytes(bytes, extensionOf(fileName));
  if (!classified.ok) return classified;
  let ExcelJS;
  try {
    ExcelJS = await loadExcelJS();
  } catch (error) {
    return { ok: false, problem: { kind: "read-failed", detail: messageOf(error) } };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, problem: { kind: "corrupt", detail: "content", message: messageOf(error) } };
  }
  if (!workbook.worksheets.some((ws) => ws.state === "visible" || ws.state === undefined))
    return { ok: false, problem: { kind: "empty-workbook", noSheets: true } };
  return {
    ok: true,
    port: new XlsxWorkbookPort(workbook, { createWorkbook: () => new ExcelJS.Workbook(), lang }),
  };
}
