import type { Finding } from "../../core/findings";
import type { Grid } from "../../core/grid/types";
import { planMarks } from "../../core/marks";
import type { PortCapabilities, SheetInfo, WorkbookPort } from "../../core/port";
import type { SheetLayout } from "../../core/templates/layout";
import { OfficeAdapterError, toOfficeError, unsupported } from "./errors";
import {
  type ExcelRun,
  FEATURE_NAMES,
  type Feature,
  type IsSetSupported,
  REQUIREMENTS,
  globalIsSetSupported,
  globalRun,
  supports,
} from "./host";
import { queueLayout, uniqueSheetName } from "./insert-sheet";
import { type Annotations, type MarksCache, newMarksCache, queueMarksPeek, reconcileMarks } from "./marks";
import { MARKS_SETTING_KEY } from "./marks-store";
import { ONE_REQUEST_CELLS, readSheetGrid } from "./read-sheet";

export interface OfficePortOptions {
  /** `Excel.run`; defaults to the Office.js global. Tests pass a simulator's. */
  run?: ExcelRun;
  /** `Office.context.requirements.isSetSupported`; defaults to the Office.js global. */
  isSetSupported?: IsSetSupported;
  /** Language of the reasons written into notes and comments (default zh, the users' language). */
  lang?: "zh" | "en";
}

/**
 * The WorkbookPort inside Excel: the only code in the product that calls Excel.run. Every operation is one
 * Excel.run with as few context.sync calls as the work allows (see each method), every feature is checked with
 * isSetSupported first, and every error Excel reports comes out as an OfficeAdapterError worded in zh-CN and en.
 */
export class OfficeWorkbookPort implements WorkbookPort {
  readonly kind = "office" as const;
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly lang: "zh" | "en";
  private readonly cache: MarksCache = newMarksCache();
  /** Used cells of each sheet at its last reading, to read a large sheet in blocks straight away next time. */
  private readonly sizes = new Map<string, number>();

  constructor(options: OfficePortOptions = {}) {
    this.run = options.run ?? globalRun();
    this.isSetSupported = options.isSetSupported ?? globalIsSetSupported();
    this.lang = options.lang ?? "zh";
  }

  private has(feature: Feature): boolean {
    return supports(this.isSetSupported, feature);
  }

  private need(feature: Feature): void {
    if (!this.has(feature)) throw unsupported(FEATURE_NAMES[feature], REQUIREMENTS[feature]);
  }

  /** Runs a batch; whatever Excel throws comes out typed. `await` inside `try`, so the catch does fire. */
  private async excel<T>(
    sheet: string | undefined,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toOfficeError(e, sheet);
    }
  }

  private annotations(): Annotations {
    return this.has("notes") ? "note" : this.has("comments") ? "comment" : "none";
  }

  /** What this Excel can do, from isSetSupported alone (no request). */
  async capabilities(): Promise<PortCapabilities> {
    const missing: string[] = [];
    for (const f of [
      "read",
      "lightRead",
      "marks",
      "merges",
      "comments",
      "notes",
      "insertSheet",
      "settings",
    ] as const)
      if (!this.has(f)) missing.push(`${FEATURE_NAMES[f][this.lang]} (ExcelApi ${REQUIREMENTS[f]})`);
    return {
      annotations: this.annotations(),
      insertSheet: this.has("insertSheet"),
      selectCell: this.has("selectCell"),
      missing,
    };
  }

  /** Visible sheets in tab order, the active one flagged. One sync. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.excel(undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return sheets.items
        .filter((s) => s.visibility === "Visible")
        .map((s) => ({ name: s.name, active: s.name === active.name }));
    });
  }

  /**
   * The sheet as a Grid: one sync for sheets whose values fit a 5 MB response (200,000 cells of ordinary
   * content; fewer before ExcelApi 1.9, where every cell's text and format come back too), more in row blocks
   * for larger ones. Reading also notes the sheet's id and our stored marks, so the
   * marking that usually follows needs no extra request to find last time's marks.
   */
  async readSheet(sheet: string): Promise<Grid> {
    this.need("read");
    const marks = this.has("marks");
    return this.excel(sheet, async (context) => {
      const queueExtras = marks ? () => queueMarksPeek(context, sheet, this.cache) : undefined;
      const blocks = (this.sizes.get(sheet) ?? 0) > ONE_REQUEST_CELLS;
      const options = { special: this.has("lightRead"), merges: this.has("merges"), blocks };
      const grid = await readSheetGrid(context, sheet, options, queueExtras);
      this.sizes.set(sheet, grid.rowCount * grid.colCount);
      return grid;
    });
  }

  /**
   * Marks every finding's cell: error and warning fills (src/core/marks.ts), the reasons as a note (ExcelApi
   * 1.18), else a comment (1.10), else none (the pane alone). Our previous marks are taken back first; the
   * original fills are recorded in the workbook so clearMarks can restore them. Two syncs after readSheet.
   */
  async applyMarks(sheet: string, findings: readonly Finding[]): Promise<void> {
    this.need("marks");
    const marks = planMarks(
      findings.filter((f) => f.sheet === sheet || f.sheet === ""),
      this.lang,
    );
    await this.excel(sheet, (context) =>
      reconcileMarks(context, sheet, marks, {
        annotations: this.annotations(),
        comments: this.has("comments"),
        cache: this.cache,
      }),
    );
  }

  /** Takes back every mark of ours on the sheet: original fills, our notes and comments only. Two syncs. */
  async clearMarks(sheet: string): Promise<void> {
    this.need("marks");
    await this.excel(sheet, (context) =>
      reconcileMarks(context, sheet, [], {
        annotations: this.annotations(),
        comments: this.has("comments"),
        cache: this.cache,
      }),
    );
  }

  /** Activates the sheet and selects the cell. One sync. */
  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    this.need("selectCell");
    await this.excel(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getCell(row, col).select();
      await context.sync();
    });
  }

  /**
   * Adds a sheet drawn from the layout under a unique name and activates it. Two syncs: the existing names,
   * then everything else.
   */
  async insertSheet(layout: SheetLayout): Promise<string> {
    this.need("insertSheet");
    return this.excel(layout.name, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        layout.name,
        sheets.items.map((s) => s.name),
      );
      const ws = sheets.add(name);
      queueLayout(ws, layout);
      ws.activate();
      await context.sync();
      return name;
    });
  }

  /** A workbook setting (saved in the file); undefined when not set. One sync. */
  async getSetting(key: string): Promise<unknown> {
    this.need("settings");
    guardKey(key);
    return this.excel(undefined, async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? undefined : (setting.value as unknown);
    });
  }

  /** Stores a JSON-serialisable value in the workbook; undefined removes the key. One sync. */
  async setSetting(key: string, value: unknown): Promise<void> {
    this.need("settings");
    guardKey(key);
    await this.excel(undefined, async (context) => {
      const settings = context.workbook.settings;
      if (value === undefined) {
        // Adding first makes the key exist, so the delete cannot fail on a missing key: one request either way.
        settings.add(key, null);
        settings.getItem(key).delete();
      } else settings.add(key, value);
      await context.sync();
    });
  }
}

/** The marks record is the adapter's own; the pane must not overwrite it through setSetting. */
function guardKey(key: string): void {
  if (key === MARKS_SETTING_KEY)
    throw new OfficeAdapterError("excel", {
      zh: `设置项“${key}”为标记记录专用。`,
      en: `The setting “${key}” is reserved for the record of marks.`,
    });
}

/** The port inside Excel, using the Office.js globals unless told otherwise. */
export function createOfficePort(options: OfficePortOptions = {}): WorkbookPort {
  return new OfficeWorkbookPort(options);
}
