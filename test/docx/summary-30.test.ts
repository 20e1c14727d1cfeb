// Thirty Word forms compiled into the summary list (check --summary) and into the 推荐表 (template --fill DIR):
// every value checked against the form it came from.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cleanTemp, runCli, tempDir } from "../cli/helpers";
import { formValues, shForm, type FormValues } from "./support/forms";
import { wordMlDocx, type TickStyle } from "./support/wordml";

const N = 30;
const STYLES: TickStyle[] = [
  "unicode",
  "wingdings-sym",
  "wingdings2-letters",
  "content-control",
  "formcheckbox",
];

let dir: string;
const byFile = new Map<string, FormValues>();
// Files are written in an order unlike their ranks, so that the list's order can only come from the ranks.
const rankOf = (i: number) => ((i * 7) % N) + 1;

beforeAll(() => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, "forms"));
  for (let i = 0; i < N; i++) {
    const v = formValues(i);
    const file = `${String(rankOf(i)).padStart(2, "0")}-${v.host}.docx`;
    fs.writeFileSync(
      path.join(dir, "forms", file),
      wordMlDocx(shForm("申报表", v), { ticks: STYLES[i % STYLES.length], tracked: i % 10 === 3 }),
    );
    byFile.set(`forms/${file}`, v);
  }
});
afterAll(cleanTemp);

function text(cell: ExcelJS.Cell): string {
  return cell.value === null || cell.value === undefined ? "" : String(cell.text);
}

it("check --summary lists every form's project with its file name and the values of its form", async () => {
  const run = await runCli(["check", "forms", "--summary", "summary.xlsx"], { cwd: dir });
  expect(run.stderr).not.toMatch(/无法|错误/);
  // Clean forms: no errors, so the exit code is 0.
  expect(run.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "summary.xlsx"));
  const ws = wb.worksheets[1] as ExcelJS.Worksheet;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (name: string) => header.indexOf(name) + 1;
  expect(ws.rowCount - 1).toBe(N);
  const seen = new Set<string>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const file = text(row.getCell(col("来源文件")));
    const v = byFile.get(file);
    if (!v) throw new Error(`unexpected file ${file}`);
    seen.add(file);
    expect({
      title: text(row.getCell(col("项目名称"))),
      host: text(row.getCell(col("承办单位"))),
      recommender: text(row.getCell(col("推荐单位"))),
      courseTime: text(row.getCell(col("办班时间"))),
      location: text(row.getCell(col("办班地点"))),
      domain: text(row.getCell(col("领域"))),
      major: text(row.getCell(col("专业范围"))),
      contact: text(row.getCell(col("联系人"))),
      mobile: text(row.getCell(col("联系电话"))),
    }).toEqual(v);
  }
  expect(seen.size).toBe(N);
});

it("template sh-82-recommendation --fill DIR writes the 推荐表 from the forms, in rank order", async () => {
  const run = await runCli(["template", "sh-82-recommendation", "--fill", "forms", "-o", "rec.xlsx"], {
    cwd: dir,
  });
  expect(run.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "rec.xlsx"));
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (text(row.getCell(1)) === "推荐排序") headerRow = r;
  });
  expect(headerRow).toBeGreaterThan(0);
  const byRank = new Map(
    [...byFile.entries()].map(([file, v]) => [Number(path.basename(file).slice(0, 2)), v]),
  );
  for (let rank = 1; rank <= N; rank++) {
    const row = ws.getRow(headerRow + rank);
    const v = byRank.get(rank) as FormValues;
    expect([text(row.getCell(1)), text(row.getCell(2)), text(row.getCell(3))]).toEqual([
      String(rank),
      v.title,
      v.host,
    ]);
  }
});
