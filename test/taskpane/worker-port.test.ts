// The file mode's worker, driven in-process: requests and answers go through structuredClone with their transfer
// lists, as postMessage carries them, so what does not survive the crossing (a method, a class) fails here too.

import ExcelJS from "exceljs";
import fc from "fast-check";
import { RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import { XlsxPortError } from "../../src/adapters/xlsx/workbook-port";
import { gridFromValues, makeGrid, rawCell, uncalculatedCell } from "../../src/core/grid/grid";
import type { Grid } from "../../src/core/grid/types";
import { openWorkbookInBrowser } from "../../src/taskpane/file/open-workbook";
import { checkSheetThroughPort, staleQuiet } from "../../src/taskpane/workbook-check";
import { WorkerStoppedError, type WorkerLike } from "../../src/taskpane/worker/client";
import { packGrid, unpackGrid } from "../../src/taskpane/worker/grid-wire";
import type { OpenStage, Request, Response } from "../../src/taskpane/worker/protocol";
import { WorkbookHost } from "../../src/taskpane/worker/workbook-host";
import { openInWorker, type WorkerWorkbookPort } from "../../src/taskpane/worker/worker-port";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";
import { TEMPLATES } from "../../src/core/templates/registry";
import { BUILTIN_PACK_DATA } from "../../src/core/packs/builtin";
import { setAddedPacks } from "../../src/taskpane/packs/known";

/** A worker in this process: the host answers in order; a terminated worker answers nothing more. */
function inProcessWorker(): WorkerLike & { terminated: boolean; requests: Request[] } {
  let queue = Promise.resolve();
  const worker = {
    terminated: false,
    requests: [] as Request[],
    onmessage: null as ((event: MessageEvent<Response>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    terminate() {
      worker.terminated = true;
    },
    postMessage(message: unknown, transfer: Transferable[] = []) {
      const request = structuredClone(message, { transfer: transfer as Transferable[] }) as Request;
      worker.requests.push(request);
      queue = queue.then(() => host.handle(request));
    },
  };
  const host = new WorkbookHost((response, transfer) => {
    if (worker.terminated) return;
    const copy = structuredClone(response, { transfer: transfer ?? [] });
    setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<Response>), 0);
  });
  return worker;
}

async function exampleBuffer(): Promise<ArrayBuffer> {
  const example = EXAMPLES.find((e) => e.file === "sh-recommendation.xlsx")!;
  const bytes = await buildExample(example);
  return new Uint8Array(bytes).slice().buffer;
}

async function openedPort(buffer: ArrayBuffer): Promise<WorkerWorkbookPort> {
  const { outcome } = openInWorker(buffer, "sh-recommendation.xlsx", "zh", inProcessWorker);
  const opened = await outcome;
  if (!opened.ok) throw new Error(`not opened: ${JSON.stringify(opened)}`);
  return opened.port;
}

function cellsOf(grid: Grid): unknown[] {
  const out: unknown[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const width = grid.rowWidth(r);
    for (let c = 0; c < Math.max(width, grid.colCount); c++) out.push([r, c, grid.cell(r, c)]);
    out.push(["width", r, width]);
  }
  return out;
}

describe("file-mode worker", () => {
  it("opens, checks and marks the example as the page's own port does, and says where opening has got to", async () => {
    const buffer = await exampleBuffer();
    const direct = await openWorkbookInBrowser(
      new Uint8Array(buffer.slice(0)),
      "sh-recommendation.xlsx",
      "zh",
    );
    if (!direct.ok) throw new Error("example did not open");
    const stages: OpenStage[] = [];
    const worker = inProcessWorker();
    const opening = openInWorker(
      buffer,
      "sh-recommendation.xlsx",
      "zh",
      () => worker,
      (s) => stages.push(s),
    );
    // The bytes were transferred, not copied: the page's buffer is emptied.
    expect(buffer.byteLength).toBe(0);
    const opened = await opening.outcome;
    if (!opened.ok) throw new Error("not opened");
    expect(stages).toEqual(["reading", "parsing", "loading"]);
    const port = opened.port;
    expect(await port.listSheets()).toEqual(await direct.port.listSheets());
    const sheet = (await port.listSheets()).find((s) => s.active)!.name;
    const viaWorker = await checkSheetThroughPort(port, sheet, { mark: true, ignores: [] });
    const onPage = await checkSheetThroughPort(direct.port, sheet, { mark: true, ignores: [] });
    expect(viaWorker.check.findings.length).toBeGreaterThan(0);
    expect(viaWorker.check).toEqual(onPage.check);
    // The check ran in the worker: one request, no grid sent to the page.
    expect(worker.requests.filter((r) => r.type === "check")).toHaveLength(1);
    expect(worker.requests.some((r) => r.type === "call" && r.method === "readSheet")).toBe(false);
    expect(await port.markedCellCount()).toBe(direct.port.markedCellCount());
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await port.annotatedCopy()) as unknown as ExcelJS.Buffer);
    const results = copy.getWorksheet(RESULTS_SHEET);
    expect(results?.rowCount).toBe(viaWorker.check.findings.length + 1);
    port.dispose();
  });

  it("sends a sheet's grid as flat arrays that read back cell for cell", async () => {
    const port = await openedPort(await exampleBuffer());
    const sheet = (await port.listSheets())[0]!.name;
    const direct = await openWorkbookInBrowser(
      new Uint8Array(await exampleBuffer()),
      "sh-recommendation.xlsx",
      "zh",
    );
    if (!direct.ok) throw new Error("example did not open");
    const original = await direct.port.readSheet(sheet);
    const crossed = await port.readSheet(sheet);
    expect(crossed.rowCount).toBe(original.rowCount);
    expect(crossed.colCount).toBe(original.colCount);
    expect(crossed.merges).toEqual(original.merges);
    expect(cellsOf(crossed)).toEqual(cellsOf(original));
    port.dispose();
  });

  it("keeps every cell, width, merge, format and uncalculated formula of any grid (property)", () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.option(fc.tuple(value, fc.constantFrom(undefined, "0%", "yyyy-mm-dd"))), {
            maxLength: 5,
          }),
          {
            maxLength: 6,
          },
        ),
        fc.array(fc.tuple(fc.nat(5), fc.nat(4), fc.nat(2), fc.nat(2)), { maxLength: 3 }),
        fc.nat(3),
        (rows, mergeSeeds, uncalcRow) => {
          const cells = rows.map((row, r) =>
            row.map((c, i) =>
              r === uncalcRow && i === 0
                ? uncalculatedCell("0.00")
                : c === null
                  ? undefined
                  : rawCell(c[0], c[1]),
            ),
          );
          const merges = mergeSeeds.map(([top, left, h, w]) => ({
            top,
            left,
            bottom: top + h,
            right: left + w,
          }));
          const grid = makeGrid("表", cells, merges);
          const { packed, transfer } = packGrid(grid);
          const back = unpackGrid(structuredClone(packed, { transfer }));
          expect(back.rowCount).toBe(grid.rowCount);
          expect(back.colCount).toBe(grid.colCount);
          expect(back.firstUncalculated).toEqual(grid.firstUncalculated);
          expect(cellsOf(back)).toEqual(cellsOf(grid));
          for (let r = 0; r < grid.rowCount; r++)
            for (let c = 0; c < grid.colCount; c++) expect(back.mergeAt(r, c)).toEqual(grid.mergeAt(r, c));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("brings a port fault back with its zh-CN and en texts, as the page's port throws it", async () => {
    const port = await openedPort(await exampleBuffer());
    const error = await port.readSheet("没有这张表").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxPortError);
    expect((error as XlsxPortError).kind).toBe("sheet-not-found");
    expect((error as XlsxPortError).text.zh).toBe("工作簿中没有名为“没有这张表”的工作表。");
    port.dispose();
  });

  it("tells a file that is no workbook by the same problem as the page's reader", async () => {
    const bytes = new TextEncoder().encode("序号,项目名称\n1,研修班\n");
    const direct = await openWorkbookInBrowser(bytes, "名单.xlsx", "zh");
    const { outcome } = openInWorker(bytes.slice().buffer, "名单.xlsx", "zh", inProcessWorker);
    const opened = await outcome;
    expect(direct.ok).toBe(false);
    expect(opened).toEqual({ ok: false, problem: !direct.ok && direct.problem });
  });

  it("stops the worker of an open that was dropped for a newer file, and answers nothing of it", async () => {
    const worker = inProcessWorker();
    const opening = openInWorker(await exampleBuffer(), "sh-recommendation.xlsx", "zh", () => worker);
    opening.cancel();
    expect(worker.terminated).toBe(true);
    expect(await opening.outcome).toEqual({ ok: false, cancelled: true });
  });

  it("keeps a replaced workbook's worker until the calls under way are answered, then stops it", async () => {
    const worker = inProcessWorker();
    const { outcome } = openInWorker(await exampleBuffer(), "sh-recommendation.xlsx", "zh", () => worker);
    const opened = await outcome;
    if (!opened.ok) throw new Error("not opened");
    const sheets = opened.port.listSheets();
    opened.port.dispose();
    expect(worker.terminated).toBe(false);
    expect((await sheets).length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
    await expect(opened.port.listSheets()).rejects.toBeInstanceOf(WorkerStoppedError);
  });

  it("counts the 统计 figures in the worker, as the page counts them", async () => {
    const port = await openedPort(await exampleBuffer());
    const sheet = (await port.listSheets()).find((s) => s.active)!.name;
    const figures = await port.figuresInWorker(sheet);
    expect(figures.stats?.rows.length).toBeGreaterThan(0);
    const { figuresOf } = await import("../../src/taskpane/components/stats/figures");
    const onPage = figuresOf(await port.readSheet(sheet), {});
    expect(figures.stats).toEqual(onPage.stats);
    expect(figures.list).toEqual(onPage.list);
    port.dispose();
  });

  it("says a blank template inserted and checked is one, its template named by id across the crossing", async () => {
    const port = await openedPort(await exampleBuffer());
    const template = TEMPLATES.find((t) => t.table === "application")!;
    const name = await port.insertSheet(template.build());
    const { check, own } = await checkSheetThroughPort(port, name, { mark: true, ignores: [] });
    expect(own).toEqual({ kind: "blank-template", template });
    expect(check.findings).toEqual([]);
    port.dispose();
  });

  it("keeps a replaced workbook's failure from the pane, and lets the current one's through", async () => {
    const worker = inProcessWorker();
    const { outcome } = openInWorker(await exampleBuffer(), "sh-recommendation.xlsx", "zh", () => worker);
    const opened = await outcome;
    if (!opened.ok) throw new Error("not opened");
    const port = opened.port;
    port.dispose();
    let current: unknown = port;
    const failing = () => port.listSheets();
    await expect(staleQuiet(port, () => current as typeof port, failing)).rejects.toBeInstanceOf(
      WorkerStoppedError,
    );
    current = null;
    await expect(staleQuiet(port, () => current as typeof port, failing)).resolves.toBe(false);
  });

  it("gives a grid of plain values the same cells after the crossing", () => {
    const grid = gridFromValues("汇总表", [
      ["序号", "项目名称"],
      [1, "研修班"],
      [],
      [2, new Date(Date.UTC(2026, 4, 1))],
    ]);
    const { packed } = packGrid(grid);
    expect(cellsOf(unpackGrid(packed))).toEqual(cellsOf(grid));
  });
});

describe("the user's added packs reach the worker", () => {
  // packs/load.ts tells packs/known.ts what the registry accepted; the worker client sends what known.ts holds.
  afterEach(() => setAddedPacks([]));

  it("sends them with the first request and again only when they change", async () => {
    const variant = { ...BUILTIN_PACK_DATA[0]!, id: "sh-2027-variant" };
    setAddedPacks([variant]);
    const worker = inProcessWorker();
    const { outcome } = openInWorker(await exampleBuffer(), "sh-recommendation.xlsx", "zh", () => worker);
    const opened = await outcome;
    if (!opened.ok) throw new Error("not opened");
    await opened.port.listSheets();
    expect(worker.requests[0]!.packs?.map((p) => p.id)).toEqual(["sh-2027-variant"]);
    expect(worker.requests.slice(1).every((r) => r.packs === undefined)).toBe(true);
    setAddedPacks([]);
    await opened.port.listSheets();
    expect(worker.requests.at(-1)!.packs).toEqual([]);
  });
});
