// The page's side of a worker: requests numbered and answered by promise, progress passed to the caller, failures
// turned back into the errors the pane already shows (a port fault keeps its zh-CN and en texts), and a way to stop
// the worker at once (a newer file was opened) or once its last answer is in (the file was replaced).

import { XlsxPortError } from "../../adapters/xlsx/port-error";
import { addedPacks, addedPacksVersion } from "../packs/known";
import type { Progress, Request, Response, WireError } from "./protocol";

/** What the client needs of a Worker (a real one in the browser, an in-process stand-in in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Response>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A request without its id (the client numbers them). */
export type RequestBody = Request extends infer R
  ? R extends { id: number }
    ? Omit<R, "id">
    : never
  : never;

/** The worker was stopped (a newer file was opened, the pane closed it) before it answered. */
export class WorkerStoppedError extends Error {
  override name = "WorkerStoppedError";
}

/** The error a wire failure stands for. */
export function errorOf(error: WireError): Error {
  if (error.kind === "port") return new XlsxPortError(error.portKind, error.text);
  const made = new Error(error.message);
  made.name = error.name;
  return made;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (progress: Progress) => void;
}

export class WorkerClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private stopped: Error | null = null;
  private closing = false;
  /** The registry version last looked at, and the added packs (as JSON) this worker was last sent. */
  private packsSeen = -1;
  private packsSent: string | null = null;

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event) => this.receive(event.data);
    // The worker's script failed to load or threw outside a request: nothing pending will be answered.
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.stop(new Error(event.message || "worker failed"));
    };
  }

  /** Requests still unanswered. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  request<T>(
    body: RequestBody,
    transfer: Transferable[] = [],
    onProgress?: (p: Progress) => void,
  ): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...body, id, ...this.packsToSend() }, transfer);
    });
  }

  /** The added packs when this worker does not have them yet (the registry moved since they were last sent). */
  private packsToSend(): { packs?: ReturnType<typeof addedPacks> } {
    const version = addedPacksVersion();
    if (version === this.packsSeen) return {};
    this.packsSeen = version;
    const packs = addedPacks();
    const json = JSON.stringify(packs);
    if (json === this.packsSent) return {};
    this.packsSent = json;
    return { packs };
  }

  private receive(response: Response): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    if (response.type === "progress") {
      waiting.onProgress?.(response.progress);
      return;
    }
    this.pending.delete(response.id);
    if (response.type === "done") waiting.resolve(response.result);
    else waiting.reject(errorOf(response.error));
    if (this.closing && this.pending.size === 0) this.stop(new WorkerStoppedError("closed"));
  }

  /** Stops the worker now: what it was doing is dropped, every pending request fails with WorkerStoppedError. */
  terminate(): void {
    this.stop(new WorkerStoppedError("stopped"));
  }

  /** Stops the worker once every request made so far is answered; no new request is taken. */
  close(): void {
    if (this.pending.size === 0) this.stop(new WorkerStoppedError("closed"));
    else this.closing = true;
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }
}
