/**
 * The table of contents of a zip file (an .xlsx is one), read from its central directory without inflating
 * anything. It tells a truncated download from a whole file before a zip library tries to read it, and it gives
 * the size of every worksheet so that huge sheets can be measured before they are loaded.
 */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

export type ZipIndex =
  { ok: true; entries: ZipEntryInfo[] } | { ok: false; reason: "no-directory" | "truncated" | "bad-entry" };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let i = bytes.length - 22; i >= lowest; i--) if (dv.getUint32(i, true) === EOCD) return i;
  return -1;
}

function readBig(dv: DataView, at: number): number {
  return Number(dv.getBigUint64(at, true));
}

/** Sizes and offset from a ZIP64 extra field, for the fields the central record left at 0xFFFFFFFF. */
function zip64Fields(dv: DataView, start: number, end: number, entry: ZipEntryInfo): void {
  for (let p = start; p + 4 <= end;) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      // The extra field holds only the values that overflowed, in this order.
      if (entry.uncompressedSize === 0xffffffff && q + 8 <= end) {
        entry.uncompressedSize = readBig(dv, q);
        q += 8;
      }
      if (entry.compressedSize === 0xffffffff && q + 8 <= end) {
        entry.compressedSize = readBig(dv, q);
        q += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff && q + 8 <= end) entry.localHeaderOffset = readBig(dv, q);
      return;
    }
    p += 4 + size;
  }
}

/** Read the central directory of a zip file; says why when the file is cut short or malformed. */
export function readZipIndex(bytes: Uint8Array): ZipIndex {
  if (bytes.length < 22) return { ok: false, reason: "no-directory" };
  const dv = view(bytes);
  const eocd = findEndOfDirectory(bytes, dv);
  if (eocd < 0) return { ok: false, reason: "no-directory" };
  let count = dv.getUint16(eocd + 10, true);
  let dirSize = dv.getUint32(eocd + 12, true);
  let dirOffset = dv.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || dirOffset === 0xffffffff) &&
    eocd >= 20 &&
    dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const z = readBig(dv, eocd - 12);
    if (z + 56 > bytes.length || dv.getUint32(z, true) !== ZIP64_EOCD)
      return { ok: false, reason: "truncated" };
    count = readBig(dv, z + 32);
    dirSize = readBig(dv, z + 40);
    dirOffset = readBig(dv, z + 48);
  }
  if (dirOffset + dirSize > bytes.length) return { ok: false, reason: "truncated" };
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL) return { ok: false, reason: "bad-entry" };
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const entry: ZipEntryInfo = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    const extraStart = p + 46 + nameLength;
    zip64Fields(dv, extraStart, extraStart + extraLength, entry);
    if (entry.localHeaderOffset + 30 + entry.compressedSize > bytes.length)
      return { ok: false, reason: "truncated" };
    entries.push(entry);
    p = extraStart + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed bytes start (after its local header); -1 when the local header is not there. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntryInfo): number {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) return -1;
  return at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
}
