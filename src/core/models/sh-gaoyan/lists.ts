import type { Finding } from "../../findings";
import type { Grid } from "../../grid/types";
import { findingText } from "../../messages/findings";
import { COLUMN_EXPECTS } from "../../messages/lists";
import { listText } from "../../messages/lists";
import { finiteMoneyOf, readMoney } from "../../read/money";
import { cellText, compactText } from "../../read/normalise";
import { compareDates, daysBetweenInclusive, formatDate, makeDate, readDate } from "../../read/date";
import type { DateOnly } from "../../read/types";
import type { RawCell } from "../../grid/types";
import { finiteNumberOf, readNumber, readPercent } from "../../read/number";
import { plainYesNoOf, readYesNo } from "../../read/choice";
import { LIST_COLUMNS, type ListKey } from "../../recognise/columns";
import { findLabelledLine } from "../../recognise/lines";
import { readList, type ListTable } from "../../recognise/list";
import {
  checkCourseTime,
  checkDayCount,
  checkDeadline,
  checkGrassroots,
  checkTrainees,
  readOrReport,
} from "../../rules/figures";
import {
  type ColumnCells,
  ColumnHashes,
  ListView,
  RowGrouping,
  checkDuplicateTitles,
  checkHostOneProject,
  checkKeyOrder,
  checkKeyQuota,
  checkRankingSequence,
  recommenderGroups,
} from "../../rules/list";
import { FindingSink } from "../../rules/sink";
import { readPhones } from "../../read/phone";
import type { SheetSignals } from "../../packs/pack";
import type { ShContext } from "./context";

const RECOMMENDATION_COLUMNS = new Set<ListKey>(["rank", "serial", "title", "host", "remark"]);

export interface ShListRecognition {
  table: "recommendation" | "summary";
  confidence: number;
  list: ListTable<ListKey>;
}

/** 附件3 推荐表 (one recommender) or a city summary list (many, or more columns). */
export function recogniseShList(signals: SheetSignals): ShListRecognition | undefined {
  const list = readList(signals.grid, LIST_COLUMNS);
  if (!list || !list.columns.has("title")) return undefined;
  const keys = [...list.columns.keys()];
  const otherProvince = /福建|湖北|闽|鄂/.test(signals.head) ? 0.5 : 1;
  // Section rows with their own rankings make a list of several recommenders, whatever its columns.
  const isRecommendation =
    list.columns.has("rank") &&
    keys.every((k) => RECOMMENDATION_COLUMNS.has(k)) &&
    list.sections.length === 0;
  if (isRecommendation) {
    let confidence = 0.6 + (list.columns.has("host") ? 0.1 : 0) + (list.columns.has("remark") ? 0.1 : 0);
    if (signals.head.includes("推荐表")) confidence += 0.15;
    return { table: "recommendation", confidence: Math.min(0.98, confidence) * otherProvince, list };
  }
  const known = list.matched / Math.max(1, list.headerCells);
  let confidence = 0.45 + 0.35 * known + (signals.head.includes("上海") ? 0.1 : 0);
  if (list.columns.has("techField")) confidence -= 0.2;
  return { table: "summary", confidence: Math.min(0.95, confidence) * otherProvince, list };
}

function checkFooterContact(c: ShContext, sink: FindingSink, view: ListView<ListKey>): void {
  const table = view.table;
  const contact = findLabelledLine(table.below, ["推荐单位联系人", "联系人"]);
  const phone = findLabelledLine(table.below, ["联系方式", "联系电话"]);
  const anchor = { row: table.rows.at(-1) ?? table.headerRow, col: 0 };
  for (const [line, name] of [
    [contact, "推荐单位联系人"],
    [phone, "联系方式"],
  ] as const) {
    if (line?.unknown) continue;
    if (!line) {
      sink.add(
        { row: anchor.row + 1 < view.grid.rowCount ? anchor.row + 1 : anchor.row, col: 0 },
        "warning",
        "required",
        listText.footerContact(name),
        c.F.clause.list,
      );
    } else if (line.value === "") {
      sink.add(
        { row: line.row, col: line.col },
        "warning",
        "required",
        listText.footerContact(name),
        c.F.clause.list,
      );
    }
  }
  if (phone && phone.value !== "") {
    const reads = readPhones(phone.value);
    if (reads.length === 0 || reads.some((r) => r.kind !== "ok"))
      sink.add(
        { row: phone.row, col: phone.col },
        "error",
        "phone.format",
        findingText.phone("联系方式", phone.value),
        c.F.clause.list,
        {
          value: phone.value,
        },
      );
  }
}

/** The rules that hold for one recommender's rows: ranking, key-recommendation quota and order. */
function checkRecommenderRows(
  c: ShContext,
  sink: FindingSink,
  view: ListView<ListKey>,
  rows: readonly number[],
  who: string,
  at: { row: number; col: number },
): void {
  const ranks = view.column("rank")
    ? checkRankingSequence(sink, view, rows, "rank", c.F.clause.list)
    : new Int32Array(rows.length);
  if (!view.column("remark")) return;
  const keyRows = checkKeyQuota(sink, view, rows, "remark", {
    clause: c.F.keyQuota.clause,
    quota: c.F.keyQuota.value,
    severity: c.F.keyQuota.severity,
    who,
    at,
  });
  checkKeyOrder(sink, view, rows, ranks, keyRows, "remark", c.F.clause.listNote);
}

const {
  trainees: TRAINEES_WORDS,
  share: SHARE_WORDS,
  grassroots: GRASSROOTS_WORDS,
  funding: FUNDING_WORDS,
} = COLUMN_EXPECTS;

/**
 * The rules of the figure columns (学员人数, 基层, 办班时间, 经费, 领域 …), row by row: the function returned checks
 * the rows of the list from `from` up to `to`, so that the caller can run it block by block with the other passes
 * over the same rows.
 */
function figureColumnsChecker(
  c: ShContext,
  sink: FindingSink,
  view: ListView<ListKey>,
): (from: number, to: number) => void {
  // Each column looked up once, not for every row.
  const traineesCells = view.cells("trainees");
  const shareCells = view.cells("grassrootsShare");
  const grassrootsCells = view.cells("grassroots");
  const daysCells = view.cells("days");
  const courseCells = view.cells("courseTime");
  const domainCells = view.cells("domain");
  const majorCells = view.cells("major");
  // Which columns the list has, looked up once rather than for every row.
  const has = (key: ListKey) => view.column(key) !== undefined;
  const hasTrainees = has("trainees");
  const hasShare = has("grassrootsShare");
  const hasGrassroots = has("grassroots");
  const hasDays = has("days");
  const hasCourseTime = has("courseTime");
  const hasCoursePair = has("courseStart") || has("courseEnd");
  const funding = fundingColumns(view);
  const hasDomain = has("domain");
  const hasMajor = has("major");
  const courseLimits = hasDays ? { year: c.F.course.year, finishBy: c.F.course.finishBy } : c.F.course;
  let shareNoted = false;
  // A list names a handful of domains over all its rows: each text is read as a domain once.
  const domains = new Map<string, string>();
  const domainOf = (text: string): string => {
    let domain = domains.get(text);
    if (domain === undefined) {
      domain = c.D.domainName(text);
      if (domains.size < 1000) domains.set(text, domain);
    }
    return domain;
  };
  // Where a finding on the row being read goes, worked out only when there is one (most rows have none). Made
  // once for the list rather than as a closure per row: the rules call them before the loop moves on.
  let row = 0;
  const traineesAt = () => view.at(row, "trainees");
  const courseTimeAt = () => view.at(row, "courseTime");
  const fundingAt = () => view.at(row, "funding");
  const rows = view.table.rows;
  return (from, to) => {
    for (let i = from; i < to; i++) {
      row = rows[i] as number;
      let trainees: number | undefined;
      if (hasTrainees) {
        // Most cells are numbers, taken without a read result; the place (through merges and fills) and the report
        // only for the others.
        const cell = traineesCells.cell(row);
        trainees = finiteNumberOf(cell);
        if (trainees === undefined) {
          const read = readNumber(cell);
          trainees =
            read.kind === "ok"
              ? read.value
              : readOrReport<number>(sink, traineesAt, read, TRAINEES_WORDS, c.F.clause.trainees);
        }
        // (The place is worked out only for a count under the figure: most rows have none.)
        if (trainees !== undefined && trainees < c.F.trainees.value)
          checkTrainees(sink, view.at(row, "trainees"), trainees, c.F.trainees);
      }
      if (hasShare) {
        const read = readPercent(shareCells.cell(row));
        if (read.kind === "ok") {
          // (The place is worked out only for a share under the figure.)
          if (!(read.value + 1e-9 >= c.F.grassroots.value))
            checkGrassroots(sink, view.at(row, "grassrootsShare"), read.value, c.F.grassroots);
        } else readOrReport(sink, view.at(row, "grassrootsShare"), read, SHARE_WORDS, c.F.clause.trainees);
      } else if (hasGrassroots) {
        const cell = grassrootsCells.cell(row);
        const share = shareInCountColumn(cell);
        if (share !== undefined) {
          const at = view.at(row, "grassroots");
          // 30% under 基层人数: the share it plainly is, said once per sheet.
          if (!shareNoted)
            sink.add(
              at,
              "info",
              "grassroots.share",
              c.T.shareInCountColumn(cellText(cell)),
              c.F.clause.trainees,
              {
                value: cellText(cell),
              },
            );
          shareNoted = true;
          checkGrassroots(sink, at, share, c.F.grassroots);
        } else if (trainees) {
          // (The place is worked out only for a count that did not read or falls short: most rows have neither.)
          let count = finiteNumberOf(cell);
          if (count === undefined) {
            const read = readNumber(cell);
            if (read.kind === "ok") count = read.value;
            else readOrReport(sink, view.at(row, "grassroots"), read, GRASSROOTS_WORDS, c.F.clause.trainees);
          }
          if (count !== undefined && !(count / trainees + 1e-9 >= c.F.grassroots.value))
            checkGrassroots(sink, view.at(row, "grassroots"), count / trainees, c.F.grassroots);
        }
      }
      if (hasDays) {
        const cell = daysCells.cell(row);
        const read = readNumber(cell);
        if (read.kind === "ok") checkDayCount(sink, view.at(row, "days"), read.value, c.F.course.days);
        else if (read.kind === "unreadable")
          checkCourseTime(sink, view.at(row, "days"), cell, "天数", c.F.course);
      }
      if (hasCourseTime) checkCourseTime(sink, courseTimeAt, courseCells.cell(row), "办班时间", courseLimits);
      else if (hasCoursePair) checkCoursePair(c, sink, view, row);
      if (funding) checkFunding(c, sink, view, row, fundingAt, funding);
      if (hasDomain) {
        const domain = domainOf(compactText(domainCells.text(row)));
        if (domain !== "" && !c.D.domains.includes(domain))
          sink.add(
            view.at(row, "domain"),
            "error",
            "domain.in-list",
            c.T.domainNotInList(domainCells.text(row), c.D.domainOfMajor(domain)),
            c.F.clause.domains,
            { value: domainCells.text(row) },
          );
        else if (domain !== "" && hasMajor) {
          const major = majorCells.text(row);
          if (major !== "" && !c.D.majorFitsDomain(major, domain))
            sink.add(
              view.at(row, "major"),
              "warning",
              "major.in-domain",
              c.T.majorNotInDomain(major, domain),
              c.F.clause.domains,
              { value: major },
            );
        }
      }
    }
  };
}

const MONTH_DAY = /^(\d{1,2})(?:月(\d{1,2})[日号]?|[./-](\d{1,2}))$/;

/** "10月16日", "10.16", "10/16" in a date column: the day in the notice's year. */
function dateWithoutYear(text: string, year: number): DateOnly | undefined {
  const m = MONTH_DAY.exec(text);
  if (!m) return undefined;
  return makeDate(year, Number(m[1]), Number(m[2] ?? m[3]));
}

/** A count column holding a share: "30%", "３０％", or a fraction in a %-formatted cell. Undefined for a count. */
function shareInCountColumn(cell: RawCell): number | undefined {
  const v = cell.value;
  // The common case first, without touching the text: a whole count, or text without a % sign.
  if (typeof v === "number" && v >= 1 && !(cell.numberFormat ?? "").includes("%")) return undefined;
  if (typeof v === "string" && !/[%％]|百分之/.test(v)) return undefined;
  const percentFormatted = typeof cell.value === "number" && (cell.numberFormat ?? "").includes("%");
  // A count is never a fraction: 0.3 under 基层人数 is the share 30%.
  const fraction = typeof cell.value === "number" && cell.value > 0 && cell.value < 1;
  const text = compactText(cellText(cell));
  if (!percentFormatted && !fraction && !/%$/.test(text) && !/^百分之/.test(text)) return undefined;
  const read = readPercent(cell);
  return read.kind === "ok" ? read.value : undefined;
}

const DATE_WORDS = COLUMN_EXPECTS.date;

/**
 * 办班时间 as two columns (开始 | 结束, dates, serials or text): the days (inclusive) at the start cell and the finish
 * date at the end cell. A start alone says nothing about either; a formula never calculated is left unknown.
 */
function checkCoursePair(c: ShContext, sink: FindingSink, view: ListView<ListKey>, row: number): void {
  const limits = c.F.course;
  const read = (key: ListKey) => {
    if (!view.column(key) || view.unknown(row, key)) return undefined;
    const cell = view.cell(row, key);
    const r = readDate(cell);
    if (r.kind === "unreadable") {
      // 10月16日 or 10.16 without its year: the notice's year.
      const d = dateWithoutYear(compactText(cellText(cell)), limits.year);
      if (d) return d;
      const name = compactText(view.column(key)?.path.at(-1) ?? "");
      sink.add(
        view.at(row, key),
        "warning",
        "unreadable",
        findingText.unreadable(name, r.text, DATE_WORDS.zh, DATE_WORDS.en),
        c.F.clause.days,
        { value: r.text },
      );
      return undefined;
    }
    return r.kind === "ok" ? r.value : undefined;
  };
  const start = read("courseStart");
  const end = read("courseEnd");
  // With a 天数 column of its own, the days are read there; the pair still gives the finish date.
  if (start && end && !view.column("days")) {
    const days = daysBetweenInclusive(start, end);
    if (days >= 1) checkDayCount(sink, view.at(row, "courseStart"), days, limits.days);
    else
      sink.add(
        view.at(row, "courseEnd"),
        "warning",
        "unreadable",
        findingText.unreadable(
          "结束日期",
          formatDate(end),
          `不早于开始日期 ${formatDate(start)}`,
          "a date after the start",
        ),
        c.F.clause.days,
        { value: formatDate(end) },
      );
  }
  if (end && compareDates(end, limits.finishBy.value) > 0)
    sink.add(
      view.at(row, "courseEnd"),
      limits.finishBy.severity,
      "course.finish-by",
      findingText.finishBy(formatDate(end), formatDate(limits.finishBy.value)),
      limits.finishBy.clause,
      { value: formatDate(end), expected: `≤ ${formatDate(limits.finishBy.value)}` },
    );
}

/** What checkFunding needs of a list's columns, worked out once per list; undefined without a funding column. */
interface FundingColumns {
  unit: "元" | "万元" | null;
  hasLodging: boolean;
  cells: ColumnCells;
  lodging: ColumnCells;
}

function fundingColumns(view: ListView<ListKey>): FundingColumns | undefined {
  const column = view.column("funding");
  if (!column) return undefined;
  const unit = column.unit === "元" ? "元" : column.unit === "万元" ? "万元" : null;
  return {
    unit,
    hasLodging: view.column("lodging") !== undefined,
    cells: view.cells("funding"),
    lodging: view.cells("lodging"),
  };
}

/** A lodging cell that is no plain 是/否: as readYesNo reads it, else by its words (不提供住宿, 提供住宿); null if neither. */
function lodgingOf(cell: RawCell): boolean | null {
  const read = readYesNo(cell);
  if (read.kind === "ok") return read.value;
  const t = cellText(cell);
  if (/不提供|无住宿/.test(t)) return false;
  if (/提供|住宿/.test(t)) return true;
  return null;
}

function checkFunding(
  c: ShContext,
  sink: FindingSink,
  view: ListView<ListKey>,
  row: number,
  fundingAt: () => { row: number; col: number },
  { unit, hasLodging, cells, lodging: lodgingCells }: FundingColumns,
): void {
  const cell = cells.cell(row);
  let amount = finiteMoneyOf(cell, unit);
  if (amount === undefined) {
    const read = readMoney(cell, unit);
    amount =
      read.kind === "ok"
        ? read.value
        : readOrReport<number>(sink, fundingAt, read, FUNDING_WORDS, c.F.clause.funding);
    if (amount === undefined) return;
  }
  // Within both caps lodging does not matter (most rows): its cell is read only for an amount above the lower one.
  if (amount <= Math.min(c.F.fundingWithLodging, c.F.fundingWithoutLodging) + 1e-9) return;
  const lodgingCell = hasLodging ? lodgingCells.cell(row) : undefined;
  const lodging = lodgingCell ? (plainYesNoOf(lodgingCell) ?? lodgingOf(lodgingCell)) : null;
  // Without a lodging column the looser cap applies: the list does not say which one holds.
  const cap = lodging === false ? c.F.fundingWithoutLodging : c.F.fundingWithLodging;
  if (amount > cap + 1e-9)
    sink.add(
      view.at(row, "funding"),
      "error",
      "funding.cap",
      findingText.fundingCap(amount, cap, lodging),
      c.F.clause.funding,
      {
        value: String(amount),
        expected: `≤ ${cap}`,
      },
    );
}

/** Rows per block of checkShList's passes: a block's cells (about 1 KB a row) fit the last-level cache. */
const BLOCK_ROWS = 4096;

/** Every rule of a 推荐表 or city summary list (rules.md "sh-2026-gaoyan", 附件3 and the city summary). */
export function checkShList(c: ShContext, grid: Grid, recognition: ShListRecognition): Finding[] {
  const sink = new FindingSink(grid.name);
  const view = new ListView(grid, recognition.list);
  const rows = recognition.list.rows;
  // A column's rules run in one pass over it where they can (a title's required and unique), and the passes that
  // read every row's cells run together block by block. On 100,000 rows (over 100 MB of cells) a pass over the
  // whole list leaves none of the rows it read in the processor's cache, and the next pass waits on memory for every
  // row again; a block's cells stay in the cache from the first pass to the last. The order does not show:
  // checkGrid sorts the findings, and no two of these rules give one cell a finding of the same rule and severity.
  const required = { clause: c.F.clause.list };
  const summary = recognition.table === "summary";
  const titles = view.column("title") ? new ColumnHashes(view, rows, "title") : undefined;
  const hosts = view.column("host") ? new ColumnHashes(view, rows, "host") : undefined;
  const recommenders =
    summary && view.column("recommender") ? new RowGrouping(view, rows, "recommender", true) : undefined;
  const figures = summary ? figureColumnsChecker(c, sink, view) : undefined;
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
    const to = Math.min(rows.length, from + BLOCK_ROWS);
    titles?.add(from, to);
    hosts?.add(from, to);
    recommenders?.add(from, to);
    figures?.(from, to);
  }
  checkDuplicateTitles(sink, view, rows, "title", c.F.clause.list, { required, hashed: titles });
  checkHostOneProject(sink, view, rows, "host", c.F.clause.hostOne, { required, hashed: hosts });

  if (recognition.table === "recommendation") {
    checkRecommenderRows(c, sink, view, rows, "", view.header(view.column("remark") ? "remark" : "rank"));
    const dateLine = findLabelledLine(recognition.list.above, ["填写时间", "填表时间", "填表日期"]);
    if (dateLine && dateLine.value !== "")
      checkDeadline(
        sink,
        dateLine,
        { value: dateLine.value, text: dateLine.value },
        "填写时间",
        c.F.recommendationDeadline,
      );
    checkFooterContact(c, sink, view);
  } else {
    // Per recommender: the 推荐单位 column (merged or written once), else section rows (一、市经济信息化委 …).
    for (const group of recommenderGroups(view, rows, "recommender", recommenders)) {
      if (group.kind !== "whole")
        checkRecommenderRows(
          c,
          sink,
          view,
          group.rows,
          group.name === "" ? "" : `推荐单位“${group.name}”：`,
          group.at ?? view.header("recommender"),
        );
      else if (view.column("rank") || view.column("remark"))
        checkRecommenderRows(c, sink, view, rows, "", view.header(view.column("remark") ? "remark" : "rank"));
    }
  }
  return sink.findings;
}
