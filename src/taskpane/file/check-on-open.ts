// The workbook the 校验 tab checks and marks by itself as soon as its sheet is recognised, instead of waiting for
// 校验当前工作表: the example the file mode opens with, so a first visit shows the pane's findings at once.
// TaskPane provides it (its `checkOnOpen` prop); CheckPanel reads it.

import { createContext, useContext } from "react";
import type { WorkbookPort } from "../../core/port";

/** The port to check on opening, or null (the usual case: the user presses 校验当前工作表). */
export const CheckOnOpenContext = createContext<WorkbookPort | null>(null);

/** The port the nearest TaskPane asks to be checked on opening, or null. */
export function useCheckOnOpen(): WorkbookPort | null {
  return useContext(CheckOnOpenContext);
}
