// What the file-mode worker does with each request (workbook.worker.ts only wires it to `self`): the workbook is
// read by the one reading pipeline (open-workbook.ts → adapters/xlsx/workbook-file.ts), held as an XlsxWorkbookPort,
// checked, marked, counted and written here, so none of that long work runs on the page's thread. Free of the
// worker global so jest drives it directly.

import { XlsxPortError, type XlsxWorkbookPort } from "../../adapters/xlsx/workbook-port";
import { addPacks, resetPacks } from "../../core/packs/registry";
import { figuresOf } from "../components/stats/figures";
import { openWorkbookInBrowser } from "../file/open-workbook";
import { checkSheetThroughPort } from "../workbook-check";
import * as engine from "../engine";
import { provideEngine } from "../engine-loader";
import { packGrid } from "./grid-wire";
import type {
  CheckResultWire,
  FiguresWire,
  OpenedWire,
  PortCalls,
  PortMethod,
  Progress,
  Request,
  Response,
  WireError,
} from "./protocol";

// The worker checks every sheet of file mode: the engine is in its own script, not fetched as the page's chunk.
provideEngine(engine);

type FolderModule = typeof import("../folder/folder-check");
let folderModule: Promise<FolderModule> | undefined;
/** The folder check (JSZip, the summary writer) is loaded only by a worker that checks a folder. */
function loadFolderCheck(): Promise<FolderModule> {
  folderModule ??= import(/* webpackChunkName: "folder" */ "../folder/folder-check");
  return folderModule;
}

/** Sends a response, transferring the buffers listed. */
export type Post = (response: Response, transfer?: ArrayBuffer[]) => void;

/** A request the worker cannot answer because no workbook is open in it (a programmer fault). */
class NoWorkbookError extends Error {
  override name = "NoWorkbookError";
}

/** What a thrown error becomes on the wire: a port fault keeps its typed form. */
export function wireError(error: unknown): WireError {
  if (error instanceof XlsxPortError) return { kind: "port", portKind: error.kind, text: error.text };
  if (error instanceof Error) return { kind: "error", name: error.name, message: error.message };
  return { kind: "error", name: "Error", message: String(error) };
}

/** An ArrayBuffer holding exactly the bytes (a view over part of a larger buffer is copied out). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

async function bytesOf(source: File | ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(source instanceof ArrayBuffer ? source : await source.arrayBuffer());
}

/** One worker's state: at most one workbook open (file mode gives every open workbook a worker of its own). */
export class WorkbookHost {
  private port: XlsxWorkbookPort | null = null;

  constructor(private readonly post: Post) {}

  private open(): XlsxWorkbookPort {
    if (!this.port) throw new NoWorkbookError("no workbook is open in this worker");
    return this.port;
  }

  /** Answers one request: exactly one done or failed, maybe progress before. Never throws. */
  async handle(request: Request): Promise<void> {
    const { id } = request;
    const progress = (p: Progress) => this.post({ type: "progress", id, progress: p });
    try {
      // The page's added packs, sent when they change: this worker's registry then holds the same ones.
      if (request.packs) {
        resetPacks();
        addPacks(request.packs);
      }
      const { result, transfer } = await this.answer(request, progress);
      this.post({ type: "done", id, result }, transfer);
    } catch (error) {
      this.post({ type: "failed", id, error: wireError(error) });
    }
  }

  private async answer(
    request: Request,
    progress: (p: Progress) => void,
  ): Promise<{ result: unknown; transfer?: ArrayBuffer[] }> {
    switch (request.type) {
      case "open": {
        progress({ what: "open", stage: "reading" });
        let bytes: Uint8Array;
        try {
          bytes = await bytesOf(request.source);
        } catch (error) {
          // A file the browser would not read (moved, no permission): the same message as any read failure.
          const detail = error instanceof Error ? error.message : String(error);
          return { result: { problem: { kind: "read-failed", detail } } };
        }
        const outcome = await openWorkbookInBrowser(bytes, request.name, request.lang, (stage) =>
          progress({ what: "open", stage }),
        );
        if (!outcome.ok) return { result: { problem: outcome.problem } };
        this.port = outcome.port;
        const opened: OpenedWire = { sheets: await outcome.port.listSheets() };
        return { result: opened };
      }
      case "call":
        return this.call(request.method, request.args);
      case "check": {
        const { check, own } = await checkSheetThroughPort(this.open(), request.sheet, request.options);
        const result: CheckResultWire = {
          check,
          own: own && (own.kind === "results" ? own : { kind: own.kind, templateId: own.template.id }),
        };
        return { result };
      }
      case "figures": {
        const grid = await this.open().readSheet(request.sheet);
        const { list, stats } = figuresOf(grid, {
          policy: request.override?.policy,
          level: request.override?.level,
        });
        const { packed, transfer } = packGrid(grid);
        const result: FiguresWire = { grid: packed, list, stats };
        return { result, transfer };
      }
      case "annotated-copy": {
        const buffer = ownBuffer(await this.open().annotatedCopy());
        return { result: buffer, transfer: [buffer] };
      }
      case "folder-file":
        return { result: await (await loadFolderCheck()).checkFolderFile(request.file, request.lang) };
      case "folder-summary": {
        const { summaryWorkbook } = await loadFolderCheck();
        const buffer = ownBuffer(await summaryWorkbook(request.rows, request.lang));
        return { result: buffer, transfer: [buffer] };
      }
      case "folder-zip": {
        const { annotatedZip } = await loadFolderCheck();
        const bytes = await annotatedZip(request.files, request.rows, request.lang, (done, total) =>
          progress({ what: "zip", done, total }),
        );
        const buffer = ownBuffer(bytes);
        return { result: buffer, transfer: [buffer] };
      }
    }
  }

  private async call(
    method: PortMethod,
    args: unknown[],
  ): Promise<{ result: unknown; transfer?: ArrayBuffer[] }> {
    const port = this.open();
    if (method === "readSheet") {
      const { packed, transfer } = packGrid(await port.readSheet(args[0] as string));
      return { result: packed, transfer };
    }
    if (method === "cellText") {
      const [sheet, row, col] = args as PortCalls["cellText"]["args"];
      return { result: port.cellText(sheet, row, col) };
    }
    if (method === "markedCellCount") return { result: port.markedCellCount() };
    const fn = port[method] as (...a: unknown[]) => Promise<unknown>;
    return { result: await fn.apply(port, args) };
  }
}
