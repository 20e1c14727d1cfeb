#!/usr/bin/env node
// The before/after table of issue 12: runs a built CLI (lib/cli.js, or a copy of an older build) as a child process on
// every file of the hostile suite, under a wall-clock timeout, and prints input kind, exit code, seconds and peak
// resident memory (from /usr/bin/time -v), once for a plain check and once with --out and --summary.
//
//   node scripts/hostile/measure.js HOSTILE_DIR [CLI_JS] [--timeout S] [--json FILE]
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const RUNNER = `require(process.argv[1]).runFromProcess(process.argv.slice(2)).then((c) => { process.exitCode = c; });`;

/** Run `yanxiu ARGS` with the given cli.js; exit code, seconds and peak RSS in MB (null when /usr/bin/time is absent). */
function runCli(cli, args, timeoutS) {
  const hasTime = fs.existsSync("/usr/bin/time");
  const command = hasTime ? "/usr/bin/time" : process.execPath;
  const argv = hasTime
    ? ["-v", process.execPath, "-e", RUNNER, cli, ...args]
    : ["-e", RUNNER, cli, ...args];
  const started = process.hrtime.bigint();
  const r = spawnSync(command, argv, {
    encoding: "utf8",
    timeout: timeoutS * 1000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, YANXIU_LANG: "zh" },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  const status = /Exit status: (\d+)/.exec(r.stderr ?? "");
  const timedOut = r.error?.code === "ETIMEDOUT" || (r.signal === "SIGKILL" && seconds >= timeoutS - 0.5);
  return {
    code: timedOut ? "timeout" : status ? Number(status[1]) : (r.status ?? r.signal),
    seconds: Math.round(seconds * 10) / 10,
    peakMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
    stdout: r.stdout ?? "",
    stderr: (r.stderr ?? "").split("\tCommand being timed")[0],
  };
}

function main() {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const at = args.indexOf(name);
    if (at < 0) return fallback;
    const value = args[at + 1];
    args.splice(at, 2);
    return value;
  };
  const timeoutS = Number(flag("--timeout", "60"));
  const jsonOut = flag("--json", undefined);
  const [dir, cliArg] = args;
  if (!dir) {
    process.stderr.write("usage: node scripts/hostile/measure.js HOSTILE_DIR [CLI_JS] [--timeout S] [--json FILE]\n");
    process.exit(2);
  }
  const cli = path.resolve(cliArg ?? path.join(__dirname, "..", "..", "lib", "cli.js"));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const rows = [];
  process.stdout.write(`cli=${cli} timeout=${timeoutS}s bomb=${manifest.bombMb}MB\n`);
  process.stdout.write("| input | kind | check: exit | s | peak MB | --out --summary: exit | s | peak MB |\n");
  process.stdout.write("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
  for (const c of manifest.cases) {
    const file = path.join(dir, c.name);
    const plain = runCli(cli, ["check", file], timeoutS);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-hostile-"));
    const withOut = runCli(
      cli,
      ["check", file, "--out", out, "--summary", path.join(out, "summary.xlsx")],
      timeoutS,
    );
    fs.rmSync(out, { recursive: true, force: true });
    rows.push({ name: c.name, kind: c.kind, plain, withOut });
    process.stdout.write(
      `| ${c.name} | ${c.kind} | ${plain.code} | ${plain.seconds} | ${plain.peakMB} | ${withOut.code} | ${withOut.seconds} | ${withOut.peakMB} |\n`,
    );
  }
  if (jsonOut)
    fs.writeFileSync(
      jsonOut,
      JSON.stringify(
        rows.map((r) => ({
          ...r,
          plain: { ...r.plain, stdout: r.plain.stdout.slice(0, 4000) },
          withOut: { ...r.withOut, stdout: r.withOut.stdout.slice(0, 4000) },
        })),
        null,
        2,
      ),
    );
}

if (require.main === module) main();
module.exports = { runCli };
