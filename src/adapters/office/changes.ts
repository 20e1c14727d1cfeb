import type { MergeArea } from "../../core/grid/types";
import { parseAddressList } from "./addresses";

/**
 * How long after a write of ours a change event on the cells it wrote is taken for its echo, where Excel does not
 * say who made the change (before ExcelApi 1.14). Excel delivers events after the request that caused them, a
 * moment later, longer on a busy Excel on the web.
 */
export const ECHO_MS = 2000;

/** The fields of Excel.WorksheetChangedEventArgs the adapter reads. */
export interface ChangeEvent {
  worksheetId: string;
  address: string;
  source?: string;
  /** ExcelApi 1.14: "ThisLocalAddin" when this add-in's own API calls made the change. */
  triggerSource?: string;
}

interface Echo {
  sheetId: string | undefined;
  rects: MergeArea[];
  until: number;
}

function area(r: MergeArea): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Whether the rectangles (disjoint among themselves) cover every cell of `r`. */
function covers(rects: readonly MergeArea[], r: MergeArea): boolean {
  let inside = 0;
  for (const o of rects) {
    const top = Math.max(o.top, r.top);
    const bottom = Math.min(o.bottom, r.bottom);
    const left = Math.max(o.left, r.left);
    const right = Math.min(o.right, r.right);
    if (top <= bottom && left <= right) inside += (bottom - top + 1) * (right - left + 1);
  }
  return inside >= area(r);
}

/**
 * The add-in's own changes to the workbook, so that the change events they cause do not reach 实时校验 as if the
 * user had edited. Excel 1.14 and later say so in the event (triggerSource "ThisLocalAddin"). Before that, an event
 * is ours when it arrives while a batch of ours that changes the workbook runs, or within ECHO_MS after one, on
 * cells that batch wrote; an edit the user makes meanwhile elsewhere still counts as theirs.
 */
export class OwnChanges {
  private running = 0;
  private echoes: Echo[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A batch that may change the workbook starts. */
  begin(): void {
    this.running++;
  }

  /** It ended, having written these cells of the sheet with this id (none for marks: they change no contents). */
  end(sheetId: string | undefined, written: readonly MergeArea[]): void {
    this.running = Math.max(0, this.running - 1);
    const now = this.now();
    this.echoes = this.echoes.filter((e) => e.until > now);
    if (written.length > 0) this.echoes.push({ sheetId, rects: [...written], until: now + ECHO_MS });
  }

  /** Whether a change event is the echo of our own work rather than an edit by the user (or a co-author). */
  isOwn(event: ChangeEvent): boolean {
    if (event.source === "Remote") return false;
    if (event.triggerSource !== undefined) return event.triggerSource === "ThisLocalAddin";
    if (this.running > 0) return true;
    const changed = parseAddressList(event.address);
    if (changed.length === 0) return false;
    const now = this.now();
    return this.echoes.some(
      (e) =>
        e.until > now &&
        (e.sheetId === undefined || e.sheetId === event.worksheetId) &&
        changed.every((r) => covers(e.rects, r)),
    );
  }
}
