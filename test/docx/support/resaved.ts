import type { TickStyle, WordMlOptions } from "./wordml";

const STYLES: TickStyle[] = ["content-control", "formcheckbox", "wingdings-sym", "wingdings2-letters"];

/** How the i-th golden form is written by hand before LibreOffice saves it again (every third with tracked changes). */
export function RESAVED_OPTIONS(i: number): WordMlOptions {
  return { ticks: STYLES[i % STYLES.length], tracked: i % 3 === 0 };
}
