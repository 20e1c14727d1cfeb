// Loads the engine chunk (engine.ts) once, from the add-in's own origin (the CSP allows scripts from 'self' only).
// Where the engine is part of the script already (the file-mode worker, which checks every sheet; Office mode's
// chunk, which recognises the active sheet at once) it is handed over instead (provideEngine) and nothing is fetched;
// the ribbon's function file loads it on its first 校验.

import type * as Engine from "./engine";

export type PaneEngine = typeof Engine;

let engine: Promise<PaneEngine> | undefined;

/** The engine, loaded on first use; a failed load (a dropped connection) is tried again on the next call. */
export function loadEngine(): Promise<PaneEngine> {
  engine ??= import(/* webpackChunkName: "engine" */ "./engine").catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** Where the engine is already in the script (the worker): use it as it is. */
export function provideEngine(loaded: PaneEngine): void {
  engine = Promise.resolve(loaded);
}
