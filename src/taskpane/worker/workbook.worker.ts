// The file-mode worker: one workbook per worker (worker-port.ts starts it), requests answered one after another
// in the order they came (the port's calls depend on each other: mark, then copy). Everything it needs is in
// workbook-host.ts.

import { loadExcelJS } from "../file/load-exceljs";
import type { Request } from "./protocol";
import { WorkbookHost } from "./workbook-host";

const scope = self as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
};

const host = new WorkbookHost((response, transfer) => scope.postMessage(response, transfer ?? []));
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => host.handle(request));
};

// ExcelJS (the copy writer) is needed by every workbook opened; loading it while the page still fetches or reads the
// bytes uses time the worker would otherwise wait. A failure here is met again, and said, when it is needed.
loadExcelJS().catch(() => undefined);
