// Word forms per second: a folder of 200 .docx 申报表 read and checked as `yanxiu check DIR` does (read the file,
// unzip, parse document.xml into the grid, check it with the engine, locate every finding), against the floor
// measured in the same run: read the file, unzip document.xml and scan its XML once (every tag visited), nothing
// else. Run: npm run bench:docx
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkableWorkbookBytes } from "../src/adapters/xlsx/open-file";
import { WorkbookPackage } from "../src/adapters/xlsx/package";
import { checkWorkbook } from "../src/core/check";
import { formValues, shForm } from "../test/docx/support/forms";
import { wordMlDocx, type TickStyle } from "../test/docx/support/wordml";

const FORMS = 200;
const STYLES: TickStyle[] = [
  "unicode",
  "wingdings-sym",
  "wingdings2-letters",
  "content-control",
  "formcheckbox",
];

function makeFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-docx-"));
  for (let i = 0; i < FORMS; i++)
    fs.writeFileSync(
      path.join(dir, `${String(i + 1).padStart(3, "0")}.docx`),
      wordMlDocx(shForm("申报表", formValues(i)), {
        ticks: STYLES[i % STYLES.length],
        tracked: i % 10 === 0,
      }),
    );
  return dir;
}

async function full(files: string[]): Promise<number> {
  let findings = 0;
  for (const file of files) {
    const opened = await checkableWorkbookBytes(fs.readFileSync(file), file);
    if (!opened.ok) throw new Error(`${file}: ${opened.problem.kind}`);
    const { grids, locate } = opened.workbook;
    for (const check of checkWorkbook(grids))
      for (const f of check.findings) if (locate?.(check.sheet, f.row, f.col)) findings++;
  }
  return findings;
}

function floor(files: string[]): number {
  let tags = 0;
  for (const file of files) {
    const pkg = WorkbookPackage.open(fs.readFileSync(file)) as WorkbookPackage;
    const xml = pkg.text("word/document.xml") ?? "";
    for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) tags++;
  }
  return tags;
}

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const out = run();
  return [out, Number(process.hrtime.bigint() - start) / 1e9];
}

async function main() {
  const dir = makeFolder();
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  try {
    // One warm-up pass of each, so the figures are not the JIT's first impressions.
    await full(files.slice(0, 20));
    floor(files.slice(0, 20));
    const start = process.hrtime.bigint();
    const findings = await full(files);
    const fullSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const [tags, floorSeconds] = time(() => floor(files));
    const perSecond = Math.round(FORMS / fullSeconds);
    const floorPerSecond = Math.round(FORMS / floorSeconds);
    console.log(
      `docx forms=${FORMS} formsPerSecond=${perSecond} floorFormsPerSecond=${floorPerSecond} ` +
        `(floor: unzip + one XML scan; ${(floorPerSecond / perSecond).toFixed(1)}x) seconds=${fullSeconds.toFixed(2)} ` +
        `findingsLocated=${findings} tags=${tags}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
