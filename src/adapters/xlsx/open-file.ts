// Node only: reads a workbook file for the CLI, once, through the one reading pipeline (workbook-file.ts), and loads
// ExcelJS only when an annotated copy is to be written.
import { promises as fsp } from "node:fs";
import type ExcelJS from "exceljs";
import type { IgnoreEntry } from "../../core/check-types";
import type { Grid } from "../../core/grid/types";
import type { FastSheet } from "./fast-read";
import { nodeAsciiText, nodeRawInflate } from "./node-native";
import { WorkbookPackage } from "./package";
import type { CopyRefusal, InputProblem } from "./problems";
import { copySourceBytes, readWorkbookBytes, type ReadWorkbook } from "./workbook-file";

// Node's zlib inflates several times faster than fflate and stops at the cap it is given; an ASCII part (a sheet whose
// strings are shared) is made a string by a plain copy rather than UTF-8 decoding.
WorkbookPackage.useNative(nodeRawInflate, nodeAsciiText);

/** A workbook file, read once: the grids the engine checks, the ignores stored in it, and ExcelJS when needed. */
export interface CheckableWorkbook {
  bytes: Uint8Array;
  /** "xlsx", or the other format the file is in (.xls, .et, .ods, .fods, .xlsb): its copy is written as .xlsx. */
  format: ReadWorkbook["format"];
  /** Every sheet, very hidden ones included, as the reader found them. */
  sheets: FastSheet[];
  /** Every sheet but very hidden ones, in workbook order. */
  grids: Grid[];
  ignores: IgnoreEntry[];
  /** The stored ignores exist but cannot be parsed. */
  ignoresUnreadable: boolean;
  /** File-level notes and the place of a cell in a Word form (see ReadWorkbook). */
  notes?: ReadWorkbook["notes"];
  locate?: ReadWorkbook["locate"];
  /**
   * The workbook as ExcelJS loads it, for writing an annotated copy (loaded on first use, once): a CopyRefusedError
   * when it cannot be written without losing or risking something (over the copy budget, a sheet ExcelJS drops).
   */
  excel(): Promise<ExcelJS.Workbook>;
}

export type CheckableResult =
  { ok: true; workbook: CheckableWorkbook } | { ok: false; problem: InputProblem };

/** Why the copy writer refused a workbook; `problem` says it to the user. */
export class CopyRefusedError extends Error {
  override readonly name = "CopyRefusedError";
  constructor(readonly problem: InputProblem | Extract<CopyRefusal, { kind: "copy-would-drop" }>) {
    super(problem.kind);
  }
}

/** Map a read error to the problem the user can act on. */
export function readErrorProblem(error: unknown): InputProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return { kind: "not-found" };
  if (code === "EACCES" || code === "EPERM") return { kind: "permission" };
  return { kind: "read-failed", detail: code ?? (error instanceof Error ? error.message : String(error)) };
}

function loader(read: ReadWorkbook): () => Promise<ExcelJS.Workbook> {
  let loaded: Promise<ExcelJS.Workbook> | undefined;
  return () => {
    loaded ??= (async () => {
      const source = await copySourceBytes(read);
      if (!source.ok) throw new CopyRefusedError(source.problem);
      // ExcelJS is loaded only for a copy: a plain check never pays for it.
      const { default: Excel } = await import("exceljs");
      const wb = new Excel.Workbook();
      await wb.xlsx.load(source.bytes as unknown as ExcelJS.Buffer);
      // ExcelJS finds worksheets by part name (xl/worksheets/sheetN.xml) and silently leaves out any other: a copy
      // without one of the file's sheets is refused rather than written.
      const have = new Set(wb.worksheets.map((ws) => ws.name));
      const missing = [...read.sheets.map((s) => s.name), ...read.cellless].filter((name) => !have.has(name));
      if (missing.length > 0) throw new CopyRefusedError({ kind: "copy-would-drop", sheets: missing });
      return wb;
    })();
    return loaded;
  };
}

/** Open the bytes of a workbook for checking (see readWorkbookBytes); every failure is a typed problem. */
export async function checkableWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<CheckableResult> {
  const read = await readWorkbookBytes(bytes, fileName);
  if (!read.ok) return read;
  const { format, sheets, grids, ignores, ignoresUnreadable, notes, locate } = read.workbook;
  return {
    ok: true,
    workbook: {
      bytes,
      format,
      sheets,
      grids,
      ignores,
      ignoresUnreadable,
      notes,
      locate,
      excel: loader(read.workbook),
    },
  };
}

async function readBytes(
  file: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: InputProblem }> {
  try {
    return { ok: true, bytes: await fsp.readFile(file) };
  } catch (error) {
    return { ok: false, problem: readErrorProblem(error) };
  }
}

/** Read a workbook file once for checking (see checkableWorkbookBytes). */
export async function openCheckableWorkbook(file: string): Promise<CheckableResult> {
  const read = await readBytes(file);
  return read.ok ? checkableWorkbookBytes(read.bytes, file) : read;
}
