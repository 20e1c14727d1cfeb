// Starting the file-mode worker. webpack 5 sees `new Worker(new URL(…, import.meta.url))` and builds the worker as a
// chunk of its own, served from the add-in's origin (the pages' CSP allows workers from 'self' only). Kept apart so
// nothing else needs import.meta (jest runs CommonJS and hands the host an in-process stand-in instead).

import type { WorkerLike } from "./client";

export function spawnWorkbookWorker(): WorkerLike {
  return new Worker(new URL("./workbook.worker.ts", import.meta.url), {
    name: "yanxiu-workbook",
  }) as unknown as WorkerLike;
}
