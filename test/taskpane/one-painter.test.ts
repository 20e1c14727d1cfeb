// One painter for annotated copies (issue 13, fault 5): the copy `yanxiu check --out` writes and the copy the
// pane's 下载已标记文件 gives, for the same workbook with the same ignores stored in it, carry the same marks in the
// same cells and the same 校验结果 rows — ignored findings listed with 已忽略：原因 in both.

import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import { STORE_SHEET } from "../../src/adapters/xlsx/ignores";
import { checkInput, CopyNamer } from "../../src/cli/check/run";
import type { IgnoreEntry } from "../../src/core/check-types";
import { toA1 } from "../../src/core/grid/a1";
import { openWorkbookInBrowser } from "../../src/taskpane/file/open-workbook";
import { loadIgnores, saveIgnores } from "../../src/taskpane/settings";
import { checkSheetThroughPort } from "../../src/taskpane/workbook-check";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";

interface CellLook {
  fill: string | null;
  note: string | null;
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** Every cell's mark (fill and note) on the workbook's own sheets, by sheet and address. */
function marksOf(wb: ExcelJS.Workbook): Record<string, Record<string, CellLook>> {
  const out: Record<string, Record<string, CellLook>> = {};
  for (const ws of wb.worksheets) {
    if (ws.name === RESULTS_SHEET || ws.name === STORE_SHEET) continue;
    const cells: Record<string, CellLook> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.style.fill?.type === "pattern" ? (cell.style.fill.fgColor?.argb ?? null) : null;
        const note = noteText(cell.note);
        if (fill !== null || note !== null) cells[cell.address] = { fill, note };
      }),
    );
    out[ws.name] = cells;
  }
  return out;
}

/** The 校验结果 sheet's rows as they read (the link cell by its shown text). */
function resultRows(wb: ExcelJS.Workbook): unknown[][] {
  const ws = wb.getWorksheet(RESULTS_SHEET);
  if (!ws) throw new Error("no 校验结果 sheet");
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= 7; c++) {
      const v = row.getCell(c).value;
      values.push(v && typeof v === "object" && "result" in v ? v.result : v);
    }
    rows.push(values);
  });
  return rows;
}

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("one painter for annotated copies", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-one-painter-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const example of EXAMPLES)
    it(`paints ${example.file} the same through the CLI and through file mode, ignored findings listed with their reason`, async () => {
      // The workbook as a user hands it on: a note of their own on a cell, and two findings ignored with reasons
      // (stored in the file, as the pane stores them).
      const source = await openWorkbookInBrowser(
        new Uint8Array(await buildExample(example)),
        example.file,
        "zh",
      );
      if (!source.ok) throw new Error("example did not open");
      const sheets = await source.port.listSheets();
      const first = sheets[0]!.name;
      const firstCheck = await checkSheetThroughPort(source.port, first, { mark: false });
      const findings = firstCheck.check.findings;
      expect(findings.length).toBeGreaterThanOrEqual(2);
      // The first finding ignored, and the last too where that leaves one to mark.
      const chosen = findings.length > 2 ? [findings[0]!, findings[findings.length - 1]!] : [findings[0]!];
      const reasons = ["经主管部门同意", "已电话核实"];
      const ignores: IgnoreEntry[] = chosen.map((f, i) => ({
        sheet: f.sheet,
        rule: f.rule,
        cell: toA1(f.row, f.col),
        reason: reasons[i]!,
      }));
      await saveIgnores(source.port, ignores);
      const marked = findings.find((f) => !chosen.includes(f) && f.severity !== "info")!;
      const userCell = source.port.workbook
        .getWorksheet(marked.sheet)!
        .getCell(marked.row + 1, marked.col + 1);
      userCell.note = "请于周五前补齐";
      const input = path.join(dir, example.file);
      fs.writeFileSync(input, await source.port.toBuffer());

      // The CLI: yanxiu check FILE --out DIR.
      const outDir = fs.mkdtempSync(path.join(dir, "out-"));
      const outcome = await checkInput(
        { ok: true, display: example.file, path: input },
        { lang: "zh", cwd: dir, outDir, collectProjects: false },
        new CopyNamer(outDir, new Set([input])),
      );
      expect(outcome.copy).toMatchObject({ ok: true });
      const cliCopy = await load(
        fs.readFileSync(path.join(outDir, example.file.replace(/\.xlsx$/, ".checked.xlsx"))),
      );

      // File mode: the file opened, every sheet checked and marked with the ignores stored in it, then downloaded.
      const opened = await openWorkbookInBrowser(new Uint8Array(fs.readFileSync(input)), example.file, "zh");
      if (!opened.ok) throw new Error("input did not open");
      const stored = await loadIgnores(opened.port);
      expect(stored).toEqual(ignores);
      for (const sheet of await opened.port.listSheets())
        await checkSheetThroughPort(opened.port, sheet.name, { mark: true, ignores: stored });
      const paneCopy = await load(await opened.port.annotatedCopy());

      const cliMarks = marksOf(cliCopy);
      expect(marksOf(paneCopy)).toEqual(cliMarks);
      // The user's note stays under ours; the ignored cells carry no mark of theirs.
      const userAddress = toA1(marked.row, marked.col);
      expect(cliMarks[marked.sheet]![userAddress]!.note).toMatch(
        /^【研修申报助手】[\s\S]*\n\n请于周五前补齐$/,
      );
      const rows = resultRows(cliCopy);
      expect(resultRows(paneCopy)).toEqual(rows);
      const statuses = rows
        .slice(1)
        .map((r) => r[6])
        .filter((s) => s !== null);
      expect(statuses).toEqual(reasons.slice(0, chosen.length).map((r) => `已忽略：${r}`));
      expect(rows.length).toBe(
        1 + outcome.checks.reduce((n, c) => n + c.findings.length + c.ignored.length, 0),
      );
    });
});
