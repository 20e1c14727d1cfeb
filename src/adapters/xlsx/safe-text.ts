import type { CellValue } from "../../core/grid/types";

// A cell text that starts with one of these is taken as a formula (or DDE payload) by Excel, WPS and LibreOffice
// when it is typed, pasted or exported to CSV: = + - @, and tab / carriage return that some tools skip before them.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text the product writes into a workbook, made inert: a leading ' (what Excel itself shows for "text that looks
 * like a formula") is put before any text that could start a formula. Everything else is returned unchanged.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as the product writes it: strings neutralised, numbers, booleans, dates and empties as they are. */
export function safeCellValue(value: CellValue | undefined): CellValue {
  if (value === undefined) return null;
  return typeof value === "string" ? xmlSafeText(neutraliseText(value)) : value;
}

// Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; U+FFFE and U+FFFF; surrogates not in a pair.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text made safe to write into a workbook's XML: every character XML 1.0 cannot hold becomes Excel's own escape
 * for it (_x001B_), which Excel and this project's reader turn back into the character, so nothing is lost and the
 * written part stays well-formed. (ExcelJS writes strings as they are, so an ESC read from a file would otherwise
 * make the copy unreadable.)
 */
export function xmlSafeText(text: string): string {
  return text.replace(
    XML_INVALID,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/** A name written where Excel reads no escapes (a sheet name): invalid characters become U+FFFD. */
export function xmlSafeName(text: string): string {
  return text.replace(XML_INVALID, "\uFFFD");
}

/** A cell value as the product writes it: neutralised against formula injection and safe for XML. */
export function writableText(text: string): string {
  return xmlSafeText(neutraliseText(text));
}

// Controls a terminal acts on: C0 (but LF, which the report places itself), DEL, C1 (0x9B is CSI in some
// terminals), and the bidirectional overrides that reorder what is shown.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from a file (cell text, sheet and file names) as it may be printed to a terminal: every control character is
 * shown visibly as \xHH or \uHHHH instead of being sent, so a cell cannot set the window title, clear the screen
 * or ring the bell. Newlines inside a value are shown as \n so that a value cannot forge report lines.
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  const escaped = text.replace(TERMINAL_UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
  return keepNewlines ? escaped : escaped.replace(/\n/g, "\\n");
}
