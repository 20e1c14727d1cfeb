// The 统计 tab's figures of a list sheet, free of React so the file-mode worker computes them off the page's thread
// (worker/workbook-host.ts) and the pane inside Excel computes them the same way.

import { type checkGrid, recogniseSheet } from "../../../core/check";
import type { Grid } from "../../../core/grid/types";
import { LIST_COLUMNS, type ListKey } from "../../../core/recognise/columns";
import { readList, type ListTable } from "../../../core/recognise/list";
import { computeStats, statsProfileFor, type ListStats } from "../../../core/stats";
import { yieldToBrowser } from "../../workbook-check";

export interface SheetFigures {
  grid: Grid;
  list: ListTable<ListKey> | undefined;
  stats: ListStats | undefined;
}

type Policy = Parameters<typeof checkGrid>[1];

/** Reads the figures of a list sheet: the pack (as checked, honouring the user's choice) decides the plan figures. */
export function figuresOf(grid: Grid, policy: Policy): SheetFigures {
  const list = readList(grid, LIST_COLUMNS);
  if (!list) return { grid, list: undefined, stats: undefined };
  const pack = recogniseSheet(grid, policy)?.pack.id ?? null;
  return { grid, list, stats: computeStats(grid, { list, profile: statsProfileFor(pack) }) };
}

/** figuresOf in three tasks (list, pack, figures), letting the browser breathe between them on long lists. */
export async function figuresInSteps(grid: Grid, policy: Policy): Promise<SheetFigures> {
  const list = readList(grid, LIST_COLUMNS);
  if (!list) return { grid, list: undefined, stats: undefined };
  await yieldToBrowser();
  const pack = recogniseSheet(grid, policy)?.pack.id ?? null;
  await yieldToBrowser();
  return { grid, list, stats: computeStats(grid, { list, profile: statsProfileFor(pack) }) };
}
