import { useCallback, useEffect, useRef, useState } from "react";
import { TaskPane } from "../components/TaskPane";
import type { HostInfo } from "../host";
import type { Lang } from "../strings";
import { fetchExampleBuffer, type ExampleWorkbook } from "./example";
import { FolderPanel } from "../folder/FolderPanel";
import { FileBanner } from "./FileBanner";
import { NO_FILE, type FileModeState, type OpenFailure } from "./file-mode-state";
import type { WorkerLike } from "../worker/client";
import { spawnWorkbookWorker } from "../worker/spawn";
import { trySpawn, type StartedOpen } from "./early-start";
import { openInWorker, type OpeningWorkbook } from "../worker/worker-port";

export interface FileModePaneProps {
  host: HostInfo;
  /** The workbook to open when the page opens; null starts empty. */
  example: ExampleWorkbook | null;
  /**
   * The example's open, started before the pane was drawn (early-start.ts): its worker loading its scripts and its
   * bytes being fetched meanwhile.
   */
  started?: StartedOpen;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The pane outside Excel: the same TaskPane, over the xlsx port of a file opened in the browser. Opens the bundled
 * example first; a file that cannot be opened is reported and the one open before stays (nothing is lost).
 */
export function FileModePane(props: FileModePaneProps) {
  const [state, setState] = useState<FileModeState>(NO_FILE);
  // The files of a folder being checked as a whole; the pane's tabs wait behind it.
  const [folder, setFolder] = useState<File[] | null>(null);
  // The last open started wins: an open still under way when the user chooses another file is stopped (its worker
  // terminated), and the workbook it would have replaced stays until the new one is open.
  const generation = useRef(0);
  const pendingOpen = useRef<OpeningWorkbook | null>(null);
  const current = useRef<FileModeState["file"]>(null);

  const open = useCallback(
    async (
      name: string,
      example: boolean,
      lang: Lang,
      read: () => Promise<File | ArrayBuffer>,
      spawned?: WorkerLike | null,
    ) => {
      const gen = ++generation.current;
      pendingOpen.current?.cancel();
      pendingOpen.current = null;
      setState((s) => ({ ...s, opening: { name, example }, failure: null }));
      // The worker starts loading its script while the bytes are fetched (the example) or chosen.
      const worker = spawned === undefined ? trySpawn() : spawned;
      let source: File | ArrayBuffer;
      try {
        source = await read();
      } catch (error) {
        worker?.terminate();
        // A request for the example that failed, or a file the browser would not read (moved, no permission).
        const failure: OpenFailure = example
          ? { kind: "example", detail: detailOf(error) }
          : { kind: "open", name, problem: { kind: "read-failed", detail: detailOf(error) } };
        if (gen === generation.current) setState((s) => ({ ...s, opening: null, failure }));
        return;
      }
      if (gen !== generation.current) {
        worker?.terminate();
        return;
      }
      // The workbook is read, parsed and held in a worker of its own: the pane stays responsive meanwhile.
      const opening = openInWorker(
        source,
        name,
        lang,
        () => worker ?? spawnWorkbookWorker(),
        (stage) => {
          if (gen === generation.current)
            setState((s) => (s.opening ? { ...s, opening: { ...s.opening, stage } } : s));
        },
      );
      pendingOpen.current = opening;
      const outcome = await opening.outcome;
      if (gen !== generation.current) {
        if (outcome.ok) outcome.port.dispose();
        return;
      }
      pendingOpen.current = null;
      if (outcome.ok) {
        // The workbook replaced: its worker stops once what it was doing for the pane is answered.
        current.current?.port.dispose();
        current.current = { name, port: outcome.port, example };
        setState({ file: current.current, opening: null, failure: null });
      } else if ("problem" in outcome) {
        const failure: OpenFailure = { kind: "open", name, problem: outcome.problem };
        setState((s) => ({ ...s, opening: null, failure }));
      }
    },
    [],
  );

  // Leaving the page's file mode stops every worker it started.
  useEffect(
    () => () => {
      pendingOpen.current?.cancel();
      current.current?.port.dispose();
    },
    [],
  );

  const { example, host, started } = props;
  const exampleOpened = useRef(false);
  useEffect(() => {
    if (exampleOpened.current || !example) return;
    exampleOpened.current = true;
    // Without an early start, open spawns the worker and fetches the bytes itself.
    void open(
      example.name,
      true,
      host.lang,
      () => started?.bytes ?? fetchExampleBuffer(example),
      started?.worker,
    );
  }, [example, started, host.lang, open]);

  const onOpen = useCallback(
    (file: File, lang: Lang) =>
      // The File itself goes to the worker, which reads it: the page never holds the bytes.
      void open(file.name, false, lang, async () => file),
    [open],
  );
  const langRef = useRef(host.lang);

  return (
    <TaskPane
      host={host}
      port={state.file?.port ?? null}
      checkOnOpen={state.file !== null}
      fileBanner={<FileBanner state={state} onOpen={onOpen} onFolder={setFolder} />}
      replaceTabs={
        folder ? (
          <FolderPanel
            files={folder}
            onOpen={(file) => {
              setFolder(null);
              onOpen(file, document.documentElement.lang.startsWith("en") ? "en" : langRef.current);
            }}
            onClose={() => setFolder(null)}
          />
        ) : undefined
      }
    />
  );
}
