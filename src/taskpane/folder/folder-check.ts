// Checking many workbooks in the browser, as `yanxiu check DIR --summary OUT.xlsx --out DIR` does on a terminal: each
// file opened from its bytes in the page (nothing is uploaded), every sheet checked with the ignores stored in it,
// the same summary workbook, and the annotated copies in one zip. Runs in the file-mode worker (worker/workbook-host.ts),
// never on the page's thread.

import JSZip from "jszip";
import { problemText } from "../../adapters/xlsx/problems";
import { buildSummaryWorkbook } from "../../adapters/xlsx/summary";
import type { XlsxWorkbookPort } from "../../adapters/xlsx/workbook-port";
import { summaryFiles } from "../../cli/check/report";
import type { FileOutcome } from "../../cli/check/run";
import { projectRecords, SUMMARY_COLUMNS } from "../../cli/project-rows";
import { checkWorkbook } from "../../core/check";
import { countBySeverity } from "../../core/findings";
import type { Grid } from "../../core/grid/types";
import { checkedFileName, XLSX_MIME } from "../file/download";
import { openWorkbookInBrowser } from "../file/open-workbook";
import { ownSheetOf } from "../own-sheets";
import { loadIgnores } from "../settings";
import type { Lang } from "../strings";
import { yieldToBrowser } from "../workbook-check";
import { displayName, type FolderRow } from "./folder-files";

export { displayName, filesToCheck, type FolderRow } from "./folder-files";

interface Opened {
  port: XlsxWorkbookPort;
  grids: Grid[];
  checks: ReturnType<typeof checkWorkbook>;
}

/** Opens and checks one file; the checks are of the sheets that are not the add-in's own. */
async function openAndCheck(
  bytes: Uint8Array,
  name: string,
  lang: Lang,
): Promise<Opened | { problem: string }> {
  const outcome = await openWorkbookInBrowser(bytes, name, lang);
  if (!outcome.ok) return { problem: problemText(outcome.problem)[lang] };
  const { port } = outcome;
  const grids: Grid[] = [];
  for (const sheet of await port.listSheets()) {
    const grid = await port.readSheet(sheet.name);
    if (!ownSheetOf(grid)) grids.push(grid);
  }
  if (grids.length === 0 || grids.every((g) => g.rowCount === 0))
    return { problem: problemText({ kind: "empty-workbook", noSheets: grids.length === 0 })[lang] };
  let ignored: Awaited<ReturnType<typeof loadIgnores>> = [];
  try {
    ignored = await loadIgnores(port);
  } catch {
    // A damaged store of ignores: the file is checked without them, as the CLI does.
  }
  await yieldToBrowser();
  return { port, grids, checks: checkWorkbook(grids, { ignored }) };
}

/** Checks one file of the folder; never throws (a failure is the row's problem). */
export async function checkFolderFile(file: File, lang: Lang): Promise<FolderRow> {
  const name = displayName(file);
  const empty = { errors: 0, warnings: 0, infos: 0, table: null, policy: null };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    const problem = problemText({
      kind: "read-failed",
      detail: error instanceof Error ? error.message : String(error),
    })[lang];
    return { name, problem, ...empty, outcome: failed(name, problem) };
  }
  const opened = await openAndCheck(bytes, file.name, lang);
  if ("problem" in opened)
    return { name, problem: opened.problem, ...empty, outcome: failed(name, opened.problem) };
  const counts = opened.checks.reduce(
    (n, c) => {
      const k = countBySeverity(c.findings);
      return { errors: n.errors + k.error, warnings: n.warnings + k.warning, infos: n.infos + k.info };
    },
    { errors: 0, warnings: 0, infos: 0 },
  );
  const recognised = opened.checks.find((c) => c.table !== "unknown");
  const outcome: FileOutcome = {
    file: name,
    problem: null,
    checks: opened.checks,
    projects: opened.grids.flatMap((grid, i) => projectRecords(name, grid, opened.checks[i]!)),
    ignoresUnreadable: false,
  };
  return {
    name,
    problem: null,
    ...counts,
    table: recognised?.table ?? null,
    policy: recognised?.policy ?? null,
    outcome,
  };
}

/** A file that could not be checked, as the summary workbook lists it (its reason in the error column). */
function failed(name: string, problem: string): FileOutcome {
  return {
    file: name,
    problem: { kind: "read-failed", detail: problem },
    checks: [],
    projects: [],
    ignoresUnreadable: false,
  };
}

/** The summary workbook of the folder: the same as `yanxiu check --summary` writes. */
export async function summaryWorkbook(rows: readonly FolderRow[], lang: Lang): Promise<Uint8Array> {
  const outcomes = rows.map((r) => r.outcome);
  const files = summaryFiles(outcomes, lang).map((f, i) => ({ ...f, error: rows[i]!.problem }));
  const wb = buildSummaryWorkbook(
    files,
    outcomes.flatMap((o) => o.projects),
    SUMMARY_COLUMNS,
    lang,
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The annotated copies of every file that could be checked, in one zip: each file opened again, every checked
 * sheet marked, and the copy written with its 校验结果 sheet, named as the CLI names them (numbered when two files
 * share a name).
 */
export async function annotatedZip(
  files: readonly File[],
  rows: readonly FolderRow[],
  lang: Lang,
  onProgress: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const zip = new JSZip();
  const used = new Set<string>();
  const checked = files.map((f, i) => [f, rows[i]!] as const).filter(([, row]) => row.problem === null);
  for (const [index, [file, row]] of checked.entries()) {
    onProgress(index, checked.length);
    const opened = await openAndCheck(new Uint8Array(await file.arrayBuffer()), file.name, lang);
    if ("problem" in opened) continue;
    for (const c of opened.checks) await opened.port.applyMarks(c.sheet, c.findings);
    const copy = await opened.port.annotatedCopy();
    const folder = row.name.includes("/") ? row.name.slice(0, row.name.lastIndexOf("/") + 1) : "";
    let target = `${folder}${checkedFileName(file.name)}`;
    for (let n = 2; used.has(target); n++)
      target = `${folder}${checkedFileName(file.name).replace(/\.checked\.xlsx$/, ` (${n}).checked.xlsx`)}`;
    used.add(target);
    zip.file(target, copy);
    await yieldToBrowser();
  }
  onProgress(checked.length, checked.length);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", mimeType: XLSX_MIME });
}
