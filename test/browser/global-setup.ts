// Once per browser-test run: the production build (office.js from the build itself) in a temporary folder, served
// on a free localhost port. The test files find both through environment variables; the teardown ends them.

import * as fs from "node:fs";
import * as path from "node:path";
import { bundleSizes, buildPane, ENV_BUILD_MS, ENV_DIST, ENV_URL, serveBuiltPane, tempDir } from "./harness";

/** Set to a folder holding a build made as buildPane makes it, to skip building (when iterating on tests). */
const PREBUILT = "YANXIU_BROWSER_PREBUILT";

export default async function globalSetup(): Promise<void> {
  const prebuilt = process.env[PREBUILT];
  let dist: string;
  let ms = 0;
  if (prebuilt) dist = path.resolve(prebuilt);
  else {
    dist = tempDir("yanxiu-browser-dist-");
    ms = await buildPane(dist);
  }
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error(`No build in ${dist}`);
  const server = await serveBuiltPane(dist);
  (globalThis as { yanxiuBrowser?: unknown }).yanxiuBrowser = { server, dist, owned: !prebuilt };
  process.env[ENV_DIST] = dist;
  process.env[ENV_URL] = server.url;
  process.env[ENV_BUILD_MS] = String(ms);
  const sizes = bundleSizes(dist);
  console.log(
    `\nbrowser tests: production build ${prebuilt ? "(prebuilt)" : `in ${(ms / 1000).toFixed(1)} s`}; ` +
      `taskpane.js ${sizes.taskpaneKb} KB, gzip ${sizes.taskpaneGzipKb} KB; exceljs.js (file mode only) gzip ${sizes.exceljsGzipKb} KB; ` +
      `served at ${server.url}`,
  );
}
