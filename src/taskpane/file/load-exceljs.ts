// ExcelJS is most of the file mode's weight and nothing inside Excel needs it, so it is loaded on first use as a
// chunk of its own (from the add-in's origin: the CSP allows scripts from 'self' only).

import type ExcelJS from "exceljs";

export type ExcelJSModule = typeof ExcelJS;

let loading: Promise<ExcelJSModule> | undefined;

/** The ExcelJS module, loaded once; a failed load (a dropped connection) is tried again on the next call. */
export function loadExcelJS(): Promise<ExcelJSModule> {
  loading ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    // The browser build is CommonJS: its exports arrive as the namespace's default.
    (module) => ((module as { default?: ExcelJSModule }).default ?? module) as ExcelJSModule,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
