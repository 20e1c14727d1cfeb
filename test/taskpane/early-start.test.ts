// The bundled example's open started before the file mode's pane is drawn (early-start.ts): handed over once, its
// worker stopped when the page turns out to be in Excel, and a failed request said only when the open awaits it.

import type { WorkerLike } from "../../src/taskpane/worker/client";

const spawned: Array<WorkerLike & { terminated: boolean }> = [];
jest.mock("../../src/taskpane/worker/spawn", () => ({
  spawnWorkbookWorker: () => {
    const worker = {
      terminated: false,
      onmessage: null,
      postMessage: () => undefined,
      terminate() {
        worker.terminated = true;
      },
    };
    spawned.push(worker as unknown as WorkerLike & { terminated: boolean });
    return worker;
  },
}));

import {
  dropStartedExample,
  startExampleEarly,
  takeStartedExample,
} from "../../src/taskpane/file/early-start";

const realFetch = globalThis.fetch;
let requests: string[] = [];

function answerFetch(status: number, body = new Uint8Array([1, 2, 3])): void {
  globalThis.fetch = (async (input: unknown) => {
    requests.push(String(input));
    return new Response(status === 200 ? body : null, { status });
  }) as typeof fetch;
}

beforeEach(() => {
  requests = [];
  spawned.length = 0;
  takeStartedExample();
});

afterAll(() => {
  globalThis.fetch = realFetch;
});

describe("the example's early open", () => {
  it("starts one worker and one request, and hands them over once", async () => {
    answerFetch(200);
    startExampleEarly();
    startExampleEarly();
    expect(spawned).toHaveLength(1);
    expect(requests).toEqual(["examples/sh-recommendation.xlsx"]);
    const started = takeStartedExample();
    expect(started?.worker).toBe(spawned[0]);
    expect(new Uint8Array(await started!.bytes)).toEqual(new Uint8Array([1, 2, 3]));
    expect(takeStartedExample()).toBeUndefined();
  });

  it("stops its worker when the page is in Excel after all", () => {
    answerFetch(200);
    startExampleEarly();
    dropStartedExample();
    expect(spawned[0]?.terminated).toBe(true);
    expect(takeStartedExample()).toBeUndefined();
  });

  it("keeps a failed request for the open to report, without an unhandled rejection meanwhile", async () => {
    answerFetch(404);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      startExampleEarly();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(takeStartedExample()!.bytes).rejects.toThrow("HTTP 404");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
