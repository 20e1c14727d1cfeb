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

// The results are made by constructors, not object literals. Every reader returns them, with numbers (small integers
// and fractions), dates, booleans and records as values; made from one literal, V8 kept re-deriving the handler of
// every `read.kind` in the list rules (an inline-cache miss per read, seen with --log-ic), which at random kept the
// rule loops from being optimised at all: 10,000-row lists took 12 ms or 27 ms for the same work. Constructed, the
// objects share one map that V8 generalises in place. They are plain data all the same (JSON, spread, toEqual).
class Ok<T> {
  readonly kind = "ok" as const;
  readonly value: T;
  readonly text: string;
  constructor(value: T, text: string) {
    this.value = value;
    this.text = text;
  }
}
class Empty {
  readonly kind = "empty" as const;
}
class Unreadable {
  readonly kind = "unreadable" as const;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export const ok = <T>(value: T, text: string): ReadResult<T> => new Ok(value, text);
export const empty = <T>(): ReadResult<T> => new Empty();
export const unreadable = <T>(text: string): ReadResult<T> => new Unreadable(text);
