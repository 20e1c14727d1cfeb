import type { Severity } from "../findings";
import { isUncalculated } from "../grid/grid";
import type { Grid, RawCell } from "../grid/types";
import { findingText } from "../messages/findings";
import { listText } from "../messages/lists";
import { cellText, compactText, isBlankCell, needsCompacting } from "../read/normalise";
import { readNumber } from "../read/number";
import type { ListColumn, ListTable } from "../recognise/list";
import type { FindingSink } from "./sink";

/**
 * Reads list cells by column key; one place that knows a list's geometry. A group column's cell merged downwards (or a
 * 推荐单位 written once over blank rows) reads as the group's value on every row it covers, and a finding about such a
 * cell points at the cell the user edits (the merge's top-left).
 */
export class ListView<K extends string> {
  // Per key, the column and its group fills, found with one lookup: cell() and at() run for every cell of
  // 100,000-row lists, and loops over every row look the column up once (cells()).
  private readonly slots = new Map<K, ColumnCells>();
  private readonly merged: boolean;

  constructor(
    readonly grid: Grid,
    readonly table: ListTable<K>,
  ) {
    for (const [key, column] of table.columns) {
      const fill = table.fills.get(key);
      this.slots.set(key, new ColumnCells(grid, column.col, fill && fill.size > 0 ? fill : undefined));
    }
    this.merged = grid.merges.length > 0;
  }

  column(key: K): ListColumn | undefined {
    return this.table.columns.get(key);
  }

  /** The cells of one column (every one empty when the list has no such column), for a loop over the rows. */
  cells(key: K): ColumnCells {
    return this.slots.get(key) ?? NO_COLUMN;
  }

  /** Where the value of (row, key) sits: the row's own cell, or the group cell that covers it. */
  source(row: number, key: K): { row: number; col: number } {
    const slot = this.slots.get(key);
    const fill = slot?.fill?.get(row);
    if (fill) return fill;
    return { row, col: slot?.col ?? 0 };
  }

  cell(row: number, key: K): RawCell {
    return this.cells(key).cell(row);
  }

  text(row: number, key: K): string {
    return cellText(this.cell(row, key));
  }

  /** The cell holds a formula never calculated: its value is unknown, neither missing nor wrong. */
  unknown(row: number, key: K): boolean {
    return isUncalculated(this.cell(row, key));
  }

  at(row: number, key: K): { row: number; col: number } {
    const at = this.source(row, key);
    if (!this.merged) return at;
    const m = this.grid.mergeAt(at.row, at.col);
    return m ? { row: m.top, col: m.left } : at;
  }

  header(key: K): { row: number; col: number } {
    const c = this.table.columns.get(key);
    return c ? c.headerAt : { row: this.table.headerRow, col: 0 };
  }
}

const EMPTY_CELL: RawCell = Object.freeze({ value: null, text: "" }) as RawCell;

/** One column of a list: its cells read through the table model (a group cell fills the rows it covers). */
export class ColumnCells {
  constructor(
    private readonly grid: Grid | undefined,
    readonly col: number,
    readonly fill: Map<number, { row: number; col: number }> | undefined,
  ) {}

  cell(row: number): RawCell {
    const grid = this.grid;
    if (grid === undefined) return EMPTY_CELL;
    if (this.fill !== undefined) {
      const at = this.fill.get(row);
      if (at !== undefined) return grid.cell(at.row, at.col);
    }
    return grid.cell(row, this.col);
  }

  text(row: number): string {
    return cellText(this.cell(row));
  }
}

/** A column the list does not have: every cell empty. */
const NO_COLUMN = new ColumnCells(undefined, 0, undefined);

/**
 * Rows grouped by the text of one column, compared without whitespace and full-width forms; empty cells are left out
 * unless `keepEmpty` (then they form the "" group). Groups keep sheet order.
 */
export function groupRows<K extends string>(
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  keepEmpty = false,
): Map<string, number[]> {
  const grouping = new RowGrouping(view, rows, key, keepEmpty);
  grouping.add(0, rows.length);
  return grouping.groups();
}

/**
 * groupRows a block of rows at a time (add), so that a caller can read several columns of the same rows while they
 * are in the processor's cache; groups() gives groupRows' answer once every row is added.
 */
export class RowGrouping<K extends string> {
  // Each row's group first, then arrays of their final size: pushed row by row, a list of 100,000 rows in 50
  // groups made and dropped arrays of every size on the way (2 MB of garbage for the collector to sweep past).
  private readonly ids: Int32Array;
  private readonly idOf = new Map<string, number>();
  private readonly sizes: number[] = [];

  constructor(
    private readonly view: ListView<K>,
    private readonly rows: readonly number[],
    private readonly key: K,
    private readonly keepEmpty: boolean,
  ) {
    this.ids = new Int32Array(rows.length);
  }

  add(from: number, to: number): void {
    const { rows, ids, idOf, sizes } = this;
    const cells = this.view.cells(this.key);
    for (let i = from; i < to; i++) {
      const text = compactText(cells.text(rows[i] as number));
      let id = text === "" && !this.keepEmpty ? -1 : idOf.get(text);
      if (id === undefined) {
        id = sizes.length;
        idOf.set(text, id);
        sizes.push(0);
      }
      ids[i] = id;
      if (id >= 0) (sizes[id] as number)++;
    }
  }

  groups(): Map<string, number[]> {
    const { rows, ids, sizes } = this;
    const lists = sizes.map((size) => new Array<number>(size));
    const filled = new Int32Array(sizes.length);
    for (let i = 0; i < rows.length; i++) {
      const id = ids[i] as number;
      if (id >= 0) (lists[id] as number[])[(filled[id] as number)++] = rows[i] as number;
    }
    const groups = new Map<string, number[]>();
    for (const [text, id] of this.idOf) groups.set(text, lists[id] as number[]);
    return groups;
  }
}

/** Rows per partition of repeatedRows' table: its table then stays in the processor's cache. */
const PARTITION_ROWS = 2048;

/**
 * The groups of {@link groupRows} that hold two rows or more, in the order of their first row. Most values in a
 * title or 承办单位 column are unique, so singletons get no array of their own. With `blanks`, the rows whose cell is
 * blank (isBlankCell) are pushed on it, from the same pass. `partitionRows` is for tests.
 */
export function repeatedRows<K extends string>(
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  { blanks, partitionRows = PARTITION_ROWS }: { blanks?: number[]; partitionRows?: number } = {},
): number[][] {
  const hashed = new ColumnHashes(view, rows, key, blanks);
  hashed.add(0, rows.length);
  return repeatedHashedRows(hashed, partitionRows);
}

/** repeatedRows over a column hashed block by block (every row added). */
export function repeatedHashedRows<K extends string>(
  hashed: ColumnHashes<K>,
  partitionRows = PARTITION_ROWS,
): number[][] {
  const { view, rows, key } = hashed;
  // Equal texts have equal hashes. The rows are hashed in one pass, split by the top bits of their hash into
  // partitions of about `partitionRows`, and each partition is looked through with an open-addressing table of its
  // own. One table over 100,000 rows (2 MB) would wait on memory at nearly every row; a partition's fits the cache.
  // A Map would make an entry (and grow and rehash) for each title of a list, nearly all of them unique. (Each step
  // is a function of its own, so that V8 optimises each loop with the types it has seen.)
  let bits = 0;
  while (bits < 16 && hashed.count > partitionRows << bits) bits++;
  const parts = partitionByHash(hashed, bits);
  const groups: number[][] = [];
  // The place of each group's first row among the hashed rows: groups are made when their second row is met.
  const firstOf: number[] = [];
  groupEqualTexts(view, rows, key, hashed, parts, groups, firstOf);
  // Sheet order of first appearance, as groupRows gives it.
  if (groups.length < 2) return groups;
  const byFirst = groups.map((_, g) => g);
  byFirst.sort((a, b) => (firstOf[a] as number) - (firstOf[b] as number));
  return byFirst.map((g) => groups[g] as number[]);
}

/**
 * The hash of each row's compacted text in one column, for repeatedRows, made a block of rows at a time (add) so
 * that a caller can read several columns of the same rows while they are in the processor's cache. The rows whose
 * cell is empty are pushed on `blanks`.
 */
export class ColumnHashes<K extends string> {
  /** How many rows have text: the rest are blank and in no group. */
  count = 0;
  /** The hash of each one's compacted text, */
  readonly hashes: Int32Array;
  /** and its place in `rows` (in sheet order). */
  readonly places: Int32Array;

  constructor(
    readonly view: ListView<K>,
    readonly rows: readonly number[],
    readonly key: K,
    readonly blanks: number[] = [],
  ) {
    this.hashes = new Int32Array(rows.length);
    this.places = new Int32Array(rows.length);
  }

  add(from: number, to: number): void {
    const { rows, blanks, hashes, places } = this;
    const cells = this.view.cells(this.key);
    let count = this.count;
    for (let i = from; i < to; i++) {
      const text = cells.text(rows[i] as number);
      if (text === "") {
        blanks.push(rows[i] as number);
        continue;
      }
      // Hashed in the scan that tells whether the text is compact already (nearly every title and 承办单位 is).
      let hash = hashIfCompact(text);
      if (hash === NOT_COMPACT) {
        const compact = compactText(text);
        if (compact === "") continue;
        hash = stringHash(compact) | 0;
      }
      hashes[count] = hash;
      places[count++] = i;
    }
    this.count = count;
  }
}

interface Partitions {
  /** Where each partition starts in `order`, and where the last ends. */
  starts: Int32Array;
  /** The hashed rows (their index in ColumnHashes) by partition, in sheet order within each, */
  order: Int32Array;
  /** and their hashes in the same order, so that a partition is read front to back. */
  hashes: Int32Array;
}

/** A counting sort of the hashed rows by the top `bits` bits of their hash. */
function partitionByHash({ count, hashes }: ColumnHashes<string>, bits: number): Partitions {
  const shift = 32 - bits;
  const starts = new Int32Array((1 << bits) + 1);
  if (bits === 0) starts[1] = count;
  else {
    for (let k = 0; k < count; k++) (starts[((hashes[k] as number) >>> shift) + 1] as number)++;
    for (let p = 1; p < starts.length; p++) (starts[p] as number) += starts[p - 1] as number;
  }
  const next = starts.slice(0, -1);
  const order = new Int32Array(count);
  const ordered = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const hash = hashes[k] as number;
    const at = (next[bits === 0 ? 0 : hash >>> shift] as number)++;
    order[at] = k;
    ordered[at] = hash;
  }
  return { starts, order, hashes: ordered };
}

/** Rows of equal text, partition by partition: pushes each group on `groups` and its first row's index on `firstOf`. */
function groupEqualTexts<K extends string>(
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  { count, places }: ColumnHashes<K>,
  { starts, order, hashes }: Partitions,
  groups: number[][],
  firstOf: number[],
): void {
  let largest = 0;
  for (let p = 0; p + 1 < starts.length; p++)
    largest = Math.max(largest, (starts[p + 1] as number) - (starts[p] as number));
  let size = 16;
  while (size < largest * 2) size *= 2;
  // Each slot holds a row's index and its hash side by side: a probe reads one cache line, and texts are compared
  // only when the hashes agree.
  const table = new Int32Array(size * 2);
  const groupOf = new Int32Array(count).fill(-1);
  for (let p = 0; p + 1 < starts.length; p++) {
    const from = starts[p] as number;
    const to = starts[p + 1] as number;
    let slots = 16;
    while (slots < (to - from) * 2) slots *= 2;
    const mask = slots - 1;
    table.fill(-1, 0, slots * 2);
    for (let at = from; at < to; at++) {
      const k = order[at] as number;
      const hash = hashes[at] as number;
      let slot = hash & mask;
      for (;;) {
        const j = table[2 * slot] as number;
        if (j < 0) {
          table[2 * slot] = k;
          table[2 * slot + 1] = hash;
          break;
        }
        if (
          table[2 * slot + 1] === hash &&
          compactText(view.text(rows[places[j] as number] as number, key)) ===
            compactText(view.text(rows[places[k] as number] as number, key))
        ) {
          const row = rows[places[k] as number] as number;
          const g = groupOf[j] as number;
          if (g >= 0) (groups[g] as number[]).push(row);
          else {
            groupOf[j] = groups.length;
            groups.push([rows[places[j] as number] as number, row]);
            firstOf.push(j);
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}

/** FNV-1a over the UTF-16 code units: a cheap, well-spread hash for the table above. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** What hashIfCompact gives for a text compactText would change (no stringHash(…) | 0 is a fraction). */
const NOT_COMPACT = 0.5;

/** stringHash(s) | 0 when compactText(s) is s itself, else NOT_COMPACT: one scan for both. */
export function hashIfCompact(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (needsCompacting(c)) return NOT_COMPACT;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** One recommender's projects, as the per-recommender rules and the statistics both group them. */
export interface RecommenderGroup {
  /** column: by the 推荐单位 column; section: by a section row; whole: the list is one recommender's. */
  kind: "column" | "section" | "whole";
  /** The 推荐单位 as first read ("" for rows without one, and for a whole list). */
  name: string;
  rows: number[];
  /** The cell that names the group (the 推荐单位 cell or the section row); undefined for a whole list. */
  at?: { row: number; col: number };
}

/**
 * The recommenders of a list: by the 推荐单位 column read through the table model (merged downwards or written once;
 * rows without one form the "" group), else by the section rows whose 推荐排序 starts again at 1
 * (一、市经济信息化委 …), else the whole list as one. `grouped`: the column grouped already (keepEmpty), every row added.
 */
export function recommenderGroups<K extends string>(
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  grouped?: RowGrouping<K>,
): RecommenderGroup[] {
  if (view.column(key))
    return [...(grouped ? grouped.groups() : groupRows(view, rows, key, true))].map(([name, groupRows]) => {
      const first = groupRows[0] as number;
      return {
        kind: "column" as const,
        name: name === "" ? "" : view.text(first, key),
        rows: groupRows,
        at: view.at(first, key),
      };
    });
  const wanted = new Set(rows);
  const sections = view.table.sections
    .map((s) => ({
      kind: "section" as const,
      name: s.text,
      rows: s.rows.filter((r) => wanted.has(r)),
      at: { row: s.row, col: s.col },
    }))
    .filter((g) => g.rows.length > 0);
  return sections.length > 0 ? sections : [{ kind: "whole", name: "", rows: [...rows] }];
}

/** A quota of marked rows: at most ⌊share × N⌋, but never fewer than atLeast (a pack figure, e.g. 附件3 注 15%, 1). */
export interface Quota {
  share: number;
  atLeast: number;
}

/** How many marked rows a quota allows among `projects` rows (Shanghai 附件3 注: 15%, the template's 1 of 5 allowed). */
export function allowedKeyRecommendations(projects: number, quota: Quota): number {
  return Math.max(quota.atLeast, Math.floor(quota.share * projects + 1e-9));
}

/** A 备注 (or 是否重点推荐) cell that marks a key recommendation. */
export function isKeyRecommendation(text: string): boolean {
  const t = compactText(text);
  if (t === "") return false;
  if (/非重点|不重点|否/.test(t)) return false;
  return t.includes("重点") || t === "是" || t === "√" || t === "✓" || t === "✔" || t === "★" || t === "☑";
}

export function checkRequiredColumns<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  keys: readonly K[],
  clause: string,
  severity: Severity = "error",
): void {
  for (const key of keys) {
    if (!view.column(key)) continue;
    const blanks = rows.filter((row) => isBlankCell(view.cell(row, key)));
    reportBlankRows(sink, view, blanks, key, { clause, severity });
  }
}

/** A column every row must fill: where checkRequiredColumns reports a blank cell. */
export interface RequiredColumn {
  clause: string;
  severity?: Severity;
}

/** checkRequiredColumns' findings for the blank rows of a column (a formula never calculated is not blank). */
function reportBlankRows<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  blanks: readonly number[],
  key: K,
  required: RequiredColumn,
): void {
  const column = view.column(key);
  if (!column) return;
  for (const row of blanks)
    if (!view.unknown(row, key))
      sink.add(
        view.at(row, key),
        required.severity ?? "error",
        "required",
        findingText.requiredColumn(column.header.replace(/\s/g, ""), row + 1),
        required.clause,
      );
}

/**
 * The groups of repeatedRows; with `required`, the column's blank cells are reported as checkRequiredColumns does,
 * from the same pass over the column (on 100,000 rows each pass over a column waits on memory at every cell).
 */
function repeatedRowsAndBlanks<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  { required, hashed }: ColumnRules<K>,
): number[][] {
  if (!view.column(key)) return [];
  if (!hashed) {
    hashed = new ColumnHashes(view, rows, key);
    hashed.add(0, rows.length);
  }
  const groups = repeatedHashedRows(hashed);
  if (required) reportBlankRows(sink, view, hashed.blanks, key, required);
  return groups;
}

/**
 * What the rules over one column's repeated texts can take: `required` reports the blank cells too (as
 * checkRequiredColumns does); `hashed` is the column hashed already, every row added (see ColumnHashes).
 */
export interface ColumnRules<K extends string> {
  required?: RequiredColumn;
  hashed?: ColumnHashes<K>;
}

/** The same title on two rows or more (error); with `required`, blank titles too (checkRequiredColumns). */
export function checkDuplicateTitles<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
  rules: ColumnRules<K> = {},
): void {
  for (const list of repeatedRowsAndBlanks(sink, view, rows, key, rules)) {
    const first = list[0] as number;
    for (const row of list.slice(1))
      sink.add(
        view.at(row, key),
        "error",
        "list.duplicate-title",
        findingText.duplicateTitle(
          view.text(first, key),
          list.map((r) => r + 1),
        ),
        clause,
        {
          value: view.text(row, key),
        },
      );
  }
}

/** 序号 1..N in order (warning): reports the first cell that breaks the sequence. */
export function checkSerial<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
): void {
  if (!view.column(key)) return;
  let expected = 1;
  for (const row of rows) {
    const text = view.text(row, key);
    // A 序号 computed by a formula never calculated (=ROW()-3) is taken to be in its place.
    if (view.unknown(row, key)) {
      expected++;
      continue;
    }
    const read = readNumber(view.cell(row, key));
    if (read.kind !== "ok" || read.value !== expected) {
      sink.add(
        view.at(row, key),
        "warning",
        "list.serial",
        findingText.serial(text === "" ? "（空）" : text, expected),
        clause,
        {
          value: text,
          expected: String(expected),
        },
      );
      return;
    }
    expected++;
  }
}

const RANK_WORDS = /^第\s*(.+?)\s*[名位]?$/;

/** A 推荐排序 as typed: 1, １, "第1名", "第一位". */
export function readRank(cell: RawCell): ReturnType<typeof readNumber> {
  const read = readNumber(cell);
  if (read.kind !== "unreadable") return read;
  const m = RANK_WORDS.exec(compactText(read.text));
  if (!m) return read;
  const inner = readNumber({ value: m[1] ?? "", text: m[1] ?? "" });
  return inner.kind === "ok" ? { kind: "ok", value: inner.value, text: read.text } : read;
}

/**
 * 推荐排序: integers 1..N, no gap, no repeat (error); rows not in rank order (warning).
 * Returns the valid rank of each row by its place in `rows` (0 where there is none), for the key-recommendation rules:
 * an array rather than a Map, since it holds a rank for nearly every row of a list.
 */
export function checkRankingSequence<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
): Int32Array {
  const n = rows.length;
  const ranks = new Int32Array(n);
  const column = view.column(key);
  if (!column) return ranks;
  // The first row of each rank: by index for 1..n (every rank of a correct list, read for every row), in a Map for
  // the ranks beyond n (few, and kept in the order they were met, the order their findings are given in) by the
  // row's place in `rows`.
  const rowOfRank = new Int32Array(n + 1).fill(-1);
  const beyond = new Map<number, number>();
  const firstRowOf = (rank: number): number | undefined => {
    if (rank > n) {
      const i = beyond.get(rank);
      return i === undefined ? undefined : (rows[i] as number);
    }
    const row = rowOfRank[rank] as number;
    return row < 0 ? undefined : row;
  };
  let unknown = 0;
  const cells = view.cells(key);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as number;
    const cell = cells.cell(row);
    if (isUncalculated(cell)) {
      unknown++;
      continue;
    }
    const read = readRank(cell);
    if (read.kind === "empty") {
      sink.add(view.at(row, key), "error", "ranking.sequence", listText.rankMissing(), clause);
      continue;
    }
    if (read.kind === "unreadable" || !Number.isInteger(read.value) || read.value < 1) {
      sink.add(
        view.at(row, key),
        "error",
        "ranking.sequence",
        listText.rankNotInteger(cellText(cell)),
        clause,
        { value: cellText(cell) },
      );
      continue;
    }
    const rank = read.value;
    const earlier = firstRowOf(rank);
    if (earlier !== undefined) {
      sink.add(
        view.at(row, key),
        "error",
        "ranking.sequence",
        listText.rankRepeated(rank, earlier + 1),
        clause,
        { value: String(rank) },
      );
      continue;
    }
    if (rank > n) beyond.set(rank, i);
    else rowOfRank[rank] = row;
    ranks[i] = rank;
  }
  const missing: number[] = [];
  // Ranks computed by formulas never calculated may be any of the missing ones: no gap can be named then.
  if (unknown === 0) for (let r = 1; r <= n; r++) if ((rowOfRank[r] as number) < 0) missing.push(r);
  for (const [rank, i] of beyond) {
    const row = rows[i] as number;
    sink.add(
      view.at(row, key),
      "error",
      "ranking.sequence",
      listText.rankOutOfRange(rank, n, missing),
      clause,
      {
        value: String(rank),
        expected: `1-${n}`,
      },
    );
    ranks[i] = 0;
  }
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const rank = ranks[i] as number;
    if (rank === 0) continue;
    const row = rows[i] as number;
    if (rank < previous) {
      sink.add(view.at(row, key), "warning", "ranking.sequence", listText.rankOrder(row + 1), clause, {
        value: String(rank),
      });
      break;
    }
    previous = rank;
  }
  return ranks;
}

export interface KeyQuotaOptions {
  clause: string;
  quota: Quota;
  /** Who the quota belongs to, for the message ("" for a single 推荐表; "推荐单位“X”：" in a city list). */
  who: string;
  /** Where the column-wide findings go. */
  at: { row: number; col: number };
  severity?: Severity;
}

/**
 * 重点推荐 ≤ max(atLeast, ⌊share × N⌋) (warning) and the use as info. Over the quota, the one warning of the recommender
 * stands on the first 备注 cell marked 重点推荐 (and names the others in `related`): those are the cells the user
 * changes. Within the quota, the use is an info at `at`. Never both on one recommender. Returns the key rows.
 */
export function checkKeyQuota<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  options: KeyQuotaOptions,
): number[] {
  if (!view.column(key)) return [];
  const cells = view.cells(key);
  const keyRows = rows.filter((row) => isKeyRecommendation(cells.text(row)));
  const n = rows.length;
  const allowed = allowedKeyRecommendations(n, options.quota);
  if (keyRows.length > allowed) {
    const cells = keyRows.map((row) => view.at(row, key));
    sink.add(
      cells[0] as { row: number; col: number },
      options.severity ?? "warning",
      "key-recommendation.quota",
      listText.keyQuota(keyRows.length, n, allowed, options.who, options.quota.share),
      options.clause,
      {
        value: String(keyRows.length),
        expected: `≤ ${allowed}`,
        related: cells.slice(1),
      },
    );
    return keyRows;
  }
  sink.add(
    options.at,
    "info",
    "key-recommendation.quota",
    listText.keyQuotaUse(keyRows.length, n, allowed, options.who),
    options.clause,
    {
      value: `${keyRows.length}/${n}`,
      expected: `≤ ${allowed}`,
    },
  );
  return keyRows;
}

/**
 * A 重点推荐 row ranked below a row that is not (warning), reported once per key row. `ranks` is what
 * checkRankingSequence gave for `rows`; `keyRows` are among them.
 */
export function checkKeyOrder<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  ranks: Int32Array,
  keyRows: readonly number[],
  remarkKey: K,
  clause: string,
): void {
  const keySet = new Set(keyRows);
  let bestNonKey = 0;
  for (let i = 0; i < rows.length; i++) {
    const rank = ranks[i] as number;
    if (rank !== 0 && !keySet.has(rows[i] as number) && (bestNonKey === 0 || rank < bestNonKey))
      bestNonKey = rank;
  }
  if (bestNonKey === 0 || keySet.size === 0) return;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const rank = ranks[i] as number;
    if (rank > bestNonKey && keySet.has(row))
      sink.add(
        view.at(row, remarkKey),
        "warning",
        "key-recommendation.order",
        listText.keyOrder(rank, bestNonKey),
        clause,
        { value: String(rank) },
      );
  }
}

/** One 承办单位 on two or more rows (warning, 四（三）); with `required`, blank cells too (checkRequiredColumns). */
export function checkHostOneProject<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
  rules: ColumnRules<K> = {},
): void {
  for (const list of repeatedRowsAndBlanks(sink, view, rows, key, rules))
    for (const row of list.slice(1))
      sink.add(
        view.at(row, key),
        "warning",
        "host.one-project",
        listText.hostRepeated(
          view.text(row, key),
          list.map((r) => r + 1),
        ),
        clause,
        {
          value: view.text(row, key),
        },
      );
}
