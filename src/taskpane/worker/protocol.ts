// The messages between the pane and the worker that holds a workbook in file mode (workbook.worker.ts). Every
// request carries an id; the worker answers each with exactly one `done` or `failed` of that id, and may send
// `progress` of it before. Bytes travel as transferred ArrayBuffers (never copied); Files are posted as they are
// (the worker reads them itself, so a 20 MB file is never held by the page). Plain data only: what structured
// cloning keeps (no functions, no class instances the other side needs methods of).

import type { IgnoreEntry, SheetCheck } from "../../core/check-types";
import type { Finding, Text } from "../../core/findings";
import type { CellWrite, PortCapabilities, SheetInfo } from "../../core/port";
import type { ListKey } from "../../core/recognise/columns";
import type { ListTable } from "../../core/recognise/list";
import type { ListStats } from "../../core/stats";
import type { SheetLayout } from "../../core/templates/layout";
import type { XlsxPortErrorKind } from "../../adapters/xlsx/workbook-port";
import type { FolderRow } from "../folder/folder-files";
import type { SheetOverride } from "../settings";
import type { Lang } from "../strings";
import type { PackedGrid } from "./grid-wire";
import type { PackData } from "../../core/packs/data";

/** Where opening a workbook has got to, for the banner. */
export type OpenStage = "reading" | "parsing" | "loading";

/** The workbook port's methods the pane calls through the worker, with their arguments and results. */
export interface PortCalls {
  capabilities: { args: []; result: PortCapabilities };
  listSheets: { args: []; result: SheetInfo[] };
  readSheet: { args: [sheet: string]; result: PackedGrid };
  applyMarks: { args: [sheet: string, findings: readonly Finding[]]; result: void };
  clearMarks: { args: [sheet: string]; result: void };
  selectCell: { args: [sheet: string, row: number, col: number]; result: void };
  insertSheet: { args: [layout: SheetLayout]; result: string };
  getSetting: { args: [key: string]; result: unknown };
  setSetting: { args: [key: string, value: unknown]; result: void };
  writeCells: { args: [sheet: string, writes: readonly CellWrite[]]; result: void };
  cellText: { args: [sheet: string, row: number, col: number]; result: string };
  markedCellCount: { args: []; result: number };
}
export type PortMethod = keyof PortCalls;

/** A check of one sheet made in the worker (workbook-check.ts's checkSheetThroughPort, without the grid). */
export interface CheckOptionsWire {
  mark: boolean;
  ignores: readonly IgnoreEntry[];
  override?: SheetOverride;
  sheetNames?: readonly string[];
}
/** OwnSheet as it crosses: a template by its id (a template holds functions, which do not cross). */
export type OwnSheetWire = { kind: "results" } | { kind: "blank-template"; templateId: string };
export interface CheckResultWire {
  check: SheetCheck;
  own: OwnSheetWire | null;
}

/** The 统计 tab's figures of a sheet, computed in the worker, and the sheet's grid for the rank-column writer. */
export interface FiguresWire {
  grid: PackedGrid;
  list: ListTable<ListKey> | undefined;
  stats: ListStats | undefined;
}

/**
 * Every request may carry the user's added packs (policy packs from the deployment or a file the user chose): the
 * worker has a registry of its own, so the client sends them with the first request and again when they change.
 */
export type Request = WorkerRequest & { packs?: PackData[] };

type WorkerRequest =
  /** Open a workbook (from a File, or bytes transferred in) in this worker; one workbook per worker. */
  | { type: "open"; id: number; name: string; lang: Lang; source: File | ArrayBuffer }
  | { type: "call"; id: number; method: PortMethod; args: unknown[] }
  | { type: "check"; id: number; sheet: string; options: CheckOptionsWire }
  | { type: "figures"; id: number; sheet: string; override?: SheetOverride }
  /** The annotated copy of the open workbook, transferred back. */
  | { type: "annotated-copy"; id: number }
  /** Folder mode: check one file of a folder (it is opened and dropped again). */
  | { type: "folder-file"; id: number; file: File; lang: Lang }
  /** Folder mode: the summary workbook of the rows checked. */
  | { type: "folder-summary"; id: number; rows: FolderRow[]; lang: Lang }
  /** Folder mode: the annotated copies of the files that could be checked, as one zip. */
  | { type: "folder-zip"; id: number; files: File[]; rows: FolderRow[]; lang: Lang };

/**
 * A failure as it crosses: a port fault keeps its kind and both texts (the pane shows them as it did when the port
 * lived on the page). Input problems are answers, not failures (an `open` answers with its problem).
 */
export type WireError =
  | { kind: "port"; portKind: XlsxPortErrorKind; text: Text }
  | { kind: "error"; name: string; message: string };

export type Progress = { what: "open"; stage: OpenStage } | { what: "zip"; done: number; total: number };

export type Response =
  | { type: "done"; id: number; result: unknown }
  | { type: "failed"; id: number; error: WireError }
  | { type: "progress"; id: number; progress: Progress };

/** What an `open` answers with. */
export interface OpenedWire {
  sheets: SheetInfo[];
}
