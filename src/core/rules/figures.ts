import type { Severity } from "../findings";
import type { RawCell } from "../grid/types";
import { findingText, pct } from "../messages/findings";
import { PLAIN_SPAN, readCourseTime, readPlainSpan } from "../read/course-time";
import { compareDates, formatDate, readDate } from "../read/date";
import type { DateOnly, ReadResult } from "../read/types";
import type { FindingSink } from "./sink";

/** A figure of a pack with the severity and clause the notice gives it. */
export interface Limit<T> {
  value: T;
  severity: Severity;
  clause: string;
}

export interface CourseLimits {
  /** Inclusive day range; a day count outside it is `course.days`. */
  days?: Limit<{ min: number; max: number }>;
  /** The course must end on or before this date (`course.finish-by`). */
  finishBy?: Limit<DateOnly>;
  /** The year a range without a year (10月12日至16日) belongs to. */
  year: number;
}

type At = { row: number; col: number };

/**
 * Where a finding would go, or how to find out: list rules pass a function so that the cell's place (through merges
 * and group fills) is worked out only for the rows that have a finding.
 */
export type AtLazy = At | (() => At);

const placeOf = (at: AtLazy): At => (typeof at === "function" ? at() : at);

/** The value a reader gave, or undefined; text it could not read is reported as `unreadable` (a warning). */
export function readOrReport<T>(
  sink: FindingSink,
  at: AtLazy,
  read: ReadResult<T>,
  what: { name: string; zh: string; en: string },
  clause: string,
): T | undefined {
  if (read.kind === "ok") return read.value;
  if (read.kind === "unreadable")
    sink.add(
      placeOf(at),
      "warning",
      "unreadable",
      findingText.unreadable(what.name, read.text, what.zh, what.en),
      clause,
      {
        value: read.text,
      },
    );
  return undefined;
}

/** 办班时间: day count and end date against the pack's figures; unreadable text is a warning, never a crash. */
export function checkCourseTime(
  sink: FindingSink,
  where: AtLazy,
  cell: RawCell,
  name: string,
  limits: CourseLimits,
): void {
  // The common case without a result: a plain range within the limits. Anything else, and any finding, is read
  // the long way.
  if (readPlainSpan(cell, limits.year) && plainSpanFits(limits)) return;
  const read = readCourseTime(cell, limits.year);
  if (read.kind === "empty") return;
  if (read.kind === "unreadable") {
    sink.add(
      placeOf(where),
      "warning",
      "unreadable",
      findingText.unreadable(
        name,
        read.text,
        "天数或起止日期（如“5天”或“2026年10月12日-16日”）",
        "a day count or a date range",
      ),
      limits.days?.clause ?? limits.finishBy?.clause ?? "",
      { value: read.text },
    );
    return;
  }
  const course = read.value;
  // Worked out at most once, and only for a finding (no closure per call: this runs for every row of a list).
  let place: At | undefined;
  const days = limits.days;
  if (days && course.days !== undefined && (course.days < days.value.min || course.days > days.value.max)) {
    sink.add(
      (place ??= placeOf(where)),
      days.severity,
      "course.days",
      findingText.courseDays(course.days, days.value.min, days.value.max),
      days.clause,
      {
        value: String(course.days),
        expected: `${days.value.min}-${days.value.max}`,
      },
    );
  }
  const finish = limits.finishBy;
  if (finish && course.end && compareDates(course.end, finish.value) > 0) {
    sink.add(
      (place ??= placeOf(where)),
      finish.severity,
      "course.finish-by",
      findingText.finishBy(formatDate(course.end), formatDate(finish.value)),
      finish.clause,
      {
        value: formatDate(course.end),
        expected: `≤ ${formatDate(finish.value)}`,
      },
    );
  }
}

/** True when the range in PLAIN_SPAN breaks neither limit. */
function plainSpanFits({ days, finishBy }: CourseLimits): boolean {
  const count = PLAIN_SPAN[0] as number;
  if (days && (count < days.value.min || count > days.value.max)) return false;
  if (!finishBy) return true;
  const f = finishBy.value;
  return (
    ((PLAIN_SPAN[1] as number) - f.year ||
      (PLAIN_SPAN[2] as number) - f.month ||
      (PLAIN_SPAN[3] as number) - f.day) <= 0
  );
}

/** A day count given as a number (a 天数 column). */
export function checkDayCount(
  sink: FindingSink,
  at: At,
  days: number,
  limit: Limit<{ min: number; max: number }>,
): void {
  if (days < limit.value.min || days > limit.value.max)
    sink.add(
      at,
      limit.severity,
      "course.days",
      findingText.courseDays(days, limit.value.min, limit.value.max),
      limit.clause,
      {
        value: String(days),
        expected: `${limit.value.min}-${limit.value.max}`,
      },
    );
}

/** `proseField`: set when the count was read from that field's prose; such figures are only ever warnings. */
export function checkTrainees(
  sink: FindingSink,
  at: At,
  count: number,
  limit: Limit<number>,
  proseField?: string,
): void {
  if (count >= limit.value) return;
  // Read from prose, a figure is only ever a reminder: the sentence may say more than we understood.
  const severity: Severity = proseField ? "warning" : limit.severity;
  sink.add(
    at,
    severity,
    "trainees.min",
    findingText.traineesMin(count, limit.value, proseField),
    limit.clause,
    {
      value: String(count),
      expected: `≥ ${limit.value}`,
    },
  );
}

export function checkGrassroots(
  sink: FindingSink,
  at: At,
  share: number,
  limit: Limit<number>,
  proseField?: string,
): void {
  if (share + 1e-9 >= limit.value) return;
  const severity: Severity = proseField ? "warning" : limit.severity;
  sink.add(
    at,
    severity,
    "grassroots.share",
    findingText.grassrootsShare(share, limit.value, proseField),
    limit.clause,
    {
      value: pct(share),
      expected: `≥ ${pct(limit.value)}`,
    },
  );
}

/** 申报时间/填写时间/填表日期 after the deadline; unreadable dates are left alone here (the date may be blank "年 月 日"). */
export function checkDeadline(
  sink: FindingSink,
  at: At,
  cell: RawCell,
  name: string,
  deadline: Limit<DateOnly>,
): void {
  const read = readDate(cell);
  if (read.kind !== "ok") return;
  if (compareDates(read.value, deadline.value) > 0)
    sink.add(
      at,
      deadline.severity,
      "deadline.submission",
      findingText.deadline(name, formatDate(read.value), formatDate(deadline.value)),
      deadline.clause,
      { value: formatDate(read.value), expected: `≤ ${formatDate(deadline.value)}` },
    );
}

/** A number's bounds as a rule states them: at least `min`, at most `max` (either may be absent). */
export interface NumberBounds {
  min?: number;
  max?: number;
}

/** Whether a number lies outside its bounds. */
export function outOfBounds(value: number, bounds: NumberBounds): boolean {
  return (bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max);
}
