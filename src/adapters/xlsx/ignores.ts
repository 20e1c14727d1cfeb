import type ExcelJS from "exceljs";
import type { IgnoreEntry } from "../../core/check-types";
import type { Grid } from "../../core/grid/types";
import { isRuleId } from "../../core/rules/ids";
import {
  STORE_SHEET,
  decodeStoreRows,
  encodeStoreRows,
  storeCellText,
  type StoreContent,
  type StoreRow,
} from "../../core/settings-rows";

/**
 * The product's store inside a workbook (docs/ignores.md): a very hidden sheet "_yanxiu" of key/value rows, in the
 * row format of src/core/settings-rows.ts. This file reads and writes it over ExcelJS; the Office adapter reads and
 * writes the same rows through Office.js, so ignores made in Excel are honoured by the CLI and back.
 */
export {
  STORE_CHUNK,
  STORE_MARKER,
  STORE_SHEET,
  STORE_VERSION,
  type StoreContent,
} from "../../core/settings-rows";
export const IGNORES_KEY = "ignores";

function cellString(value: ExcelJS.CellValue): string {
  if (value && typeof value === "object" && "richText" in value && Array.isArray(value.richText))
    return value.richText.map((r) => r.text).join("");
  return storeCellText(value);
}

/** Every key of the store with its parsed value; values that are not valid JSON are left out (and named). */
export function readStore(wb: ExcelJS.Workbook): StoreContent {
  const ws = wb.getWorksheet(STORE_SHEET);
  const rows: StoreRow[] = [];
  ws?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push([cellString(row.getCell(1).value), cellString(row.getCell(2).value)]);
  });
  return decodeStoreRows(rows);
}

/** The same store read from the grid of the "_yanxiu" sheet (the CLI's direct reader gives grids, not ExcelJS). */
export function readStoreFromGrid(grid: Grid): StoreContent {
  const rows: StoreRow[] = [];
  const text = (r: number, c: number) => {
    const cell = grid.cell(r, c);
    return typeof cell.value === "string" ? cell.value : cell.text;
  };
  for (let r = 1; r < grid.rowCount; r++) rows.push([text(r, 0), text(r, 1)]);
  return decodeStoreRows(rows);
}

/** Write the whole store (replacing what was there), creating the very hidden sheet when needed. */
export function writeStore(wb: ExcelJS.Workbook, values: ReadonlyMap<string, unknown>): void {
  const existing = wb.getWorksheet(STORE_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  encodeStoreRows(values).forEach(([key, piece], i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = piece;
  });
}

/** Keep only well-formed entries: a known rule id, a sheet name, an A1 cell and a reason. */
export function validIgnores(value: unknown): IgnoreEntry[] {
  if (!Array.isArray(value)) return [];
  const out: IgnoreEntry[] = [];
  for (const item of value) {
    if (!item || typeof item !== "object") continue;
    const { sheet, rule, cell, reason } = item as Record<string, unknown>;
    if (typeof sheet !== "string" || typeof rule !== "string" || !isRuleId(rule)) continue;
    if (typeof cell !== "string" || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell)) continue;
    out.push({ sheet, rule, cell, reason: typeof reason === "string" ? reason : "" });
  }
  return out;
}

/** The findings the user chose to ignore, as stored in the workbook ([] when there is no store). */
export function readIgnores(wb: ExcelJS.Workbook): { ignores: IgnoreEntry[]; unreadable: boolean } {
  const { values, unreadable } = readStore(wb);
  return { ignores: validIgnores(values.get(IGNORES_KEY)), unreadable: unreadable.includes(IGNORES_KEY) };
}

/** The stored ignores, from the store sheet's grid (undefined: the workbook has no store). */
export function readIgnoresFromGrid(grid: Grid | undefined): { ignores: IgnoreEntry[]; unreadable: boolean } {
  if (!grid) return { ignores: [], unreadable: false };
  const { values, unreadable } = readStoreFromGrid(grid);
  return { ignores: validIgnores(values.get(IGNORES_KEY)), unreadable: unreadable.includes(IGNORES_KEY) };
}

function decodeXmlAttribute(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e] ?? whole;
  });
}

/**
 * The "ignores" setting of an Office add-in as Excel saves it: a property of the add-in's web-extension part
 * (xl/webextensions/webextensionN.xml, [MS-OWEXML] CT_OsfWebExtensionProperty) whose value is the setting as JSON.
 * Earlier builds of the Office adapter kept the pane's settings there (workbook.settings); reading it too means ignores
 * saved by such a build still count for the CLI. (The Office adapter now writes the "_yanxiu" sheet, and removes that
 * old copy when it saves.) Undefined when the part has no such property.
 */
export function ignoresFromWebExtension(
  xml: string,
): { ignores: IgnoreEntry[]; unreadable: boolean } | undefined {
  for (const m of xml.matchAll(/<(?:\w+:)?property\b([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = /\bname\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined || decodeXmlAttribute(name) !== IGNORES_KEY) continue;
    const raw = decodeXmlAttribute(/\bvalue\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? "");
    try {
      let value: unknown = JSON.parse(raw);
      // A setting saved as a string holding JSON (some hosts serialise twice).
      if (typeof value === "string") value = JSON.parse(value);
      return { ignores: validIgnores(value), unreadable: false };
    } catch {
      return { ignores: [], unreadable: true };
    }
  }
  return undefined;
}

/** Ignores from several stores together, each finding once (by sheet, rule and cell; the first reason kept). */
export function mergeIgnores(...lists: ReadonlyArray<readonly IgnoreEntry[]>): IgnoreEntry[] {
  const seen = new Map<string, IgnoreEntry>();
  for (const list of lists)
    for (const e of list) {
      const key = `${e.sheet}\u0000${e.rule}\u0000${e.cell}`;
      if (!seen.has(key)) seen.set(key, e);
    }
  return [...seen.values()];
}

/** Replace the stored ignores, keeping every other key of the store. */
export function writeIgnores(wb: ExcelJS.Workbook, ignores: readonly IgnoreEntry[]): void {
  const { values } = readStore(wb);
  values.set(IGNORES_KEY, ignores);
  writeStore(wb, values);
}
