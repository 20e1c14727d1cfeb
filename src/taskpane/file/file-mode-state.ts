import type { InputProblem } from "../../adapters/xlsx/problems";
import type { OpenStage } from "../worker/protocol";
import type { WorkerWorkbookPort } from "../worker/worker-port";

/** A workbook open in the browser. */
export interface OpenedFile {
  /** The file's own name (the download is named after it). */
  name: string;
  /** The workbook, held by a worker of its own. */
  port: WorkerWorkbookPort;
  /** The bundled example, opened and checked by the page itself. */
  example: boolean;
}

/** Why the last attempt to open something failed; the file open before stays open. */
export type OpenFailure =
  { kind: "open"; name: string; problem: InputProblem } | { kind: "example"; detail: string };

export interface FileModeState {
  file: OpenedFile | null;
  /** A file being read and opened now. */
  opening: { name: string; example: boolean; stage?: OpenStage } | null;
  failure: OpenFailure | null;
}

export const NO_FILE: FileModeState = { file: null, opening: null, failure: null };
