import { displayText } from "../grid/grid";
import type { RawCell } from "../grid/types";

// Full-width ASCII (U+FF01–U+FF5E) sits exactly 0xFEE0 above its ASCII twin; U+3000 is the ideographic space.
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const WHITESPACE = /[\s\u200B-\u200D]+/g;

function halfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0x3000 ? " " : String.fromCharCode(code - 0xfee0);
}

/**
 * Full-width digits, letters and punctuation (０-９ Ａ-Ｚ ％ ． － ： （ ） …) become their ASCII forms and the
 * ideographic space becomes a plain space. Chinese IMEs type these when the user forgets to switch modes.
 */
export function toHalfWidth(s: string): string {
  // Most cells are plain ASCII or plain CJK: skip the replace (and its allocation) when nothing would change.
  return HAS_FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH, halfWidthChar) : s;
}

/** {@link toHalfWidth}, then every kind of whitespace (including zero-width spaces) removed. */
export function compactText(s: string): string {
  return toHalfWidth(s).replace(WHITESPACE, "");
}

/**
 * The text of a cell, trimmed; "" for an empty cell. Uses what Excel displays and falls back to the value
 * when the adapter gave no text (Dates as yyyy-mm-dd, like the grid does).
 */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell.text === "string" ? cell.text.trim() : "";
  if (text !== "") return text;
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : displayText(value);
  return String(value).trim();
}

/** True when the cell holds nothing but whitespace. */
export function isBlankCell(cell: RawCell): boolean {
  return cellText(cell) === "";
}
