// Tick boxes as Word stores them, turned into the characters the engine's choice reader (core/read/choice.ts)
// understands: ☑ for a marked box, □ for an empty one, √ for a bare check mark, ■ for a filled square.
//
// Word writes a symbol either as w:sym (w:font="Wingdings 2" w:char="F052") or as ordinary text in a run whose font
// is a symbol font: the letter "R" in Wingdings 2 prints as a ticked box, "£" as an empty one. The code may be the
// font's own byte (0x52) or that byte in the private-use area (0xF052), which is how Word stores symbol-font text.

export const MARKED = "☑";
export const EMPTY = "□";

// Font → (byte → character shown). Only the glyphs people use as boxes and marks are listed; other symbols of these
// fonts are decorations, read as nothing rather than as stray letters.
const SYMBOL_FONTS: Record<string, Record<number, string>> = {
  wingdings: {
    0x6f: EMPTY, // o  white square
    0x71: EMPTY, // q  shadowed white square
    0x72: EMPTY, // r  shadowed white square
    0xa8: EMPTY, // ¨  ballot box
    0x6e: "■", // n  black square
    0xa7: "■", // §  small black square
    0x78: "☒", // x  box with X
    0xfd: "☒", // ý  ballot box with X
    0xfe: MARKED, // þ  ballot box with check
    0xfc: "√", // ü  check mark
    0xfb: "×", // û  ballot X (a cross, not a box)
    0x6c: "●", // l  black circle
    0xa1: "○", // ¡  white circle
  },
  "wingdings 2": {
    0x52: MARKED, // R  ballot box with check
    0x53: "☒", // S  ballot box with X
    0x54: "☒", // T  ballot box with X (bold)
    0xa3: EMPTY, // £  ballot box
    0x2a: EMPTY, // *  white square
    0x50: "√", // P  check mark
    0x51: "×", // Q  ballot X
    0x4f: "×", // O  ballot X
    0x99: "●", // ™  black circle
    0x97: "○", // —  white circle
  },
  symbol: {
    0xd6: "√", // Ö  radical sign, often used as a tick
    0xb4: "×", // ´  multiplication sign
    0xa0: EMPTY, // box in some renderings
  },
  webdings: {
    0x61: "√", // a  check mark
    0x63: EMPTY, // c  white square
    0x67: "■", // g  black square
  },
};

/** The canonical key of a font name, when it is a symbol font we map ("Wingdings 2", "WINGDINGS" …). */
export function symbolFontKey(font: string | undefined): string | undefined {
  if (!font) return undefined;
  const key = font.trim().toLowerCase().replace(/\s+/g, " ");
  return key in SYMBOL_FONTS ? key : undefined;
}

/** The character a code of a symbol font shows, or undefined when it is not a box or mark. */
export function symbolChar(fontKey: string, code: number): string | undefined {
  const table = SYMBOL_FONTS[fontKey];
  if (!table) return undefined;
  // Symbol-font text is stored in the private-use area U+F000–U+F0FF, or as the font's own byte.
  const byte = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  return table[byte];
}

/** Text typed in a symbol font, as shown: boxes and marks kept, every other glyph dropped. */
export function symbolText(fontKey: string, text: string): string {
  let out = "";
  for (const ch of text) {
    const shown = symbolChar(fontKey, ch.codePointAt(0) as number);
    if (shown !== undefined) out += shown;
    else if (/\s/.test(ch)) out += ch;
  }
  return out;
}

/** A w:sym element's character (w:char is hex, "F052" or "0052"), as shown. */
export function symChar(font: string | undefined, hex: string | undefined): string {
  if (!hex || !/^[0-9a-fA-F]{1,6}$/.test(hex)) return "";
  const code = parseInt(hex, 16);
  const key = symbolFontKey(font);
  if (key) return symbolChar(key, code) ?? "";
  // A w:sym in an ordinary font (MS Gothic's ☒ U+2612 and the like) shows the character itself.
  if (code >= 0xf000 && code <= 0xf0ff) return "";
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** Unicode box characters Word's content-control check boxes and people's typing use, normalised. */
export function normaliseBoxes(text: string): string {
  return text.replace(/[☐]/g, EMPTY).replace(/[✅]/g, MARKED);
}
