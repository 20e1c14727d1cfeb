import type { RawCell } from "../../src/core/grid/types";

/** A text cell as an adapter hands it over. */
export const textCell = (text: string): RawCell => ({ value: text, text });

/** A numeric cell; the displayed text defaults to the number itself. */
export const numberCell = (value: number, numberFormat?: string, text = String(value)): RawCell =>
  numberFormat === undefined ? { value, text } : { value, text, numberFormat };

/** A date cell (the adapter's Date at UTC midnight). */
export const dateCell = (iso: string): RawCell => ({ value: new Date(`${iso}T00:00:00Z`), text: iso });

export const emptyCell: RawCell = { value: null, text: "" };
