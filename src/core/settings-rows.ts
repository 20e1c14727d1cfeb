// The row format of the product's store inside a workbook (docs/ignores.md): a very hidden sheet "_yanxiu" whose
// row 1 is a header (A1 "yanxiu-store", B1 the format version) and whose later rows each hold a key in column A and
// a piece of that key's JSON value in column B, a long value split over consecutive rows with the same key.
// Pure, so that both adapters (ExcelJS for the CLI and file mode, Office.js inside Excel) read and write the very
// same rows: ignores made in Excel count for the CLI and the other way round.

export const STORE_SHEET = "_yanxiu";
export const STORE_MARKER = "yanxiu-store";
export const STORE_VERSION = 1;
/** Excel holds at most 32,767 characters in a cell; values are cut well below that. */
export const STORE_CHUNK = 30_000;

/** What a store holds: every key whose value parses, and the keys whose value does not. */
export interface StoreContent {
  values: Map<string, unknown>;
  unreadable: string[];
}

/** One row of the store below the header: column A (the key) and column B (a piece of its JSON). */
export type StoreRow = readonly [key: string, piece: string];

/**
 * The keys and values of the store's rows (the header row left out). Pieces of a key are joined in row order;
 * empty keys are skipped; a value that is not valid JSON is left out and its key named in `unreadable`.
 */
export function decodeStoreRows(rows: Iterable<StoreRow>): StoreContent {
  const texts = new Map<string, string>();
  for (const [rawKey, piece] of rows) {
    const key = rawKey.trim();
    if (key !== "") texts.set(key, (texts.get(key) ?? "") + piece);
  }
  const values = new Map<string, unknown>();
  const unreadable: string[] = [];
  for (const [key, text] of texts) {
    try {
      values.set(key, JSON.parse(text));
    } catch {
      unreadable.push(key);
    }
  }
  return { values, unreadable };
}

/** Pieces of at most STORE_CHUNK characters, never cutting a character made of two UTF-16 units in half. */
function pieces(json: string): string[] {
  const out: string[] = [];
  let at = 0;
  do {
    let end = Math.min(json.length, at + STORE_CHUNK);
    // A piece starting with an apostrophe would lose it where written as typed text (Excel's text mark).
    while (end < json.length && end > at + 2 && json[end] === "'") end--;
    // A lone half of a surrogate pair is not valid text in an xlsx file: keep the pair together.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(json.slice(at, end));
    at = end;
  } while (at < json.length);
  return out;
}

/**
 * Every row of the store for these values, the header first: [A, B] per row, B1 the version number and every other
 * cell text. A value is written as JSON.stringify(value) (a key whose value is undefined is left out).
 */
export function encodeStoreRows(values: ReadonlyMap<string, unknown>): Array<[string, string | number]> {
  const rows: Array<[string, string | number]> = [[STORE_MARKER, STORE_VERSION]];
  for (const [key, value] of values) {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) continue;
    for (const piece of pieces(json)) rows.push([key, piece]);
  }
  return rows;
}

/** A cell's value as the store reads it: text as is, a number or boolean as Excel would show it, else "". */
export function storeCellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return "";
}

/**
 * The store's rows from a block of cell values read from the sheet (an Office.js used range, say), whose top-left
 * cell is at 0-based (top, left): the header row (sheet row 1) is skipped, columns A and B are taken.
 */
export function storeRowsFromValues(values: readonly (readonly unknown[])[], top = 0, left = 0): StoreRow[] {
  const rows: StoreRow[] = [];
  // Column A sits at index -left of each line and B at 1 - left (undefined, so "", when the block starts further right).
  values.forEach((line, r) => {
    if (top + r > 0) rows.push([storeCellText(line[-left]), storeCellText(line[1 - left])]);
  });
  return rows;
}
