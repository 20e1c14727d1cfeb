// How file mode asks the 校验 tab for a check. Every workbook opened in file mode is checked and marked as soon as
// its sheet is recognised (CheckOnOpenContext), and the download asks for a check of the current contents just
// before it writes the copy (CheckRequestContext), so no annotated copy leaves without its 校验结果.
// TaskPane provides both; CheckPanel reads the first and answers the second.

import { createContext, useContext, type MutableRefObject } from "react";
import type { WorkbookPort } from "../../core/port";

/** The port to check on opening, or null (inside Excel the user presses 校验当前工作表). */
export const CheckOnOpenContext = createContext<WorkbookPort | null>(null);

/** The port the nearest TaskPane asks to be checked on opening, or null. */
export function useCheckOnOpen(): WorkbookPort | null {
  return useContext(CheckOnOpenContext);
}

/**
 * Checks and marks the pane's sheet as it is now; resolves true when the marks are in place, false when the check
 * could not run (the 校验 tab shows why). Null until the 校验 tab has mounted.
 */
export type CheckNow = () => Promise<boolean>;

export const CheckRequestContext = createContext<MutableRefObject<CheckNow | null> | null>(null);

/** The slot the 校验 tab fills with its CheckNow (and the download calls). */
export function useCheckRequest(): MutableRefObject<CheckNow | null> | null {
  return useContext(CheckRequestContext);
}
