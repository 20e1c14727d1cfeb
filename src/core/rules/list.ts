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
  // 100,000-row lists.
  private readonly slots = new Map<K, Slot>();
  private readonly merged: boolean;

  constructor(
    readonly grid: Grid,
    readonly table: ListTable<K>,
  ) {
    for (const [key, column] of table.columns) {
      const fill = table.fills.get(key);
      this.slots.set(key, { col: column.col, fill: fill && fill.size > 0 ? fill : undefined });
    }
    this.merged = grid.merges.length > 0;
  }

  column(key: K): ListColumn | undefined {
    return this.table.columns.get(key);
  }

  /** Where the value of (row, key) sits: the row's own cell, or the group cell that covers it. */
  source(row: number, key: K): { row: number; col: number } {
    const slot = this.slots.get(key);
    const fill = slot?.fill?.get(row);
    if (fill) return fill;
    return { row, col: slot?.col ?? 0 };
  }

  cell(row: number, key: K): RawCell {
    const slot = this.slots.get(key);
    if (slot === undefined) return EMPTY_CELL;
    if (slot.fill !== undefined) {
      const at = slot.fill.get(row);
      if (at !== undefined) return this.grid.cell(at.row, at.col);
    }
    return this.grid.cell(row, slot.col);
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

interface Slot {
  col: number;
  fill: Map<number, { row: number; col: number }> | undefined;
}

const EMPTY_CELL: RawCell = Object.freeze({ value: null, text: "" }) as RawCell;

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
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const text = compactText(view.text(row, key));
    if (text === "" && !keepEmpty) continue;
    const list = groups.get(text);
    if (list) list.push(row);
    else groups.set(text, [row]);
  }
  return groups;
}

/**
 * The groups of {@link groupRows} that hold two rows or more, in the order of their first row. Most values in a
 * title or 承办单位 column are unique, so singletons get no array of their own.
 */
export function repeatedRows<K extends string>(
  view: ListView<K>,
  rows: readonly number[],
  key: K,
): number[][] {
  // An open-addressing table of row indexes keyed by the compacted text: a Map would make an entry (and grow and
  // rehash) for each of the 10,000 titles of a list, nearly all of them unique.
  const n = rows.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  // Each slot holds the row's index and its text's hash side by side: a probe reads one cache line, and a text is
  // compared only when the hashes agree (on 100,000 rows the table and the texts no longer fit in the cache).
  const table = new Int32Array(size * 2).fill(-1);
  const texts: string[] = new Array<string>(n);
  const groupOf = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] as number;
    // Hashed in the scan that tells whether the text is compact already (nearly every title and 承办单位 is).
    let text = view.text(row, key);
    let hash = hashIfCompact(text);
    if (hash === NOT_COMPACT) {
      text = compactText(text);
      hash = stringHash(text) | 0;
    }
    if (text === "") continue;
    texts[i] = text;
    let slot = hash & mask;
    for (;;) {
      const j = table[2 * slot] as number;
      if (j < 0) {
        table[2 * slot] = i;
        table[2 * slot + 1] = hash;
        break;
      }
      if (table[2 * slot + 1] === hash && texts[j] === text) {
        const g = groupOf[j] as number;
        if (g >= 0) (groups[g] as number[]).push(row);
        else {
          groupOf[j] = groups.length;
          groups.push([rows[j] as number, row]);
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Sheet order of first appearance, as groupRows gives it.
  if (groups.length > 1) {
    const firstIndex = new Map(rows.map((row, i) => [row, i]));
    groups.sort((a, b) => (firstIndex.get(a[0] as number) ?? 0) - (firstIndex.get(b[0] as number) ?? 0));
  }
  return groups;
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
 * (一、市经济信息化委 …), else the whole list as one.
 */
export function recommenderGroups<K extends string>(
  view: ListView<K>,
  rows: readonly number[],
  key: K,
): RecommenderGroup[] {
  if (view.column(key))
    return [...groupRows(view, rows, key, true)].map(([name, groupRows]) => {
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
    const column = view.column(key);
    if (!column) continue;
    for (const row of rows) {
      const cell = view.cell(row, key);
      if (isBlankCell(cell) && !isUncalculated(cell))
        sink.add(
          view.at(row, key),
          severity,
          "required",
          findingText.requiredColumn(column.header.replace(/\s/g, ""), row + 1),
          clause,
        );
    }
  }
}

export function checkDuplicateTitles<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
): void {
  for (const list of repeatedRows(view, rows, key)) {
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
 * Returns the valid rank of each row (undefined where it could not be read), for the key-recommendation rules.
 */
export function checkRankingSequence<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
): Map<number, number> {
  const ranks = new Map<number, number>();
  const column = view.column(key);
  if (!column) return ranks;
  const n = rows.length;
  // The first row of each rank: by index for 1..n (every rank of a correct list, read for every row), in a Map for
  // the ranks beyond n (few, and kept in the order they were met, the order their findings are given in).
  const rowOfRank = new Int32Array(n + 1).fill(-1);
  const beyond = new Map<number, number>();
  const firstRowOf = (rank: number): number | undefined => {
    if (rank > n) return beyond.get(rank);
    const row = rowOfRank[rank] as number;
    return row < 0 ? undefined : row;
  };
  let unknown = 0;
  for (const row of rows) {
    const cell = view.cell(row, key);
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
    if (rank > n) beyond.set(rank, row);
    else rowOfRank[rank] = row;
    ranks.set(row, rank);
  }
  const missing: number[] = [];
  // Ranks computed by formulas never calculated may be any of the missing ones: no gap can be named then.
  if (unknown === 0) for (let r = 1; r <= n; r++) if ((rowOfRank[r] as number) < 0) missing.push(r);
  for (const [rank, row] of beyond) {
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
    ranks.delete(row);
  }
  let previous = 0;
  for (const row of rows) {
    const rank = ranks.get(row);
    if (rank === undefined) continue;
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
  const keyRows = rows.filter((row) => isKeyRecommendation(view.text(row, key)));
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

/** A 重点推荐 row ranked below a row that is not (warning), reported once per key row. */
export function checkKeyOrder<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  keyRows: readonly number[],
  ranks: Map<number, number>,
  remarkKey: K,
  clause: string,
): void {
  const keySet = new Set(keyRows);
  let bestNonKey: number | undefined;
  for (const [row, rank] of ranks)
    if (!keySet.has(row) && (bestNonKey === undefined || rank < bestNonKey)) bestNonKey = rank;
  if (bestNonKey === undefined) return;
  for (const row of keyRows) {
    const rank = ranks.get(row);
    if (rank !== undefined && rank > bestNonKey)
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

/** One 承办单位 on two or more rows (warning, 四（三）). */
export function checkHostOneProject<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
): void {
  for (const list of repeatedRows(view, rows, key))
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
