import type { CellValue } from "../../../src/core/grid/types";
import type { MergeArea } from "../../../src/core/grid/types";

/** A form as rows of values and merged areas (A1 ranges): the shape of the golden workbooks' sheets. */
export interface FormSheet {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>;
  merges?: readonly string[];
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B5:E6" → 0-based area. */
export function decodeA1Range(range: string): MergeArea {
  const [a, b] = range.split(":");
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    return { row: Number(m[2]) - 1, col: colIndex(m[1] as string) };
  };
  const s = parse(a as string);
  const e = parse((b ?? a) as string);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}
