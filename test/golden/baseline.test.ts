/**
 * Issue #14 demands identical results before and after the notices became data. The fixture
 * (test/golden/baseline/check.json) was captured from the code as it stood before the move, with the CLI's own
 * `check --json` and `stats --json` on every example, every golden file and every built golden workbook. This test
 * runs the same commands today and compares the whole output: findings, messages (zh + en), clauses, stats figures.
 *
 * Regenerate only on purpose (a notice change that is meant to change results): YANXIU_BASELINE=write npx jest
 * test/golden/baseline.test.ts — and say why in the commit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildGoldenWorkbook } from "./build-workbook";
import { GOLDEN_CASES } from "./cases";
import { cleanTemp, runCli, tempDir } from "../cli/helpers";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURE = path.join(__dirname, "baseline", "check.json");

interface Entry {
  args: string[];
  code: number;
  stdout: unknown;
}

async function inputs(dir: string): Promise<Array<{ name: string; file: string; extra: string[] }>> {
  const list: Array<{ name: string; file: string; extra: string[] }> = [];
  for (const f of fs.readdirSync(path.join(ROOT, "examples")).sort()) {
    if (f.endsWith(".xlsx"))
      list.push({ name: `examples/${f}`, file: path.join(ROOT, "examples", f), extra: [] });
  }
  const files = path.join(ROOT, "test", "golden", "files");
  for (const f of fs.readdirSync(files).sort()) {
    if (f.endsWith(".xlsx"))
      list.push({ name: `test/golden/files/${f}`, file: path.join(files, f), extra: [] });
  }
  for (const golden of GOLDEN_CASES) {
    const file = path.join(dir, `${golden.id}.xlsx`);
    fs.writeFileSync(file, new Uint8Array(await buildGoldenWorkbook(golden)));
    const extra: string[] = [];
    if (golden.options?.policy) extra.push("--policy", golden.options.policy);
    if (golden.options?.level) extra.push("--level", golden.options.level);
    list.push({ name: `golden-case/${golden.id}.xlsx`, file, extra });
  }
  return list;
}

/** Paths differ between machines and temp dirs: replace the file argument by its stable name. */
function stable(text: string, file: string, name: string): unknown {
  return JSON.parse(text.split(JSON.stringify(file).slice(1, -1)).join(name)) as unknown;
}

async function capture(): Promise<Record<string, Entry>> {
  const dir = tempDir();
  const out: Record<string, Entry> = {};
  for (const { name, file, extra } of await inputs(dir)) {
    for (const command of ["check", "stats"] as const) {
      const args = [command, file, "--json", ...(command === "check" ? extra : [])];
      const run = await runCli(args);
      let stdout: unknown = run.stdout;
      try {
        stdout = stable(run.stdout, file, name);
      } catch {
        stdout = run.stdout.split(file).join(name);
      }
      out[`${command} ${name}`] = { args: [command, name, ...args.slice(2)], code: run.code, stdout };
    }
  }
  return out;
}

afterAll(() => cleanTemp());

jest.setTimeout(180_000);

it("check --json and stats --json on every example and golden workbook give the captured results", async () => {
  const now = await capture();
  if (process.env.YANXIU_BASELINE === "write") {
    fs.writeFileSync(FIXTURE, JSON.stringify(now, null, 1) + "\n");
  }
  const before = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, Entry>;
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  for (const key of Object.keys(before)) expect({ key, ...now[key] }).toEqual({ key, ...before[key] });
});
