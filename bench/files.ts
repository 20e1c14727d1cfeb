/**
 * `yanxiu check` on files (issue 7). Run with `npm run bench:files`; prints
 *   files workbooks=200 seconds=N      200 typical workbooks (one list or form each) checked by `node bin/yanxiu.js`,
 *                                      process start included (target < 10 s on a 2-core machine)
 *   files rows=10000 checkOverLoad=N   the whole check of one 10,000-row list, over the time ExcelJS needs just to
 *                                      load the same file (target ≤ 1.5)
 * and, for the record, the figures behind them. `node bench/run.js files workbooks` or `… rows` runs one of the two.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import type { CliIO } from "../src/cli/types";
import {
  buildExample,
  EXAMPLES,
  SUMMARY_HEADER,
  summaryListRows,
  type Example,
} from "../scripts/build-examples";

const ROOT = path.resolve(__dirname, "..");

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

async function benchWorkbooks(count: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-bench-"));
  try {
    await writeTypicalWorkbooks(dir, count);
    buildCli();
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin/yanxiu.js"), "check", dir, "--json"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    const doc = JSON.parse(run.stdout) as { files: Array<{ error: string | null }> };
    if (doc.files.length !== count || doc.files.some((f) => f.error !== null))
      throw new Error("not every workbook was checked");
    console.log(`files workbooks=${count} seconds=${seconds.toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A 10,000-row city summary list as staff would save it from Excel (shared strings, a % format). */
async function writeBigList(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("汇总表");
  ws.addRow(["2026年度上海市专业技术人员知识更新工程高级研修项目汇总表"]);
  ws.addRow(SUMMARY_HEADER);
  for (const row of summaryListRows(rows, { shortEvery: 20, shortAt: 7, keyRanks: 1 })) ws.addRow(row);
  ws.getColumn(7).numFmt = "0%";
  await wb.xlsx.writeFile(file);
}

const quietIO = (): CliIO => ({ stdout: () => {}, stderr: () => {}, lang: "zh", isTTY: false, cwd: ROOT });

async function benchRows(rows: number, runs: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-bench-"));
  try {
    const file = path.join(dir, "list.xlsx");
    await writeBigList(file, rows);
    const load = async () => {
      const t = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
      return performance.now() - t;
    };
    const check = async () => {
      const t = performance.now();
      const code = await main(["check", file, "--json"], quietIO());
      if (code === 2) throw new Error("the list could not be checked");
      return performance.now() - t;
    };
    await load();
    await check();
    const loads: number[] = [];
    const checks: number[] = [];
    // Interleaved so that both see the same machine load (other processes share the two cores).
    for (let i = 0; i < runs; i++) {
      loads.push(await load());
      checks.push(await check());
    }
    const loadMs = median(loads);
    const checkMs = median(checks);
    console.log(`files rows=${rows} checkOverLoad=${(checkMs / loadMs).toFixed(2)}`);
    console.log(
      `  (median of ${runs}: ExcelJS load ${loadMs.toFixed(0)} ms, yanxiu check ${checkMs.toFixed(0)} ms)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  const which = process.argv[2];
  if (which === undefined || which === "workbooks") await benchWorkbooks(200);
  if (which === undefined || which === "rows") await benchRows(10_000, 5);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
