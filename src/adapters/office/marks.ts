import type { CellMark } from "../../core/marks";
import { MARK_FILL, isOurNote } from "../../core/marks";
import { addressChunks, cellKey, keyToCell, parseAddressList, qualified, rectAddress, cellRects } from "./addresses";
import {
  type CurrentFill,
  MARKS_SETTING_KEY,
  type MarkState,
  type StoredMarks,
  decodeStored,
  emptyState,
  originalFrom,
  restoreGroups,
  stateOf,
  withSheet,
} from "./marks-store";

/** How reasons are attached to marked cells on this host. */
export type Annotations = "note" | "comment" | "none";

/**
 * Requests are kept under this many bytes by our own estimate; Excel on the web refuses 5 MB (5,242,880 bytes),
 * and the estimate is rough, so the margin is wide.
 */
export const REQUEST_BUDGET = 4_000_000;
/** Estimated request bytes to probe one cell (its fill through getCellProperties, its note by address). */
const PROBE_BYTES_PER_CELL = 260;

const utf8 = new TextEncoder();

/** What the adapter learned about the workbook when it last read or marked it, to plan the next request. */
export interface MarksCache {
  /** The stored marks setting as last seen (null: none), and each sheet's id by name. */
  stored: StoredMarks | undefined;
  ids: Map<string, string>;
}

export function newMarksCache(): MarksCache {
  return { stored: undefined, ids: new Map() };
}

function remember(cache: MarksCache, sheet: string, ws: Excel.Worksheet, setting: Excel.Setting): void {
  cache.ids.set(sheet, ws.id);
  cache.stored = decodeStored(setting.isNullObject ? null : setting.value);
}

/**
 * Queues, into a request about to be sent (readSheet's), the loads that tell where our marks are: the sheet's id
 * and the stored record. Returns what to call once that request is back.
 */
export function queueMarksPeek(context: Excel.RequestContext, sheet: string, cache: MarksCache): () => void {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load("id");
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
  setting.load("value");
  return () => remember(cache, sheet, ws, setting);
}

/** What one probe brought back: the current fill and the note (if any) of each probed cell. */
interface Probe {
  fills: Map<number, CurrentFill>;
  notes: Map<number, Excel.Note>;
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true } } };

/** Queues reads of the cells' fills (and notes): one getCellProperties per rectangle, one lookup per cell. */
function queueProbe(ws: Excel.Worksheet, sheet: string, keys: number[], withNotes: boolean): () => Probe {
  const rects = cellRects(keys.map(keyToCell));
  const props = rects.map((r) => ({ rect: r, result: ws.getRange(rectAddress(r)).getCellProperties(FILL_PROPS) }));
  const notes = withNotes
    ? keys.map((k) => {
        const { row, col } = keyToCell(k);
        const note = ws.notes.getItemOrNullObject(qualified(sheet, row, col));
        note.load("content");
        return [k, note] as const;
      })
    : [];
  return () => {
    const fills = new Map<number, CurrentFill>();
    for (const { rect, result } of props)
      result.value.forEach((line, r) =>
        line.forEach((cell, c) => {
          const fill = cell.format?.fill;
          if (fill) fills.set(cellKey(rect.top + r, rect.left + c), { color: fill.color ?? "#FFFFFF", pattern: fill.pattern ?? "None", patternColor: fill.patternColor ?? null });
        }),
      );
    return { fills, notes: new Map(notes) };
  };
}

/** Splits work into groups whose estimated request size stays within the budget. */
function groupsWithin<T>(items: readonly T[], bytesOf: (t: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length > 0 && size + b > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function merge(into: Probe, got: Probe): void {
  for (const [k, v] of got.fills) into.fills.set(k, v);
  for (const [k, v] of got.notes) into.notes.set(k, v);
}

/** Probes further cells in budget-sized groups, one request each, in sequence (only for very many cells). */
async function probeInGroups(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  groups: number[][],
  withNotes: boolean,
  into: Probe,
): Promise<void> {
  const [group, ...rest] = groups;
  if (!group) return;
  const take = queueProbe(ws, sheet, group, withNotes);
  await context.sync();
  merge(into, take());
  await probeInGroups(context, ws, sheet, rest, withNotes, into);
}

function probeGroups(keys: number[]): number[][] {
  return groupsWithin(keys, () => PROBE_BYTES_PER_CELL, REQUEST_BUDGET);
}

function sameColor(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();
}

/** Whether the cell still shows the mark we painted (the user may have recoloured it since). */
function stillOurs(prev: MarkState, key: number, current: CurrentFill | undefined): boolean {
  return current !== undefined && current.pattern === "Solid" && sameColor(current.color, prev.painted.get(key));
}

export interface ReconcileOptions {
  annotations: Annotations;
  /** Threaded comments can be read and deleted (ExcelApi 1.10), even where notes are used for new marks. */
  comments: boolean;
  cache: MarksCache;
}

/**
 * Brings one sheet's marks from what we left there last time to `marks` (empty: take every mark back).
 *
 * Requests: (1) read what is stored and probe the cells we are about to paint and those painted last time
 * (known from the cache filled by readSheet), (2) write everything. A third request is needed only when the
 * cache did not know last time's cells, or when the sheet has threaded comments of the user's own (their cells
 * are looked up so that no note or comment of ours is stacked on them), or when a batch would exceed 5 MB.
 *
 * Order inside the write request is chosen so that a failure part-way still leaves a consistent record: the
 * stored snapshot is written first, so whatever got painted can always be taken back.
 */
export async function reconcileMarks(context: Excel.RequestContext, sheet: string, marks: readonly CellMark[], options: ReconcileOptions): Promise<void> {
  const { annotations, cache } = options;
  const withNotes = annotations === "note";
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load("id");
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
  setting.load("value");
  const comments = options.comments ? context.workbook.worksheets.getItem(sheet).comments : undefined;
  comments?.load("items/id,items/content");

  const targets = new Map<number, CellMark>();
  for (const m of marks) targets.set(cellKey(m.row, m.col), m);
  const cachedId = cache.ids.get(sheet);
  const guess = cache.stored && cachedId ? stateOf(cache.stored, cachedId) : emptyState();
  const probed = new Set<number>([...targets.keys(), ...guess.painted.keys(), ...guess.notes]);
  const found: Probe = { fills: new Map(), notes: new Map() };

  // Request 1: the stored record, the sheet's comments, and the probe of the cells we expect to touch.
  const [firstGroup = [], ...moreGroups] = probeGroups([...probed]);
  const takeFirst = queueProbe(ws, sheet, firstGroup, withNotes);
  await context.sync();
  merge(found, takeFirst());
  await probeInGroups(context, ws, sheet, moreGroups, withNotes, found);
  const stored = decodeStored(setting.isNullObject ? null : setting.value);
  const prev = stateOf(stored, ws.id);
  const userComments = (comments?.items ?? []).filter((c) => !isOurNote(c.content));

  // Request 2 (only when needed): cells the first probe could not know about, and the user's comments' cells.
  const missing = [...new Set([...prev.painted.keys(), ...prev.notes])].filter((k) => !probed.has(k));
  const commentCells = new Set<number>();
  const wantLocations = userComments.length > 0 && targets.size > 0;
  if (missing.length > 0 || wantLocations) {
    const locations = wantLocations ? userComments.map((c) => c.getLocation().load("address")) : [];
    const [firstMissing = [], ...moreMissing] = probeGroups(missing);
    const takeMissing = queueProbe(ws, sheet, firstMissing, withNotes);
    await context.sync();
    merge(found, takeMissing());
    await probeInGroups(context, ws, sheet, moreMissing, withNotes, found);
    for (const loc of locations) for (const r of parseAddressList(loc.address)) commentCells.add(cellKey(r.top, r.left));
  }

  const next: MarkState = emptyState();
  for (const [k, m] of targets) {
    const current = found.fills.get(k);
    const keep = prev.painted.has(k) && stillOurs(prev, k, current);
    next.original.set(k, keep ? (prev.original.get(k) ?? null) : originalFrom(current));
    next.painted.set(k, MARK_FILL[m.severity]);
  }
  const ours = (note: Excel.Note | undefined) => note !== undefined && !note.isNullObject && isOurNote(note.content);
  // A cell holds one note or one comment thread: reasons go only where the user has neither.
  const annotate =
    annotations === "none"
      ? []
      : [...targets].filter(([k]) => {
          const note = found.notes.get(k);
          return !commentCells.has(k) && (note === undefined || note.isNullObject || ours(note));
        });
  if (withNotes) for (const [k] of annotate) next.notes.add(k);

  // The last request writes, in an order that keeps the record true if Excel fails part-way:
  // 1. the record of originals first, so whatever gets painted can always be taken back;
  const newStored = withSheet(stored, ws.id, sheet, next);
  if (Object.keys(newStored.sheets).length > 0) context.workbook.settings.add(MARKS_SETTING_KEY, newStored);
  else if (!setting.isNullObject) setting.delete();

  // 2. our notes and comments go, the user's stay;
  for (const note of found.notes.values()) if (ours(note)) note.delete();
  for (const c of comments?.items ?? []) if (isOurNote(c.content)) c.delete();

  // 3. cells marked last time and not now get their fill back, unless the user has recoloured them since;
  const restore = [...prev.painted.keys()].filter((k) => !targets.has(k) && stillOurs(prev, k, found.fills.get(k)));
  for (const { fill, chunks } of restoreGroups(prev, restore))
    for (const chunk of chunks) {
      const areas = ws.getRanges(chunk);
      if (fill === null) areas.format.fill.clear();
      else {
        areas.format.fill.color = fill.color;
        if (fill.pattern !== "Solid") areas.format.fill.pattern = fill.pattern as Excel.FillPattern;
        if (fill.patternColor) areas.format.fill.patternColor = fill.patternColor;
      }
    }

  // 4. paint, one getRanges per colour and address chunk; patterned cells are made solid so the mark reads;
  const byColor = new Map<string, number[]>();
  for (const [k, color] of next.painted) {
    const list = byColor.get(color);
    if (list) list.push(k);
    else byColor.set(color, [k]);
  }
  for (const [color, keys] of byColor)
    for (const chunk of addressChunks(keys.map(keyToCell))) ws.getRanges(chunk).format.fill.color = color;
  const patterned = [...targets.keys()].filter((k) => {
    const p = found.fills.get(k)?.pattern;
    return p !== undefined && p !== "None" && p !== "Solid";
  });
  for (const chunk of addressChunks(patterned.map(keyToCell))) ws.getRanges(chunk).format.fill.pattern = "Solid";

  // 5. the reasons; batches beyond the budget go in further requests.
  const groups = groupsWithin(annotate, ([, m]) => utf8.encode(m.note).length + 160, REQUEST_BUDGET);
  const writeFrom = async (i: number): Promise<void> => {
    for (const [k, m] of groups[i] ?? []) {
      const { row, col } = keyToCell(k);
      if (withNotes) ws.notes.add(qualified(sheet, row, col), m.note);
      else ws.comments.add(qualified(sheet, row, col), m.note);
    }
    await context.sync();
    if (i + 1 < groups.length) await writeFrom(i + 1);
  };
  await writeFrom(0);
  cache.stored = newStored;
  cache.ids.set(sheet, ws.id);
}
