import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { PackData } from "../../core/packs/data";
import { addPacks, addedPackData } from "../../core/packs/registry";
import { deflateRawSync } from "node:zlib";
import { annotateWorkbook } from "../../adapters/xlsx/annotate";
import { CopyRefusedError, openCheckableWorkbook } from "../../adapters/xlsx/open-file";
import {
  COPY_LIMITS,
  copyRefusedText,
  copyTooLargeText,
  copyUnloadableText,
  problemText,
  type InputProblem,
} from "../../adapters/xlsx/problems";
import { writeFileAtomic } from "../../adapters/xlsx/write-file";
import { checkWorkbook } from "../../core/check";
import type { CheckOptions, SheetCheck } from "../../core/check-types";
import { projectRecords, type ProjectRecord } from "../project-rows";
import type { DocxLocation } from "../../adapters/docx/location";
import { wordProblemText } from "../../adapters/docx/problems";
import type { Text } from "../../core/findings";
import type { Input } from "./inputs";

export interface CheckRunOptions extends Pick<CheckOptions, "policy" | "level"> {
  lang: "zh" | "en";
  /** The directory paths are shown relative to. */
  cwd: string;
  /** Directory for annotated copies (absolute), when asked for. */
  outDir?: string;
  /** The same directory as the user wrote it, so the copies' paths are shown as given. */
  outShown?: string;
  /** Gather project rows for the summary workbook. */
  collectProjects: boolean;
}

/** What happened to one file. */
export interface FileOutcome {
  file: string;
  problem: InputProblem | { kind: "no-workbooks" } | null;
  checks: SheetCheck[];
  projects: ProjectRecord[];
  ignoresUnreadable: boolean;
  /** File-level notes (no copy written for a Word form). */
  notes?: Text[];
  /** For a Word form: where each finding is in the document, parallel to checks[i].findings. */
  locations?: Array<Array<DocxLocation | null>>;
  /** The annotated copy written (its path as shown), or why it could not be written. */
  copy?: { ok: true; path: string } | { ok: false; path: string; detail: string };
}

const COPY_SUFFIX = ".checked.xlsx";

/** Gives the path of a file's annotated copy: at once in one thread, by a message to the main thread in a worker. */
export interface CopyNames {
  next(inputPath: string): string | Promise<string>;
}

/** Picks `<name>.checked.xlsx` in the out directory, numbered when two inputs share a name or it is an input. */
export class CopyNamer implements CopyNames {
  private readonly used = new Set<string>();
  constructor(
    private readonly outDir: string,
    private readonly inputs: ReadonlySet<string>,
  ) {}

  next(inputPath: string): string {
    // An annotated copy checked again keeps its name (a.checked.xlsx → a.checked.xlsx, not a.checked.checked.xlsx);
    // a file in another format keeps its extension in the name, since the copy is .xlsx: 申报表.xls →
    // 申报表.xls.checked.xlsx.
    const stem = path
      .basename(inputPath)
      .replace(/\.(xlsx|xlsm)$/i, "")
      .replace(/\.checked$/i, "");
    for (let i = 1; ; i++) {
      const name = i === 1 ? `${stem}${COPY_SUFFIX}` : `${stem} (${i})${COPY_SUFFIX}`;
      const full = path.join(this.outDir, name);
      if (this.used.has(full) || this.inputs.has(full)) continue;
      this.used.add(full);
      return full;
    }
  }
}

/**
 * Check one input: read the file once, check every sheet with the ignores stored in it, and (when asked) write the
 * annotated copy from the same loaded workbook. Nothing here throws for a bad file: it becomes the outcome's problem.
 */
export async function checkInput(
  input: Input,
  options: CheckRunOptions,
  namer: CopyNames | undefined,
): Promise<FileOutcome> {
  const outcome: FileOutcome = {
    file: input.display,
    problem: null,
    checks: [],
    projects: [],
    ignoresUnreadable: false,
  };
  if (!input.ok) return { ...outcome, problem: input.problem };
  const opened = await openCheckableWorkbook(input.path);
  if (!opened.ok) return { ...outcome, problem: opened.problem };
  const { grids, ignores } = opened.workbook;
  if (grids.length === 0 || grids.every((g) => g.rowCount === 0))
    return { ...outcome, problem: { kind: "empty-workbook", noSheets: grids.length === 0 } };
  outcome.ignoresUnreadable = opened.workbook.ignoresUnreadable;
  // The whole workbook at once: some sheets inform the checks of others (e.g. Fujian's list of units that did not
  // finish 2025).
  outcome.checks = checkWorkbook(grids, { policy: options.policy, level: options.level, ignored: ignores });
  const { locate, notes } = opened.workbook;
  if (notes && notes.length > 0) outcome.notes = [...notes];
  if (locate)
    outcome.locations = outcome.checks.map((c) => c.findings.map((f) => locate(c.sheet, f.row, f.col)));
  // A Word form is never rewritten: no copy, said where the copy would have been.
  if (opened.workbook.format === "docx" && options.outDir)
    (outcome.notes ??= []).push(wordProblemText({ kind: "word", detail: "no-copy" }));
  if (options.collectProjects)
    grids.forEach((grid, i) =>
      outcome.projects.push(...projectRecords(input.display, grid, outcome.checks[i] as SheetCheck)),
    );
  if (options.outDir && namer && opened.workbook.format !== "docx") {
    const target = await namer.next(input.path);
    const shown =
      options.outShown !== undefined
        ? path.join(options.outShown, path.basename(target))
        : path.relative(options.cwd, target) || target;
    const tooBig = opened.workbook.sheets.find(
      (s) => s.stats.rows > COPY_LIMITS.rows || s.stats.cells > COPY_LIMITS.cells,
    );
    if (tooBig) {
      outcome.copy = {
        ok: false,
        path: shown,
        detail: copyTooLargeText(tooBig.name, tooBig.stats.rows, tooBig.stats.cells)[options.lang],
      };
      return outcome;
    }
    // ExcelJS makes an object for every cell a merge or a data validation covers, and compares every merge with
    // every other: a sheet past these figures would take gigabytes or minutes to copy.
    const tooSpread = opened.workbook.sheets.find(
      (s) =>
        s.stats.merges > COPY_LIMITS.merges ||
        s.stats.mergedCells > COPY_LIMITS.coveredCells ||
        s.stats.validatedCells > COPY_LIMITS.coveredCells,
    );
    if (tooSpread) {
      outcome.copy = {
        ok: false,
        path: shown,
        detail: copyRefusedText({ kind: "copy-too-spread", sheet: tooSpread.name, ...tooSpread.stats })[
          options.lang
        ],
      };
      return outcome;
    }
    try {
      // The copy is written from ExcelJS's model of the same bytes, so everything else in the file is kept.
      const wb = await opened.workbook.excel().catch((error: unknown) => {
        if (error instanceof CopyRefusedError) throw error;
        throw new CopyUnloadableError(error instanceof Error ? error.message : String(error));
      });
      annotateWorkbook(wb, outcome.checks, options.lang, ignores);
      // ExcelJS lays the parts out; Node's zlib compresses them (far faster than ExcelJS's JavaScript deflate).
      const { xlsxBytes } = await import("../../adapters/xlsx/summary");
      await writeFileAtomic(target, await xlsxBytes(wb, nativeDeflate));
      outcome.copy = { ok: true, path: shown };
    } catch (error) {
      const detail =
        error instanceof CopyUnloadableError
          ? copyUnloadableText(error.message)[options.lang]
          : error instanceof CopyRefusedError
            ? error.problem.kind === "copy-would-drop"
              ? copyRefusedText(error.problem)[options.lang]
              : problemText(error.problem)[options.lang]
            : ((error as NodeJS.ErrnoException).code ??
              (error instanceof Error ? error.message : String(error)));
      outcome.copy = { ok: false, path: shown, detail };
    }
  }
  return outcome;
}

/** Raw deflate by Node's zlib, at the level JSZip uses by default. */
export const nativeDeflate = (data: Uint8Array): Uint8Array => deflateRawSync(data, { level: 6 });

/** ExcelJS could not load a workbook our reader checked, so no copy can be written from it. */
class CopyUnloadableError extends Error {}

/** Make sure the out directory exists (creating it), or say why it cannot be used. */
export async function prepareOutDir(dir: string): Promise<"ok" | "not-dir"> {
  try {
    const stat = await fsp.stat(dir);
    return stat.isDirectory() ? "ok" : "not-dir";
  } catch {
    await fsp.mkdir(dir, { recursive: true });
    return "ok";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A batch on worker threads (issue 15). Files are checked on as many threads as the machine has cores (at most
// MAX_WORKERS), each worker loading the CLI's own bundle; the outcomes are handed on in the inputs' order, and
// the annotated copies are named in that order too, so that output, copies and summary are those of the serial run.

/** What a worker thread is started with: it checks the files it is sent until it is told to stop. */
interface WorkerSetup {
  yanxiuCheckWorker: true;
  options: CheckRunOptions;
  /** The packs added with --pack: a worker has a registry of its own, so it adds the same ones. */
  packs: PackData[];
}

type ToWorker =
  { type: "check"; index: number; input: Input } | { type: "name"; index: number; name: string };

type FromWorker =
  | { type: "name"; index: number; path: string }
  | { type: "done"; index: number; outcome: FileOutcome }
  | { type: "failed"; index: number; message: string };

/** At most this many threads (the main one included), however many cores: each holds a workbook, which can take a
 * gigabyte. */
const MAX_WORKERS = 4;
/** Fewer files than this are checked in the main thread: starting workers costs more than it saves. */
const MIN_PARALLEL_FILES = 4;
/** A file this large (on disk) is checked alone, with no other in flight, so that two never need memory at once. */
const ALONE_BYTES = 8 * 1024 * 1024;

/**
 * The bundle a worker loads: this very file when it is the built CLI (lib/cli.js); undefined where the code runs
 * from TypeScript sources (tests) or inside another bundle (benchmarks), which check in one thread.
 */
function workerScript(): string | undefined {
  const file = typeof __filename === "string" ? __filename : "";
  return /[\\/]lib[\\/]cli\.js$/.test(file) ? file : undefined;
}

/**
 * How many threads check a batch of `files` files, the main thread included: YANXIU_WORKERS when set (1 or 0: the
 * main thread alone), else one per free core (the cores the process may use less the load average), at most
 * MAX_WORKERS; 0 (the main thread alone) for a handful of files or fewer than two free cores.
 */
export function workerCount(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = os.availableParallelism(),
  load: number = os.loadavg()[0] ?? 0,
): number {
  const asked = env.YANXIU_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked.trim())) {
    const n = Number(asked);
    return n <= 1 ? 0 : Math.min(n, files);
  }
  if (files < MIN_PARALLEL_FILES) return 0;
  // Cores other programs keep busy (the load average of the last minute) are not free: a thread there would only
  // take turns with them, and pay for starting up and compiling the checker a second time.
  const free = Math.min(cores, MAX_WORKERS, Math.round(cores - load));
  return free < 2 ? 0 : Math.min(free, files);
}

/**
 * Check every input, on worker threads where that is worth it, and hand each outcome to `onOutcome` in the inputs'
 * order (as soon as it and every one before it are done). The outcomes and the copies are the serial run's.
 */
export async function checkInputs(
  inputs: readonly Input[],
  options: CheckRunOptions,
  namer: CopyNamer | undefined,
  onOutcome: (outcome: FileOutcome, index: number) => void,
): Promise<void> {
  const script = workerScript();
  const workers = script ? workerCount(inputs.length) : 0;
  if (!script || workers === 0) {
    for (const [index, input] of inputs.entries()) onOutcome(await checkInput(input, options, namer), index);
    return;
  }
  await checkOnWorkers(script, workers, inputs, options, namer, onOutcome);
}

interface Slot {
  worker: Worker;
  /** The input the worker is checking. */
  job: number | undefined;
  dead: boolean;
}

async function checkOnWorkers(
  script: string,
  count: number,
  inputs: readonly Input[],
  options: CheckRunOptions,
  namer: CopyNamer | undefined,
  onOutcome: (outcome: FileOutcome, index: number) => void,
): Promise<void> {
  const sizes = await Promise.all(
    inputs.map(async (input) =>
      input.ok ? ((await fsp.stat(input.path).catch(() => undefined))?.size ?? 0) : 0,
    ),
  );

  // Outcomes are handed on in the inputs' order, each as soon as every one before it is there.
  const outcomes = new Map<number, FileOutcome>();
  let emitted = 0;
  const emit = () => {
    for (let o = outcomes.get(emitted); o !== undefined; o = outcomes.get(emitted)) {
      outcomes.delete(emitted);
      onOutcome(o, emitted);
      emitted++;
    }
  };

  // Copies are named in the inputs' order: a file's request is answered once every file before it has either had
  // its name or finished without asking (a file that could not be read asks for none, as in the serial run).
  const finished = new Set<number>();
  const asked = new Map<number, { path: string; reply: (name: string) => void }>();
  const given = new Map<number, string>();
  let turn = 0;
  const answerInTurn = () => {
    for (;;) {
      const ask = asked.get(turn);
      if (ask) {
        asked.delete(turn);
        const name = namer ? namer.next(ask.path) : ask.path;
        given.set(turn, name);
        ask.reply(name);
        turn++;
      } else if (finished.has(turn) || given.has(turn)) turn++;
      else return;
    }
  };
  const namesFor = (index: number): { next(inputPath: string): Promise<string> } => ({
    next: (inputPath) =>
      new Promise<string>((reply) => {
        // A file checked again (its worker died) keeps the name it was given.
        const known = given.get(index);
        if (known !== undefined) return reply(known);
        asked.set(index, { path: inputPath, reply });
        answerInTurn();
      }),
  });

  const slots: Slot[] = [];
  let next = 0;
  let inFlight = 0;
  let alone = false;
  let mainBusy = false;
  let failure: unknown;

  await new Promise<void>((resolve) => {
    const complete = (index: number, outcome: FileOutcome) => {
      inFlight--;
      alone = false;
      finished.add(index);
      answerInTurn();
      outcomes.set(index, outcome);
      emit();
    };
    /** Check one input in the main thread: its share of the batch, or a file whose worker died with it. */
    const inMainThread = (index: number, done?: () => void) => {
      // Queued rather than started here: dispatch returns first, so every worker has its file before this runs.
      setImmediate(() => {
        checkInput(inputs[index] as Input, options, namesFor(index))
          .then((outcome) => {
            done?.();
            complete(index, outcome);
          })
          .catch((error: unknown) => {
            done?.();
            failure ??= error;
            inFlight--;
          })
          .finally(dispatch);
      });
    };
    const dispatch = (): void => {
      while (next < inputs.length && failure === undefined) {
        const big = (sizes[next] ?? 0) > ALONE_BYTES;
        if (alone || (big && inFlight > 0)) break;
        const input = inputs[next] as Input;
        if (!input.ok) {
          // Nothing to read: the outcome is known here.
          const index = next++;
          inFlight++;
          complete(index, {
            file: input.display,
            problem: input.problem,
            checks: [],
            projects: [],
            ignoresUnreadable: false,
          });
          continue;
        }
        // A worker first; the main thread takes a file too when it has none (and while the workers start up).
        const free = slots.find((s) => !s.dead && s.job === undefined);
        if (!free && mainBusy) break;
        const index = next++;
        alone = big;
        inFlight++;
        if (free) {
          free.job = index;
          free.worker.postMessage({ type: "check", index, input } satisfies ToWorker);
        } else {
          mainBusy = true;
          inMainThread(index, () => (mainBusy = false));
        }
      }
      if (emitted === inputs.length || (failure !== undefined && inFlight === 0)) resolve();
    };
    // The main thread is one of the threads: count - 1 workers beside it.
    for (let i = 0; i < count - 1; i++) {
      const slot: Slot = {
        worker: new Worker(script, {
          workerData: { yanxiuCheckWorker: true, options, packs: addedPackData() } satisfies WorkerSetup,
        }),
        job: undefined,
        dead: false,
      };
      slot.worker.on("message", (message: FromWorker) => {
        if (message.type === "name") {
          namesFor(message.index)
            .next(message.path)
            .then((name) =>
              slot.worker.postMessage({ type: "name", index: message.index, name } satisfies ToWorker),
            );
          return;
        }
        slot.job = undefined;
        if (message.type === "done") complete(message.index, message.outcome);
        // Thrown in the worker (a fault of ours): again here, where a second throw ends the batch as it would.
        else inMainThread(message.index);
        dispatch();
      });
      // A worker that dies (out of memory, say) has its file checked again in the main thread.
      const lost = () => {
        if (slot.dead) return;
        slot.dead = true;
        const job = slot.job;
        slot.job = undefined;
        if (job !== undefined) inMainThread(job);
        dispatch();
      };
      slot.worker.on("error", lost);
      slot.worker.on("exit", lost);
      slots.push(slot);
    }
    dispatch();
  });
  await Promise.all(
    slots.map((slot) => {
      slot.dead = true;
      return slot.worker.terminate();
    }),
  );
  if (failure !== undefined) throw failure;
}

/** The loop of a worker thread: check each file sent, asking the main thread for copy names. */
function runWorker(setup: WorkerSetup): void {
  const port = parentPort;
  if (!port) return;
  addPacks(setup.packs);
  const names = new Map<number, (name: string) => void>();
  port.on("message", (message: ToWorker) => {
    if (message.type === "name") {
      names.get(message.index)?.(message.name);
      names.delete(message.index);
      return;
    }
    const { index, input } = message;
    const namer: CopyNames = {
      next: (p) =>
        new Promise<string>((reply) => {
          names.set(index, reply);
          port.postMessage({ type: "name", index, path: p } satisfies FromWorker);
        }),
    };
    checkInput(input, setup.options, namer).then(
      (outcome) => port.postMessage({ type: "done", index, outcome } satisfies FromWorker),
      (error: unknown) =>
        port.postMessage({
          type: "failed",
          index,
          message: error instanceof Error ? error.message : String(error),
        } satisfies FromWorker),
    );
  });
}

if (!isMainThread && (workerData as Partial<WorkerSetup> | null)?.yanxiuCheckWorker === true)
  runWorker(workerData as WorkerSetup);
