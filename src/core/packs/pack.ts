import type { WorkbookReferences } from "../check-types";
import type { Finding } from "../findings";
import type { Grid } from "../grid/types";
import type { indexLabels } from "../recognise/form";
import type { Level, PackId, TableKind } from "./types";

/** What a sheet offers for recognition, computed once and shared by every pack. */
export interface SheetSignals {
  grid: Grid;
  /** Normalised label → where it stands (see recognise/form.ts). */
  labels: ReturnType<typeof indexLabels>;
  /** The compacted text of the sheet's first rows (titles, 申报单位/推荐单位 lines), for title words. */
  head: string;
}

/** A pack's view of a sheet: which of its tables it is and how sure the pack is. */
export interface Recognition {
  table: TableKind;
  /** 0..1: how strongly the sheet looks like this pack's table. */
  confidence: number;
  level: Level | null;
  /** Opaque to the engine: whatever the pack read while recognising (its list or form), handed back to check. */
  data?: unknown;
}

/** One notice as the engine knows it: recognition and the rules of each of its tables. */
export interface Pack {
  id: PackId;
  /** The tables this pack checks; the first list kind is used when a list is forced onto this pack. */
  tables: readonly TableKind[];
  /** Recognise the sheet as one of this pack's tables; undefined when it is none of them. */
  recognise(signals: SheetSignals): Recognition | undefined;
  /**
   * Every finding for a recognised sheet. `level` is the detected or chosen level (null: unknown); `references` holds
   * what other sheets of the workbook say (e.g. Fujian's list of units that did not finish 2025).
   */
  check(
    signals: SheetSignals,
    recognition: Recognition,
    level: Level | null,
    references?: WorkbookReferences,
  ): Finding[];
}
