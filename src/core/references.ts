import type { WorkbookReferences } from "./check-types";
import type { Grid } from "./grid/types";
import { cellText, compactText } from "./read/normalise";

// A sheet listing the units that did not finish their 2025 task: its name or title says 未完成 (福建 三（一）).
const UNFINISHED_SHEET = /未完成/;
const HEADER_WORDS = /^(序号|单位名称|承办单位|单位|名称|备注|年度|项目名称)$/;

/** Whether a sheet is the reference list of units that did not finish 2025 (checked as a reference, not as a table). */
export function isUnfinishedUnitsSheet(grid: Grid): boolean {
  if (UNFINISHED_SHEET.test(grid.name)) return true;
  return UNFINISHED_SHEET.test(compactText(cellText(grid.cell(0, 0))));
}

/** The unit names of such a sheet: the 单位名称/承办单位 column when headed, else the first text column, titles skipped. */
function unitNames(grid: Grid): string[] {
  let column = -1;
  let start = 0;
  for (let row = 0; row < Math.min(grid.rowCount, 10) && column < 0; row++) {
    for (let col = 0; col < grid.colCount; col++) {
      const t = compactText(cellText(grid.cell(row, col)));
      if (t === "单位名称" || t === "承办单位" || t === "单位") {
        column = col;
        start = row + 1;
        break;
      }
    }
  }
  const names: string[] = [];
  for (let row = start; row < grid.rowCount; row++) {
    const cols = column >= 0 ? [column] : Array.from({ length: grid.colCount }, (_, c) => c);
    for (const col of cols) {
      const t = compactText(cellText(grid.cell(row, col)));
      if (t === "" || /^\d+$/.test(t) || HEADER_WORDS.test(t) || UNFINISHED_SHEET.test(t)) continue;
      names.push(t);
      break;
    }
  }
  return names;
}

/** Gather, once per workbook, the reference lists that the checks of its sheets may use. */
export function collectReferences(grids: readonly Grid[]): WorkbookReferences {
  const unfinishedUnits: string[] = [];
  for (const grid of grids) if (isUnfinishedUnitsSheet(grid)) unfinishedUnits.push(...unitNames(grid));
  return { unfinishedUnits };
}

/** Whether a unit is on a reference list (names compared without spaces and brackets). */
export function isListedUnit(name: string, units: readonly string[]): boolean {
  const n = compactText(name).replace(/[（(][^）)]*[）)]/g, "");
  return n !== "" && units.some((u) => u === n);
}
