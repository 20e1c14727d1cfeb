#!/usr/bin/env node
// Draws the add-in's icons (assets/*.png) from a few geometric shapes, so the PNGs can be rebuilt and
// reviewed from source instead of being opaque binaries of unknown origin. No image library: a tiny
// supersampling rasteriser and a PNG writer on top of zlib.
//
//   node scripts/draw-icons.js          writes assets/icon-{16,32,64,80,128}.png and assets/validate-{16,32,80}.png
//
// icon-*      the product mark: a sheet of paper with a green badge carrying a white check
//             (the add-in, the 研修申报助手 button, store listing sizes)
// validate-*  the 校验 ribbon button: the badge alone, so the two buttons differ at a glance

"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const GREEN = [16, 124, 65]; // Excel's own green, so the mark reads as belonging in the ribbon
const PAPER = [255, 255, 255];
const INK = [95, 107, 122]; // outline of the page: dark enough for 16 px, softer than black
const LINES = [176, 186, 197];

// --- geometry (unit square, y down) --------------------------------------------------------------

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insidePolygon(px, py, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function nearPolyline(px, py, points, halfWidth, closed) {
  const last = closed ? points.length : points.length - 1;
  for (let i = 0; i < last; i++) {
    if (distanceToSegment(px, py, points[i], points[(i + 1) % points.length]) <= halfWidth) return true;
  }
  return false;
}

/**
 * A layer is a colour and a predicate "is this point covered?" over the unit square.
 * `pixel` is the size of one pixel in unit coordinates, so strokes can keep a 1 px minimum.
 */
function productLayers(size, { withPage }) {
  const pixel = 1 / size;
  const stroke = Math.max(pixel * 1.1, 0.05);
  const layers = [];
  if (withPage) {
    const [x0, y0, x1, y1, fold] = [0.12, 0.04, 0.7, 0.92, 0.18];
    const page = [
      [x0, y0],
      [x1 - fold, y0],
      [x1, y0 + fold],
      [x1, y1],
      [x0, y1],
    ];
    const dogEar = [
      [x1 - fold, y0],
      [x1 - fold, y0 + fold],
      [x1, y0 + fold],
    ];
    layers.push({ color: PAPER, covers: (x, y) => insidePolygon(x, y, page) });
    // Text lines on the page only where there are enough pixels to show them as lines.
    if (size >= 32) {
      const lineHalf = Math.max(pixel * 0.6, 0.022);
      const rows = [0.3, 0.42, 0.54];
      layers.push({
        color: LINES,
        covers: (x, y) => rows.some((r) => Math.abs(y - r) <= lineHalf && x >= x0 + 0.1 && x <= x1 - 0.12),
      });
    }
    layers.push({ color: INK, covers: (x, y) => nearPolyline(x, y, page, stroke / 2, true) });
    layers.push({ color: INK, covers: (x, y) => nearPolyline(x, y, dogEar, stroke / 2, false) });
  }
  const badge = withPage ? { cx: 0.66, cy: 0.68, r: 0.31 } : { cx: 0.5, cy: 0.5, r: 0.47 };
  const check = [
    [-0.5, 0.02],
    [-0.15, 0.36],
    [0.5, -0.32],
  ].map(([dx, dy]) => [badge.cx + dx * badge.r, badge.cy + dy * badge.r]);
  const checkHalf = Math.max(pixel * 0.75, badge.r * 0.14);
  // A white ring around the badge keeps it apart from the page outline underneath.
  if (withPage) {
    const ring = badge.r + Math.max(pixel, 0.035);
    layers.push({ color: PAPER, covers: (x, y) => Math.hypot(x - badge.cx, y - badge.cy) <= ring });
  }
  layers.push({ color: GREEN, covers: (x, y) => Math.hypot(x - badge.cx, y - badge.cy) <= badge.r });
  layers.push({ color: PAPER, covers: (x, y) => nearPolyline(x, y, check, checkHalf, false) });
  return layers;
}

// --- rasterising -----------------------------------------------------------------------------------

const SAMPLES = 6; // 6x6 samples per pixel: smooth edges without a real anti-aliasing algorithm

/** Renders layers (painted in order, each fully opaque where it covers) into straight RGBA bytes. */
function rasterise(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let top = null;
          for (const layer of layers) if (layer.covers(x, y)) top = layer.color;
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / n);
    }
  }
  return rgba;
}

// --- PNG ---------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes square RGBA pixels as a PNG (8-bit truecolour with alpha, no interlace, filter 0 rows). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  const jobs = [
    ...[16, 32, 64, 80, 128].map((size) => ({ name: `icon-${size}.png`, size, withPage: true })),
    ...[16, 32, 80].map((size) => ({ name: `validate-${size}.png`, size, withPage: false })),
  ];
  for (const job of jobs) {
    const png = encodePng(job.size, rasterise(job.size, productLayers(job.size, job)));
    fs.writeFileSync(path.join(outDir, job.name), png);
    console.log(`assets/${job.name}  ${job.size}x${job.size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32 };
