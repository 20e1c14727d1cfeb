import { toA1 } from "../../core/grid/a1";
import type { CellMark } from "../../core/marks";
import { MARK_FILL, isOurNote } from "../../core/marks";
import { addressChunks, cellKey, chunkAddresses, keyToCell, parseAddressList, qualified } from "./addresses";
import { isExcelError, isPayloadError } from "./errors";
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
  unionState,
  withSheet,
} from "./marks-store";

/** How reasons are attached to marked cells on this host. */
export type Annotations = "note" | "comment" | "none";

/**
 * Every request is planned to stay under this many bytes each way, by estimates calibrated on the request
 * format of Office.js (numbered actions over numbered object paths). Excel on the web refuses 5 MB (5,242,880).
 */
export const REQUEST_BUDGET = 4_500_000;
export const RESPONSE_BUDGET = 4_500_000;

/**
 * Estimated bytes to probe one cell, out and back. A fill: its address in a getRanges list out, an area with its
 * fill back. A note lookup: an object path and an instantiation out, "null or not" back.
 */
const FILL_PROBE = { out: 12, back: 120 };
const NOTE_PROBE = { out: 200, back: 50 };
/** Estimated bytes of one notes.add or comments.add besides the text, and of one delete. */
const ANNOTATION_BYTES = 220;
const DELETE_BYTES = 90;
/** Estimated bytes per note or comment read back, besides its text; and the text's size when nothing is known. */
const READ_OVERHEAD = 80;
const UNKNOWN_TEXT = 800;
/** Notes of ours are kept short: the pane has the full account (and Excel notes are unwieldy beyond a screen). */
export const NOTE_MAX_CHARS = 600;

// Made on first use: importing the adapter (the pane does, for 自检) must not need TextEncoder before it is used.
let encoder: TextEncoder | undefined;
const utf8 = { encode: (s: string) => (encoder ??= new TextEncoder()).encode(s) };
const bytesOf = (s: string) => utf8.encode(s).length;
const OUR_COLORS = new Set(Object.values(MARK_FILL).map((c) => c.toUpperCase()));

/** Bytes a request may carry out and bring back. */
interface Budget {
  out: number;
  back: number;
}

const FULL_BUDGET: Budget = { out: REQUEST_BUDGET, back: RESPONSE_BUDGET };

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
  const take = queueMarksPeekOn(context, context.workbook.worksheets.getItem(sheet), cache);
  return () => take(sheet);
}

/** The same for a worksheet whose name comes with the answer (the active one); call with that name. */
export function queueMarksPeekOn(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  cache: MarksCache,
): (sheet: string) => void {
  ws.load("id");
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
  setting.load("value");
  return (sheet) => remember(cache, sheet, ws, setting);
}

/** A note's text within NOTE_MAX_CHARS, cut at a line break where there is one. */
export function clipNote(text: string): string {
  if (text.length <= NOTE_MAX_CHARS) return text;
  const cut = text.lastIndexOf("\n", NOTE_MAX_CHARS - 2);
  return `${text.slice(0, cut > 0 ? cut : NOTE_MAX_CHARS - 2)}\n…`;
}

/** What probes brought back: current fills, and whether a note sits at each looked-up cell. */
interface Probe {
  fills: Map<number, CurrentFill>;
  noteAt: Map<number, Excel.Note>;
}

interface ProbeItem {
  key: number;
  fill: boolean;
  note: boolean;
}

/** A cell's fill as a single-cell area reports it: exact, since one cell cannot be "mixed". */
const FILL_QUERY =
  "address,format/fill/color,format/fill/pattern,format/fill/patternColor,format/fill/tintAndShade";

/**
 * Queues reads of cells' fills and of whether they hold a note. Fills come through getRanges over single-cell
 * areas, one call per 8,000 characters of addresses rather than one per cell; a note takes a lookup per cell.
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
      return [i.key, ws.notes.getItemOrNullObject(qualified(sheet, row, col))] as const;
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
              fills.set(cellKey(row, col), {
                color: fill.color,
                pattern: fill.pattern,
                patternColor: fill.patternColor,
                tintAndShade: fill.tintAndShade,
              });
      }
    return { fills, noteAt: new Map(notes) };
  };
}

/**
 * Splits work into groups whose estimated request and response sizes stay within budgets (the first group's
 * may be smaller, when it shares its request with other work). Always at least one group.
 */
function groupsWithin<T>(
  items: readonly T[],
  size: (t: T) => { out: number; back: number },
  whole: Budget,
  first: Budget = whole,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let out = 0;
  let back = 0;
  for (const item of items) {
    const b = size(item);
    const limit = groups.length === 0 ? first : whole;
    if (current.length > 0 && (out + b.out > limit.out || back + b.back > limit.back)) {
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

function probeSize(i: ProbeItem): { out: number; back: number } {
  return {
    out: (i.fill ? FILL_PROBE.out : 0) + (i.note ? NOTE_PROBE.out : 0),
    back: (i.fill ? FILL_PROBE.back : 0) + (i.note ? NOTE_PROBE.back : 0),
  };
}

function merge(into: Probe, got: Probe): void {
  for (const [k, v] of got.fills) into.fills.set(k, v);
  for (const [k, v] of got.noteAt) into.noteAt.set(k, v);
}

/** Further probe groups, one request each, in sequence (only for very many cells). */
async function probeRest(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  groups: ProbeItem[][],
  into: Probe,
): Promise<void> {
  const [group, ...rest] = groups;
  if (!group) return;
  const take = queueProbe(ws, sheet, group);
  await context.sync();
  merge(into, take());
  await probeRest(context, ws, sheet, rest, into);
}

/** A note or a threaded comment: what this code needs of either. */
interface Annotation {
  content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

/** A sheet's notes or comments collection, fresh for each request (loading a collection replaces its items). */
interface AnnotationCollection {
  load(option: { select: string; top: number; skip: number }): unknown;
  readonly items: Annotation[];
  getCount(): OfficeExtension.ClientResult<number>;
  add(cellAddress: string, content: string): unknown;
}

interface Paged {
  count: OfficeExtension.ClientResult<number>;
  first: AnnotationCollection;
}

/** Queues the count and the first page of a collection. */
function queueFirstPage(open: () => AnnotationCollection, top: number): Paged {
  const first = open();
  const count = first.getCount();
  first.load({ select: "content", top, skip: 0 });
  return { count, first };
}

/**
 * Reads the rest of a collection page by page, each page sized from the texts seen so far; a page that still
 * comes back over the limit is halved.
 */
async function readPages(
  context: Excel.RequestContext,
  open: () => AnnotationCollection,
  from: number,
  total: number,
  top: number,
  into: Annotation[],
): Promise<void> {
  if (from >= total) return;
  const page = open();
  page.load({ select: "content", top, skip: from });
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadError(e) && top > 1) return readPages(context, open, from, total, Math.ceil(top / 2), into);
    throw e;
  }
  const items = page.items;
  if (items.length === 0) return;
  into.push(...items);
  const seen = into.reduce((n, a) => n + bytesOf(a.content) + READ_OVERHEAD, 0) / into.length;
  return readPages(
    context,
    open,
    from + items.length,
    total,
    Math.max(1, Math.floor(RESPONSE_BUDGET / seen)),
    into,
  );
}

/** Whether the cell shows one of our mark fills (otherwise the user has recoloured it since). */
function showsOurFill(current: CurrentFill | undefined): boolean {
  // Solid, or a pattern Excel did not tell (null): our colours are not white, so the colour alone says it is ours.
  return (
    current !== undefined &&
    (current.pattern === "Solid" || current.pattern === null || current.pattern === undefined) &&
    OUR_COLORS.has(current.color.toUpperCase())
  );
}

function recordMatches(setting: Excel.Setting, expected: StoredMarks | undefined): boolean {
  if (expected === undefined) return setting.isNullObject;
  return !setting.isNullObject && JSON.stringify(setting.value) === JSON.stringify(expected);
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
 * Two requests for up to about 10,000 marks. (1) Read: the record of what we changed, the sheet's notes and
 * comments (ours are found by MARK_PREFIX and deleted through these handles), the fills of the cells to paint and
 * of those painted last time (known from the cache readSheet fills), and whether a note sits on each cell to mark.
 * (2) Write. More requests only when needed: last time's cells unknown to the cache; threaded comments of the
 * user's own (their cells are looked up so nothing of ours is stacked on them); more work than a request's 5 MB.
 *
 * Excel applies a request's actions in order and keeps them when a later one fails, so the write request starts
 * by recording every cell it may touch (last time's and this time's), and records the final state only after the
 * fills are done: whatever happens, the record can take everything back. A note or comment Excel refuses (a cell
 * holding one of the user's that could not be seen) is skipped, and the rest are added.
 */
export async function reconcileMarks(
  context: Excel.RequestContext,
  sheet: string,
  marks: readonly CellMark[],
  options: ReconcileOptions,
  budget: Budget = FULL_BUDGET,
): Promise<void> {
  try {
    await reconcileWithin(context, sheet, marks, options, budget);
  } catch (e) {
    // Excel refused a request as too large, so nothing of that request was done: the estimates were wrong for this
    // Excel. The work starts again from what the sheet and the record show now (whatever earlier requests did is
    // taken as the last state), with requests half the size, down to a floor.
    if (!isPayloadError(e) || budget.out < MIN_BUDGET) throw e;
    await reconcileMarks(context, sheet, marks, options, { out: budget.out / 2, back: budget.back / 2 });
  }
}

/** Errors that are about the sheet or the request, never about the one cell a note or comment was refused on. */
const NOT_ABOUT_ONE_CELL: ReadonlySet<string> = new Set([
  "AccessDenied",
  "InsertDeleteConflict",
  "ItemNotFound",
  "ApiNotFound",
  "InvalidOperationInCellEditMode",
]);

/** Below this, a request refused as too large is not halved again. */
const MIN_BUDGET = 50_000;

/** What the read step found: the record of last time, the cells' fills and notes, our notes and comments. */
interface SheetMarksSeen {
  ws: Excel.Worksheet;
  setting: Excel.Setting;
  openNotes: () => AnnotationCollection;
  openComments: () => AnnotationCollection;
  /** The marks to make, by cell key, notes clipped to what Excel holds. */
  targets: Map<number, CellMark>;
  found: Probe;
  allNotes: Annotation[];
  allComments: Annotation[];
  stored: StoredMarks;
  /** What we left on this sheet last time. */
  prev: MarkState;
  oursNotes: Annotation[];
  oursComments: Annotation[];
  userComments: Annotation[];
  /** Cells holding a threaded comment of the user's. */
  commentCells: Set<number>;
}

/** What the write step does: the state to record, where reasons go, what to restore and paint. */
interface SheetMarksPlan {
  next: MarkState;
  annotate: Array<[number, CellMark]>;
  interim: StoredMarks;
  final: StoredMarks;
  keepFinal: boolean;
  /** Anything of ours was or will be on the sheet: the record is written. */
  touched: boolean;
  restore: number[];
  byColor: Map<string, number[]>;
  patterned: number[];
}

async function reconcileWithin(
  context: Excel.RequestContext,
  sheet: string,
  marks: readonly CellMark[],
  options: ReconcileOptions,
  budget: Budget,
): Promise<void> {
  const seen = await readSheetMarks(context, sheet, marks, options, budget);
  const plan = planSheetMarks(seen, sheet, options.annotations);
  await writeSheetMarks(context, sheet, seen, plan, options.annotations, budget);
  options.cache.stored = plan.final;
  options.cache.ids.set(sheet, seen.ws.id);
}

/**
 * The read step: request 1 (the record, the first pages of notes and comments, the fills and notes of the cells to
 * mark and of last time's), then only when needed the rest of the pages, last time's cells the cache did not know,
 * and the cells of the user's comments.
 */
async function readSheetMarks(
  context: Excel.RequestContext,
  sheet: string,
  marks: readonly CellMark[],
  options: ReconcileOptions,
  budget: Budget,
): Promise<SheetMarksSeen> {
  const { annotations, cache } = options;
  const withNotes = annotations === "note";
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load("id");
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
  setting.load("value");
  const openNotes = (): AnnotationCollection =>
    context.workbook.worksheets.getItem(sheet).notes as unknown as AnnotationCollection;
  const openComments = (): AnnotationCollection =>
    context.workbook.worksheets.getItem(sheet).comments as unknown as AnnotationCollection;

  const targets = new Map<number, CellMark>();
  for (const m of marks) targets.set(cellKey(m.row, m.col), { ...m, note: clipNote(m.note) });
  const cachedId = cache.ids.get(sheet);
  const guess = cache.stored && cachedId ? stateOf(cache.stored, cachedId) : emptyState();

  // Request 1: the first pages of notes and comments are sized from what we wrote last time, plus room for the user's.
  const known = {
    count: guess.annotated.size,
    bytes: guess.annotationBytes + guess.annotated.size * READ_OVERHEAD,
  };
  const page = (ours: boolean) => ({
    top: (ours ? known.count : 0) + 300,
    bytes: (ours ? known.bytes : 0) + 300 * (UNKNOWN_TEXT + READ_OVERHEAD),
  });
  const notesPage = withNotes ? page(true) : undefined;
  const commentsPage = options.comments ? page(annotations === "comment") : undefined;
  const notes = notesPage && queueFirstPage(openNotes, notesPage.top);
  const comments = commentsPage && queueFirstPage(openComments, commentsPage.top);

  const items: ProbeItem[] = [...targets.keys()].map((key) => ({ key, fill: true, note: withNotes }));
  for (const key of guess.painted.keys()) if (!targets.has(key)) items.push({ key, fill: true, note: false });
  const reserved = (notesPage?.bytes ?? 0) + (commentsPage?.bytes ?? 0);
  const [firstGroup = [], ...moreGroups] = groupsWithin(items, probeSize, budget, {
    out: budget.out,
    back: Math.max(budget.back / 9, budget.back - reserved),
  });
  const found: Probe = { fills: new Map(), noteAt: new Map() };
  const takeFirst = queueProbe(ws, sheet, firstGroup);
  await context.sync();
  merge(found, takeFirst());
  await probeRest(context, ws, sheet, moreGroups, found);

  const allNotes: Annotation[] = notes ? [...notes.first.items] : [];
  if (notes)
    await readPages(
      context,
      openNotes,
      allNotes.length,
      notes.count.value,
      notes.first.items.length || 1,
      allNotes,
    );
  const allComments: Annotation[] = comments ? [...comments.first.items] : [];
  if (comments)
    await readPages(
      context,
      openComments,
      allComments.length,
      comments.count.value,
      comments.first.items.length || 1,
      allComments,
    );

  const stored = decodeStored(setting.isNullObject ? null : setting.value);
  const prev = stateOf(stored, ws.id);
  const oursNotes = allNotes.filter((n) => isOurNote(n.content));
  const oursComments = allComments.filter((c) => isOurNote(c.content));
  const userComments = allComments.filter((c) => !isOurNote(c.content));

  // Only when needed: fills the first request could not know about (no or stale cache), the user's comments' cells.
  const missing = [...prev.painted.keys()]
    .filter((k) => !found.fills.has(k))
    .map((key) => ({ key, fill: true, note: false }));
  const commentCells = new Set<number>();
  if (missing.length > 0 || (userComments.length > 0 && targets.size > 0)) {
    const locations = targets.size > 0 ? userComments.map((c) => c.getLocation().load("address")) : [];
    const [firstMissing = [], ...moreMissing] = groupsWithin(missing, probeSize, budget);
    const takeMissing = queueProbe(ws, sheet, firstMissing);
    await context.sync();
    merge(found, takeMissing());
    await probeRest(context, ws, sheet, moreMissing, found);
    for (const loc of locations)
      for (const r of parseAddressList(loc.address)) commentCells.add(cellKey(r.top, r.left));
  }

  return {
    ws,
    setting,
    openNotes,
    openComments,
    targets,
    found,
    allNotes,
    allComments,
    stored,
    prev,
    oursNotes,
    oursComments,
    userComments,
    commentCells,
  };
}

/** The plan step: no request, only what the read step found and the marks to make. */
function planSheetMarks(seen: SheetMarksSeen, sheet: string, annotations: Annotations): SheetMarksPlan {
  const { ws, targets, found, stored, prev, oursNotes, oursComments, commentCells } = seen;
  const next: MarkState = emptyState();
  for (const [k, m] of targets) {
    const current = found.fills.get(k);
    const keep = prev.painted.has(k) && showsOurFill(current);
    next.original.set(k, keep ? (prev.original.get(k) ?? null) : originalFrom(current));
    next.painted.set(k, MARK_FILL[m.severity]);
  }
  // A cell holds one note or one comment thread: reasons go only where the user has neither. A note found on a
  // cell where we put one last time is taken for ours (it is deleted above if it is); should it be the user's,
  // Excel refuses ours and the cell is skipped.
  const annotate =
    annotations === "none"
      ? []
      : [...targets].filter(([k]) => {
          const note = found.noteAt.get(k);
          const userNote = note !== undefined && !note.isNullObject && !prev.annotated.has(k);
          return !commentCells.has(k) && !userNote;
        });
  for (const [k, m] of annotate) {
    next.annotated.add(k);
    next.annotationBytes += bytesOf(m.note);
  }

  const interim = withSheet(stored, ws.id, sheet, unionState(prev, next));
  const final = withSheet(stored, ws.id, sheet, next);
  const keepFinal = Object.keys(final.sheets).length > 0;
  const touched =
    prev.painted.size > 0 || next.painted.size > 0 || oursNotes.length + oursComments.length > 0;

  // Cells marked last time and not now get their fill back, unless the user has recoloured them since.
  const restore = [...prev.painted.keys()].filter((k) => !targets.has(k) && showsOurFill(found.fills.get(k)));
  // Paint, one getRanges per colour and address chunk; patterned cells are made solid so the mark reads.
  const byColor = new Map<string, number[]>();
  for (const [k, color] of next.painted) {
    const list = byColor.get(color);
    if (list) list.push(k);
    else byColor.set(color, [k]);
  }
  const patterned = [...targets.keys()].filter((k) => {
    const p = found.fills.get(k)?.pattern;
    return typeof p === "string" && p !== "None" && p !== "Solid";
  });
  return { next, annotate, interim, final, keepFinal, touched, restore, byColor, patterned };
}

/**
 * The write step: one request that records every cell it may touch first, deletes our notes and comments,
 * restores and paints the fills and records the final state; then the reasons, in as many requests as their size
 * needs (the first shares the request above).
 */
async function writeSheetMarks(
  context: Excel.RequestContext,
  sheet: string,
  seen: SheetMarksSeen,
  plan: SheetMarksPlan,
  annotations: Annotations,
  budget: Budget,
): Promise<void> {
  const {
    ws,
    setting,
    openNotes,
    openComments,
    allNotes,
    stored,
    prev,
    oursNotes,
    oursComments,
    userComments,
  } = seen;
  const { next, annotate, interim, final, keepFinal, touched, restore, byColor, patterned } = plan;
  const withNotes = annotations === "note";
  if (touched) context.workbook.settings.add(MARKS_SETTING_KEY, interim);

  for (const n of oursNotes) n.delete();
  for (const c of oursComments) c.delete();

  // Cells marked last time and not now get their fill back, unless the user has recoloured them since.
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

  // Paint, one getRanges per colour and address chunk; patterned cells are made solid so the mark reads.
  for (const [color, keys] of byColor)
    for (const chunk of addressChunks(keys.map(keyToCell))) ws.getRanges(chunk).format.fill.color = color;
  for (const chunk of addressChunks(patterned.map(keyToCell)))
    ws.getRanges(chunk).format.fill.pattern = "Solid";

  if (keepFinal) {
    const changed = JSON.stringify(final) !== JSON.stringify(touched ? interim : stored);
    if (changed) context.workbook.settings.add(MARKS_SETTING_KEY, final);
  }
  // (It exists here: either it was there, or the interim record was just written.)
  else if (touched || !setting.isNullObject) context.workbook.settings.getItem(MARKS_SETTING_KEY).delete();

  // The reasons, in as many requests as their size needs; the first shares the request above.
  const base =
    2 * bytesOf(JSON.stringify(final)) +
    (oursNotes.length + oursComments.length) * DELETE_BYTES +
    (restore.length + next.painted.size + patterned.length) * 12;
  const userCount = withNotes ? allNotes.length - oursNotes.length : userComments.length;
  const open = withNotes ? openNotes : openComments;
  // The cell the last paint action reached: if it shows its colour, every fill before the annotations was done.
  const lastColor = [...byColor].pop();
  const lastChunk = lastColor && addressChunks(lastColor[1].map(keyToCell)).pop();
  const lastRect = lastChunk ? parseAddressList(lastChunk).pop() : undefined;
  const lastPainted = lastColor && lastRect && { row: lastRect.top, col: lastRect.left, color: lastColor[0] };
  const addFrom = async (start: number, added: number, first: boolean): Promise<void> => {
    const [group = []] = groupsWithin(
      annotate.slice(start),
      ([, m]) => ({ out: bytesOf(m.note) + ANNOTATION_BYTES, back: 0 }),
      budget,
      { out: first ? Math.max(0, budget.out - base) : budget.out, back: budget.back },
    );
    const collection = open();
    for (const [k, m] of group) {
      const { row, col } = keyToCell(k);
      collection.add(qualified(sheet, row, col), m.note);
    }
    try {
      await context.sync();
    } catch (e) {
      // Whatever code Excel gives (hosts differ, Microsoft documents none), a refused add is looked into; a request
      // too large was refused whole and is left to the caller, which starts again with smaller requests.
      if (!isExcelError(e) || isPayloadError(e) || NOT_ABOUT_ONE_CELL.has(e.code) || group.length === 0)
        throw e;
      // Which add was refused? Ours now present tell how many went in before it, once the record and the last cell
      // painted show that everything before the annotations was done.
      const after = {
        count: open().getCount(),
        record: context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY),
        painted: lastPainted && ws.getCell(lastPainted.row, lastPainted.col).format.fill.load("color"),
      };
      after.record.load("value");
      await context.sync();
      const applied = after.count.value - userCount - added;
      if (
        !recordMatches(after.record, keepFinal ? final : undefined) ||
        (after.painted &&
          lastPainted &&
          after.painted.color.toUpperCase() !== lastPainted.color.toUpperCase()) ||
        applied < 0 ||
        applied >= group.length
      )
        throw e;
      return addFrom(start + applied + 1, added + applied, false);
    }
    if (start + group.length < annotate.length)
      await addFrom(start + group.length, added + group.length, false);
  };
  if (annotate.length > 0) await addFrom(0, 0, true);
  else await context.sync();
}
