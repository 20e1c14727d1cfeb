import type { CliIO } from "./types";

export interface Progress {
  /** Called before each item starts. */
  start(index: number, label: string): void;
  /** Called once all items are done: clears the bar on a terminal. */
  finish(): void;
}

const BAR_WIDTH = 24;
const LABEL_WIDTH = 40;

function shorten(label: string): string {
  return label.length <= LABEL_WIDTH ? label : `…${label.slice(label.length - LABEL_WIDTH + 1)}`;
}

/**
 * Progress on stderr, so it never mixes with the report (or the JSON) on stdout: a bar redrawn in place on a
 * terminal, one plain line per item otherwise (logs, CI). Nothing for a single item.
 */
export function createProgress(io: CliIO, total: number): Progress {
  if (total < 2) return { start() {}, finish() {} };
  if (!io.isTTY) {
    return {
      start(index, label) {
        io.stderr(`[${index + 1}/${total}] ${label}\n`);
      },
      finish() {},
    };
  }
  let drawn = false;
  return {
    start(index, label) {
      const filled = Math.round((index / total) * BAR_WIDTH);
      const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
      // \r back to the start of the line, \x1b[K clears what a longer earlier label left behind.
      io.stderr(`\r${bar} ${index + 1}/${total} ${shorten(label)}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr("\r\x1b[K");
    },
  };
}
