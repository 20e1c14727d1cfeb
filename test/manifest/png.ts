// Reads a PNG's pixel size from its IHDR chunk, checking the signature, without decoding the image.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngSize {
  width: number;
  height: number;
}

/** Width and height of a PNG file's bytes; throws when they are not a PNG. */
export function pngSize(bytes: Buffer): PngSize {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  // The first chunk must be IHDR: 4 bytes length, 4 bytes type, then width and height as big-endian uint32.
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error("PNG without IHDR as its first chunk");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
