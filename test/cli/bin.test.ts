import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cleanTemp, tempDir } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "yanxiu.js");

beforeAll(() => {
  // What `npm ci` does through "prepare": bundle src/cli into lib/cli.js.
  // node_modules/.bin/esbuild: after esbuild's own install script it is the native binary, before it a node script;
  // both are executable.
  execFileSync(path.join(ROOT, "node_modules", ".bin", "esbuild"), buildArgs(), { cwd: ROOT, stdio: "pipe" });
}, 60_000);
afterAll(cleanTemp);

/** The build:cli script of package.json, so this test builds exactly what `npm run build:cli` builds. */
function buildArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts["build:cli"] ?? "";
  expect(script.startsWith("esbuild ")).toBe(true);
  return script.slice("esbuild ".length).split(/\s+/);
}

describe("bin/yanxiu.js, run as a process", () => {
  it("checks the bundled examples: JSON on stdout, progress lines on stderr, exit code 1", () => {
    const run = spawnSync(process.execPath, [BIN, "check", "examples/", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      files: Array<{ file: string; error: null; sheets: Array<{ table: string }> }>;
    };
    expect(doc.files.map((f) => [f.file, f.error, f.sheets.map((s) => s.table)])).toEqual([
      ["examples/sh-application.xlsx", null, ["application"]],
      ["examples/sh-city-summary.xlsx", null, ["summary"]],
      ["examples/sh-recommendation.xlsx", null, ["recommendation"]],
    ]);
    expect(run.stderr).toBe(
      "[1/3] examples/sh-application.xlsx\n[2/3] examples/sh-city-summary.xlsx\n[3/3] examples/sh-recommendation.xlsx\n",
    );
  });

  it("is declared as the package's bin and starts with a shebang", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.bin.yanxiu).toBe("bin/yanxiu.js");
    expect(pkg.scripts.prepare).toContain("build:cli");
    expect(fs.readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("exits 2 with a zh-CN and en message for an unusable file", () => {
    const run = spawnSync(process.execPath, [BIN, "check", "no-such-file.xlsx"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("无法校验：找不到此文件或目录。");
    const en = spawnSync(process.execPath, [BIN, "--lang", "en", "check", "no-such-file.xlsx"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(en.stdout).toContain("Cannot check: No such file or directory.");
  });

  it("says how to build it, in both languages, when lib/cli.js is missing", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "bin"));
    fs.copyFileSync(BIN, path.join(dir, "bin", "yanxiu.js"));
    const run = spawnSync(process.execPath, [path.join(dir, "bin", "yanxiu.js"), "check", "x.xlsx"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "yanxiu 尚未构建：找不到 lib/cli.js。请在项目目录中运行 `npm run build:cli`",
    );
    expect(run.stderr).toContain("yanxiu is not built: lib/cli.js is missing. Run `npm run build:cli`");
    expect(run.stdout).toBe("");
  });
});
