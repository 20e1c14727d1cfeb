// The browser tests' ground: the production build of the pane (office.js served from the build itself), a static
// server on localhost, and Debian's chromium driven by playwright-core with every request outside localhost refused
// and remembered, so a test can assert that nothing left the machine.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { serveDist, type DistServer } from "../../scripts/serve-dist";

/** The repository: the nearest folder above this file with the project's package.json (also when bundled into .tmp/). */
export const ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && /"name":\s*"yanxiu-desk"/.test(fs.readFileSync(manifest, "utf8")))
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`No yanxiu-desk package.json above ${from}`);
  }
}

/** Debian's chromium (installed by .ci/run); YANXIU_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.YANXIU_CHROMIUM ?? "/usr/bin/chromium";

/** The flags the tests run chromium with: headless, no sandbox (CI runs as root), nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** How long chromium may take to start before the tests give up with a message instead of hanging. */
export const LAUNCH_TIMEOUT_MS = 30_000;

/** The width of the task pane in Excel desktop's default layout; the height of a laptop screen. */
export const PANE_VIEWPORT = { width: 320, height: 900 };

/** Environment variables through which the global setup hands the build and the server to the test files. */
export const ENV_DIST = "YANXIU_BROWSER_DIST";
export const ENV_URL = "YANXIU_BROWSER_URL";
export const ENV_BUILD_MS = "YANXIU_BROWSER_BUILD_MS";

/** Writes the production build with office.js copied in (OFFICE_JS=local) into `outDir`; returns the milliseconds. */
export async function buildPane(outDir: string): Promise<number> {
  const started = Date.now();
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  // Source maps are left out: they do not change taskpane.js (only its last comment) and double the build time.
  const args = [
    webpackCli,
    "--mode",
    "production",
    "--env",
    `outDir=${outDir}`,
    "--no-devtool",
    "--no-stats",
  ];
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, OFFICE_JS: "local" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0)
    throw new Error(`The production build failed (exit ${code}):\n${output.join("").slice(-4000)}`);
  for (const file of [
    "taskpane.html",
    "taskpane.js",
    "exceljs.js",
    "office-js/office.js",
    "examples/sh-recommendation.xlsx",
  ])
    if (!fs.existsSync(path.join(outDir, file))) throw new Error(`The build has no ${file}`);
  return Date.now() - started;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The built pane and its server, as the global setup left them for this test file. */
export function builtPane(): { dist: string; url: string } {
  const dist = process.env[ENV_DIST];
  const url = process.env[ENV_URL];
  if (!dist || !url)
    throw new Error("The browser tests run through jest.browser.config.js (npm run test:browser)");
  return { dist, url };
}

/** Builds (unless a build is given) and serves the pane on a free localhost port. */
export async function serveBuiltPane(dist: string): Promise<DistServer> {
  return serveDist({ root: dist, port: 0 });
}

/** Starts chromium, or fails within LAUNCH_TIMEOUT_MS with what to do about it. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `No chromium at ${CHROMIUM}. Install Debian's package (apt-get update && apt-get install -y chromium; .ci/run does) or set YANXIU_CHROMIUM.`,
    );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`chromium (${CHROMIUM}) did not start within ${LAUNCH_TIMEOUT_MS / 1000} s`)),
      LAUNCH_TIMEOUT_MS + 2_000,
    );
  });
  try {
    // launch() gives every browser a new, empty user-data-dir of its own.
    return await Promise.race([
      chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
        timeout: LAUNCH_TIMEOUT_MS,
      }),
      timeout,
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`chromium could not start: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

/** What a page did that the tests check afterwards: requests refused, console errors, CSP violations, crashes. */
export interface PageLog {
  /** Every request to anywhere but localhost (refused before it left). */
  blocked: string[];
  /** Every request made, in order. */
  requests: string[];
  errors: string[];
  cspViolations: string[];
}

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === "data:" || protocol === "blob:") return true;
    return (
      (protocol === "http:" || protocol === "https:") &&
      (hostname === "localhost" || hostname === "127.0.0.1")
    );
  } catch {
    return false;
  }
}

/**
 * A page in a new context, sized like the task pane, with downloads allowed, every non-localhost request refused
 * (and logged), and console errors, page errors and Content-Security-Policy violations collected.
 */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? PANE_VIEWPORT,
    locale: options.locale ?? "zh-CN",
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  const log: PageLog = { blocked: [], requests: [], errors: [], cspViolations: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    log.requests.push(url);
    if (isLocal(url)) return route.continue();
    log.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) log.cspViolations.push(text);
    else log.errors.push(text);
  });
  page.on("pageerror", (error) => log.errors.push(`pageerror: ${error.message}`));
  // Violations are also reported as DOM events; the console message above can be worded differently by version.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page, log };
}

/** The gzip size of a built file, in KB (1 KB = 1024 bytes), with one decimal. */
export function gzipKb(file: string): number {
  return Math.round((gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024) * 10) / 10;
}

/** The sizes of the pane's scripts: what every pane loads, and the ExcelJS chunk only file mode loads. */
export function bundleSizes(dist: string): {
  taskpaneKb: number;
  taskpaneGzipKb: number;
  exceljsGzipKb: number;
} {
  const taskpane = path.join(dist, "taskpane.js");
  return {
    taskpaneKb: Math.round(fs.statSync(taskpane).size / 102.4) / 10,
    taskpaneGzipKb: gzipKb(taskpane),
    exceljsGzipKb: gzipKb(path.join(dist, "exceljs.js")),
  };
}
