import {
  addressChunks,
  cellKey,
  keyToCell,
  parseAddressList,
  rectAddress,
  cellRects,
  rectCells,
} from "./addresses";

/**
 * Where the add-in remembers what it changed, so 清除标记 can put every cell back exactly:
 * the workbook's own settings (Excel.SettingCollection, ExcelApi 1.4), under one key.
 *
 * Why settings: they are saved inside the workbook file, so they survive closing the pane, saving and reopening;
 * they are invisible to the user and cannot be edited by accident (unlike a hidden worksheet, which also changes
 * the workbook's structure and fails on a workbook whose structure is protected); and they need no extra
 * requirement set beyond 1.4 (custom XML parts would need a second, slower API and an XML round trip).
 *
 * The value is keyed by worksheet id, which survives renaming the sheet. Addresses are stored as compressed
 * A1 range lists, so 10,000 marked cells take tens of kilobytes.
 */
export const MARKS_SETTING_KEY = "yanxiu-desk.marks";

/** A cell's fill before we painted it; null is "no fill" (not white: white hides the gridlines). */
export type OriginalFill = { color: string; pattern: string; patternColor?: string } | null;

/**
 * What Excel reports for a cell's fill. `pattern` may be null for no fill and for a solid fill alike (office-js
 * #4900) and `color` reads #FFFFFF for no fill (#6218); `tintAndShade` (ExcelApi 1.9) is null for no fill only.
 */
export interface CurrentFill {
  color: string;
  pattern: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

/** Whether a fill Excel reported is "no fill" (not white: white hides the gridlines). */
export function isNoFill(current: CurrentFill): boolean {
  if (current.pattern === "None") return true;
  if (current.pattern !== null && current.pattern !== undefined) return false;
  // The pattern does not tell: tintAndShade does, when Excel gave it; else white is taken for no fill, whose
  // restoring keeps the gridlines the user most likely had.
  if (current.tintAndShade !== undefined) return current.tintAndShade === null;
  return current.color.toUpperCase() === "#FFFFFF";
}

/** What we changed on one sheet, in memory, by cell key. */
export interface MarkState {
  /** Original fill of every cell we painted. */
  original: Map<number, OriginalFill>;
  /** The colour we painted each cell with. */
  painted: Map<number, string>;
  /**
   * Cells where we attached a note or comment, and their total size in UTF-8 bytes: to plan how to read them back.
   * (Ours are recognised by MARK_PREFIX wherever they are; this only sizes requests and tells ours from the user's
   * at a glance.)
   */
  annotated: Set<number>;
  annotationBytes: number;
}

interface StoredSheet {
  /** The sheet's name when it was marked, for people reading the settings; the key is the sheet's id. */
  name: string;
  painted: Array<{ color: string; cells: string }>;
  originals: Array<{ fill: OriginalFill; cells: string }>;
  annotated?: { cells: string; bytes: number };
}

export interface StoredMarks {
  version: 1;
  sheets: Record<string, StoredSheet>;
}

export function emptyState(): MarkState {
  return { original: new Map(), painted: new Map(), annotated: new Set(), annotationBytes: 0 };
}

function keysOf(address: string): number[] {
  return rectCells(parseAddressList(address)).map((c) => cellKey(c.row, c.col));
}

function addressOf(keys: Iterable<number>): string {
  return cellRects([...keys].map(keyToCell))
    .map(rectAddress)
    .join(",");
}

function isFill(x: unknown): x is OriginalFill {
  if (x === null) return true;
  if (typeof x !== "object") return false;
  const f = x as Record<string, unknown>;
  return (
    typeof f.color === "string" &&
    typeof f.pattern === "string" &&
    (f.patternColor === undefined || typeof f.patternColor === "string")
  );
}

const isAddress = (x: unknown): x is string => typeof x === "string";

/**
 * Reads the stored value. What cannot be understood is dropped at the smallest level it can be: a bad entry costs
 * that entry (its cells are then restored to no fill, or not known as annotated), never the sheet's whole record,
 * so 清除标记 still takes back everything else. A value of another shape altogether counts as nothing stored.
 */
export function decodeStored(value: unknown): StoredMarks {
  const out: StoredMarks = { version: 1, sheets: {} };
  if (typeof value !== "object" || value === null) return out;
  const sheets = (value as { version?: unknown; sheets?: unknown }).sheets;
  if ((value as { version?: unknown }).version !== 1 || typeof sheets !== "object" || sheets === null)
    return out;
  for (const [id, s] of Object.entries(sheets as Record<string, unknown>)) {
    if (typeof s !== "object" || s === null) continue;
    const sheet = s as Record<string, unknown>;
    const entries = (x: unknown): Array<Record<string, unknown>> =>
      Array.isArray(x)
        ? x.filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
        : [];
    const painted = entries(sheet.painted)
      .filter((p) => typeof p.color === "string" && isAddress(p.cells))
      .map((p) => ({ color: p.color as string, cells: p.cells as string }));
    const originals = entries(sheet.originals)
      .filter((o) => isFill(o.fill) && isAddress(o.cells))
      .map((o) => ({ fill: o.fill as OriginalFill, cells: o.cells as string }));
    const a = sheet.annotated as { cells?: unknown; bytes?: unknown } | undefined;
    const annotated =
      a && isAddress(a.cells) && typeof a.bytes === "number" ? { cells: a.cells, bytes: a.bytes } : undefined;
    if (painted.length === 0 && !annotated) continue;
    out.sheets[id] = {
      name: typeof sheet.name === "string" ? sheet.name : "",
      painted,
      originals,
      ...(annotated ? { annotated } : {}),
    };
  }
  return out;
}

export function stateOf(stored: StoredMarks, sheetId: string): MarkState {
  const state = emptyState();
  const s = stored.sheets[sheetId];
  if (!s) return state;
  for (const p of s.painted) for (const k of keysOf(p.cells)) state.painted.set(k, p.color);
  for (const o of s.originals) for (const k of keysOf(o.cells)) state.original.set(k, o.fill);
  if (s.annotated) {
    for (const k of keysOf(s.annotated.cells)) state.annotated.add(k);
    state.annotationBytes = s.annotated.bytes;
  }
  return state;
}

function groupBy<V>(map: Map<number, V>, keyOf: (v: V) => string): Map<string, { value: V; keys: number[] }> {
  const groups = new Map<string, { value: V; keys: number[] }>();
  for (const [k, v] of map) {
    const g = keyOf(v);
    const entry = groups.get(g);
    if (entry) entry.keys.push(k);
    else groups.set(g, { value: v, keys: [k] });
  }
  return groups;
}

export function fillKey(f: OriginalFill): string {
  return f === null ? "none" : `${f.color}|${f.pattern}|${f.patternColor ?? ""}`;
}

/** The stored value with one sheet's entry replaced (or removed when nothing of ours is left on it). */
export function withSheet(stored: StoredMarks, sheetId: string, name: string, state: MarkState): StoredMarks {
  const sheets = { ...stored.sheets };
  if (state.painted.size === 0 && state.annotated.size === 0) delete sheets[sheetId];
  else
    sheets[sheetId] = {
      name,
      painted: [...groupBy(state.painted, (c) => c).values()].map((g) => ({
        color: g.value,
        cells: addressOf(g.keys),
      })),
      originals: [...groupBy(state.original, fillKey).values()].map((g) => ({
        fill: g.value,
        cells: addressOf(g.keys),
      })),
      ...(state.annotated.size > 0
        ? { annotated: { cells: addressOf(state.annotated), bytes: state.annotationBytes } }
        : {}),
    };
  return { version: 1, sheets };
}

/** Both states at once: what the record must cover while a change from one to the other is under way. */
export function unionState(a: MarkState, b: MarkState): MarkState {
  const u = emptyState();
  // b's originals win: they are the newer reading of what the user has there.
  for (const s of [b, a]) {
    for (const [k, v] of s.original) if (!u.original.has(k)) u.original.set(k, v);
    for (const [k, v] of s.painted) if (!u.painted.has(k)) u.painted.set(k, v);
    for (const k of s.annotated) u.annotated.add(k);
  }
  u.annotationBytes = a.annotationBytes + b.annotationBytes;
  return u;
}

/** The fill to restore a cell to, from what Excel reported for it (through getRanges areas) before we painted it. */
export function originalFrom(current: CurrentFill | undefined): OriginalFill {
  if (!current || isNoFill(current)) return null;
  const pattern = current.pattern ?? "Solid";
  const fill: { color: string; pattern: string; patternColor?: string } = { color: current.color, pattern };
  if (pattern !== "Solid" && typeof current.patternColor === "string")
    fill.patternColor = current.patternColor;
  return fill;
}

/** Groups cells by original fill, as getRanges address chunks. */
export function restoreGroups(
  state: MarkState,
  keys: Iterable<number>,
): Array<{ fill: OriginalFill; chunks: string[] }> {
  const subset = new Map<number, OriginalFill>();
  for (const k of keys) subset.set(k, state.original.get(k) ?? null);
  return [...groupBy(subset, fillKey).values()].map((g) => ({
    fill: g.value,
    chunks: addressChunks(g.keys.map(keyToCell)),
  }));
}
