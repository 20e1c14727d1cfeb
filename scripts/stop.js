#!/usr/bin/env node
// `npm stop`: ends what `npm start` started, as recorded in .tmp/yanxiu-start.json: the background file-mode
// server (by its process id), or the Excel sideload (office-addin-debugging stop).

"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const STATE_FILE = path.join(ROOT, ".tmp", "yanxiu-start.json");

/** What npm start recorded, or null when nothing is recorded (or the record is unreadable). */
function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

function stopSideload(manifest) {
  const cli = require.resolve("office-addin-debugging/cli.js");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "stop", manifest], { cwd: ROOT, stdio: "inherit" });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

/**
 * Stops what the recorded start began and removes the record.
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<boolean>} whether anything was running
 */
async function stopStarted(options = {}) {
  const say = options.quiet ? () => undefined : (line) => console.log(line);
  const state = readState();
  if (!state) {
    say("Nothing to stop: npm start has not started anything (no .tmp/yanxiu-start.json).");
    return false;
  }
  let stopped = false;
  if (state.mode === "file" && Number.isInteger(state.pid)) {
    if (isAlive(state.pid)) {
      process.kill(state.pid, "SIGTERM");
      if (!(await waitForExit(state.pid, 3000))) process.kill(state.pid, "SIGKILL");
      say(`Stopped the file-mode server (${state.url}, process ${state.pid}).`);
      stopped = true;
    } else {
      say("The file-mode server had already stopped.");
    }
  } else if (state.mode === "sideload") {
    stopped = await stopSideload(state.manifest || "manifest.xml");
  }
  fs.rmSync(STATE_FILE, { force: true });
  return stopped;
}

if (require.main === module) {
  stopStarted().catch((err) => {
    console.error(`npm stop failed: ${err && err.message ? err.message : err}`);
    process.exitCode = 1;
  });
}

module.exports = { STATE_FILE, readState, stopStarted };
