import type { SimWorkbook, SyncRecord } from "./index";

export interface Measured<T> {
  result: T;
  /** Requests sent (one per context.sync that had work, including Excel.run's final flush). */
  syncs: number;
  requests: SyncRecord[];
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/** Runs fn and reports the requests it sent to the simulated workbook. */
export async function measureSyncs<T>(wb: SimWorkbook, fn: () => Promise<T>): Promise<Measured<T>> {
  const start = wb.requests.length;
  const result = await fn();
  const requests = wb.requests.slice(start);
  return {
    result,
    syncs: requests.length,
    requests,
    maxRequestBytes: requests.reduce((m, r) => Math.max(m, r.requestBytes), 0),
    maxResponseBytes: requests.reduce((m, r) => Math.max(m, r.responseBytes), 0),
  };
}

/** Runs fn and fails (naming every request) when it needed more than `max` syncs. */
export async function expectSyncsAtMost<T>(
  wb: SimWorkbook,
  max: number,
  fn: () => Promise<T>,
): Promise<Measured<T>> {
  const m = await measureSyncs(wb, fn);
  if (m.syncs > max) {
    const detail = m.requests
      .map(
        (r, i) =>
          `  #${i + 1}: ${r.actions} actions, ${r.requestBytes} B out, ${r.responseBytes} B back${r.error ? `, ${r.error}` : ""}`,
      )
      .join("\n");
    throw new Error(`Expected at most ${max} context.sync calls, saw ${m.syncs}:\n${detail}`);
  }
  return m;
}
