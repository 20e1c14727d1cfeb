// The Word places of the findings of a Word form opened in the pane's file mode. The pane shows the form as a new
// workbook of its grid (as-xlsx.ts), whose cells are the grid's; the places (表N 第R行 第C格 “label”) are kept here
// for the port of that workbook, so the finding list can say where to correct the form in Word. Keyed by the port
// object itself: a port of another file has no entry, and nothing outlives the port.
import type { DocxLocation } from "./location";

export type WordLocate = (sheet: string, row: number, col: number) => DocxLocation | null;

const byOwner = new WeakMap<object, WordLocate>();

/** Remember where the cells of the workbook behind `owner` (a port) are in their Word form. */
export function rememberWordPlaces(owner: object, locate: WordLocate | undefined): void {
  if (locate) byOwner.set(owner, locate);
}

/** The Word place of a cell of the workbook behind `owner`, or null for a workbook that is no Word form. */
export function wordPlaceOf(
  owner: object | null,
  sheet: string,
  row: number,
  col: number,
): DocxLocation | null {
  if (!owner) return null;
  return byOwner.get(owner)?.(sheet, row, col) ?? null;
}
