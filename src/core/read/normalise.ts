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

/** Whitespace (as \s sees it, plus zero-width spaces) or a character toHalfWidth would change. */
export function needsCompacting(c: number): boolean {
  if (c <= 0x20) return true;
  if (c < 0x85) return false;
  // CJK text, the common case past ASCII: nothing between the ideographic space and the BOM needs compacting.
  if (c > 0x3000 && c < 0xfeff) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

/** {@link toHalfWidth}, then every kind of whitespace (including zero-width spaces) removed. */
export function compactText(s: string): string {
  // One scan without allocating for the common case (already compact); the regexes only when needed.
  for (let i = 0; i < s.length; i++) {
    if (needsCompacting(s.charCodeAt(i))) return toHalfWidth(s).replace(WHITESPACE, "");
  }
  return s;
}

/** s without the first of `suffixes` it ends with (list longer suffixes first), and which one it was. */
export function cutSuffix(
  s: string,
  suffixes: readonly string[],
): { rest: string; suffix: string | undefined } {
  for (const suffix of suffixes) {
    if (s.length > suffix.length && s.endsWith(suffix))
      return { rest: s.slice(0, s.length - suffix.length), suffix };
  }
  return { rest: s, suffix: undefined };
}

/** s without any of `chars` at either end (a cheaper, allocation-free cousin of a trimming regex). */
export function trimChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.indexOf(s.charAt(start)) >= 0) start++;
  while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * The text of a cell, trimmed; "" for an empty cell. Uses what Excel displays and falls back to the value
 * when the adapter gave no text (Dates as yyyy-mm-dd, like the grid does).
 */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  // (trim() also gives a flat string for a rope made by concatenation, which every later scan of it reads faster:
  // skipping it for texts that need no trimming made generated lists 10% slower to check.)
  const text = typeof cell.text === "string" ? cell.text.trim() : "";
  if (text !== "") return text;
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : displayText(value);
  return String(value).trim();
}

/** True when the cell holds nothing but whitespace. */
export function isBlankCell(cell: RawCell): boolean {
  // Most cells of a list start with a printable character (ASCII or CJK): not blank, and no need to trim them.
  const text = cell?.text;
  if (typeof text === "string" && text.length > 0 && isPlainlyNotSpace(text.charCodeAt(0))) return false;
  return cellText(cell) === "";
}

/** Printable ASCII, or a character between the ideographic space and the BOM (CJK): never whitespace to trim(). */
function isPlainlyNotSpace(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff);
}
