// A workbook package (an .xlsx is a zip of XML parts), opened once and read part by part with capped inflation.
// Pure TypeScript over fflate, so the CLI and the browser file mode read files through the same code and the same
// limits. The zip's own directory is used only to find where each part's bytes are: the sizes it claims are never
// believed, since a bomb lies about them. Every part is inflated as a stream and stopped at a hard cap on its output,
// and on the output of the whole package.
import { Inflate } from "fflate";
import { entryDataOffset, readZipIndex, type ZipEntryInfo } from "./zip-index";

/**
 * The ceilings on what one package may inflate to. A real list of the maximum size the checker accepts
 * (SHEET_LIMITS: 1.5 million cells) is about 60-90 MB of sheet XML; a part beyond 160 MB is not a workbook anyone
 * sends, and stopping there keeps the peak of a refused bomb under 600 MB in Node and in a browser tab.
 */
export const PACKAGE_LIMITS = {
  /** Output of any one part. */
  partBytes: 160 * 1024 * 1024,
  /** Output of all the parts read for a check together. */
  totalBytes: 320 * 1024 * 1024,
  /**
   * Output of every part of the package, including images and parts only the copy writer loads: ExcelJS holds
   * all of them in memory at once when it writes an annotated copy.
   */
  copyBytes: 200 * 1024 * 1024,
  /** Parts in one package (a real workbook has tens to a few thousand). */
  entries: 50_000,
} as const;

/** A part (or the package) inflated past a limit: the file is refused as over the limit, not as damaged. */
export class OverLimitError extends Error {
  override readonly name = "OverLimitError";
  constructor(
    /** The part being inflated when the limit was passed. */
    readonly part: string,
    /** Which limit: one part's output, the check's total, or the total a copy needs. */
    readonly limit: "part" | "total" | "copy" | "entries",
    /** The limit in bytes (or parts). */
    readonly bytes: number,
  ) {
    super(`${part}: over the ${limit} limit of ${bytes}`);
  }
}

/** A part that cannot be inflated (bad deflate data, an unknown compression method, no local header). */
export class DamagedPartError extends Error {
  override readonly name = "DamagedPartError";
  constructor(
    readonly part: string,
    readonly reason: string,
  ) {
    super(`${part}: ${reason}`);
  }
}

/**
 * A one-shot raw-deflate inflater that stops at `maxOutput` bytes (throwing, or returning more than `maxOutput`
 * bytes, when the data inflates further). Node passes zlib's, several times faster than fflate; the browser uses
 * fflate's streaming inflater. `claimedSize` is the size the zip's directory gives: a hint for the buffer, never a
 * limit (a bomb lies about it).
 */
export type RawInflate = (data: Uint8Array, maxOutput: number, claimedSize: number) => Uint8Array;

/** The text of bytes that are all ASCII, faster than TextDecoder (Node's latin1 copy); undefined for any others. */
export type AsciiText = (bytes: Uint8Array) => string | undefined;

/** The visitor of a streamed part: return false to stop inflating (the rest of the part is never produced). */
export type ChunkVisitor = (chunk: Uint8Array) => boolean | void;

// Compressed bytes are fed to the inflater in slices this big: deflate expands at most ~1032:1, so one slice can
// overshoot a cap by at most ~16 MB before the cap is seen.
const SLICE = 16 * 1024;

const decoder = new TextDecoder("utf-8");

let defaultRawInflate: RawInflate | undefined;
let asciiText: AsciiText | undefined;

/** Join chunks into one array (no copy for a single chunk, nor for chunks that lie one after another in a buffer). */
export function concatChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const first = chunks[0];
  if (first && chunks.every((c, i) => i === 0 || adjoins(chunks[i - 1] as Uint8Array, c)))
    return new Uint8Array(first.buffer, first.byteOffset, length);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function adjoins(a: Uint8Array, b: Uint8Array): boolean {
  return a.buffer === b.buffer && a.byteOffset + a.length === b.byteOffset;
}

/** Decode UTF-8 text (a byte-order mark dropped, as XML parsers do). */
export function utf8Text(bytes: Uint8Array): string {
  const utf16 = utf16Endian(bytes);
  if (utf16) return dropByteOrderMark(new TextDecoder(utf16).decode(bytes));
  // A sheet that keeps its strings in the shared-string table is all ASCII (and has no byte-order mark).
  return asciiText?.(bytes) ?? dropByteOrderMark(decoder.decode(bytes));
}

function dropByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * XML parts may be UTF-16 (XML 1.0 appendix F; Excel reads them): told by a byte-order mark, or by the zero bytes
 * around the "<" that opens the part. Everything else is read as UTF-8.
 */
export function utf16Endian(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return "utf-16be";
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return "utf-16le";
  return undefined;
}

/** Resolve a relationship target against the folder of the part that names it ("" for the package root). */
export function resolvePartPath(base: string, target: string): string {
  if (target.startsWith("/")) return normalisePath(target.slice(1));
  const folder = base.includes("/") ? base.slice(0, base.lastIndexOf("/") + 1) : "";
  return normalisePath(folder + target);
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(p).replace(/\\/g, "/").split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** The relationships file of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; "" (the package) → _rels/.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * An opened package: its parts by name, each inflated on request under the caps. Names are matched exactly first,
 * then without regard to case (zip names are case-sensitive, but OPC part names are not, and Excel accepts either).
 */
export class WorkbookPackage {
  readonly entries: readonly ZipEntryInfo[];
  private readonly byName = new Map<string, ZipEntryInfo>();
  private readonly byLowerName = new Map<string, ZipEntryInfo>();
  /** Bytes each part inflated to (counted once per part, however often it is read). */
  private readonly sizes = new Map<string, number>();
  private total = 0;

  constructor(
    readonly bytes: Uint8Array,
    entries: readonly ZipEntryInfo[],
    readonly limits: typeof PACKAGE_LIMITS = PACKAGE_LIMITS,
    private readonly rawInflate: RawInflate | undefined = defaultRawInflate,
  ) {
    this.entries = entries;
    for (const e of entries) {
      if (e.name.endsWith("/")) continue;
      if (!this.byName.has(e.name)) this.byName.set(e.name, e);
      const lower = e.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, e);
    }
  }

  /** Open the bytes of a zip; undefined when they are not one (classify.ts says why). */
  static open(
    bytes: Uint8Array,
    limits: typeof PACKAGE_LIMITS = PACKAGE_LIMITS,
  ): WorkbookPackage | undefined {
    const index = readZipIndex(bytes);
    if (!index.ok) return undefined;
    if (index.entries.length > limits.entries)
      throw new OverLimitError("(zip directory)", "entries", limits.entries);
    return new WorkbookPackage(bytes, index.entries, limits);
  }

  /**
   * Use a native inflater (Node's zlib) for every package opened from now on, and a faster decoder for ASCII parts;
   * the browser keeps fflate and TextDecoder.
   */
  static useNative(inflate: RawInflate | undefined, ascii?: AsciiText): void {
    defaultRawInflate = inflate;
    asciiText = ascii;
  }

  /** The entry of a part, by its exact name or else case-insensitively. */
  entry(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** Every part name (folders left out), in the zip's order. */
  names(): string[] {
    return this.entries.filter((e) => !e.name.endsWith("/")).map((e) => e.name);
  }

  /** Bytes inflated so far by the parts read, for tests and the copy's budget. */
  get inflatedBytes(): number {
    return this.total;
  }

  /**
   * Inflate a part chunk by chunk into `visit`, under the part and total caps; stops early when `visit` returns
   * false. Throws OverLimitError past a cap, DamagedPartError for data that does not inflate.
   */
  stream(
    name: string,
    visit: ChunkVisitor,
    totalLimit: number = this.limits.totalBytes,
    /**
     * The visitor may stop early: a part past the caps is then inflated again in steps (fflate) rather than refused
     * at the cap, so the visitor can stop first. Parts within the caps take the native inflater all the same.
     */
    incremental = false,
  ): void {
    const entry = this.entry(name);
    if (!entry) throw new DamagedPartError(name, "no such part");
    const start = entryDataOffset(this.bytes, entry);
    if (start < 0) throw new DamagedPartError(entry.name, "no local header");
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    const counted = this.sizes.get(entry.name);
    // A part read again does not count twice towards the total.
    const base = counted === undefined ? this.total : this.total - counted;
    let produced = 0;
    let stopped = false;
    const accept = (chunk: Uint8Array) => {
      if (stopped || chunk.length === 0) return;
      produced += chunk.length;
      if (produced > this.limits.partBytes)
        throw new OverLimitError(entry.name, "part", this.limits.partBytes);
      if (base + produced > totalLimit)
        throw new OverLimitError(
          entry.name,
          totalLimit === this.limits.copyBytes ? "copy" : "total",
          totalLimit,
        );
      if (visit(chunk) === false) stopped = true;
    };
    let inflated: Uint8Array | undefined;
    if (entry.method === 8 && this.rawInflate) {
      // The cap is passed to the inflater, which stops there: one byte more than allowed means over the limit.
      const room = Math.min(this.limits.partBytes, totalLimit - base);
      let out: Uint8Array;
      try {
        out = this.rawInflate(data, room + 1, entry.uncompressedSize);
      } catch (error) {
        if (error instanceof OverLimitError) throw error;
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError)
          out = new Uint8Array(room + 1);
        else throw new DamagedPartError(entry.name, error instanceof Error ? error.message : String(error));
      }
      // A visitor that may stop early (a sheet past the cell limits) is given a part past the cap again in steps,
      // so that it stops where its own limit is passed and says so. Only a bomb pays for the second inflation;
      // every other part is inflated once, by the native inflater.
      if (!(incremental && out.length > room)) inflated = out;
    }
    if (entry.method === 0) {
      for (let at = 0; at < data.length && !stopped; at += SLICE * 64)
        accept(data.subarray(at, at + SLICE * 64));
    } else if (inflated) {
      for (let at = 0; at < inflated.length && !stopped; at += SLICE * 64)
        accept(inflated.subarray(at, at + SLICE * 64));
    } else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => accept(chunk));
      try {
        for (let at = 0; at < data.length && !stopped; at += SLICE) {
          const end = Math.min(at + SLICE, data.length);
          inflater.push(data.subarray(at, end), end === data.length);
        }
      } catch (error) {
        if (error instanceof OverLimitError) throw error;
        throw new DamagedPartError(entry.name, error instanceof Error ? error.message : String(error));
      }
    } else {
      throw new DamagedPartError(entry.name, `compression method ${entry.method}`);
    }
    if (!stopped) {
      this.sizes.set(entry.name, produced);
      this.total = base + produced;
    }
  }

  /** A part's bytes, whole, under the caps; undefined when there is no such part. */
  bytesOf(name: string): Uint8Array | undefined {
    if (!this.has(name)) return undefined;
    const chunks: Uint8Array[] = [];
    let length = 0;
    this.stream(name, (chunk) => {
      // fflate reuses no buffers, but a stored part's chunks are views of the file: copy only when joining.
      chunks.push(chunk);
      length += chunk.length;
    });
    return concatChunks(chunks, length);
  }

  /** A part's text (UTF-8), under the caps; undefined when there is no such part. */
  text(name: string): string | undefined {
    const bytes = this.bytesOf(name);
    return bytes === undefined ? undefined : utf8Text(bytes);
  }

  /**
   * Inflate every part of the package without keeping any, under the copy budget: what must hold before ExcelJS,
   * which inflates every part and keeps them all, may load the file to write an annotated copy.
   */
  measureAll(): number {
    let total = 0;
    for (const name of this.names()) {
      const known = this.sizes.get(name);
      if (known !== undefined) {
        total += known;
        if (total > this.limits.copyBytes) throw new OverLimitError(name, "copy", this.limits.copyBytes);
        continue;
      }
      let produced = 0;
      const before = total;
      this.stream(
        name,
        (chunk) => {
          produced += chunk.length;
          if (before + produced > this.limits.copyBytes)
            throw new OverLimitError(name, "copy", this.limits.copyBytes);
        },
        Number.MAX_SAFE_INTEGER,
      );
      total += produced;
    }
    return total;
  }
}
