import { toHalfWidth } from "./normalise";
import { empty, ok, unreadable, type ReadResult } from "./types";

/** An office (fixed-line) number or a mobile number. */
export type PhoneKind = "office" | "mobile";

/** A phone number as read. */
export interface PhoneNumber {
  kind: PhoneKind;
  /** The number's digits without separators or country code: "02132511306", "63816858", "13800138000". */
  digits: string;
  /** The area code with its 0 ("021", "0591") when one was written. */
  areaCode?: string;
  /** An extension (转123, 分机123, -123). */
  extension?: string;
}

// Several numbers in one cell: "021-32511306，13800138000", "…/…", "…或…".
const LIST_SEPARATOR = /[,;、/\n]|或/;
const LABELLED = /^[^\d]*?[:]\s*/;
const LEADING_WORDS = /^[^\d+(]+/;
const TRAILING_REMARK = /\s*\([^()\d]*\)\s*$/;
const TRAILING_WORDS = /[^\d)]+$/;
const EXTENSION = /\s*(?:转|分机|内线|ext\.?|x|#)\s*(\d{1,6})$/i;
// 021—32511306: the dashes an IME offers instead of "-".
const DASH_VARIANTS = /[—–‐‑‒―─﹣]/g;
const HAS_DASH_VARIANT = /[—–‐‑‒―─﹣]/;
const HAS_EXTENSION_WORD = /转|分机|内线|ext|x|#/i;
const DASH_EXTENSION = /\s*-\s*(\d{1,5})$/;
const SEPARATORS = /[\s\-.()]/g;
const DIGITS_ONLY = /^\+?\d+$/;
const COUNTRY_PREFIX = /^(?:\+86|0086)/;
const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_WITH_COUNTRY = /^861[3-9]\d{9}$/;
// 010 and 02x are three-digit area codes followed by 8 digits; 0xxx (second digit 3–9) take 7 or 8 digits.
const OFFICE_THREE = /^(0(?:10|2\d))([2-9]\d{7})$/;
const OFFICE_FOUR = /^(0[3-9]\d{2})([2-9]\d{6,7})$/;
const LOCAL = /^[2-9]\d{6,7}$/;
const SERVICE = /^[48]00\d{7}$/;
const WHITESPACE = /\s+/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function classify(national: string, extension: string | undefined): PhoneNumber | undefined {
  if (MOBILE.test(national))
    return extension === undefined ? { kind: "mobile", digits: national } : undefined;
  const withArea = OFFICE_THREE.exec(national) ?? OFFICE_FOUR.exec(national);
  const found: PhoneNumber | undefined = withArea
    ? { kind: "office", digits: national, areaCode: withArea[1] ?? "" }
    : LOCAL.test(national) || SERVICE.test(national)
      ? { kind: "office", digits: national }
      : undefined;
  if (found && extension !== undefined) found.extension = extension;
  return found;
}

function nationalDigits(compact: string): string {
  if (COUNTRY_PREFIX.test(compact)) {
    const rest = compact.slice(compact.startsWith("+") ? 3 : 4);
    // +86 21 3251 1306: abroad the area code loses its 0.
    return rest.startsWith("1") || rest.startsWith("0") ? rest : `0${rest}`;
  }
  return MOBILE_WITH_COUNTRY.test(compact) ? compact.slice(2) : compact;
}

function readDigits(s: string, extension: string | undefined): PhoneNumber | undefined {
  const compact = s.replace(SEPARATORS, "");
  if (!DIGITS_ONLY.test(compact)) return undefined;
  return classify(nationalDigits(compact), extension);
}

function readOne(part: string): PhoneNumber | undefined {
  let s = part.indexOf(":") >= 0 ? part.replace(LABELLED, "") : part;
  if (HAS_DASH_VARIANT.test(s)) s = s.replace(DASH_VARIANTS, "-");
  s = s.replace(LEADING_WORDS, "");
  // The end-anchored clean-ups only when the text does not already end in a digit.
  if (!isDigit(s.charCodeAt(s.length - 1))) s = s.replace(TRAILING_REMARK, "").replace(TRAILING_WORDS, "");
  if (s === "") return undefined;
  const ext = HAS_EXTENSION_WORD.test(s) ? EXTENSION.exec(s) : null;
  if (ext) return readDigits(s.slice(0, ext.index), ext[1]);
  const whole = readDigits(s, undefined);
  if (whole) return whole;
  // 021-32511306-123: a short last group after a complete office number is its extension.
  const dashExt = DASH_EXTENSION.exec(s);
  if (dashExt) {
    const withExt = readDigits(s.slice(0, dashExt.index), dashExt[1]);
    if (withExt?.kind === "office") return withExt;
  }
  // International spellings (+86 …, 0086 …, (+86) …, +86 (0)21 …) are read by readDigits once their separators are
  // gone: the checker reads Chinese numbers only, so no other country's numbering plan is needed (issue 15:
  // libphonenumber, which read them before, was a third of the ribbon's bundle for this).
  return undefined;
}

/** A part that may hold numbers separated only by spaces: take the longest readable runs of words. */
function readSpaced(part: string): PhoneNumber[] | undefined {
  const pieces = part.split(WHITESPACE).filter((p) => p !== "");
  if (pieces.length < 2 || pieces.length > 12) return undefined;
  const found: PhoneNumber[] = [];
  let i = 0;
  while (i < pieces.length) {
    let best: { phone: PhoneNumber; next: number } | undefined;
    for (let j = pieces.length; j > i && !best; j--) {
      const phone = readOne(pieces.slice(i, j).join(" "));
      if (phone) best = { phone, next: j };
    }
    if (!best) return undefined;
    found.push(best.phone);
    i = best.next;
  }
  return found;
}

/**
 * Every phone number in a contact cell, in order: office numbers (021-32511306, (021)63816858, （021）63816858,
 * 0591-87612629, 63816858, with 转123 / 分机123 / -123 extensions), mobiles (13800138000, 138 0013 8000,
 * 138-0013-8000, +86 138 0013 8000), service numbers (400-820-8820). Parts that hold no readable number are
 * unreadable results, so a cell with one good and one bad number reports both.
 */
export function readPhones(text: string): ReadResult<PhoneNumber>[] {
  if (typeof text !== "string") return [];
  const half = toHalfWidth(text);
  const results: ReadResult<PhoneNumber>[] = [];
  for (const raw of half.split(LIST_SEPARATOR)) {
    const part = raw.trim();
    if (part === "") continue;
    const phone = readOne(part);
    if (phone) {
      results.push(ok(phone, part));
      continue;
    }
    const spaced = readSpaced(part);
    if (spaced) for (const p of spaced) results.push(ok(p, part));
    else results.push(unreadable(part));
  }
  return results;
}

/** The first phone number of a cell (see {@link readPhones}); empty for a blank cell. */
export function readPhone(text: string): ReadResult<PhoneNumber> {
  return readPhones(text)[0] ?? (typeof text === "string" && text.trim() !== "" ? unreadable(text) : empty());
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

/**
 * A plausible e-mail address (local@domain.tld). Full-width ＠ or ．, spaces inside and a missing top-level
 * domain are errors: mail sent there does not arrive.
 */
export function isValidEmail(text: string): boolean {
  if (typeof text !== "string") return false;
  const t = text.trim();
  return t.length <= 254 && EMAIL.test(t);
}

const POSTCODE = /^\d{6}$/;

/** A Chinese postcode: 6 digits (full-width digits accepted). */
export function isValidPostcode(text: string): boolean {
  return typeof text === "string" && POSTCODE.test(toHalfWidth(text).trim());
}
