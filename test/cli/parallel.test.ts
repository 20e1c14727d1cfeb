// `yanxiu check DIR` on worker threads (issue 15): the built CLI, run as a process with one thread and with three,
// must print the same report (human and JSON), the same progress lines and write the same copies under the same
// names and the same summary. A preloaded probe counts the worker threads started, so the parallel run is shown
// to be one.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { workerCount } from "../../src/cli/check/run";
import { loadWorkbook } from "../xlsx/helpers";
import { cleanTemp, tempDir, writeExample } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
// Built apart from lib/ so that no other test's build is raced; the worker threads load this same file.
const BUILT = path.join(ROOT, ".tmp", "parallel-test", "lib", "cli.js");

// Counts the worker threads the CLI starts, written to stderr when it exits.
const PROBE = `
const threads = require("node:worker_threads");
if (threads.isMainThread) {
  let started = 0;
  const Base = threads.Worker;
  threads.Worker = class extends Base { constructor(...a) { super(...a); started++; } };
  process.on("exit", () => process.stderr.write("WORKERS " + started + "\\n"));
}
`;

let dir: string;
let probe: string;

beforeAll(async () => {
  fs.mkdirSync(path.dirname(BUILT), { recursive: true });
  execFileSync(
    path.join(ROOT, "node_modules", ".bin", "esbuild"),
    [
      "src/cli/main.ts",
      "--bundle",
      "--platform=node",
      "--target=node20",
      "--packages=external",
      `--outfile=${BUILT}`,
      "--log-level=warning",
    ],
    { cwd: ROOT, stdio: "pipe" },
  );
  dir = tempDir();
  probe = path.join(dir, "probe.js");
  fs.writeFileSync(probe, PROBE);
  // Twelve workbooks of the three kinds, two with the same name in different folders (their copies are numbered
  // in the inputs' order), one damaged and one empty file among them.
  const kinds = ["sh-recommendation.xlsx", "sh-application.xlsx", "sh-city-summary.xlsx"];
  for (let i = 0; i < 12; i++) {
    const kind = kinds[i % 3] as string;
    await writeExample(dir, kind, `in/${String(i).padStart(2, "0")}-${kind}`);
  }
  await writeExample(dir, "sh-recommendation.xlsx", "in/sub/05-sh-city-summary.xlsx");
  await writeExample(dir, "sh-application.xlsx", "in/sub/zz-same.xlsx");
  await writeExample(dir, "sh-city-summary.xlsx", "in/zz-same.xlsx");
  fs.writeFileSync(path.join(dir, "in", "03-broken.xlsx"), "PK\u0003\u0004 not really a zip");
  fs.writeFileSync(path.join(dir, "in", "07-empty.xlsx"), "");
}, 120_000);
afterAll(cleanTemp);

function run(threads: number, args: string[]) {
  const r = spawnSync(
    process.execPath,
    [
      "--require",
      probe,
      "-e",
      `require(${JSON.stringify(BUILT)}).runFromProcess(process.argv.slice(1)).then((c) => { process.exitCode = c; })`,
      "--",
      ...args,
    ],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, YANXIU_WORKERS: String(threads) },
    },
  );
  const workers = Number(/WORKERS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/WORKERS \d+\n/, ""), workers };
}

describe("yanxiu check DIR on worker threads", () => {
  it("gives every worker the packs added with --pack: a pack's own figure fires in every file, as in one thread", () => {
    // A copy of the Shanghai pack whose trainees minimum (50) is raised to 500: every 申报表 falls short of it.
    const pack = path.join(dir, "sh-2027-gaoyan");
    fs.cpSync(path.join(ROOT, "packs", "sh-2026-gaoyan"), pack, { recursive: true });
    const notice = path.join(pack, "notice.yaml");
    const text = fs.readFileSync(notice, "utf8");
    expect(text).toContain("trainees.min: { value: 50,");
    fs.writeFileSync(
      notice,
      text
        .replace("id: sh-2026-gaoyan", "id: sh-2027-gaoyan")
        .replace("trainees.min: { value: 50,", "trainees.min: { value: 500,"),
    );
    const one = run(1, ["check", "in", "--json", "--pack", pack]);
    const three = run(3, ["check", "in", "--json", "--pack", pack]);
    expect(three.workers).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    const doc = JSON.parse(three.stdout) as {
      files: Array<{
        file: string;
        sheets: Array<{ policy: string | null; findings: Array<{ message: string }> }>;
      }>;
    };
    const forms = doc.files.filter((f) => /sh-application/.test(f.file));
    expect(forms.length).toBeGreaterThanOrEqual(4);
    for (const form of forms) {
      expect(form.sheets[0]?.policy).toBe("sh-2027-gaoyan");
      expect(form.sheets[0]?.findings.some((f) => f.message.includes("500"))).toBe(true);
    }
  }, 120_000);

  it("prints the same JSON report as one thread, having started two workers", () => {
    const one = run(1, ["check", "in", "--json"]);
    const three = run(3, ["check", "in", "--json"]);
    expect(one.workers).toBe(0);
    expect(three.workers).toBe(2);
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    const doc = JSON.parse(three.stdout) as { files: Array<{ file: string; error: string | null }> };
    expect(doc.files).toHaveLength(17);
    expect(doc.files.filter((f) => f.error !== null).map((f) => f.file)).toEqual([
      "in/03-broken.xlsx",
      "in/07-empty.xlsx",
    ]);
  }, 120_000);

  it("prints the same human report and writes the same copies, named in the same order, and the same summary", async () => {
    const one = run(1, ["check", "in", "--out", "out1", "--summary", "sum1.xlsx"]);
    const three = run(3, ["check", "in", "--out", "out3", "--summary", "sum3.xlsx"]);
    expect(three.workers).toBe(2);
    expect(three.code).toBe(one.code);
    const same = (text: string, n: string) => text.replaceAll(`out${n}`, "OUT").replaceAll(`sum${n}`, "SUM");
    expect(same(three.stdout, "3")).toBe(same(one.stdout, "1"));
    expect(same(three.stderr, "3")).toBe(same(one.stderr, "1"));
    const copies = fs.readdirSync(path.join(dir, "out1")).sort();
    expect(fs.readdirSync(path.join(dir, "out3")).sort()).toEqual(copies);
    expect(copies).toContain("zz-same (2).checked.xlsx");
    expect(copies).toHaveLength(15);
    const values = async (file: string) => {
      const wb = await loadWorkbook(fs.readFileSync(file));
      return wb.worksheets.map((ws) => {
        const rows: unknown[] = [];
        ws.eachRow((row) => rows.push(row.values));
        return [ws.name, rows];
      });
    };
    expect(await values(path.join(dir, "sum3.xlsx"))).toEqual(await values(path.join(dir, "sum1.xlsx")));
    for (const copy of [
      "zz-same.checked.xlsx",
      "zz-same (2).checked.xlsx",
      "05-sh-city-summary (2).checked.xlsx",
    ])
      expect(await values(path.join(dir, "out3", copy))).toEqual(await values(path.join(dir, "out1", copy)));
  }, 120_000);
});

describe("workerCount", () => {
  it.each<[string, number, Record<string, string>, number, number, number]>([
    ["a handful of files stays in the main thread", 3, {}, 2, 0, 0],
    ["two free cores: two threads", 500, {}, 2, 0.2, 2],
    ["a busy machine: the main thread alone", 500, {}, 2, 1.6, 0],
    ["eight cores, two busy: six threads capped at four", 500, {}, 8, 2, 4],
    ["YANXIU_WORKERS=1: the main thread alone", 500, { YANXIU_WORKERS: "1" }, 8, 0, 0],
    ["YANXIU_WORKERS=3 whatever the load", 500, { YANXIU_WORKERS: "3" }, 2, 9, 3],
    ["YANXIU_WORKERS no more than the files", 2, { YANXIU_WORKERS: "3" }, 2, 0, 2],
    ["YANXIU_WORKERS not a number: ignored", 500, { YANXIU_WORKERS: "many" }, 2, 0, 2],
  ])("%s", (_name, files, env, cores, load, expected) => {
    expect(workerCount(files, env, cores, load)).toBe(expected);
  });
});
