#!/usr/bin/env node
// The `yanxiu` command. The CLI itself is TypeScript bundled by esbuild into lib/cli.js (`npm run build:cli`,
// run by `npm ci` through the "prepare" script); this file only finds it and hands over the arguments.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const built = path.join(__dirname, "..", "lib", "cli.js");
if (!fs.existsSync(built)) {
  process.stderr.write(
    [
      "yanxiu 尚未构建：找不到 lib/cli.js。请在项目目录中运行 `npm run build:cli`（或 `npm ci`，它会自动构建）后再试。",
      "yanxiu is not built: lib/cli.js is missing. Run `npm run build:cli` (or `npm ci`, which builds it) in the project directory, then try again.",
      "",
    ].join("\n"),
  );
  process.exitCode = 2;
} else {
  require(built)
    .runFromProcess(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
