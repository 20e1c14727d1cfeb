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
  // 校验 checks in the page here: the engine is fetched now, while the pane first paints, so the first check (or
  // 实时校验) does not wait for it. A failed fetch is tried again, and said, when 校验 needs it.
  loadEngine().catch(() => undefined);
}
