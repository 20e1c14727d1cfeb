/**
 * `yanxiu check` on files (issues 7 and 15), with the peer and the floor measured in the same run. Run with
 * `npm run bench:files`; prints
 *   files rows=N checkOverSheetJS=N checkOverFloor=N   for lists of 1,000, 10,000 and 100,000 rows: the CPU time of
 *        the CLI's whole check of the file (read from disk, our reader, the engine, the JSON report) over SheetJS's
 *        read of the same file into cell values, and over the floor: inflating every part with the inflater the
 *        CLI uses (Node's zlib) plus one pass over the text of every XML part. Each is run in processes of its own
 *        (three rounds, the three taking turns), warmed up, and the median of all their runs is taken. Targets at
 *        10,000 rows: ≤ 0.5 × SheetJS, ≤ 5 × the floor.
 *   files workbooks=500 seconds=N cpuOverWall=N   500 typical workbooks checked by `node bin/yanxiu.js check DIR`,
 *        process start included; cpuOverWall is the process's CPU time (every thread) over its wall time: above 1
 *        when the batch uses more than one core.
 * and, for the record, the figures behind them. `node bench/run.js files rows` or `… workbooks` runs one of the two;
 * `… rows --keep DIR` leaves the generated lists in DIR (for `node --cpu-prof`).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { buildSync } from "esbuild";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { main } from "../src/cli/main";
import type { CliIO } from "../src/cli/types";
import { entryDataOffset, readZipIndex } from "../src/adapters/xlsx/zip-index";
import {
  buildExample,
  EXAMPLES,
  SUMMARY_HEADER,
  summaryListRows,
  type Example,
} from "../scripts/build-examples";

const ROOT = path.resolve(__dirname, "..");

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** The example workbooks, each varied a little (another project name per copy) so no two files are the same. */
function variant(example: Example, n: number): Example {
  return {
    ...example,
    sheets: example.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) =>
        row.map((v) => (typeof v === "string" && v.endsWith("研修班") ? `${v}（第${n}期）` : v)),
      ),
    })),
  };
}

async function writeTypicalWorkbooks(dir: string, count: number): Promise<void> {
  const kinds = EXAMPLES.length;
  for (let i = 0; i < count; i++) {
    const example = EXAMPLES[i % kinds] as Example;
    const bytes = await buildExample(variant(example, i));
    fs.writeFileSync(path.join(dir, `${String(i).padStart(3, "0")}-${example.file}`), bytes);
  }
}

function buildCli(): void {
  buildSync({
    entryPoints: [path.join(ROOT, "src/cli/main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    outfile: path.join(ROOT, "lib/cli.js"),
    logLevel: "warning",
  });
}

// Loaded into the CLI process (--require): writes the CPU time of the whole process, every thread included
// (getrusage RUSAGE_SELF), to the file named by YANXIU_BENCH_CPU when it exits.
const CPU_PROBE = `
const { isMainThread } = require("node:worker_threads");
if (isMainThread && process.env.YANXIU_BENCH_CPU) {
  process.on("exit", () => {
    const u = process.cpuUsage();
    require("node:fs").writeFileSync(process.env.YANXIU_BENCH_CPU, String((u.user + u.system) / 1000));
  });
}
`;

/** One `yanxiu check DIR --json` as a child process: wall and CPU milliseconds. */
async function timeCli(
  books: string,
  probe: string,
  cpuFile: string,
  threads?: number,
): Promise<[number, number]> {
  const env: NodeJS.ProcessEnv = { ...process.env, YANXIU_BENCH_CPU: cpuFile };
  if (threads === undefined) delete env.YANXIU_WORKERS;
  else env.YANXIU_WORKERS = String(threads);
  const started = performance.now();
  const chunks: Buffer[] = [];
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--require", probe, path.join(ROOT, "bin/yanxiu.js"), "check", books, "--json"],
      { env, stdio: ["ignore", "pipe", "ignore"] },
    );
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const wallMs = performance.now() - started;
  const doc = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
    files: Array<{ error: string | null }>;
  };
  const count = fs.readdirSync(books).length;
  if (status === 2 || doc.files.length !== count || doc.files.some((f) => f.error !== null))
    throw new Error("not every workbook was checked");
  return [wallMs, Number(fs.readFileSync(cpuFile, "utf8"))];
}

async function benchWorkbooks(count: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-bench-"));
  try {
    const books = path.join(dir, "books");
    fs.mkdirSync(books);
    await writeTypicalWorkbooks(books, count);
    buildCli();
    const probe = path.join(dir, "cpu-probe.js");
    fs.writeFileSync(probe, CPU_PROBE);
    const cpuFile = path.join(dir, "cpu.txt");
    const load = os.loadavg()[0] ?? 0;
    // As a user runs it (threads on the cores that are free), then, for the record, forced to one and two threads.
    const [wallMs, cpuMs] = await timeCli(books, probe, cpuFile);
    const [oneWall, oneCpu] = await timeCli(books, probe, cpuFile, 1);
    const [twoWall, twoCpu] = await timeCli(books, probe, cpuFile, 2);
    console.log(
      `files workbooks=${count} seconds=${(wallMs / 1000).toFixed(2)} cpuOverWall=${(cpuMs / wallMs).toFixed(2)}`,
    );
    const s = (ms: number) => (ms / 1000).toFixed(2);
    console.log(
      `  (CPU ${s(cpuMs)} s; ${os.availableParallelism()} cores, load average ${load.toFixed(1)} before the run; ` +
        `one thread: ${s(oneWall)} s, CPU ${s(oneCpu)} s; two threads: ${s(twoWall)} s, CPU ${s(twoCpu)} s)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A city summary list as staff would save it from Excel (shared strings, a % format). */
async function writeBigList(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("汇总表");
  ws.addRow(["2026年度上海市专业技术人员知识更新工程高级研修项目汇总表"]);
  ws.addRow(SUMMARY_HEADER);
  // The title and the header count: the sheet has `rows` rows (100,000 is the most a sheet may have).
  for (const row of summaryListRows(rows - 2, { shortEvery: 20, shortAt: 7, keyRanks: 1 })) ws.addRow(row);
  ws.getColumn(7).numFmt = "0%";
  await wb.xlsx.writeFile(file);
}

const quietIO = (): CliIO => ({ stdout: () => {}, stderr: () => {}, lang: "zh", isTTY: false, cwd: ROOT });

/** The floor: every part inflated by the CLI's inflater, and one pass over the text of each XML part. */
function floorRead(file: string): number {
  const bytes = fs.readFileSync(file);
  const index = readZipIndex(bytes);
  if (!index.ok) throw new Error("not a zip");
  const decoder = new TextDecoder("utf-8");
  let tags = 0;
  for (const entry of index.entries) {
    if (entry.name.endsWith("/")) continue;
    const start = entryDataOffset(bytes, entry);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const out = entry.method === 0 ? data : inflateRawSync(data);
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const text = decoder.decode(out);
    for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) tags++;
  }
  return tags;
}

/** CPU milliseconds (every thread of this process) of one call. */
async function cpuMs(work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const WORKLOADS = ["check", "sheetjs", "floor"] as const;
type Workload = (typeof WORKLOADS)[number];

function workloadOf(name: Workload, file: string): () => unknown {
  switch (name) {
    case "check":
      return async () => {
        const code = await main(["check", file, "--json"], quietIO());
        if (code === 2) throw new Error("the list could not be checked");
      };
    case "sheetjs":
      return () => {
        const wb = XLSX.read(fs.readFileSync(file));
        const sheet = wb.Sheets[wb.SheetNames[0] ?? ""];
        if (!sheet?.["A3"]) throw new Error("SheetJS read no cells");
      };
    case "floor":
      return () => floorRead(file);
  }
}

/**
 * In a process of its own (`--one NAME FILE WARMUPS RUNS`): one workload's warm-ups, then the CPU time of each run,
 * printed as JSON. Alone in its process, a workload pays for collecting its own garbage only: in one process with
 * the others, whichever ran after SheetJS (which leaves hundreds of MB) paid for collecting SheetJS's garbage, and
 * a median of such runs fell on either side by chance.
 */
async function runOne(name: Workload, file: string, warmups: number, runs: number): Promise<void> {
  const work = workloadOf(name, file);
  for (let i = 0; i < warmups; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await cpuMs(work));
  process.stdout.write(JSON.stringify(times));
}

function timesInChild(name: Workload, file: string, warmups: number, runs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, "--one", name, file, String(warmups), String(runs)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`${name} exited with ${code}`)),
    );
  });
}

async function benchRows(
  rows: number,
  rounds: number,
  runs: number,
  warmups: number,
  keep: string | undefined,
): Promise<void> {
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-bench-"));
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `list-${rows}.xlsx`);
    await writeBigList(file, rows);
    const times: Record<Workload, number[]> = { check: [], sheetjs: [], floor: [] };
    // Each workload in processes of its own, the three taking turns round after round, so that all three see the
    // same machine load (other processes share the two cores). Within a process: warm-ups (each is measured
    // compiled rather than while V8 is still compiling it), then the measured runs.
    for (let round = 0; round < rounds; round++)
      for (const name of WORKLOADS) times[name].push(...(await timesInChild(name, file, warmups, runs)));
    const [check, sheetjs, floor] = WORKLOADS.map((k) => median(times[k])) as [number, number, number];
    console.log(
      `files rows=${rows} checkOverSheetJS=${(check / sheetjs).toFixed(2)} checkOverFloor=${(check / floor).toFixed(2)}`,
    );
    console.log(
      `  (CPU ms, median of ${rounds} processes × ${runs} runs after ${warmups} warm-up${warmups > 1 ? "s" : ""} each: ` +
        `yanxiu check ${check.toFixed(0)}, SheetJS read ${sheetjs.toFixed(0)}, floor ${floor.toFixed(0)}; ` +
        `${(fs.statSync(file).size / 1024).toFixed(0)} KB file)`,
    );
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  const one = argValue("--one");
  if (one !== undefined) {
    const [file, warmups, runs] = process.argv.slice(process.argv.indexOf("--one") + 2);
    if (!WORKLOADS.includes(one as Workload) || !file)
      throw new Error(`--one ${one}: no such workload or file`);
    await runOne(one as Workload, file, Number(warmups), Number(runs));
    return;
  }
  const which = process.argv[2];
  const keep = argValue("--keep");
  if (which === undefined || which === "rows") {
    await benchRows(1_000, 3, 9, 10, keep);
    await benchRows(10_000, 3, 9, 10, keep);
    await benchRows(100_000, 3, 2, 1, keep);
  }
  if (which === undefined || which === "workbooks") await benchWorkbooks(500);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
