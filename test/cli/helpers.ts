import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/types";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";
import { workbookBytes, type SheetSpec } from "../xlsx/helpers";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured output, as the bin script would with the process's streams. */
export async function runCli(
  args: readonly string[],
  options: { cwd?: string; isTTY?: boolean } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    lang: "zh",
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const made: string[] = [];

/** A fresh temporary directory, removed by cleanTemp (call it in afterAll). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-cli-"));
  made.push(dir);
  return dir;
}

export function cleanTemp(): void {
  for (const dir of made.splice(0)) {
    // Permission tests may leave a mode-000 file behind.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Write an example workbook (scripts/build-examples.ts) into dir under its own or a given name. */
export async function writeExample(dir: string, file: string, as = file): Promise<string> {
  const example = EXAMPLES.find((e) => e.file === file);
  if (!example) throw new Error(`no example ${file}`);
  const target = path.join(dir, as);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, await buildExample(example));
  return target;
}

/** Write a workbook built from rows. */
export async function writeWorkbook(
  dir: string,
  name: string,
  sheets: readonly SheetSpec[],
): Promise<string> {
  const target = path.join(dir, name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, await workbookBytes(sheets));
  return target;
}

/** A 附件3 推荐表 filled in correctly: no errors, no warnings. */
export const CLEAN_RECOMMENDATION: SheetSpec = {
  name: "推荐表",
  rows: [
    ["专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）推荐表"],
    ["推荐单位：上海市科学技术委员会（盖章）"],
    ["填写时间：2026年4月20日"],
    ["推荐排序", "项目名称", "承办单位", "备注"],
    [1, "细胞与基因治疗产业化关键技术研修班", "上海生物医药行业协会", "重点推荐"],
    [2, "科技成果转移转化技术经理人高级研修班", "上海技术交易所", null],
    [3, "量子科技与精密测量前沿研修班", "上海量子科学研究中心", null],
    [4, "工业软件与数字孪生高级研修班", "上海工业软件创新中心", null],
    [5, "合成生物制造工艺放大研修班", "上海合成生物学创新中心", null],
    ["推荐单位联系人：张伟"],
    ["联系方式：021-23112345"],
  ] as ExcelJS.CellValue[][],
};

/** Keys of an object, recursively, in order: to compare JSON shapes key by key. */
export function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return typeof value;
}
