import type { Quota } from "../rules/list";
import { toA1 } from "../grid/a1";
import type { CellRef, MergeArea } from "../grid/types";
import type { ListKey } from "../recognise/columns";
import type { ListTable } from "../recognise/list";
import type { CellStyle, ChartSpec, LayoutCell, SheetLayout } from "../templates/layout";
import { CONTENT_KEYS } from "./compute";
import { groupKey } from "./ai";
import { absoluteA1, criterionSafe, exactCriterion, sheetCell, sheetRange, stringLiteral } from "./formula";
import { statsText } from "../messages/stats";
import { statsProfileFor } from "./profile";
import type { ListStats } from "./types";

interface Run {
  top: number;
  bottom: number;
}

/** Rows as runs of adjacent sheet rows: the fewest ranges that hold exactly these rows and no other. */
function runsOf(rows: readonly number[]): Run[] {
  const runs: Run[] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && row === last.bottom + 1) last.bottom = row;
    else runs.push({ top: row, bottom: row });
  }
  return runs;
}

/** Two groups that a case-insensitive COUNTIFS criterion cannot tell apart (the engine groups “ABC” and “abc” apart). */
function casesCollide(names: readonly string[]): boolean {
  return new Set(names.map(groupKey)).size < names.length;
}

/** Where each figure of the statistics sheet stands (0-based cells of the new sheet), for tests and the pane. */
export interface StatsSheetFigures {
  projects: CellRef;
  trainees?: CellRef;
  grassroots?: CellRef;
  grassrootsShare?: CellRef;
  ai?: CellRef;
  aiShare?: CellRef;
  recommenders: {
    name: string;
    projects: CellRef;
    key?: CellRef;
    allowed: CellRef;
    share?: CellRef;
    ranking?: CellRef;
  }[];
  domains: { domain: string; count: CellRef; share: CellRef }[];
  domainUnset?: CellRef;
  hosts: { host: string; count: CellRef }[];
  /** One per project row of the source, in sheet order. */
  rows: { row: number; sourceRow: CellRef; rank?: CellRef; tied?: CellRef; rankingOk?: CellRef }[];
}

/** A SheetLayout that also says where its figures are; insert it like any other layout. */
export interface StatsSheetLayout extends SheetLayout {
  figures: StatsSheetFigures;
}

export interface StatsSheetOptions {
  lang?: "zh" | "en";
}

const HEADER: CellStyle = { bold: true, fill: "#DDEBF7", hAlign: "center", vAlign: "middle", wrap: true };
const LABEL: CellStyle = { vAlign: "middle", wrap: true };
const COUNT: CellStyle = { hAlign: "right", numberFormat: "0" };
const SHARE: CellStyle = { hAlign: "right", numberFormat: "0.0%" };
const CENTER: CellStyle = { hAlign: "center" };
const WIDTH = 7; // columns A–G hold the tables; the chart sits from column I
const CHART_COL = 8;
const MAX_CAVEAT_CELLS = 8;
// Excel refuses formulas longer than 8,192 characters; keep a margin for the sheet name growing on rename.
const MAX_FORMULA_LENGTH = 7000;

/**
 * The pack's 重点推荐 quota (Shanghai 附件3 注: 15%, at least 1) as a formula in integers, so Excel and the engine floor
 * the same number: 15% is written *15/100.
 */
function allowedFormula(projects: string, quota: Quota): string {
  const percent = Math.round(quota.share * 100 * 100) / 100;
  const [num, den] = Number.isInteger(percent) ? [percent, 100] : [Math.round(quota.share * 10000), 10000];
  return `=MAX(${quota.atLeast},INT(${projects}*${num}/${den}))`;
}

class LayoutBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: MergeArea[] = [];
  readonly borders: MergeArea[] = [];
  readonly rowHeights: Record<number, number> = {};

  /** Figures written as the core's value because their formula would pass Excel's length limit. */
  tooLong = 0;

  /**
   * A constant, or a formula when the string starts with “=” (only formulas this module builds). With `fallback`, a
   * formula longer than Excel accepts (a group spread over very many row ranges) is written as that value instead.
   */
  put(
    row: number,
    col: number,
    content: string | number | undefined,
    style?: CellStyle,
    fallback?: string | number,
  ): CellRef {
    const cell: LayoutCell = { row, col };
    if (
      fallback !== undefined &&
      typeof content === "string" &&
      content.startsWith("=") &&
      content.length > MAX_FORMULA_LENGTH
    ) {
      cell.value = fallback;
      this.tooLong++;
    } else if (typeof content === "string" && content.startsWith("=")) cell.formula = content;
    else if (content !== undefined) cell.value = content;
    if (style) cell.style = style;
    this.cells.push(cell);
    return { row, col };
  }

  /**
   * Text that must stay text: a name typed as “=同济” or “-” would become a formula (or an error) if written as a
   * value, in Excel as in the adapters, so such text is written as a formula that returns it.
   */
  label(row: number, col: number, text: string, style?: CellStyle): CellRef {
    return this.put(row, col, /^[=+\-@]/.test(text) ? `=${stringLiteral(text)}` : text, style);
  }

  header(row: number, labels: string[]): void {
    labels.forEach((label, col) => this.label(row, col, label, HEADER));
  }

  table(top: number, bottom: number, cols: number): void {
    if (bottom >= top) this.borders.push({ top, left: 0, bottom, right: cols - 1 });
  }

  note(row: number, text: string, fill?: string): void {
    this.label(row, 0, text, { wrap: true, vAlign: "top", ...(fill ? { fill } : {}) });
    this.merges.push({ top: row, left: 0, bottom: row, right: WIDTH - 1 });
    this.rowHeights[row] = 32;
  }
}

/**
 * Read step of the statistics sheet: where the source rows are, how each column and group is addressed in formulas,
 * and which groups must be counted over the engine's rows (merged or written-once group columns).
 */
function planStatsSheet(
  sourceSheetName: string,
  list: ListTable<ListKey>,
  stats: ListStats,
  options: StatsSheetOptions,
) {
  const lang = options.lang ?? "zh";
  const t = (text: { zh: string; en: string }) => text[lang];
  const profile = statsProfileFor(stats.profile === "generic" ? null : stats.profile);
  const b = new LayoutBuilder();
  const src = sourceSheetName;

  // The source rows: from under the header to the last project row (blank rows in between count as nothing).
  const top = list.headerRow + 1;
  const bottom = Math.max(top, ...stats.rows.map((p) => p.row));
  const col = (key: ListKey) => list.columns.get(key)?.col;
  const range = (key: ListKey) => {
    const c = col(key);
    return c === undefined ? undefined : sheetRange(src, top, c, bottom);
  };
  const contentRanges = CONTENT_KEYS.map(range).filter((r): r is string => r !== undefined);
  const isProject = `((${contentRanges.map((r) => `LEN(${r})`).join("+")})>0)`;
  const inGroup = (rangeRef: string, spellings: readonly string[]) =>
    spellings.length === 1
      ? `(${rangeRef}=${stringLiteral(spellings[0] ?? "")})`
      : `(${spellings.map((s) => `(${rangeRef}=${stringLiteral(s)})`).join("+")})`;
  // COUNTIFS where a criterion can say it; blank spellings (only project rows count) and texts starting with a
  // comparison sign are compared with “=” under SUMPRODUCT instead.
  const countGroup = (rangeRef: string, spellings: readonly string[]) =>
    spellings
      .map((s) =>
        criterionSafe(s)
          ? `COUNTIFS(${rangeRef},${exactCriterion(s)})`
          : `SUMPRODUCT(${isProject}*(${rangeRef}=${stringLiteral(s)}))`,
      )
      .join("+");

  // Group columns merged downwards or written once (recognise/list.ts fills) hold a group's value in one cell only: a
  // criterion over the column would count that cell once and miss the rows under it. Such groups (and section rows,
  // which have no column at all) are counted over the rows the engine put in each group instead.
  const filled = (key: ListKey) => (list.fills.get(key)?.size ?? 0) > 0;
  const recByRows =
    stats.recommenders.some((rec) => !rec.whole) &&
    (col("recommender") === undefined ||
      filled("recommender") ||
      casesCollide(stats.recommenders.map((rec) => rec.name)));
  const domainByRows = col("domain") !== undefined && filled("domain");
  const hostByRows = col("host") !== undefined && filled("host");
  const at = (key: ListKey, run: Run) => sheetRange(src, run.top, col(key) ?? 0, run.bottom);
  const isProjectIn = (run: Run) =>
    `((${CONTENT_KEYS.filter((k) => col(k) !== undefined)
      .map((k) => `LEN(${at(k, run)})`)
      .join("+")})>0)`;
  /** Σ over the runs of the rows of `term(run)` (0 when there are no rows). */
  const overRuns = (rows: readonly number[], term: (run: Run) => string) =>
    runsOf(rows).map(term).join("+") || "0";
  const countRows = (rows: readonly number[]) => overRuns(rows, (run) => `SUMPRODUCT(--${isProjectIn(run)})`);

  return {
    lang,
    t,
    profile,
    b,
    src,
    top,
    bottom,
    col,
    range,
    isProject,
    inGroup,
    countGroup,
    recByRows,
    domainByRows,
    hostByRows,
    at,
    isProjectIn,
    overRuns,
    countRows,
  };
}

type SheetPlan = ReturnType<typeof planStatsSheet>;

/** The row being written and the figures' cells, shared by the write steps. */
interface SheetWriter {
  r: number;
  figures: StatsSheetFigures;
}

/** Write step: the title, the source note, the by-rows and caveat notes. Returns the by-rows note's cell. */
function writeSheetHead(p: SheetPlan, stats: ListStats, w: SheetWriter): LayoutCell | undefined {
  const { b, t, src, top, bottom, recByRows, domainByRows, hostByRows } = p;
  b.label(w.r, 0, t(statsText.sheetTitle(src)), { bold: true, fontSize: 14 });
  b.merges.push({ top: w.r, left: 0, bottom: w.r, right: WIDTH - 1 });
  b.rowHeights[w.r] = 24;
  w.r++;
  b.note(w.r++, t(statsText.sourceNote(src, top + 1, bottom + 1)));
  const byRows = [
    ...(recByRows ? [stats.headers.recommender ?? t(statsText.recommenders)] : []),
    ...(domainByRows ? [stats.headers.domain ?? t(statsText.domains)] : []),
    ...(hostByRows ? [stats.headers.host ?? t(statsText.hosts)] : []),
  ];
  if (byRows.length > 0) b.note(w.r++, t(statsText.groupedByRows(byRows)), "#FFF2CC");
  const noteCell = byRows.length > 0 ? b.cells.at(-1) : undefined;
  if (stats.caveats.length > 0) {
    const shown = stats.caveats.slice(0, MAX_CAVEAT_CELLS).map((c) => toA1(c.row, c.col));
    b.note(w.r++, t(statsText.caveatNote(shown, stats.caveats.length - shown.length)), "#FFF2CC");
  }
  w.r++;

  return noteCell;
}

/** Write step: the AI topics line of 总体 — 领域 and topic words as SEARCH() over 专业范围 and 项目名称. */
function writeAiLine(
  p: SheetPlan,
  stats: ListStats,
  w: SheetWriter,
  domainRange: string | undefined,
  projectsCell: string,
): void {
  const { b, t, profile, range, col, at, isProject, isProjectIn, inGroup, overRuns, domainByRows } = p;
  const haystack = [range("major"), range("title")].filter((x): x is string => x !== undefined).join(`&"|"&`);
  const aiSpellings = profile.aiDomain === null ? [] : aiDomainSpellings(stats, profile.aiDomain);
  const inDomain = domainRange && profile.aiDomain !== null ? inGroup(domainRange, aiSpellings) : isProject;
  const anyTerm = profile.aiTerms
    .map((term) => `ISNUMBER(SEARCH(${stringLiteral(term)},${haystack}))`)
    .join("+");
  const aiRows = domainByRows
    ? (stats.domains.find((d) => d.domain === profile.aiDomain)?.rows ?? [])
    : undefined;
  const aiIn = (run: Run) => {
    const hay = (["major", "title"] as const)
      .filter((k) => col(k) !== undefined)
      .map((k) => at(k, run))
      .join(`&"|"&`);
    const terms = profile.aiTerms.map((term) => `ISNUMBER(SEARCH(${stringLiteral(term)},${hay}))`).join("+");
    return `SUMPRODUCT(${isProjectIn(run)}*((${terms})>0))`;
  };
  b.label(w.r, 0, t(statsText.ai), LABEL);
  w.figures.ai = b.put(
    w.r,
    1,
    haystack === ""
      ? "=0"
      : aiRows && profile.aiDomain !== null
        ? `=${overRuns(aiRows, aiIn)}`
        : `=SUMPRODUCT(${inDomain}*((${anyTerm})>0))`,
    COUNT,
    stats.totals.ai ?? 0,
  );
  w.figures.aiShare = b.put(w.r, 3, `=IF(${projectsCell}=0,"",${toA1(w.r, 1)}/${projectsCell})`, SHARE);
  w.r++;
}

/** Write step: 总体 — projects, trainees, 基层, AI topics, each against the plan where the pack gives one. */
function writeTotals(
  p: SheetPlan,
  stats: ListStats,
  w: SheetWriter,
): { projectsCell: string; domainRange: string | undefined } {
  const { b, t, range, isProject } = p;
  // 总体
  const totalsTop = w.r;
  b.header(w.r++, [t(statsText.figure), t(statsText.value), t(statsText.plan), t(statsText.ofPlan)]);
  w.figures = {
    projects: { row: w.r, col: 1 },
    recommenders: [],
    domains: [],
    hosts: [],
    rows: [],
  };
  const projectsCell = toA1(w.r, 1);
  const planned = (row: number, plan: number | null) => {
    if (plan === null) return;
    b.put(row, 2, plan, COUNT);
    b.put(row, 3, `=IF(${toA1(row, 2)}=0,"",${toA1(row, 1)}/${toA1(row, 2)})`, SHARE);
  };
  b.label(w.r, 0, t(statsText.projects), LABEL);
  b.put(w.r, 1, `=SUMPRODUCT(--${isProject})`, COUNT);
  planned(w.r++, stats.totals.planProjects);
  const trainees = range("trainees");
  if (trainees) {
    b.label(w.r, 0, t(statsText.trainees), LABEL);
    w.figures.trainees = b.put(w.r, 1, `=SUM(${trainees})`, COUNT);
    planned(w.r++, stats.totals.planTrainees);
    const count = range("grassroots");
    const share = range("grassrootsShare");
    // Σ基层 / Σ学员 over the rows where both are numbers (SUMPRODUCT counts text as 0), as computeStats does.
    const sums = count
      ? {
          // Both ISNUMBER guards: text under 基层人数 (“30%”) counts as nothing, whether or not a spreadsheet coerces it.
          num: `SUMPRODUCT(--ISNUMBER(${trainees}),--ISNUMBER(${count}),${count})`,
          base: `SUMPRODUCT(--ISNUMBER(${count}),${trainees})`,
        }
      : share
        ? { num: `SUMPRODUCT(${share},${trainees})`, base: `SUMPRODUCT(--ISNUMBER(${share}),${trainees})` }
        : undefined;
    if (sums) {
      b.label(w.r, 0, t(statsText.grassroots), LABEL);
      w.figures.grassroots = b.put(w.r++, 1, `=${sums.num}`, { hAlign: "right", numberFormat: "0.##" });
      b.label(w.r, 0, t(statsText.grassrootsShare), LABEL);
      w.figures.grassrootsShare = b.put(w.r++, 1, `=IF(${sums.base}=0,"",${sums.num}/${sums.base})`, SHARE);
    }
  }
  const domainRange = range("domain");
  if (stats.totals.ai !== null) writeAiLine(p, stats, w, domainRange, projectsCell);
  b.table(totalsTop, w.r - 1, 4);
  w.r++;

  return { projectsCell, domainRange };
}

/** Write step: 承办单位, one line per host with its projects. */
function writeHosts(p: SheetPlan, stats: ListStats, w: SheetWriter): void {
  const { t, b, range, countGroup, hostByRows, countRows } = p;
  const hostRange = range("host");
  if (hostRange && stats.hosts.length > 0) {
    const hostTop = w.r;
    b.header(w.r++, [t(statsText.hosts), t(statsText.projects)]);
    for (const host of stats.hosts) {
      b.label(w.r, 0, host.host, LABEL);
      w.figures.hosts.push({
        host: host.host,
        count: b.put(
          w.r,
          1,
          hostByRows ? `=${countRows(host.rows)}` : `=${countGroup(hostRange, host.spellings)}`,
          COUNT,
          host.count,
        ),
      });
      w.r++;
    }
    b.table(hostTop, w.r - 1, 2);
    w.r++;
  }
}

/** Write steps: 领域 (every 领域 of the notice, 0 when absent, with a bar chart) and 承办单位. Returns the chart. */
function writeDomainsAndHosts(
  p: SheetPlan,
  stats: ListStats,
  w: SheetWriter,
  domainRange: string | undefined,
  projectsCell: string,
): ChartSpec | undefined {
  const { t, b, profile, isProject, countGroup, domainByRows, countRows } = p;
  // 领域, with every 领域 of the notice (0 when absent) and the ones typed that the notice does not name.
  let chart: ChartSpec | undefined;
  if (domainRange) {
    const domTop = w.r;
    b.header(w.r++, [t(statsText.domains), t(statsText.projects), t(statsText.share)]);
    const present = new Map(stats.domains.map((d) => [d.domain, d]));
    const lines = [
      ...profile.domains.map((d) => ({
        domain: d,
        spellings: present.get(d)?.spellings ?? [d],
        rows: present.get(d)?.rows ?? [],
      })),
      ...stats.domains
        .filter((d) => !d.known)
        .map((d) => ({ domain: d.domain, spellings: d.spellings, rows: d.rows })),
    ];
    const first = w.r;
    for (const line of lines) {
      b.label(w.r, 0, line.domain, LABEL);
      const count = b.put(
        w.r,
        1,
        domainByRows ? `=${countRows(line.rows)}` : `=${countGroup(domainRange, line.spellings)}`,
        COUNT,
        line.rows.length,
      );
      const share = b.put(w.r, 2, `=IF(${projectsCell}=0,"",${toA1(w.r, 1)}/${projectsCell})`, SHARE);
      w.figures.domains.push({ domain: line.domain, count, share });
      w.r++;
    }
    const last = w.r - 1;
    if (stats.domainUnset > 0) {
      b.label(w.r, 0, t(statsText.domainUnset), LABEL);
      w.figures.domainUnset = b.put(
        w.r++,
        1,
        domainByRows
          ? `=${countRows(stats.domainUnsetRows)}`
          : `=SUMPRODUCT(${isProject}*(${domainRange}=""))`,
        COUNT,
        stats.domainUnset,
      );
    }
    b.table(domTop, w.r - 1, 3);
    if (last >= first)
      chart = {
        kind: "bar",
        title: t(statsText.chartTitle),
        categories: { top: first, left: 0, bottom: last, right: 0 },
        values: { top: first, left: 1, bottom: last, right: 1 },
        anchor: { row: domTop, col: CHART_COL, rows: Math.max(12, lines.length + 3), cols: 8 },
      };
    w.r++;
  }

  writeHosts(p, stats, w);
  return chart;
}

/** The columns of 逐项明细, in order. */
type DetailKey = "title" | "row" | "score" | "rank" | "tied" | "rankingOk" | "recommender";

/** A recommender's line of the 推荐单位 table (its index in stats.recommenders and its sheet row). */
interface RecommenderRow {
  index: number;
  row: number;
}

/**
 * Plan step: 逐项明细 comes last but the recommender section refers to it, so its columns are laid out first: a score
 * gets its rank and ties, a 推荐排序 its check, a 推荐单位 (column or engine groups) its own column.
 */
function planDetailKeys(p: SheetPlan): DetailKey[] {
  const keys: DetailKey[] = ["title", "row"];
  if (p.col("score") !== undefined) keys.push("score", "rank", "tied");
  if (p.col("rank") !== undefined) keys.push("rankingOk");
  if (p.col("recommender") !== undefined || p.recByRows) keys.push("recommender");
  return keys;
}

/** Write step: 推荐单位 — projects, 重点推荐 used and allowed by the pack's quota, their share, one line per group. */
function writeRecommenders(
  p: SheetPlan,
  stats: ListStats,
  w: SheetWriter,
  projectsCell: string,
): RecommenderRow[] {
  const { t, profile, b, col, range, isProject, inGroup, countGroup } = p;
  const { recByRows, at, isProjectIn, overRuns, countRows } = p;
  const recTop = w.r;
  const recHeaders = [
    t(statsText.recommenders),
    t(statsText.projects),
    t(statsText.key),
    t(statsText.allowed),
    t(statsText.share),
  ];
  if (col("rank") !== undefined) recHeaders.push(t(statsText.ranking));
  b.header(w.r++, recHeaders);
  const recRange = range("recommender");
  const remarkRange = range("remark");
  const isKey = remarkRange ? keyExpression(remarkRange) : undefined;
  const recRows: RecommenderRow[] = [];
  stats.recommenders.forEach((rec, index) => {
    const label = rec.whole ? rec.name || t(statsText.wholeList) : rec.name || t(statsText.unnamed);
    const row = w.r++;
    recRows.push({ index, row });
    b.label(row, 0, label, LABEL);
    const byRows = !rec.whole && (recByRows || !recRange);
    const entry: StatsSheetFigures["recommenders"][number] = {
      name: rec.name,
      projects: b.put(
        row,
        1,
        rec.whole
          ? `=${projectsCell}`
          : byRows
            ? `=${countRows(rec.rows)}`
            : `=${countGroup(recRange as string, rec.spellings)}`,
        COUNT,
        rec.projects,
      ),
      allowed: b.put(row, 3, allowedFormula(toA1(row, 1), profile.quota), COUNT),
    };
    if (isKey) {
      const group = rec.whole || !recRange ? "" : `*${inGroup(recRange, rec.spellings)}`;
      const keyIn = (run: Run) => `SUMPRODUCT(${isProjectIn(run)}*${keyExpression(at("remark", run))})`;
      entry.key = b.put(
        row,
        2,
        byRows ? `=${overRuns(rec.rows, keyIn)}` : `=SUMPRODUCT(${isProject}*${isKey}${group})`,
        COUNT,
        rec.key ?? 0,
      );
      entry.share = b.put(row, 4, `=IF(${toA1(row, 1)}=0,"",${toA1(row, 2)}/${toA1(row, 1)})`, SHARE);
    }
    w.figures.recommenders.push(entry);
  });
  b.table(recTop, w.r - 1, recHeaders.length);
  w.r++;
  return recRows;
}

/** What a line of 逐项明细 needs to write its cells: its project, its sheet row and the recommender lines. */
interface DetailLine {
  project: ListStats["rows"][number];
  r: number;
  entry: StatsSheetFigures["rows"][number];
  nameCol: number;
  recRows: readonly RecommenderRow[];
  groupOfRow: ReadonlyMap<number, number>;
}

/** The formula of 推荐排序 OK for one row: an integer in 1..N that no other row of its recommender has. */
function rankingOkFormula(p: SheetPlan, stats: ListStats, line: DetailLine): string {
  const { col, range, at, overRuns, recByRows } = p;
  const k = sheetCell(p.src, line.project.row, col("rank") ?? line.nameCol);
  const rec = stats.recommenders[line.groupOfRow.get(line.project.row) ?? 0];
  const n = absoluteA1(line.recRows[line.groupOfRow.get(line.project.row) ?? 0]?.row ?? 0, 1);
  const recRange = range("recommender");
  const rankRange = range("rank");
  const same =
    rec && !rec.whole && (recByRows || !recRange)
      ? overRuns(rec.rows, (run) => `COUNTIFS(${at("rank", run)},${k})`)
      : rec && !rec.whole && recRange
        ? rec.spellings
            .map((sp) =>
              criterionSafe(sp)
                ? `COUNTIFS(${rankRange},${k},${recRange},${exactCriterion(sp)})`
                : `SUMPRODUCT((${rankRange}=${k})*(${recRange}=${stringLiteral(sp)}))`,
            )
            .join("+")
        : `COUNTIFS(${rankRange},${k})`;
  return `=IF(ISNUMBER(${k}),IF(AND(${k}=INT(${k}),${k}>=1,${k}<=${n},(${same})=1),1,0),0)`;
}

/** Write step: one cell of a line of 逐项明细, a formula on that row of the source. */
function writeDetailCell(
  p: SheetPlan,
  stats: ListStats,
  list: ListTable<ListKey>,
  line: DetailLine,
  key: DetailKey,
  c: number,
): void {
  const { b, t, src, col, range } = p;
  const { project, r, entry, nameCol } = line;
  const ref = (k: ListKey) => sheetCell(src, project.row, col(k) ?? nameCol);
  const score = ref("score");
  switch (key) {
    case "title":
      b.put(r, c, `=""&${sheetCell(src, project.row, nameCol)}`, LABEL);
      break;
    case "row":
      b.put(r, c, `=ROW(${sheetCell(src, project.row, nameCol)})`, CENTER);
      break;
    case "score":
      b.put(r, c, `=IF(ISNUMBER(${score}),${score},"")`, { hAlign: "right" });
      break;
    case "rank":
      // RANK, not RANK.EQ: the same ranking (ties share the best rank), but RANK.EQ is an Excel 2010 function that
      // a file must store as _xlfn.RANK.EQ, and a workbook written by ExcelJS without it shows #NAME? until edited.
      entry.rank = b.put(r, c, `=IF(ISNUMBER(${score}),RANK(${score},${range("score")},0),"")`, CENTER);
      break;
    case "tied": {
      const label = stringLiteral(t(statsText.tied));
      const formula = `=IF(ISNUMBER(${score}),IF(SUMPRODUCT(--(${range("score")}=${score}))>1,${label},""),"")`;
      entry.tied = b.put(r, c, formula, CENTER);
      break;
    }
    case "rankingOk": {
      const yesNo = `"${t(statsText.yes)}";"${t(statsText.yes)}";"${t(statsText.no)}"`;
      const style = { ...CENTER, numberFormat: yesNo };
      entry.rankingOk = b.put(r, c, rankingOkFormula(p, stats, line), style, project.rankingOk ? 1 : 0);
      break;
    }
    case "recommender": {
      // The cell the row's 推荐单位 stands in: the merge or the group's first cell when written once.
      const source = list.fills.get("recommender")?.get(project.row);
      if (col("recommender") === undefined) b.label(r, c, project.recommender ?? "", LABEL);
      else b.put(r, c, `=""&${source ? sheetCell(src, source.row, source.col) : ref("recommender")}`, LABEL);
      break;
    }
  }
}

/** Write step: 逐项明细, one line per project row. Returns the sheet row of the first line. */
function writeDetail(
  p: SheetPlan,
  stats: ListStats,
  list: ListTable<ListKey>,
  w: SheetWriter,
  detailKeys: readonly DetailKey[],
  recRows: readonly RecommenderRow[],
): number {
  const { b, t, col } = p;
  const detailTop = w.r;
  const detailLabels: Record<DetailKey, string> = {
    title: t(statsText.title),
    row: t(statsText.row),
    score: stats.headers.score ?? t(statsText.score),
    rank: t(statsText.rank),
    tied: t(statsText.tied),
    rankingOk: t(statsText.rankingOk),
    recommender: t(statsText.recommenders),
  };
  b.header(
    w.r++,
    detailKeys.map((k) => detailLabels[k]),
  );
  const firstDetail = w.r;
  const groupOfRow = new Map<number, number>();
  stats.recommenders.forEach((rec, i) => rec.rows.forEach((row) => groupOfRow.set(row, i)));
  const nameCol = col("title") ?? CONTENT_KEYS.map(col).find((c) => c !== undefined) ?? 0;
  for (const project of stats.rows) {
    const entry: StatsSheetFigures["rows"][number] = { row: project.row, sourceRow: { row: w.r, col: 1 } };
    const line: DetailLine = { project, r: w.r, entry, nameCol, recRows, groupOfRow };
    detailKeys.forEach((key, c) => writeDetailCell(p, stats, list, line, key, c));
    w.figures.rows.push(entry);
    w.r++;
  }
  if (stats.rows.length > 0) b.table(detailTop, w.r - 1, detailKeys.length);
  return firstDetail;
}

/** Write step: 推荐排序 per recommender, valid when every one of its rows is (N distinct integers in 1..N). */
function writeRankingStatus(
  p: SheetPlan,
  stats: ListStats,
  w: SheetWriter,
  detailKeys: readonly DetailKey[],
  recRows: readonly RecommenderRow[],
  firstDetail: number,
): void {
  const { b, t, inGroup, recByRows } = p;
  const lastDetail = firstDetail + stats.rows.length - 1;
  const detailRange = (key: DetailKey) => {
    const c = detailKeys.indexOf(key);
    return c < 0 ? undefined : `${absoluteA1(firstDetail, c)}:${absoluteA1(lastDetail, c)}`;
  };
  const okRange = detailRange("rankingOk");
  if (!okRange) return;
  const recDetail = detailRange("recommender");
  const okCol = detailKeys.indexOf("rankingOk");
  const detailOf = new Map(stats.rows.map((row, i) => [row.row, firstDetail + i]));
  for (const { index, row } of recRows) {
    const rec = stats.recommenders[index];
    if (!rec) continue;
    // By rows: the group's own lines of the detail table (its 推荐单位 text may be the same as another group's).
    const lines = rec.rows.map((sourceRow) => detailOf.get(sourceRow) ?? firstDetail);
    const sum =
      rec.whole || !recDetail
        ? `SUM(${okRange})`
        : recByRows
          ? runsOf(lines)
              .map((run) => `SUM(${absoluteA1(run.top, okCol)}:${absoluteA1(run.bottom, okCol)})`)
              .join("+")
          : `SUMPRODUCT(${okRange}*${inGroup(recDetail, rec.spellings)})`;
    const entry = w.figures.recommenders[index];
    if (entry)
      entry.ranking = b.put(
        row,
        5,
        `=IF(AND(${toA1(row, 1)}>0,${sum}=${toA1(row, 1)}),${stringLiteral(t(statsText.valid))},${stringLiteral(t(statsText.invalid))})`,
        CENTER,
        t(rec.ranking.status === "valid" ? statsText.valid : statsText.invalid),
      );
  }
}

/** Write step: the sheet as a layout — A4 portrait, one page wide, the chart beside the tables. */
function finishStatsSheet(p: SheetPlan, w: SheetWriter, chart: ChartSpec | undefined): StatsSheetLayout {
  const { b } = p;
  const lastRow = Math.max(w.r - 1, 0);
  return {
    name: "统计",
    cells: b.cells,
    merges: b.merges,
    borders: b.borders,
    columnWidths: [30, 11, 11, 11, 11, 11, 18],
    rowHeights: b.rowHeights,
    validations: [],
    print: {
      orientation: "portrait",
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      fitToWidth: true,
      printArea: { top: 0, left: 0, bottom: lastRow, right: WIDTH - 1 },
      centerHorizontally: true,
    },
    ...(chart ? { charts: [chart] } : {}),
    figures: w.figures,
  };
}

/**
 * The statistics sheet “统计” for a list: the figures of computeStats as live Excel formulas (COUNTIFS, SUMIFS,
 * SUMPRODUCT, RANK …) over the source sheet's rows, so they follow later edits, and a bar chart of projects per
 * 领域. Groups (推荐单位, 领域, 承办单位) are the ones present when the sheet is made; every 领域 of the notice gets a
 * line so a 领域 typed later is counted too. Each group matches every spelling the core put in it, so the formulas
 * give the core's figures; cells the formulas cannot read like the core (numbers stored as text) are listed on top.
 *
 * Read (planStatsSheet) → plan (planDetailKeys) → write (head, totals, recommenders, 领域 and 承办单位, detail,
 * ranking status) → finish.
 */
export function buildStatsSheet(
  sourceSheetName: string,
  list: ListTable<ListKey>,
  stats: ListStats,
  options: StatsSheetOptions = {},
): StatsSheetLayout {
  const p = planStatsSheet(sourceSheetName, list, stats, options);
  const detailKeys = planDetailKeys(p);
  const w: SheetWriter = {
    r: 0,
    figures: { projects: { row: 0, col: 1 }, recommenders: [], domains: [], hosts: [], rows: [] },
  };
  const noteCell = writeSheetHead(p, stats, w);
  const { projectsCell, domainRange } = writeTotals(p, stats, w);
  const recRows = writeRecommenders(p, stats, w, projectsCell);
  const chart = writeDomainsAndHosts(p, stats, w, domainRange, projectsCell);
  const firstDetail = writeDetail(p, stats, list, w, detailKeys, recRows);
  writeRankingStatus(p, stats, w, detailKeys, recRows, firstDetail);
  // Figures written as values: say so in the by-rows note on top (the only layout whose formulas can grow so long).
  if (p.b.tooLong > 0 && noteCell)
    noteCell.value = `${String(noteCell.value)}${p.t(statsText.tooLong(p.b.tooLong))}`;
  return finishStatsSheet(p, w, chart);
}

/** The spellings of the AI domain in the list (数字技术 as typed), or the notice's own name when absent. */
function aiDomainSpellings(stats: ListStats, aiDomain: string): string[] {
  return stats.domains.find((d) => d.domain === aiDomain)?.spellings ?? [aiDomain];
}

/**
 * isKeyRecommendation (rules/list.ts) as an array expression over the 备注 range: “重点” present, or the cell is
 * 是/√/✓, and none of 非重点/不重点/否 — on the text without spaces, ideographic spaces and line breaks, as the
 * engine compacts it.
 */
function keyExpression(remark: string): string {
  const compact = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${remark}," ",""),"\u3000",""),CHAR(10),"")`;
  const has = (word: string) => `ISNUMBER(SEARCH(${stringLiteral(word)},${compact}))`;
  const lacks = (word: string) => `ISERROR(SEARCH(${stringLiteral(word)},${compact}))`;
  const is = (word: string) => `(${compact}=${stringLiteral(word)})`;
  // The marks isKeyRecommendation (rules/list.ts) reads as 重点推荐, so that the sheet counts what the check counts.
  const marks = ["是", "√", "✓", "✔", "★", "☑"].map(is).join("+");
  return `((${has("重点")}+${marks})>0)*${lacks("非重点")}*${lacks("不重点")}*${lacks("否")}`;
}
