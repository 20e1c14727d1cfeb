// The pane inside Excel: the Office port over the open workbook. A chunk of its own (index.tsx starts loading it
// while Office.onReady is awaited), so the file mode never loads the Office adapter.

import type { Root } from "react-dom/client";
import { createOfficePort } from "../adapters/office";
import { TaskPane } from "./components/TaskPane";
import * as engine from "./engine";
import { provideEngine } from "./engine-loader";
import type { HostInfo } from "./host";

// Inside Excel the page itself checks, and the 校验 tab recognises the active sheet as soon as the pane opens: the
// engine is part of this chunk's load (fetched alongside it), not a chunk asked for afterwards, which measured about
// 300 ms later to interactive (bench:pane, Office mode).
provideEngine(engine);

export function renderPane(root: Root, host: HostInfo): void {
  const port = createOfficePort({ lang: host.lang });
  root.render(<TaskPane host={host} port={port} />);
}
