// Node only: reads a workbook file for the CLI, once, and tells every kind of bad input apart before ExcelJS sees it.
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { IgnoreEntry } from "../../core/check-types";
import type { Grid } from "../../core/grid/types";
import { classifyWorkbookBytes } from "./classify";
import { readWorkbookFast } from "./fast-read";
import {
  ignoresFromWebExtension,
  mergeIgnores,
  readIgnores,
  readIgnoresFromGrid,
  STORE_SHEET,
} from "./ignores";
import { SHEET_LIMITS, type InputProblem } from "./problems";
import { gridsFromWorkbook } from "./read";
import { measureSheet } from "./sheet-size";
import { entryDataOffset, type ZipEntryInfo } from "./zip-index";

export type OpenResult =
  { ok: true; workbook: ExcelJS.Workbook; bytes: Buffer } | { ok: false; problem: InputProblem };

/** A workbook file, read once: the grids the engine checks, the ignores stored in it, and ExcelJS when needed. */
export interface CheckableWorkbook {
  bytes: Buffer;
  /** Every sheet but very hidden ones, in workbook order (as gridsFromWorkbook gives them). */
  grids: Grid[];
  ignores: IgnoreEntry[];
  /** The stored ignores exist but cannot be parsed. */
  ignoresUnreadable: boolean;
  /** Which reader made the grids: the direct one, or ExcelJS when the direct one stepped aside. */
  reader: "direct" | "exceljs";
  /** The workbook as ExcelJS loads it, for writing an annotated copy (loaded on first use, once). */
  excel(): Promise<ExcelJS.Workbook>;
}

export type CheckableResult =
  { ok: true; workbook: CheckableWorkbook } | { ok: false; problem: InputProblem };

// A worksheet part smaller than this cannot reach the limits (a row element takes at least ~12 bytes, a cell ~10),
// so only bigger parts are measured before ExcelJS loads them.
const MEASURE_FROM_BYTES = Math.min(SHEET_LIMITS.rows * 12, SHEET_LIMITS.cells * 10);
// The direct reader counts rows and cells as it parses, but it holds the sheet's XML as one string: parts larger
// than this are measured by streaming first, so that a huge sheet is refused without ever being held in memory.
const DIRECT_MEASURE_FROM_BYTES = 32 * 1024 * 1024;

/** Map a read error to the problem the user can act on. */
export function readErrorProblem(error: unknown): InputProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return { kind: "not-found" };
  if (code === "EACCES" || code === "EPERM") return { kind: "permission" };
  return { kind: "read-failed", detail: code ?? (error instanceof Error ? error.message : String(error)) };
}

function inflateEntry(bytes: Buffer, entry: ZipEntryInfo): string {
  const start = entryDataOffset(bytes, entry);
  if (start < 0) return "";
  const data = bytes.subarray(start, start + entry.compressedSize);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString("utf8");
}

function xmlAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out.set(m[1] as string, decodeXml(m[2] as string));
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()] ?? e;
  });
}

/** Worksheet part path (xl/worksheets/sheet1.xml) → the sheet's name, from workbook.xml and its relationships. */
function sheetNamesByPart(bytes: Buffer, entries: readonly ZipEntryInfo[]): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = entries.find((e) => e.name === "xl/workbook.xml");
  const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return names;
  try {
    const targets = new Map<string, string>();
    for (const m of inflateEntry(bytes, rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const a = xmlAttributes(m[0]);
      const id = a.get("Id");
      const target = a.get("Target");
      if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
    for (const m of inflateEntry(bytes, workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const a = xmlAttributes(m[0]);
      const target = targets.get(a.get("r:id") ?? "");
      const name = a.get("name");
      if (target && name !== undefined) names.set(target, name);
    }
  } catch {
    // Names are only for the message; a part we cannot inflate here will fail loudly in ExcelJS below.
  }
  return names;
}

async function oversizedSheet(
  bytes: Buffer,
  entries: readonly ZipEntryInfo[],
  from: number,
): Promise<InputProblem | undefined> {
  const big = entries.filter(
    (e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && e.uncompressedSize >= from,
  );
  if (big.length === 0) return undefined;
  let names: Map<string, string> | undefined;
  for (const entry of big) {
    const size = await measureSheet(bytes, entry);
    if (size.rows > SHEET_LIMITS.rows || size.cells > SHEET_LIMITS.cells) {
      names ??= sheetNamesByPart(bytes, entries);
      const sheet = names.get(entry.name) ?? path.posix.basename(entry.name, ".xml");
      return { kind: "too-large", sheet, rows: size.rows, cells: size.cells };
    }
  }
  return undefined;
}

/** Ignores an Office add-in saved through workbook.settings (see ignoresFromWebExtension), from every such part. */
function officeIgnores(
  bytes: Buffer,
  entries: readonly ZipEntryInfo[],
): { ignores: IgnoreEntry[]; unreadable: boolean } {
  const lists: IgnoreEntry[][] = [];
  let unreadable = false;
  for (const entry of entries) {
    if (!/^xl\/webextensions\/webextension\d*\.xml$/.test(entry.name)) continue;
    let found;
    try {
      found = ignoresFromWebExtension(inflateEntry(bytes, entry));
    } catch {
      // A damaged add-in part does not make the workbook unreadable; its ignores are.
      unreadable = true;
      continue;
    }
    if (!found) continue;
    lists.push(found.ignores);
    unreadable ||= found.unreadable;
  }
  return { ignores: mergeIgnores(...lists), unreadable };
}

function loader(bytes: Buffer): () => Promise<ExcelJS.Workbook> {
  let loaded: Promise<ExcelJS.Workbook> | undefined;
  return () => {
    loaded ??= (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return wb;
    })();
    return loaded;
  };
}

function contentProblem(error: unknown): InputProblem {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "corrupt", detail: "content", message: message.split("\n")[0] ?? "" };
}

/**
 * Open the bytes of a workbook for checking: tell bad input apart, refuse sheets over the limits, then read the grids
 * with the direct reader (or ExcelJS when it steps aside). Every failure is a typed problem, never an exception.
 */
export async function checkableWorkbookBytes(bytes: Buffer, fileName: string): Promise<CheckableResult> {
  const classified = classifyWorkbookBytes(bytes, path.extname(fileName));
  if (!classified.ok) return classified;
  const { entries } = classified;
  const excel = loader(bytes);
  try {
    const huge = await oversizedSheet(bytes, entries, DIRECT_MEASURE_FROM_BYTES);
    if (huge) return { ok: false, problem: huge };
    const fromExcel = officeIgnores(bytes, entries);
    const direct = readWorkbookFast(bytes, entries);
    if (direct.ok) {
      const store = direct.sheets.find((s) => s.name === STORE_SHEET)?.grid;
      const { ignores, unreadable } = readIgnoresFromGrid(store);
      const grids = direct.sheets.filter((s) => s.state !== "veryHidden").map((s) => s.grid);
      return {
        ok: true,
        workbook: {
          bytes,
          grids,
          ignores: mergeIgnores(ignores, fromExcel.ignores),
          ignoresUnreadable: unreadable || fromExcel.unreadable,
          reader: "direct",
          excel,
        },
      };
    }
    if ("tooLarge" in direct) return { ok: false, problem: { kind: "too-large", ...direct.tooLarge } };
    const tooLarge = await oversizedSheet(bytes, entries, MEASURE_FROM_BYTES);
    if (tooLarge) return { ok: false, problem: tooLarge };
    const wb = await excel();
    const { ignores, unreadable } = readIgnores(wb);
    const grids = gridsFromWorkbook(wb);
    return {
      ok: true,
      workbook: {
        bytes,
        grids,
        ignores: mergeIgnores(ignores, fromExcel.ignores),
        ignoresUnreadable: unreadable || fromExcel.unreadable,
        reader: "exceljs",
        excel,
      },
    };
  } catch (error) {
    return { ok: false, problem: contentProblem(error) };
  }
}

/** What the bytes of a workbook file hold as ExcelJS loads them, or the problem that stops them being read as one. */
export async function openWorkbookBytes(bytes: Buffer, fileName: string): Promise<OpenResult> {
  const classified = classifyWorkbookBytes(bytes, path.extname(fileName));
  if (!classified.ok) return classified;
  try {
    const tooLarge = await oversizedSheet(bytes, classified.entries, MEASURE_FROM_BYTES);
    if (tooLarge) return { ok: false, problem: tooLarge };
    return { ok: true, workbook: await loader(bytes)(), bytes };
  } catch (error) {
    return { ok: false, problem: contentProblem(error) };
  }
}

async function readBytes(
  file: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: InputProblem }> {
  try {
    return { ok: true, bytes: await fsp.readFile(file) };
  } catch (error) {
    return { ok: false, problem: readErrorProblem(error) };
  }
}

/** Read a workbook file once and load it with ExcelJS; every failure is a typed problem, never an exception. */
export async function openWorkbookFile(file: string): Promise<OpenResult> {
  const read = await readBytes(file);
  return read.ok ? openWorkbookBytes(read.bytes, file) : read;
}

/** Read a workbook file once for `yanxiu check` (see checkableWorkbookBytes). */
export async function openCheckableWorkbook(file: string): Promise<CheckableResult> {
  const read = await readBytes(file);
  return read.ok ? checkableWorkbookBytes(read.bytes, file) : read;
}
