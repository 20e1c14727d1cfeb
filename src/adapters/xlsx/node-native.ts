// Node only: the native inflater and ASCII decoder the CLI's reader uses (WorkbookPackage.useNative). The browser
// file mode keeps fflate and TextDecoder.
import { isAscii } from "node:buffer";
import { inflateRawSync } from "node:zlib";
import type { AsciiText, RawInflate } from "./package";

/** Deflate expands at most about 1032:1: no part inflates past this many times its compressed size. */
const MAX_RATIO = 1032;
/** The largest output buffer sized from a part's claimed size; a larger part is gathered in zlib's chunks. */
const MAX_CLAIMED_BUFFER = 64 * 1024 * 1024;

/**
 * zlib's inflater, stopped at `maxOutput`. With the size the zip claims (and within what the data could inflate to)
 * the output is made in one buffer of that size: in zlib's default 16 KB chunks, a 5 MB sheet would be gathered and
 * copied again at the end. A false claim costs only that: a smaller one is gathered in chunks, a larger one is a
 * buffer bounded by the data's own size.
 */
export const nodeRawInflate: RawInflate = (data, maxOutput, claimedSize) => {
  const bound = Math.min(maxOutput, data.length * MAX_RATIO + 64, MAX_CLAIMED_BUFFER);
  const chunkSize = claimedSize > 0 && claimedSize < bound ? Math.max(64, claimedSize + 1) : undefined;
  return inflateRawSync(
    data,
    chunkSize ? { maxOutputLength: maxOutput, chunkSize } : { maxOutputLength: maxOutput },
  );
};

/** ASCII bytes as a string by Node's latin1 copy (same characters, no UTF-8 decoding); undefined for other bytes. */
export const nodeAsciiText: AsciiText = (bytes) =>
  isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1") : undefined;
