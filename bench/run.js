#!/usr/bin/env node
// Runs a benchmark written in TypeScript: bundles bench/<name>.ts with esbuild into .tmp/ and runs it with GC exposed
// (so peak-heap figures are measured after a collection). Usage: node bench/run.js engine
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const fs = require("node:fs");

const name = process.argv[2];
if (!name) {
  console.error("usage: node bench/run.js <engine|office|files> [args]");
  process.exit(2);
}
const root = path.join(__dirname, "..");
const entry = path.join(__dirname, `${name}.ts`);
if (!fs.existsSync(entry)) {
  console.error(`no benchmark bench/${name}.ts`);
  process.exit(2);
}
const out = path.join(root, ".tmp", `bench-${name}.js`);
require("esbuild").buildSync({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  target: "node20",
  packages: "external",
  outfile: out,
  logLevel: "warning",
});
execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", out, ...process.argv.slice(3)], {
  stdio: "inherit",
  cwd: root,
});
