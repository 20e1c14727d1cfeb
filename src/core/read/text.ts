/**
 * The length of free text as the forms count it: characters excluding whitespace (spaces, ideographic spaces,
 * line breaks, zero-width spaces). A CJK character counts 1, and so does a character outside the BMP
 * (a surrogate pair), so 𠀀 is one character, not two.
 */
export function textLength(text: string): number {
  if (typeof text !== "string") return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair was counted with its high half.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    if (isSpace(c)) continue;
    n++;
  }
  return n;
}

function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
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
    c === 0xfeff
  );
}

/**
 * A printed list split at its top-level 、，, — not inside brackets: “电力（含核电、气电）、汽车” is two items. Items are
 * trimmed; empty ones are dropped.
 */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "（" || ch === "(") depth++;
    if (ch === "）" || ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === "、" || ch === "，" || ch === ",")) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}
