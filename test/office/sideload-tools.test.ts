/**
 * Regression: `npm start` (sideloading on a machine with Excel) and `npm run validate` crashed with
 * "Cannot find module 'fs-extra'": @microsoft/app-manifest, which both office-addin tools load, requires fs-extra
 * but declares it only as a development dependency of its own. fs-extra is now a direct dev dependency, so it sits
 * at the top of node_modules where that require finds it. (An npm `overrides` entry cannot do this: it re-versions
 * packages already in the tree, it adds none.)
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("the Office sideloading tools load", () => {
  it.each(["office-addin-debugging", "office-addin-manifest"])(
    "require('%s') succeeds in a fresh node",
    (mod) => {
      // A fresh process: jest's module registry would hide a failure cached elsewhere.
      const run = node(["-e", `require(${JSON.stringify(mod)}); console.log("loaded")`]);
      expect(run.stderr).not.toMatch(/Cannot find module/);
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe("loaded");
    },
  );

  it("office-addin-debugging --help runs, and start knows the options scripts/start.js passes", () => {
    const cli = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
    const help = node([cli, "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: office-addin-debugging/);
    const start = node([cli, "start", "--help"]);
    expect(start.status).toBe(0);
    for (const option of ["--app", "--dev-server", "--dev-server-port"])
      expect(start.stdout).toContain(option);
    const stop = node([cli, "stop", "--help"]);
    expect(stop.status).toBe(0);
  });

  it("office-addin-manifest reads our manifest (the part of validate that needs no network)", () => {
    const cli = require.resolve("office-addin-manifest/cli.js", { paths: [ROOT] });
    const info = node([cli, "info", "manifest.xml"]);
    expect(info.stderr).not.toMatch(/Cannot find module/);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/Id: [0-9a-f-]{36}/);
    expect(info.stdout).toContain("Hosts: Workbook");
  });
});
