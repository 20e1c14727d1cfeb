// Node only: reads a workbook file for the CLI, once, and tells every kind of bad input apart before ExcelJS sees it.
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { classifyWorkbookBytes } from "./classify";
import { SHEET_LIMITS, type InputProblem } from "./problems";
import { measureSheet } from "./sheet-size";
import { entryDataOffset, type ZipEntryInfo } from "./zip-index";

export type OpenResult =
  { ok: true; workbook: ExcelJS.Workbook; bytes: Buffer } | { ok: false; problem: InputProblem };

// A worksheet part smaller than this cannot reach the limits (a row element takes at least ~12 bytes, a cell ~10),
// so only bigger parts are measured.
const MEASURE_FROM_BYTES = Math.min(SHEET_LIMITS.rows * 12, SHEET_LIMITS.cells * 10);

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
): Promise<InputProblem | undefined> {
  const big = entries.filter(
    (e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && e.uncompressedSize >= MEASURE_FROM_BYTES,
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

/** What the bytes of a workbook file hold, or the problem that stops them being read as one. */
export async function openWorkbookBytes(bytes: Buffer, fileName: string): Promise<OpenResult> {
  const classified = classifyWorkbookBytes(bytes, path.extname(fileName));
  if (!classified.ok) return classified;
  const index = classified;
  try {
    const tooLarge = await oversizedSheet(bytes, index.entries);
    if (tooLarge) return { ok: false, problem: tooLarge };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return { ok: true, workbook, bytes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { kind: "corrupt", detail: "content", message: message.split("\n")[0] ?? "" },
    };
  }
}

/** Read a workbook file once and open it; every failure is a typed problem, never an exception. */
export async function openWorkbookFile(file: string): Promise<OpenResult> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (error) {
    return { ok: false, problem: readErrorProblem(error) };
  }
  return openWorkbookBytes(bytes, file);
}
