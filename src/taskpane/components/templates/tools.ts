import type { WorkbookPort } from "../../../core/port";
import type { Task } from "../../hooks/useTask";

/** What the 表格 tab's tools share: the workbook, the tab's task (progress, errors) and how to report a result. */
export interface TemplateTools {
  port: WorkbookPort | null;
  sheet: string | null;
  busy: boolean;
  canInsert: boolean;
  run: Task["run"];
  ownWork<T>(work: () => Promise<T>): Promise<T>;
  /** Sheets were inserted: say so and list the sheets again. */
  inserted(names: readonly string[]): void;
}
