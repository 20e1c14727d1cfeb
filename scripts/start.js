#!/usr/bin/env node
// `npm start`: the add-in's main job on whatever machine this is.
//
// - Windows or Mac with Excel desktop: sideload the add-in into Excel with office-addin-debugging (it starts the
//   https dev server on localhost:3000 and opens Excel with the add-in).
// - Anywhere else (Linux, CI, a machine without Excel), or with --file-mode: build the pane with office.js from
//   the add-in's own origin into .tmp/start/dist, serve it on localhost (3000 or the next free port) in the
//   background, and print the address of the browser file mode.
//
// `npm stop` ends what this started (scripts/stop.js, using .tmp/yanxiu-start.json).
//
//   node scripts/start.js [--file-mode] [--port 3000]

"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { STATE_FILE, readState, stopStarted } = require("./stop");

const ROOT = path.join(__dirname, "..");
const FILE_MODE_DIST = path.join(ROOT, ".tmp", "start", "dist");
const MANIFEST = "manifest.xml";

/** Where Excel desktop is installed, or null. Only Windows and Mac have one office-addin-debugging can drive. */
function findExcelDesktop() {
  if (process.platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    return fs.existsSync(app) ? app : null;
  }
  if (process.platform === "win32") {
    // Every Excel install (Click-to-Run or MSI) registers its executable under App Paths.
    for (const hive of ["HKLM", "HKCU"]) {
      const key = `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`;
      const query = spawnSync("reg", ["query", key, "/ve"], { encoding: "utf8", windowsHide: true });
      const match = query.status === 0 && /REG_SZ\s+(.+)/.exec(query.stdout);
      if (match) return match[1].trim();
    }
  }
  return null;
}

function parseArgs(argv) {
  const args = { fileMode: false, port: 3000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--file-mode") args.fileMode = true;
    else if (argv[i] === "--port") args.port = Number(argv[++i]);
    else throw new UserError(`Unknown option ${argv[i]}. Usage: npm start -- [--file-mode] [--port 3000]`);
  }
  if (!Number.isInteger(args.port) || args.port < 1 || args.port > 65535) {
    throw new UserError("--port needs a port number between 1 and 65535");
  }
  return args;
}

/** A failure to report in one line, without a stack trace. */
class UserError extends Error {}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", (err) => resolve({ code: null, error: err }));
    child.on("exit", (code) => resolve({ code }));
  });
}

function writeState(state) {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify({ ...state, startedAt: new Date().toISOString() }, null, 2));
}

async function sideload(excel) {
  console.log(`Excel desktop found (${excel}): sideloading the add-in with office-addin-debugging…`);
  const cli = require.resolve("office-addin-debugging/cli.js");
  const result = await run(process.execPath, [
    cli,
    "start",
    MANIFEST,
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ]);
  if (result.code === 0) {
    writeState({ mode: "sideload", manifest: MANIFEST });
    console.log("In Excel: Home tab → 研修申报助手. Stop with: npm stop");
    return true;
  }
  console.log("Sideloading did not work (see the messages above); starting the browser file mode instead.");
  return false;
}

async function buildForFileMode() {
  console.log("Building the task pane with office.js served from the add-in itself (OFFICE_JS=local)…");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const result = await run(
    process.execPath,
    [webpackCli, "--mode", "production", "--env", `outDir=${FILE_MODE_DIST}`, "--no-stats"],
    { env: { ...process.env, OFFICE_JS: "local" } },
  );
  if (result.code !== 0) throw new UserError("The build failed (see the messages above).");
}

/** Starts the static server in the background and resolves with its address once it listens. */
function serveInBackground(port) {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  const log = fs.openSync(path.join(path.dirname(STATE_FILE), "yanxiu-serve.log"), "a");
  const child = spawn(
    process.execPath,
    [path.join(__dirname, "serve-dist.js"), "--root", FILE_MODE_DIST, "--port", String(port)],
    { cwd: ROOT, detached: true, stdio: ["ignore", log, log, "ipc"], windowsHide: true },
  );
  return new Promise((resolve, reject) => {
    child.once("message", (message) => {
      child.unref();
      resolve({ pid: child.pid, url: message.url });
    });
    child.once("exit", (code) =>
      reject(new UserError(`The server stopped at once (exit code ${code}); see .tmp/yanxiu-serve.log.`)),
    );
    child.once("error", (err) => reject(new UserError(`Could not start the server: ${err.message}`)));
  });
}

async function startFileMode(port, reason) {
  console.log(reason);
  await buildForFileMode();
  const { pid, url } = await serveInBackground(port);
  writeState({ mode: "file", pid, url });
  const fileModeUrl = `${url}taskpane.html?mode=file`;
  console.log("");
  console.log("研修申报助手 · 文件模式 / Yanxiu Desk · file mode:");
  console.log(`  ${fileModeUrl}`);
  console.log("");
  console.log("Open the address in a browser. Stop the server with: npm stop");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // A second `npm start` replaces the first instead of leaving two servers behind.
  if (readState()) await stopStarted({ quiet: true });

  const excel = args.fileMode ? null : findExcelDesktop();
  if (excel && (await sideload(excel))) return;
  const reason = args.fileMode
    ? "File mode asked for (--file-mode)."
    : excel
      ? "Serving the pane for the browser instead."
      : `No Excel desktop on this machine (${process.platform}): serving the pane for the browser file mode.`;
  await startFileMode(args.port, reason);
}

main().catch((err) => {
  console.error(
    err instanceof UserError ? err.message : `npm start failed: ${err && err.message ? err.message : err}`,
  );
  process.exitCode = 1;
});
