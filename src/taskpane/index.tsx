// Entry point of taskpane.html: find out whether we are inside Excel or in a plain browser, then render.

import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createOfficePort } from "../adapters/office";
import { TaskPane } from "./components/TaskPane";
import { EXAMPLE_WORKBOOK } from "./file/example";
import { FileModePane } from "./file/FileModePane";
import { currentEnvironment, detectHost, wantsFileMode } from "./host";
import { pickLanguage, textOf } from "./strings";
import { initExtraPacks } from "./packs/load";

async function boot(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);
  const env = currentEnvironment();

  // Waiting for Office can take a moment inside Excel; say so rather than show an empty pane.
  if (env.office && !wantsFileMode(env.search)) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Spinner label={textOf(pickLanguage(env.browserLanguage), "connecting")} />
      </FluentProvider>,
    );
  }

  const host = await detectHost(env);
  // The deployment's extra packs (packs/index.json, same origin) and the ones this user added, before any check.
  await initExtraPacks().catch(() => undefined);
  // Inside Excel the pane works on the open workbook through the Office port. In file mode FileModePane opens the
  // bundled example, then any file the user chooses, in the browser, and hands the pane the xlsx port over it.
  if (host.mode === "file") {
    root.render(<FileModePane host={host} example={EXAMPLE_WORKBOOK} />);
    return;
  }
  const port = createOfficePort({ lang: host.lang });
  root.render(<TaskPane host={host} port={port} />);
}

void boot();
