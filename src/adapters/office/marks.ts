import { toA1 } from "../../core/grid/a1";
import type { CellMark } from "../../core/marks";
import { MARK_FILL, isOurNote } from "../../core/marks";
import { addressChunks, cellKey, chunkAddresses, keyToCell, parseAddressList, qualified } from "./addresses";
import { isExcelError } from "./errors";
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
 * Each request is planned to stay under this many bytes, by estimates calibrated on the request format of
 * Office.js (numbered actions over numbered object paths). Excel on the web refuses 5 MB (5,242,880 bytes).
 */
export const REQUEST_BUDGET = 4_500_000;
/**
 * Estimated bytes to probe one cell, out and back. A fill: its address in a getRanges list out, an area with
 * its fill back. A note: an object path, an instantiation and a query out, the note's text (or "none") back.
 */
const FILL_PROBE = { out: 12, back: 120 };
const NOTE_PROBE = { out: 300, back: 200 };
/** Estimated bytes of one notes.add or comments.add besides the text itself. */
const ANNOTATION_BYTES = 220;
/** Estimated bytes of one delete of a loaded note or comment. */
const DELETE_BYTES = 90;

const utf8 = new TextEncoder();

/** What the adapter learned about the workbook when it last read or marked it, to plan the next request. */
export interface MarksCache {
  /** The stored marks record as last seen, and each sheet's id by name. */
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

/** What probes brought back: current fills, and the note found at each looked-up cell. */
interface Probe {
  fills: Map<number, CurrentFill>;
  notes: Map<number, Excel.Note>;
}

interface ProbeItem {
  key: number;
  fill: boolean;
  note: boolean;
}

/** A cell's fill as a single-cell area reports it: exact, since one cell cannot be "mixed". */
const FILL_QUERY = "address,format/fill/color,format/fill/pattern,format/fill/patternColor";

/**
 * Queues reads of cells' fills and notes. Fills come through getRanges over single-cell areas, one call per
 * 8,000 characters of addresses rather than one per cell; a note needs a lookup per cell, as Excel cannot tell a
 * note's cell without a further request.
 */
function queueProbe(ws: Excel.Worksheet, sheet: string, items: readonly ProbeItem[]): () => Probe {
  const fillCells = items.filter((i) => i.fill).map((i) => keyToCell(i.key));
  const areaLists = chunkAddresses(fillCells.map((c) => toA1(c.row, c.col))).map((chunk) => {
    const areas = ws.getRanges(chunk).areas;
    areas.load(FILL_QUERY);
    return areas;
  });
  const notes = items
    .filter((i) => i.note)
    .map((i) => {
      const { row, col } = keyToCell(i.key);
      const note = ws.notes.getItemOrNullObject(qualified(sheet, row, col));
      note.load("content");
      return [i.key, note] as const;
    });
  return () => {
    const fills = new Map<number, CurrentFill>();
    for (const list of areaLists)
      for (const area of list.items) {
        const fill = area.format.fill;
        // Each area was given as one cell; should Excel ever join neighbours, the fill holds for all of them.
        for (const rect of parseAddressList(area.address))
          for (let row = rect.top; row <= rect.bottom; row++)
            for (let col = rect.left; col <= rect.right; col++)
              fills.set(cellKey(row, col), { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor });
      }
    return { fills, notes: new Map(notes) };
  };
}

/**
 * Splits work into groups whose estimated request and response sizes both stay within the budget (the first
 * group's request budget may be smaller, when it shares its request with other work). Always one group at least.
 */
function groupsWithin<T>(
  items: readonly T[],
  bytesOf: (t: T) => { out: number; back: number },
  budget: number,
  firstBudget = budget,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let out = 0;
  let back = 0;
  for (const item of items) {
    const b = bytesOf(item);
    const limit = groups.length === 0 ? firstBudget : budget;
    if (current.length > 0 && (out + b.out > limit || back + b.back > budget)) {
      groups.push(current);
      current = [];
      out = 0;
      back = 0;
    }
    current.push(item);
    out += b.out;
    back += b.back;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

function probeBytes(i: ProbeItem): { out: number; back: number } {
  return {
    out: (i.fill ? FILL_PROBE.out : 0) + (i.note ? NOTE_PROBE.out : 0),
    back: (i.fill ? FILL_PROBE.back : 0) + (i.note ? NOTE_PROBE.back : 0),
  };
}

function merge(into: Probe, got: Probe): void {
  for (const [k, v] of got.fills) into.fills.set(k, v);
  for (const [k, v] of got.notes) into.notes.set(k, v);
}

/** Further probe groups, one request each, in sequence (only for very many cells). */
async function probeRest(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: string, groups: ProbeItem[][], into: Probe): Promise<void> {
  const [group, ...rest] = groups;
  if (!group) return;
  const take = queueProbe(ws, sheet, group);
  await context.sync();
  merge(into, take());
  await probeRest(context, ws, sheet, rest, into);
}

function sameColor(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();
}

/** Whether the cell still shows the mark we painted (the user may have recoloured it since). */
function stillOurs(prev: MarkState, key: number, current: CurrentFill | undefined): boolean {
  return current !== undefined && current.pattern === "Solid" && sameColor(current.color, prev.painted.get(key));
}

/**
 * Adds our threaded comments, in budget-sized requests. Where notes cannot be read (before ExcelApi 1.18), a
 * cell may hold a note we cannot see, and Excel refuses a comment on it, failing the rest of the request. Excel
 * applies a request's actions in order, so the number of our comments present afterwards tells which add
 * failed: that cell is skipped (its reasons stay in the pane) and the rest are added. Two extra requests per
 * such cell; none when there is none.
 */
async function addComments(
  context: Excel.RequestContext,
  sheet: string,
  annotate: ReadonlyArray<readonly [number, CellMark]>,
  start: number,
  added: number,
): Promise<void> {
  if (start >= annotate.length) return;
  const [group = []] = groupsWithin(annotate.slice(start), ([, m]) => ({ out: utf8.encode(m.note).length + ANNOTATION_BYTES, back: 0 }), REQUEST_BUDGET);
  const comments = context.workbook.worksheets.getItem(sheet).comments;
  for (const [k, m] of group) {
    const { row, col } = keyToCell(k);
    comments.add(qualified(sheet, row, col), m.note);
  }
  try {
    await context.sync();
  } catch (e) {
    if (!isExcelError(e) || e.code !== "InvalidArgument") throw e;
    comments.load("items/content");
    await context.sync();
    const present = comments.items.filter((c) => isOurNote(c.content)).length;
    const applied = present - added;
    if (applied < 0 || applied >= group.length) throw e;
    return addComments(context, sheet, annotate, start + applied + 1, present);
  }
  return addComments(context, sheet, annotate, start + group.length, added + group.length);
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
 * Two requests for up to about 10,000 marks: (1) read the stored record, the sheet's notes and comments, and
 * probe the cells to paint and those painted last time (known from the cache that readSheet fills);
 * (2) write everything. One more request is needed only when the cache did not know last time's cells, or when
 * the sheet has threaded comments of the user's own (their cells are looked up so that nothing of ours is
 * stacked on them), or when the work exceeds a request's budget.
 *
 * Inside the write request the record of original fills goes first, so that whatever gets painted can always be
 * taken back even if Excel fails part-way through the batch.
 */
export async function reconcileMarks(context: Excel.RequestContext, sheet: string, marks: readonly CellMark[], options: ReconcileOptions): Promise<void> {
  const { annotations, cache } = options;
  const withNotes = annotations === "note";
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load("id");
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
  setting.load("value");
  const comments = options.comments ? context.workbook.worksheets.getItem(sheet).comments : undefined;
  comments?.load("items/content");
  // Every note on the sheet, to find ours (by prefix) wherever they are, without a lookup per cell.
  const allNotes = withNotes ? context.workbook.worksheets.getItem(sheet).notes : undefined;
  allNotes?.load("items/content");

  const targets = new Map<number, CellMark>();
  for (const m of marks) targets.set(cellKey(m.row, m.col), m);
  const cachedId = cache.ids.get(sheet);
  const guess = cache.stored && cachedId ? stateOf(cache.stored, cachedId) : emptyState();
  const items: ProbeItem[] = [...targets.keys()].map((key) => ({ key, fill: true, note: withNotes }));
  for (const key of guess.painted.keys()) if (!targets.has(key)) items.push({ key, fill: true, note: false });
  const found: Probe = { fills: new Map(), notes: new Map() };

  // Request 1.
  const [firstGroup = [], ...moreGroups] = groupsWithin(items, probeBytes, REQUEST_BUDGET);
  const takeFirst = queueProbe(ws, sheet, firstGroup);
  await context.sync();
  merge(found, takeFirst());
  await probeRest(context, ws, sheet, moreGroups, found);

  const stored = decodeStored(setting.isNullObject ? null : setting.value);
  const prev = stateOf(stored, ws.id);
  const userComments = (comments?.items ?? []).filter((c) => !isOurNote(c.content));

  // Only when needed: fills the first probe could not know about (no or stale cache), the user's comments' cells.
  const missing = [...prev.painted.keys()].filter((k) => !found.fills.has(k)).map((key) => ({ key, fill: true, note: false }));
  const commentCells = new Set<number>();
  if (missing.length > 0 || (userComments.length > 0 && targets.size > 0)) {
    const locations = targets.size > 0 ? userComments.map((c) => c.getLocation().load("address")) : [];
    const [firstMissing = [], ...moreMissing] = groupsWithin(missing, probeBytes, REQUEST_BUDGET);
    const takeMissing = queueProbe(ws, sheet, firstMissing);
    await context.sync();
    merge(found, takeMissing());
    await probeRest(context, ws, sheet, moreMissing, found);
    for (const loc of locations) for (const r of parseAddressList(loc.address)) commentCells.add(cellKey(r.top, r.left));
  }

  const next: MarkState = emptyState();
  for (const [k, m] of targets) {
    const current = found.fills.get(k);
    const keep = prev.painted.has(k) && stillOurs(prev, k, current);
    next.original.set(k, keep ? (prev.original.get(k) ?? null) : originalFrom(current));
    next.painted.set(k, MARK_FILL[m.severity]);
  }
  const oursNotes = (allNotes?.items ?? []).filter((n) => isOurNote(n.content));
  const oursComments = (comments?.items ?? []).filter((c) => isOurNote(c.content));
  // A cell holds one note or one comment thread: reasons go only where the user has neither.
  const annotate =
    annotations === "none"
      ? []
      : [...targets].filter(([k]) => {
          const note = found.notes.get(k);
          return !commentCells.has(k) && (note === undefined || note.isNullObject || isOurNote(note.content));
        });

  // The write request, in an order that keeps the record true if Excel fails part-way:
  // 1. the record of original fills;
  const newStored = withSheet(stored, ws.id, sheet, next);
  const keepRecord = Object.keys(newStored.sheets).length > 0;
  if (keepRecord) context.workbook.settings.add(MARKS_SETTING_KEY, newStored);
  else if (!setting.isNullObject) setting.delete();

  // 2. our notes and comments go, the user's stay;
  for (const n of oursNotes) n.delete();
  for (const c of oursComments) c.delete();

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

  // 5. the reasons; what does not fit the request's budget goes in further requests.
  const base =
    (keepRecord ? utf8.encode(JSON.stringify(newStored)).length : 0) +
    (oursNotes.length + oursComments.length) * DELETE_BYTES +
    (restore.length + next.painted.size + patterned.length) * 12;
  const groups = groupsWithin(
    annotate,
    ([, m]) => ({ out: utf8.encode(m.note).length + ANNOTATION_BYTES, back: 0 }),
    REQUEST_BUDGET,
    Math.max(0, REQUEST_BUDGET - base),
  );
  if (withNotes) {
    const writeFrom = async (i: number): Promise<void> => {
      for (const [k, m] of groups[i] ?? []) {
        const { row, col } = keyToCell(k);
        ws.notes.add(qualified(sheet, row, col), m.note);
      }
      await context.sync();
      if (i + 1 < groups.length) await writeFrom(i + 1);
    };
    await writeFrom(0);
  } else {
    await context.sync();
    if (annotations === "comment") await addComments(context, sheet, annotate, 0, 0);
  }
  cache.stored = newStored;
  cache.ids.set(sheet, ws.id);
}
