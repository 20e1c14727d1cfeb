// What bench:pane serves in place of office.js to measure the pane in Office mode in chromium: the project's Excel
// simulator (test/support/excel-sim) as the page's `Office` and `Excel` globals, over a workbook whose cells the
// bench hands in (window.__yanxiuSimSeed, set before the page's scripts run). Excel itself cannot run here; the
// simulator answers with the same rules (load before read, sync counts, the 5 MB request limit).

import { createWorkbook, makeOfficeGlobals, type WorkbookSeed } from "../../test/support/excel-sim";

const seed = (globalThis as { __yanxiuSimSeed?: WorkbookSeed }).__yanxiuSimSeed ?? {
  sheets: [{ name: "Sheet1" }],
};
const globals = makeOfficeGlobals(createWorkbook(seed));
globals.install();
// Office.HostType is what the pane compares onReady's host with (src/taskpane/host.ts).
(globalThis as { Office: Record<string, unknown> }).Office.HostType = { Excel: "Excel" };
