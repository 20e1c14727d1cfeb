/**
 * What a file really is, from its first bytes, whatever its extension says. People rename files, systems export
 * web pages as "xls", and WPS saves .et: each needs its own clear message instead of a zip library's stack trace.
 */
export type FileKind =
  | { kind: "empty" }
  | { kind: "zip" }
  /**
   * An OLE compound file: an encrypted (password-protected) workbook or document, an old .xls / .et, or an old Word
   * .doc / WPS .wps (`word`: it holds a WordDocument stream).
   */
  | { kind: "ole"; encrypted: boolean; word: boolean }
  /** A bare BIFF2–4 worksheet stream (Excel 2.x–4.0 .xls, not inside an OLE file). */
  | { kind: "biff" }
  | { kind: "html" }
  /** A flat OpenDocument spreadsheet (.fods): one XML text file. */
  | { kind: "fods" }
  /** Text: `csv` when its lines are split by commas, semicolons or tabs. */
  | { kind: "text"; csv: boolean }
  | { kind: "other" };

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEAD_BYTES = 4096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out.push(code & 0xff, code >> 8);
  }
  return out;
}

function includesBytes(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0] as number;
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i + pattern.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return true;
  }
  return false;
}

// Office writes an encrypted OOXML workbook as an OLE file with these two streams (MS-OFFCRYPTO); their names are
// stored in UTF-16LE in the compound file's directory.
const ENCRYPTED_STREAMS = [utf16le("EncryptedPackage"), utf16le("EncryptionInfo")];
// Word 97–2003 (.doc) and WPS 文字 (.wps) keep their text in a stream of this name.
const WORD_STREAM = utf16le("WordDocument");

function looksLikeText(head: Uint8Array): boolean {
  let start = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) start = 3;
  for (let i = start; i < head.length; i++) {
    const b = head[i] as number;
    // Control bytes other than tab, LF, CR (and form feed) do not occur in text in any of the encodings people use
    // here (UTF-8, GB18030/GBK): a zero byte or such a control byte means binary.
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return false;
  }
  return head.length > start;
}

function decodeHead(head: Uint8Array): string {
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(head.subarray(2));
  return new TextDecoder("utf-8", { fatal: false }).decode(head);
}

function isCsvLike(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 5);
  if (lines.length === 0) return false;
  return lines.some((l) => /[,;\t]/.test(l));
}

/** Classify a file from its bytes (the whole file, or at least its first 4 KB for everything but OLE detail). */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return { kind: "zip" };
  if (startsWith(bytes, OLE))
    return {
      kind: "ole",
      encrypted: ENCRYPTED_STREAMS.some((p) => includesBytes(bytes, p)),
      word: includesBytes(bytes, WORD_STREAM),
    };
  // A BOF record (0x0009, 0x0209 or 0x0409, little-endian) of 4–16 bytes opens an Excel 2.x–4.0 worksheet.
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04].includes(bytes[1] ?? -1) && (bytes[3] ?? 1) === 0) {
    const length = bytes[2] ?? 0;
    if (length >= 4 && length <= 16) return { kind: "biff" };
  }
  const head = bytes.subarray(0, HEAD_BYTES);
  // Excel's "Unicode text" export is UTF-16LE with a BOM: text, though it holds zero bytes.
  const utf16 = startsWith(head, [0xff, 0xfe]);
  if (utf16 || looksLikeText(head)) {
    const text = decodeHead(head);
    if (/<(!doctype\s+html|html|table|\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048)))
      return { kind: "html" };
    if (
      /<office:document\b[^>]*opendocument\.spreadsheet|<office:document\b[\s\S]*<office:spreadsheet\b/.test(
        text,
      )
    )
      return { kind: "fods" };
    return { kind: "text", csv: isCsvLike(text) };
  }
  return { kind: "other" };
}
