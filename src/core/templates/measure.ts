/**
 * Rough text metrics for laying out Chinese forms without a renderer: how wide a text is in Excel's width unit
 * (the width of "0" in the workbook's default 11 pt font, about 7 px) and how many lines it wraps to.
 * The figures lean generous: a row that is a little too tall prints fine, a row that is too short cuts text off.
 */

/** The font size the width unit is measured against. */
const BASE_SIZE = 11;
/** A CJK character (or a full-width form) at 11 pt: 14.7 px against the 7 px unit. */
const WIDE_UNITS = 2.15;
const NARROW_UNITS = 1.1;
/** Points per line of wrapped text, per point of font size (Noto/宋体 CJK line boxes run 1.3–1.45 em). */
const LINE_FACTOR = 1.45;
/** Cell padding above and below, in points. */
const ROW_PADDING = 6;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    // □ ☑ and the other boxes are drawn full width by CJK fonts.
    (code >= 0x25a0 && code <= 0x25ff) ||
    (code >= 0x2610 && code <= 0x2612) ||
    code >= 0x20000
  );
}

/** Width of one line of text in width units at the given font size. */
export function textUnits(text: string, fontSize = BASE_SIZE): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += isWide(code) ? WIDE_UNITS : NARROW_UNITS;
  }
  return (units * fontSize) / BASE_SIZE;
}

/** How many lines a text wraps to in a cell `widthUnits` wide (explicit line breaks kept). */
export function wrappedLines(text: string, widthUnits: number, fontSize = BASE_SIZE): number {
  // Excel leaves about one unit of padding inside the cell.
  const usable = Math.max(1, widthUnits - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    const units = textUnits(paragraph, fontSize);
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/** Row height in points that shows `lines` lines of text at the font size. */
export function heightForLines(lines: number, fontSize = BASE_SIZE): number {
  return Math.ceil(lines * fontSize * LINE_FACTOR + ROW_PADDING);
}

/** The column width (in units) that holds the text on one line, with padding. */
export function widthForText(text: string, fontSize = BASE_SIZE): number {
  return Math.ceil(textUnits(text, fontSize) + 2);
}
