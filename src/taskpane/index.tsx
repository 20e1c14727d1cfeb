// Entry point of taskpane.html: find out whether we are inside Excel or in a plain browser, then render.

import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { TaskPane } from "./components/TaskPane";
import { currentEnvironment, detectHost, wantsFileMode } from "./host";
import { pickLanguage, textOf } from "./strings";

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
  // The workbook port arrives with the adapters: the Office port inside Excel (issue 4), the xlsx port for
  // a file opened in file mode (issue 7). Until then the shell runs without one.
  root.render(<TaskPane host={host} />);
}

void boot();
