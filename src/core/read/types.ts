/**
 * What a value reader returns: the value, an empty cell, or text it cannot read.
 * "unreadable" is an ordinary result (it becomes an `unreadable` finding), never an exception.
 */
export type ReadResult<T> =
  { kind: "ok"; value: T; text: string } | { kind: "empty" } | { kind: "unreadable"; text: string };

/** A calendar date without time or zone. */
export interface DateOnly {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export const ok = <T>(value: T, text: string): ReadResult<T> => ({ kind: "ok", value, text });
export const empty = <T>(): ReadResult<T> => ({ kind: "empty" });
export const unreadable = <T>(text: string): ReadResult<T> => ({ kind: "unreadable", text });
