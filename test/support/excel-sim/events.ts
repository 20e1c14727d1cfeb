import { type Rect, formatRect } from "./address";
import type { SheetModel } from "./model";

/** The arguments of `Worksheet.onChanged` (Excel.WorksheetChangedEventArgs), the part the simulator produces. */
export interface ChangedArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  /** The changed range on that sheet, without the sheet's name ("B2", "B2:C9"). */
  address: string;
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  /** ExcelApi 1.14: "ThisLocalAddin" for changes made through this add-in's API calls; absent on older hosts. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

export type ChangedHandler = (args: ChangedArgs) => unknown;

/** Who made a change: this add-in through the API, the user at the keyboard, or another user co-authoring. */
export type ChangeOrigin = "addin" | "user" | "remote";

/**
 * Worksheet change events, raised as Excel raises them: one per change, delivered asynchronously after the request
 * (or the edit) that made it, to the handlers registered on the sheet at that moment. Handlers are kept by sheet id,
 * so they survive renaming, as in Excel.
 */
export class ChangeEvents {
  private readonly handlers = new Map<string, Set<ChangedHandler>>();
  private readonly pending = new Set<Promise<void>>();
  /** What handlers threw (Excel swallows them; tests look here). */
  readonly errors: unknown[] = [];
  /** Every event raised, in order, whether or not a handler was there to receive it. */
  readonly raised: ChangedArgs[] = [];

  constructor(
    /** Milliseconds between a change and its event (Excel delivers them a moment later). */
    private readonly delayMs: number,
    /** Whether the host reports triggerSource (ExcelApi 1.14). */
    private readonly reportsTrigger: () => boolean,
  ) {}

  register(sheetId: string, handler: ChangedHandler, add: boolean): void {
    let set = this.handlers.get(sheetId);
    if (!set) this.handlers.set(sheetId, (set = new Set()));
    if (add) set.add(handler);
    else set.delete(handler);
  }

  count(sheetId: string): number {
    return this.handlers.get(sheetId)?.size ?? 0;
  }

  raise(sheet: SheetModel, rect: Rect, origin: ChangeOrigin): void {
    const args: ChangedArgs = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: formatRect(rect),
      changeType: "RangeEdited",
      source: origin === "remote" ? "Remote" : "Local",
    };
    if (this.reportsTrigger()) args.triggerSource = origin === "addin" ? "ThisLocalAddin" : "Unknown";
    this.raised.push(args);
    const delivery = new Promise<void>((resolve) =>
      setTimeout(() => {
        for (const handler of [...(this.handlers.get(sheet.id) ?? [])]) {
          try {
            const out = handler({ ...args });
            if (out instanceof Promise) out.catch((e: unknown) => this.errors.push(e));
          } catch (e) {
            this.errors.push(e);
          }
        }
        resolve();
      }, this.delayMs),
    );
    this.pending.add(delivery);
    void delivery.then(() => this.pending.delete(delivery));
  }

  /** Resolves once every event raised so far has been delivered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
