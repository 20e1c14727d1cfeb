import { spawnSync } from "node:child_process";
import * as zlib from "node:zlib";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FONT_FACES } from "../../src/core/templates/fonts";

/*
 * LibreOffice (headless) as the "real world" reader of the xlsx files the templates are drawn into: the test and
 * scripts/render-templates.ts convert with it and read the PDFs back.
 */

/** The soffice binary, or undefined when LibreOffice is not installed (SOFFICE overrides the search). */
export function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE, "soffice", "libreoffice"].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["--version"], { encoding: "utf8", timeout: 60_000 });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A fontconfig file that keeps the system's configuration and maps the forms' font names (宋体, 仿宋, 黑体) to their
 * fallbacks (src/core/templates/fonts.ts), so Linux renders them with the CJK faces it has rather than a Latin font
 * with per-glyph substitution.
 */
export function writeFontConfig(dir: string): string {
  const aliases = FONT_FACES.map(
    (face) =>
      `  <alias binding="same">\n    <family>${escapeXml(face.name)}</family>\n    <prefer>${face.fallbacks
        .map((f) => `<family>${escapeXml(f)}</family>`)
        .join("")}</prefer>\n  </alias>`,
  ).join("\n");
  const file = path.join(dir, "fonts.conf");
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Converts the xlsx files to PDF in one soffice call (one start-up for all of them), with a private profile so it
 * never hands the work to another running LibreOffice. Returns the PDF paths in the files' order.
 */
export function convertToPdf(soffice: string, files: readonly string[], outDir: string): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-lo-"));
  try {
    const fontConfig = writeFontConfig(work);
    const profile = `file://${path.join(work, "profile")}`;
    const result = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      {
        encoding: "utf8",
        timeout: 240_000,
        env: { ...process.env, FONTCONFIG_FILE: fontConfig },
      },
    );
    if (result.status !== 0)
      throw new Error(`soffice failed (${result.status}): ${result.stderr || result.stdout}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

export interface PdfPage {
  width: number;
  height: number;
}

/**
 * The pages of a PDF as LibreOffice writes it (page dictionaries in the clear, no object streams): each page's
 * MediaBox, or the page tree's when the page has none.
 */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString("latin1");
  const box = (s: string) => {
    const m = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(s);
    return m ? { width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) } : undefined;
  };
  const tree = /\/Type\s*\/Pages\b[^]*?>>/.exec(text);
  const fallback = tree ? box(tree[0]) : undefined;
  const pages: PdfPage[] = [];
  for (const m of text.matchAll(/\/Type\s*\/Page(?!s)\b[^]*?>>/g)) {
    const b = box(m[0]) ?? fallback;
    if (b) pages.push(b);
  }
  return pages;
}

/** A4 in PDF points (595.3 × 841.9), either way round. */
export function isA4(page: PdfPage, orientation: "portrait" | "landscape"): boolean {
  const [w, h] = orientation === "portrait" ? [595.3, 841.9] : [841.9, 595.3];
  return Math.abs(page.width - w) < 1 && Math.abs(page.height - h) < 1;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+)\s+0\s+obj\b([^]*?)\bendobj/g)) {
    const body = m[2] ?? "";
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const start =
      (m.index ?? 0) + m[0].indexOf(body) + at + (/\bstream\r\n/.test(body.slice(at, at + 8)) ? 8 : 7);
    // A direct /Length only ("/Length 12 0 R" is a reference; then the stream runs to "endstream").
    const length = /\/Length\s+(\d+)\s*(?:\/|>>)/.exec(dict);
    const end = length ? start + Number(length[1]) : (m.index ?? 0) + m[0].lastIndexOf("endstream");
    let stream = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict))
      stream = zlib.inflateSync(stream, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    objects.set(Number(m[1]), { dict, stream });
  }
  return objects;
}

const hexToBytes = (hex: string) => Buffer.from(hex.replace(/\s/g, ""), "hex");
const utf16 = (hex: string) => {
  const bytes = hexToBytes(hex);
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
};

/** A ToUnicode CMap: character code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g))
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(m[1] ?? "0", 16), utf16(m[2] ?? ""));
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g))
    for (const m of (block[1] ?? "").matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const lo = parseInt(m[1] ?? "0", 16);
      const hi = parseInt(m[2] ?? "0", 16);
      if (m[3] !== undefined) {
        const base = utf16(m[3]);
        for (let c = lo; c <= hi; c++)
          map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      } else {
        const items = [...(m[4] ?? "").matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1] ?? ""));
        items.forEach((t, i) => map.set(lo + i, t));
      }
    }
  return map;
}

/** The dictionary text of a value that may be an indirect reference ("12 0 R") or inline ("<< … >>"). */
function resolveDict(objects: Map<number, PdfObject>, value: string): string {
  const ref = /^\s*(\d+)\s+0\s+R/.exec(value);
  return ref ? (objects.get(Number(ref[1]))?.dict ?? "") : value;
}

/** The dictionary that follows a key, inline or by reference. */
function dictAfter(objects: Map<number, PdfObject>, dict: string, key: string): string {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return "";
  const rest = dict.slice(at + key.length + 1);
  const ref = /^\s*(\d+\s+0\s+R)/.exec(rest);
  if (ref) return resolveDict(objects, ref[1] ?? "");
  if (!/^\s*<</.test(rest)) return "";
  let depth = 0;
  for (let i = rest.indexOf("<<"); i < rest.length; i++) {
    if (rest.startsWith("<<", i)) {
      depth++;
      i++;
    } else if (rest.startsWith(">>", i)) {
      depth--;
      i++;
      if (depth === 0) return rest.slice(0, i + 1);
    }
  }
  return rest;
}

/** A run of text drawn on a page: where it starts and (from the font's widths) where it ends, in PDF points. */
export interface PdfTextRun {
  text: string;
  x0: number;
  x1: number;
  /** The baseline. */
  y: number;
  /** The font size in points. */
  size: number;
}

interface FontInfo {
  map: Map<number, string>;
  /** Bytes per character code: 2 for Type0 fonts, else 1. */
  width: number;
  first: number;
  widths: number[];
}

function fontInfo(objects: Map<number, PdfObject>, dict: string): FontInfo {
  const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(dict);
  const cmap = toUnicode ? (objects.get(Number(toUnicode[1]))?.stream?.toString("latin1") ?? "") : "";
  const widths = /\/Widths\s*\[([^\]]*)\]/.exec(dict)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return {
    map: parseCMap(cmap),
    width: /\/Subtype\s*\/Type0/.test(dict) ? 2 : 1,
    first: Number(/\/FirstChar\s+(\d+)/.exec(dict)?.[1] ?? 0),
    widths,
  };
}

/**
 * The text LibreOffice drew on each page, read from the PDF's content streams through each font's ToUnicode map,
 * with where each run starts and ends. LibreOffice positions every run with Td inside BT … ET; a run that starts or
 * ends outside the page is text cut off by the page edge.
 */
export function pdfTextRuns(pdf: Buffer): PdfTextRun[][] {
  const objects = pdfObjects(pdf);
  const pages = [...objects.entries()]
    .filter(([, o]) => /\/Type\s*\/Page(?!s)\b/.test(o.dict))
    .sort(([a], [b]) => a - b);
  // Pages in document order: follow the page tree's Kids.
  const tree = [...objects.values()].find(
    (o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict),
  );
  const order = tree
    ? [...(/\/Kids\s*\[([^\]]*)\]/.exec(tree.dict)?.[1] ?? "").matchAll(/(\d+)\s+0\s+R/g)].map((m) =>
        Number(m[1]),
      )
    : [];
  const sorted =
    order.length === pages.length ? order.map((id) => [id, objects.get(id) as PdfObject] as const) : pages;
  const result: PdfTextRun[][] = [];
  for (const [, page] of sorted) {
    const resources = dictAfter(objects, page.dict, "Resources");
    const fontDict = dictAfter(objects, resources, "Font");
    const fonts = new Map<string, FontInfo>();
    for (const m of fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+)\s+0\s+R/g))
      fonts.set(m[1] ?? "", fontInfo(objects, objects.get(Number(m[2]))?.dict ?? ""));
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+)\s+0\s+R)/.exec(page.dict);
    const ids =
      contents?.[1] !== undefined
        ? [...contents[1].matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]))
        : [Number(contents?.[2])];
    const runs: PdfTextRun[] = [];
    for (const id of ids) {
      const stream = objects.get(id)?.stream?.toString("latin1") ?? "";
      let font: FontInfo = { map: new Map(), width: 1, first: 0, widths: [] };
      let size = 12;
      let x = 0;
      let y = 0;
      const ops =
        /\bBT\b|([-\d.]+)\s+([-\d.]+)\s+T[dD]\b|[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s+([-\d.]+)\s+Tm\b|\/([^\s/<>[\]]+)\s+([-\d.]+)\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g;
      for (const m of stream.matchAll(ops)) {
        if (m[0] === "BT") {
          x = 0;
          y = 0;
        } else if (m[1] !== undefined) {
          x += Number(m[1]);
          y += Number(m[2]);
        } else if (m[3] !== undefined) {
          x = Number(m[3]);
          y = Number(m[4]);
        } else if (m[5] !== undefined) {
          font = fonts.get(m[5]) ?? font;
          size = Number(m[6]);
        } else {
          const hexes =
            m[7] !== undefined
              ? [m[7]]
              : [...(m[8] ?? "").matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => h[1] ?? "");
          let text = "";
          let advance = 0;
          for (const hex of hexes) {
            const bytes = hexToBytes(hex);
            for (let i = 0; i + font.width - 1 < bytes.length; i += font.width) {
              const code = font.width === 2 ? bytes.readUInt16BE(i) : (bytes[i] as number);
              text += font.map.get(code) ?? "";
              advance += ((font.widths[code - font.first] ?? 1000) / 1000) * size;
            }
          }
          runs.push({ text, x0: x, x1: x + advance, y, size });
        }
      }
    }
    result.push(runs);
  }
  return result;
}

/** The text of each page (runs joined), for "is every word there" checks. */
export function pdfPageTexts(pdf: Buffer): string[] {
  return pdfTextRuns(pdf).map((runs) => runs.map((r) => r.text).join(""));
}

/**
 * Where a run stands against its page: "in" when wholly on it, "out" when wholly off it (LibreOffice draws the text of
 * a merged cell that straddles a page break on both pages; the copy off the page does not print), "cut" when the page
 * edge cuts through it. CJK glyphs reach about 0.88 em above the baseline and 0.12 em below it.
 */
export function runPlacement(run: PdfTextRun, page: PdfPage): "in" | "out" | "cut" {
  const top = run.y + 0.88 * run.size;
  const bottom = run.y - 0.12 * run.size;
  const tolerance = 0.5;
  if (
    run.x1 <= tolerance ||
    run.x0 >= page.width - tolerance ||
    bottom >= page.height - tolerance ||
    top <= tolerance
  )
    return "out";
  const inside =
    run.x0 >= -tolerance &&
    run.x1 <= page.width + tolerance &&
    bottom >= -tolerance &&
    top <= page.height + tolerance;
  return inside ? "in" : "cut";
}
