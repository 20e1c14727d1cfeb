// The pane inside Excel: the Office port over the open workbook. A chunk of its own (index.tsx starts loading it
// while Office.onReady is awaited), so the file mode never loads the Office adapter.

import type { Root } from "react-dom/client";
import { createOfficePort } from "../adapters/office";
import { TaskPane } from "./components/TaskPane";
import { loadEngine } from "./engine-loader";
import type { HostInfo } from "./host";

export function renderPane(root: Root, host: HostInfo): void {
  const port = createOfficePort({ lang: host.lang });
  root.render(<TaskPane host={host} port={port} />);
  // 校验 checks in the page here: the engine is fetched once the first paint is done and the page is idle, so the
  // first check (or 实时校验) seldom waits for it and the first paint never does. A failed fetch is tried again,
  // and said, when 校验 needs it.
  whenIdle(() => void loadEngine().catch(() => undefined));
}

/** Runs `work` when the page is next idle (at the latest after a second); setTimeout where there is no idle callback. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 200);
}
