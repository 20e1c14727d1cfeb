// The file mode's WorkbookPort: the workbook lives in a worker of its own (workbook-host.ts holds it as an
// XlsxWorkbookPort), and every call goes there. The page's thread only sends requests and takes in small answers,
// so opening, checking, marking and writing a 20,000-row list never freezes the pane (issue 13). Two calls do more
// than the port interface asks: a whole check of a sheet (checkInWorker) and the 统计 figures (figuresInWorker),
// so the grid of a long list need not cross to the page to be checked or counted.

import type { InputProblem } from "../../adapters/xlsx/problems";
import type { SheetCheck } from "../../core/check-types";
import type { Finding } from "../../core/findings";
import { loadEngine } from "../engine-loader";
import type { OwnSheet } from "../own-sheets";
import type { Grid } from "../../core/grid/types";
import type { CellWrite, PortCapabilities, SheetInfo, WorkbookPort } from "../../core/port";
import type { SheetLayout } from "../../core/templates/layout";
import type { SheetFigures } from "../components/stats/figures";
import type { SheetOverride } from "../settings";
import type { Lang } from "../strings";
import { WorkerClient, WorkerStoppedError, type WorkerLike } from "./client";
import { unpackGrid, type PackedGrid } from "./grid-wire";
import type {
  CheckOptionsWire,
  CheckResultWire,
  FiguresWire,
  OpenedWire,
  OpenStage,
  PortCalls,
  PortMethod,
} from "./protocol";

export type WorkerOpenOutcome =
  | { ok: true; port: WorkerWorkbookPort }
  | { ok: false; problem: InputProblem }
  | { ok: false; cancelled: true };

/** An open under way: its outcome, and a way to drop it (a newer file was chosen). */
export interface OpeningWorkbook {
  outcome: Promise<WorkerOpenOutcome>;
  cancel(): void;
}

/**
 * Opens a workbook in a new worker. The bytes are the File itself (the worker reads it) or an ArrayBuffer, which is
 * transferred: the caller's copy is gone afterwards. Never rejects: every failure is a typed problem.
 */
export function openInWorker(
  source: File | ArrayBuffer,
  name: string,
  lang: Lang,
  spawn: () => WorkerLike,
  onStage?: (stage: OpenStage) => void,
): OpeningWorkbook {
  let client: WorkerClient;
  try {
    client = new WorkerClient(spawn());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { outcome: Promise.resolve({ ok: false, problem: { kind: "read-failed", detail } }), cancel() {} };
  }
  const outcome = client
    .request<OpenedWire | { problem: InputProblem }>(
      { type: "open", name, lang, source },
      source instanceof ArrayBuffer ? [source] : [],
      (p) => {
        if (p.what === "open") onStage?.(p.stage);
      },
    )
    .then(
      (opened): WorkerOpenOutcome => {
        if ("problem" in opened) {
          client.terminate();
          return { ok: false, problem: opened.problem };
        }
        return { ok: true, port: new WorkerWorkbookPort(client) };
      },
      (error: unknown): WorkerOpenOutcome => {
        client.terminate();
        if (error instanceof WorkerStoppedError) return { ok: false, cancelled: true };
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: { kind: "read-failed", detail } };
      },
    );
  return { outcome, cancel: () => client.terminate() };
}

/** The options of a check made in the worker (workbook-check.ts passes them on). */
export type WorkerCheckOptions = CheckOptionsWire;

export class WorkerWorkbookPort implements WorkbookPort {
  readonly kind = "file" as const;

  constructor(private readonly client: WorkerClient) {}

  private call<M extends PortMethod>(
    method: M,
    ...args: PortCalls[M]["args"]
  ): Promise<PortCalls[M]["result"]> {
    return this.client.request<PortCalls[M]["result"]>({ type: "call", method, args: [...args] });
  }

  capabilities(): Promise<PortCapabilities> {
    return this.call("capabilities");
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.call("listSheets");
  }

  async readSheet(sheet: string): Promise<Grid> {
    return unpackGrid((await this.call("readSheet", sheet)) as PackedGrid);
  }

  applyMarks(sheet: string, findings: readonly Finding[]): Promise<void> {
    return this.call("applyMarks", sheet, findings);
  }

  clearMarks(sheet: string): Promise<void> {
    return this.call("clearMarks", sheet);
  }

  selectCell(sheet: string, row: number, col: number): Promise<void> {
    return this.call("selectCell", sheet, row, col);
  }

  insertSheet(layout: SheetLayout): Promise<string> {
    return this.call("insertSheet", layout);
  }

  getSetting(key: string): Promise<unknown> {
    return this.call("getSetting", key);
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return this.call("setSetting", key, value);
  }

  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    return this.call("writeCells", sheet, writes);
  }

  /** The text a cell shows ("" for an empty cell or an unknown sheet). */
  cellText(sheet: string, row: number, col: number): Promise<string> {
    return this.call("cellText", sheet, row, col);
  }

  /** How many cells carry a mark of ours now, over every sheet. */
  markedCellCount(): Promise<number> {
    return this.call("markedCellCount");
  }

  /** Reads, checks and (when asked) marks a sheet in the worker; only the findings come back. */
  async checkInWorker(
    sheet: string,
    options: WorkerCheckOptions,
  ): Promise<{ check: SheetCheck; own: OwnSheet | null }> {
    const { check, own } = await this.client.request<CheckResultWire>({ type: "check", sheet, options });
    if (own?.kind !== "blank-template") return { check, own };
    // A blank official table (rare): its drawing comes with the engine chunk, which the page loads only for it.
    const { TEMPLATES } = await loadEngine();
    const template = TEMPLATES.find((t) => t.id === own.templateId);
    return { check, own: template ? { kind: "blank-template", template } : null };
  }

  /** The 统计 figures of a sheet, counted in the worker, with the sheet's grid (for the rank-column writer). */
  async figuresInWorker(sheet: string, override?: SheetOverride): Promise<SheetFigures> {
    const wire = await this.client.request<FiguresWire>({ type: "figures", sheet, override });
    return { grid: unpackGrid(wire.grid), list: wire.list, stats: wire.stats };
  }

  /** The annotated copy to download (the workbook with its marks and the 校验结果 sheet). */
  async annotatedCopy(): Promise<Uint8Array> {
    return new Uint8Array(await this.client.request<ArrayBuffer>({ type: "annotated-copy" }));
  }

  /** The workbook was replaced: its worker stops once the calls under way are answered. */
  dispose(): void {
    this.client.close();
  }
}
