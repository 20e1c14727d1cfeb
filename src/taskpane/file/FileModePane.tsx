import { useCallback, useEffect, useRef, useState } from "react";
import { TaskPane } from "../components/TaskPane";
import type { HostInfo } from "../host";
import type { Lang } from "../strings";
import { fetchExample, type ExampleWorkbook } from "./example";
import { FolderPanel } from "../folder/FolderPanel";
import { FileBanner } from "./FileBanner";
import { NO_FILE, type FileModeState, type OpenFailure } from "./file-mode-state";
import { openWorkbookInBrowser } from "./open-workbook";

export interface FileModePaneProps {
  host: HostInfo;
  /** The workbook to open when the page opens; null starts empty. */
  example: ExampleWorkbook | null;
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
  // The last open started wins: an example still loading when the user opens a file of their own is dropped.
  const generation = useRef(0);

  const open = useCallback(
    async (name: string, example: boolean, lang: Lang, read: () => Promise<Uint8Array>) => {
      const gen = ++generation.current;
      setState((s) => ({ ...s, opening: { name, example }, failure: null }));
      let bytes: Uint8Array;
      try {
        bytes = await read();
      } catch (error) {
        // A request for the example that failed, or a file the browser would not read (moved, no permission).
        const failure: OpenFailure = example
          ? { kind: "example", detail: detailOf(error) }
          : { kind: "open", name, problem: { kind: "read-failed", detail: detailOf(error) } };
        if (gen === generation.current) setState((s) => ({ ...s, opening: null, failure }));
        return;
      }
      const outcome = await openWorkbookInBrowser(bytes, name, lang);
      if (gen !== generation.current) return;
      setState((s) =>
        outcome.ok
          ? { file: { name, port: outcome.port, example }, opening: null, failure: null }
          : { ...s, opening: null, failure: { kind: "open", name, problem: outcome.problem } },
      );
    },
    [],
  );

  const { example, host } = props;
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !example) return;
    started.current = true;
    void open(example.name, true, host.lang, () => fetchExample(example));
  }, [example, host.lang, open]);

  const onOpen = useCallback(
    (file: File, lang: Lang) =>
      void open(file.name, false, lang, async () => new Uint8Array(await file.arrayBuffer())),
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
