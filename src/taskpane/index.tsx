// Entry point of taskpane.html: find out whether we are inside Excel or in a plain browser, then render.
//
// This script is only what every start needs (React, the theme, the mode's detection); each mode's pane is a chunk
// of its own, from the add-in's origin (CSP 'self'). The likely mode's chunk is asked for at once, while Office.onReady
// and the deployment's extra packs are awaited, so the split costs no waiting where the mode is known at start.

import { FluentProvider, Spinner, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { currentEnvironment, detectHost, wantsFileMode, type HostInfo, type PaneMode } from "./host";
import { pickLanguage, textOf } from "./strings";
import { initExtraPacks } from "./packs/load";
import { dropStartedExample, startExampleEarly } from "./file/early-start";

interface ModeChunk {
  renderPane(root: Root, host: HostInfo): void;
}

const modeChunks: Record<PaneMode, () => Promise<ModeChunk>> = {
  excel: () => import(/* webpackChunkName: "office-mode" */ "./office-mode"),
  file: () => import(/* webpackChunkName: "file-mode" */ "./file/file-mode"),
};

async function boot(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);
  const env = currentEnvironment();
  // office.js present and no ?mode=file: nearly always Excel (a browser that opens the page directly says file).
  const likely: PaneMode = env.office && !wantsFileMode(env.search) ? "excel" : "file";
  const loading: Partial<Record<PaneMode, Promise<ModeChunk>>> = { [likely]: modeChunks[likely]() };
  // File mode opens the bundled example first: its worker and bytes are started now (early-start.ts).
  if (likely === "file") startExampleEarly();
  // Failures are met below, when the chunk is awaited; until then nothing is reported twice.
  loading[likely]?.catch(() => undefined);

  // Waiting for Office can take a moment inside Excel; say so rather than show an empty pane.
  if (likely === "excel") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Spinner label={textOf(pickLanguage(env.browserLanguage), "connecting")} />
      </FluentProvider>,
    );
  }

  // The deployment's extra packs (packs/index.json, same origin) and the ones this user added, before any check.
  const packs = initExtraPacks().catch(() => undefined);
  const host = await detectHost(env);
  if (host.mode !== "file") dropStartedExample();
  await packs;
  // Inside Excel the pane works on the open workbook through the Office port. In file mode FileModePane opens the
  // bundled example, then any file the user chooses, in the browser, and hands the pane the xlsx port over it.
  try {
    const chunk = await (loading[host.mode] ?? modeChunks[host.mode]());
    chunk.renderPane(root, host);
  } catch (error) {
    // The pane's script came from the server and its chunk did not (a dropped connection, a half-copied
    // deployment): say so instead of an empty pane.
    const detail = error instanceof Error ? error.message : String(error);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Text role="alert">{textOf(host.lang, "paneLoadFailed", { detail })}</Text>
      </FluentProvider>,
    );
  }
}

void boot();
