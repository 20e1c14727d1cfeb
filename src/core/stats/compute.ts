import type { Grid, RawCell } from "../grid/types";
import { cellText, compactText } from "../read/normalise";
import { readNumber, readPercent } from "../read/number";
import type { ReadResult } from "../read/types";
import { LIST_COLUMNS, type ListKey } from "../recognise/columns";
import { findLabelledLine } from "../recognise/lines";
import { readList, type ListTable } from "../recognise/list";
import {
  ListView,
  allowedKeyRecommendations,
  checkRankingSequence,
  recommenderGroups,
  isKeyRecommendation,
  readRank,
} from "../rules/list";
import { FindingSink } from "../rules/sink";
import { groupKey, isAiTopic } from "./ai";
import { GENERIC_STATS } from "./profile";
import { competitionRanks } from "./rank";
import type {
  DomainCount,
  FormulaCaveat,
  HostCount,
  ListStats,
  ProjectRow,
  RankingCheck,
  RecommenderStats,
  StatsProfile,
  StatsTotals,
} from "./types";

export interface StatsOptions {
  /** The list as already read (the pack's recognition); read from the grid when omitted. */
  list?: ListTable<ListKey>;
  /** The pack's plan figures, AI definition and quota; the generic profile when omitted (see statsProfileFor). */
  profile?: StatsProfile;
}

/** Keys of the columns that make a row a project row (readList's “content” columns). */
export const CONTENT_KEYS: readonly ListKey[] = LIST_COLUMNS.filter((s) => s.content !== false).map(
  (s) => s.key,
);

/**
 * The rows of the list that hold a project: at least one content column filled. A blank template's pre-printed
 * 推荐排序 lines are not projects, so a blank list has 0 projects (readList keeps them to show what to fill in).
 */
export function projectRows(grid: Grid, list: ListTable<ListKey>): number[] {
  const cols: number[] = [];
  for (const key of CONTENT_KEYS) {
    const c = list.columns.get(key);
    if (c) cols.push(c.col);
  }
  return list.rows.filter((row) => cols.some((col) => cellText(grid.cell(row, col)) !== ""));
}

/** The raw text Excel compares in a formula (untrimmed), for matching a group exactly. */
function rawSpelling(cell: RawCell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : cellText(cell);
}

interface Group {
  key: string;
  name: string;
  rows: number[];
  spellings: string[];
}

/**
 * Rows grouped by the value of a column as the engine reads it (whitespace, width and case variants together), in
 * sheet order: a group cell merged downwards (or a 推荐单位 written once over blank rows) counts for every row it
 * covers, as the rules see it (ListView, recognise/list.ts fills).
 */
function groupRows(
  view: ListView<ListKey>,
  rows: readonly number[],
  key: ListKey,
  canonical: (text: string) => string = (text) => text,
): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const cell = view.cell(row, key);
    const name = canonical(cellText(cell));
    const k = groupKey(name);
    let g = groups.get(k);
    if (!g) {
      g = { key: k, name, rows: [], spellings: [] };
      groups.set(k, g);
    }
    g.rows.push(row);
    const spelling = rawSpelling(cell);
    if (!g.spellings.includes(spelling)) g.spellings.push(spelling);
  }
  return [...groups.values()];
}

/**
 * A 领域 as the notice names it: "数字技术领域" is the notice's 数字技术 (as the pack's rules read it, domains.ts
 * domainName), any other text as typed.
 */
export function profileDomain(profile: StatsProfile, text: string): string {
  const t = compactText(text);
  const bare = t.endsWith("领域") ? t.slice(0, -2) : "";
  return bare !== "" && profile.domains.some((d) => groupKey(d) === groupKey(bare)) ? bare : text;
}

/**
 * The recommenders exactly as the engine's per-recommender rules group them (rules/list.ts recommenderGroups), with the
 * raw spellings of the 推荐单位 cells each group was read from (what a formula compares).
 */
function recommenderGroupsOf(view: ListView<ListKey>, rows: readonly number[]): Group[] {
  return recommenderGroups(view, rows, "recommender").map((g) => {
    const spellings: string[] = [];
    if (g.kind === "column")
      for (const row of g.rows) {
        const spelling = rawSpelling(view.cell(row, "recommender"));
        if (!spellings.includes(spelling)) spellings.push(spelling);
      }
    const name =
      g.kind === "whole" ? (findLabelledLine(view.table.above, ["推荐单位"])?.value ?? "") : g.name;
    return { key: compactText(name), name, rows: g.rows, spellings };
  });
}

function okValue(read: ReadResult<number>): number | null {
  return read.kind === "ok" && Number.isFinite(read.value) ? read.value : null;
}

function isTextNumber(cell: RawCell, read: ReadResult<number>): boolean {
  return read.kind === "ok" && typeof cell.value === "string";
}

function rankingCheck(view: ListView<ListKey>, rows: readonly number[]): RankingCheck {
  if (!view.column("rank")) return { status: "absent", problems: 0, inOrder: true };
  // The engine's own rule decides validity, so the figures and the findings can never disagree.
  const sink = new FindingSink(view.grid.name);
  checkRankingSequence(sink, view, rows, "rank", "");
  const problems = sink.findings.filter((f) => f.severity === "error").length;
  const inOrder = !sink.findings.some((f) => f.severity === "warning");
  return { status: problems === 0 ? "valid" : "invalid", problems, inOrder };
}

/**
 * Every figure of a list (推荐表 or summary list): ranks by score, per-recommender quota use and 推荐排序 validity,
 * totals against the plan, 基层 share, 领域 and 承办单位 counts, AI share. Shares are unrounded fractions: round only
 * where they are shown. Returns undefined when the sheet holds no list. Never throws on any grid.
 */
export function computeStats(grid: Grid, options: StatsOptions = {}): ListStats | undefined {
  const list = options.list ?? readList(grid, LIST_COLUMNS);
  if (!list) return undefined;
  const profile = options.profile ?? GENERIC_STATS;
  const view = new ListView(grid, list);
  const rows = projectRows(grid, list);
  const col = (key: ListKey) => list.columns.get(key)?.col;
  const cellOf = (row: number, key: ListKey): RawCell => grid.cell(row, col(key) ?? 0);
  const has = (key: ListKey) => list.columns.has(key);
  const caveats: FormulaCaveat[] = [];

  const readCount = (row: number, key: ListKey): number | null => {
    if (!has(key)) return null;
    const cell = cellOf(row, key);
    const read = readNumber(cell);
    if (isTextNumber(cell, read))
      caveats.push({ row, col: col(key) ?? 0, key, text: cellText(cell), kind: "text-number" });
    return okValue(read);
  };
  const readShare = (row: number): number | null => {
    if (!has("grassrootsShare")) return null;
    const cell = cellOf(row, "grassrootsShare");
    const read = readPercent(cell);
    const at = {
      row,
      col: col("grassrootsShare") ?? 0,
      key: "grassrootsShare" as const,
      text: cellText(cell),
    };
    if (isTextNumber(cell, read)) caveats.push({ ...at, kind: "text-number" });
    else if (typeof cell.value === "number" && cell.value > 1 && !(cell.numberFormat ?? "").includes("%"))
      caveats.push({ ...at, kind: "bare-percent" });
    return okValue(read);
  };

  const groups = recommenderGroupsOf(view, rows);
  // Without a 推荐单位 column, a project's recommender is its section's (null when the whole list is one).
  const sectionOf = new Map<number, string>();
  if (!has("recommender") && list.sections.length > 0)
    for (const g of groups) for (const row of g.rows) sectionOf.set(row, g.name);

  const scores = rows.map((row) => readCount(row, "score"));
  const ranks = has("score") ? competitionRanks(scores) : rows.map(() => ({ rank: null, tied: false }));
  const aiDecidable = profile.aiDomain === null || has("domain");

  // 基层: the count column when there is one (exact), else share × trainees.
  const fromCount = has("grassroots");
  let grassroots = 0;
  let grassrootsBase = 0;
  let traineesTotal = 0;
  const projects: ProjectRow[] = rows.map((row, i) => {
    const trainees = readCount(row, "trainees");
    let g: number | null = null;
    if (fromCount) g = readCount(row, "grassroots");
    else {
      const share = readShare(row);
      if (share !== null && trainees !== null) g = share * trainees;
    }
    if (trainees !== null) traineesTotal += trainees;
    if (g !== null && trainees !== null) {
      grassroots += g;
      grassrootsBase += trainees;
    }
    const rank = ranks[i] ?? { rank: null, tied: false };
    const project = {
      domain: profileDomain(profile, view.text(row, "domain")),
      major: view.text(row, "major"),
      title: view.text(row, "title"),
    };
    return {
      row,
      title: project.title,
      recommender: has("recommender") ? view.text(row, "recommender") : (sectionOf.get(row) ?? null),
      host: view.text(row, "host"),
      domain: project.domain,
      major: project.major,
      score: scores[i] ?? null,
      rank: rank.rank,
      tied: rank.tied,
      key: has("remark") && isKeyRecommendation(view.text(row, "remark")),
      ai: aiDecidable && isAiTopic(profile, project),
      trainees,
      grassroots: g,
      rankingOk: has("rank") ? false : null,
    };
  });
  const byRow = new Map(projects.map((p) => [p.row, p]));
  // A 推荐排序 typed as text (“１”, “第1名”, “第二名”) is valid to the engine but invisible to COUNTIFS.
  if (has("rank"))
    for (const row of rows) {
      const cell = view.cell(row, "rank");
      if (typeof cell.value === "string" && readRank(cell).kind === "ok")
        caveats.push({ row, col: col("rank") ?? 0, key: "rank", text: cellText(cell), kind: "text-number" });
    }

  const recommenders: RecommenderStats[] = groups.map((g) => {
    const n = g.rows.length;
    const key = has("remark") ? g.rows.filter((row) => byRow.get(row)?.key).length : null;
    const allowed = allowedKeyRecommendations(n, profile.quota);
    if (has("rank")) markRankingOk(view, g.rows, byRow);
    return {
      name: g.name,
      whole: !has("recommender") && sectionOf.size === 0,
      rows: g.rows,
      projects: n,
      key,
      allowed,
      share: key === null || n === 0 ? null : key / n,
      overQuota: key !== null && key > allowed,
      ranking: rankingCheck(view, g.rows),
      spellings: g.spellings,
    };
  });

  const domainIndex = new Map(profile.domains.map((d, i) => [groupKey(d), i]));
  let domainUnset = 0;
  let domainUnsetRows: number[] = [];
  const ordered: { entry: DomainCount; order: number }[] = [];
  if (has("domain")) {
    groupRows(view, rows, "domain", (text) => profileDomain(profile, text)).forEach((g, appearance) => {
      if (g.key === "") {
        domainUnset = g.rows.length;
        domainUnsetRows = g.rows;
        return;
      }
      const index = domainIndex.get(g.key);
      const entry: DomainCount = {
        domain: index === undefined ? g.name : (profile.domains[index] ?? g.name),
        count: g.rows.length,
        share: g.rows.length / rows.length,
        rows: g.rows,
        known: index !== undefined,
        spellings: g.spellings,
      };
      // Ties keep the notice's order; 领域 the notice does not name come after its own.
      ordered.push({ entry, order: index ?? profile.domains.length + appearance });
    });
  }
  const domains = ordered
    .sort((a, b) => b.entry.count - a.entry.count || a.order - b.order)
    .map((o) => o.entry);

  const hosts: HostCount[] = has("host")
    ? groupRows(view, rows, "host")
        .filter((g) => g.key !== "")
        .map((g) => ({ host: g.name, count: g.rows.length, rows: g.rows, spellings: g.spellings }))
        .sort((a, b) => b.count - a.count || (a.rows[0] ?? 0) - (b.rows[0] ?? 0))
    : [];

  const aiCount = projects.filter((p) => p.ai).length;
  const totals: StatsTotals = {
    projects: rows.length,
    planProjects: profile.planProjects,
    trainees: has("trainees") ? traineesTotal : null,
    planTrainees: profile.planTrainees,
    grassroots: has("trainees") && (fromCount || has("grassrootsShare")) ? grassroots : null,
    grassrootsBase: has("trainees") && (fromCount || has("grassrootsShare")) ? grassrootsBase : null,
    grassrootsShare: grassrootsBase > 0 ? grassroots / grassrootsBase : null,
    ai: aiDecidable ? aiCount : null,
    aiShare: aiDecidable && rows.length > 0 ? aiCount / rows.length : null,
  };

  const ranking = has("score")
    ? [...projects].sort((a, b) => {
        if (a.rank === null || b.rank === null)
          return a.rank === b.rank ? a.row - b.row : a.rank === null ? 1 : -1;
        return a.rank - b.rank || a.row - b.row;
      })
    : [];

  const headers: Partial<Record<ListKey, string>> = {};
  for (const [key, c] of list.columns) headers[key] = c.header.replace(/\s/g, "");
  caveats.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    sheet: grid.name,
    profile: profile.id,
    headerRow: list.headerRow,
    headers,
    rows: projects,
    ranking,
    recommenders,
    domains,
    domainUnset,
    domainUnsetRows,
    hosts,
    totals,
    caveats,
  };
}

/**
 * 推荐排序 per row: an integer in 1..N of its recommender that no other row of the recommender repeats, read as the
 * engine's ranking rule reads it (１, 第1名, 第二名).
 */
function markRankingOk(
  view: ListView<ListKey>,
  rows: readonly number[],
  byRow: Map<number, ProjectRow>,
): void {
  const n = rows.length;
  const values = rows.map((row) => okValue(readRank(view.cell(row, "rank"))));
  const seen = new Map<number, number>();
  for (const v of values) if (v !== null) seen.set(v, (seen.get(v) ?? 0) + 1);
  rows.forEach((row, i) => {
    const v = values[i];
    const p = byRow.get(row);
    if (p)
      p.rankingOk =
        v !== null && v !== undefined && Number.isInteger(v) && v >= 1 && v <= n && seen.get(v) === 1;
  });
}
