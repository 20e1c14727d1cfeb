// The task pane never talks to Excel or to a file directly: it gets a WorkbookPort from this context.
// Inside Excel the port is the Office adapter; in file mode it is the xlsx adapter over the opened file.

import { createContext, useContext } from "react";
import type { WorkbookPort } from "../core/port";

/** The workbook the pane works on, or null while there is none (file mode before a file is opened). */
export const PortContext = createContext<WorkbookPort | null>(null);

/** The current workbook port, or null when no workbook is open yet. */
export function usePort(): WorkbookPort | null {
  return useContext(PortContext);
}
