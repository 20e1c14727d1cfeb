// The pane in a plain browser: FileModePane opens the bundled example (its open started early by index.tsx), then
// any file the user chooses, in a worker.
// A chunk of its own (index.tsx starts loading it at once when the address or the page says file mode), so Excel
// never loads the file mode's code.

import type { Root } from "react-dom/client";
import type { HostInfo } from "../host";
import { takeStartedExample } from "./early-start";
import { EXAMPLE_WORKBOOK } from "./example";
import { FileModePane } from "./FileModePane";

export function renderPane(root: Root, host: HostInfo): void {
  root.render(<FileModePane host={host} example={EXAMPLE_WORKBOOK} started={takeStartedExample()} />);
}
