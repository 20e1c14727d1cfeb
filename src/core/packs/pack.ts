import type { WorkbookReferences } from "../check-types";
import type { Finding } from "../findings";
import type { Grid } from "../grid/types";
import type { FormTable, indexLabels } from "../recognise/form";
import type { PackData } from "./data";
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
  /** A form's fields as read (label and value cells), for faces that name a field by its label (a Word form's place). */
  form?: FormTable;
}

/** One notice as the engine runs it: the pack's data and its model's recognition and rules. */
export interface Pack {
  id: PackId;
  /** The data of the pack folder (figures, clauses, lists, messages …). */
  data: PackData;
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

/** A model: the code that reads one kind of notice's tables, made into a pack by the pack's data. */
export interface Model {
  id: string;
  /** What the model reads from a pack (pack lint checks them). */
  needs: {
    figures: readonly string[];
    clauses: readonly string[];
    lists: readonly string[];
    messages: readonly string[];
    /** tables/*.yaml whose fields (labels, blocks) and markers the model reads its forms by. */
    tables?: readonly string[];
  };
  make(data: PackData): Pack;
}
