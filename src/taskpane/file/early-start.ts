// The bundled example's open, started by index.tsx as soon as the page looks like file mode: the worker loads and
// compiles its scripts (the reader, the engine, ExcelJS) and the example's bytes arrive while the page is still
// waiting for Office.onReady, loading the file mode's chunk and drawing the pane, on the other core. Started once
// the pane is drawn, the same work came after all of that.

import type { WorkerLike } from "../worker/client";
import { spawnWorkbookWorker } from "../worker/spawn";
import { EXAMPLE_WORKBOOK, fetchExampleBuffer } from "./example";

/** A worker already spawned (null if none could be) and the bytes it is to open, on their way. */
export interface StartedOpen {
  worker: WorkerLike | null;
  bytes: Promise<ArrayBuffer>;
}

/** A new worker for a workbook, or null where none can be started (openInWorker then tries again and says why). */
export function trySpawn(): WorkerLike | null {
  try {
    return spawnWorkbookWorker();
  } catch {
    return null;
  }
}

let started: StartedOpen | undefined;

/** Starts the example's open (once); file mode takes it with takeStartedExample. */
export function startExampleEarly(): void {
  if (started) return;
  const bytes = fetchExampleBuffer(EXAMPLE_WORKBOOK);
  // (A failed request is said when the open awaits it; until then it must not count as unhandled.)
  bytes.catch(() => undefined);
  started = { worker: trySpawn(), bytes };
}

/** The open startExampleEarly began, handed over once; undefined if none was begun (or it was dropped). */
export function takeStartedExample(): StartedOpen | undefined {
  const taken = started;
  started = undefined;
  return taken;
}

/** Drops an early open the page will not use (the page turned out to be in Excel): its worker is stopped. */
export function dropStartedExample(): void {
  takeStartedExample()?.worker?.terminate();
}
