import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SHEET_LIMITS } from "../../src/adapters/xlsx/problems";
import { denseSheetXml, rawXlsx } from "../xlsx/helpers";
import { cleanTemp, CLEAN_RECOMMENDATION, runCli, tempDir, writeWorkbook } from "./helpers";

let dir: string;
let good: string;

beforeAll(async () => {
  dir = tempDir();
  good = await writeWorkbook(dir, "good.xlsx", [CLEAN_RECOMMENDATION]);
});
afterAll(() => {
  jest.restoreAllMocks();
  cleanTemp();
});

interface JsonDoc {
  files: Array<{ file: string; error: string | null; sheets: Array<{ sheet: string }> }>;
}

/**
 * Check the good file and the bad one together, in zh and in en: the bad one gets exit code 2 and its message, the
 * good one is still checked.
 */
async function expectRefused(bad: string, zh: RegExp, en: RegExp): Promise<void> {
  for (const [lang, message] of [
    ["zh", zh],
    ["en", en],
  ] as const) {
    const run = await runCli(["check", good, bad, "--json", "--lang", lang]);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as JsonDoc;
    expect(doc.files[0]).toMatchObject({ file: good, error: null });
    expect(doc.files[0]?.sheets.map((s) => s.sheet)).toEqual(["推荐表"]);
    expect(doc.files[1]?.file).toBe(bad);
    expect(doc.files[1]?.sheets).toEqual([]);
    expect(doc.files[1]?.error).toMatch(message);
  }
  // The human report says it under the file's name.
  const human = await runCli(["check", bad, good]);
  expect(human.code).toBe(2);
  expect(human.stdout).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n {2}无法校验：`));
}

const write = (name: string, bytes: Buffer | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

/** The first sector of an OLE compound file followed by directory entries with these UTF-16LE names. */
function oleFile(...streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = ["Root Entry", ...streams].map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, "utf16le");
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...entries]);
}

describe("bad input: a clear message, exit code 2 for that file, every other file still checked", () => {
  it("a file that does not exist", async () => {
    await expectRefused(
      path.join(dir, "missing.xlsx"),
      /^找不到此文件或目录。$/,
      /^No such file or directory\.$/,
    );
  });

  // CI runs as root, which can read a mode-000 file: the denial is simulated at the read, the one place it surfaces.
  it("permission denied, with the read failing as EACCES (mocked, so it runs as root too)", async () => {
    const file = await writeWorkbook(dir, "denied.xlsx", [CLEAN_RECOMMENDATION]);
    const real = fs.promises.readFile;
    const spy = jest.spyOn(fs.promises, "readFile").mockImplementation(((
      p: fs.PathLike,
      ...rest: unknown[]
    ) => {
      if (String(p) === file)
        return Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: "EACCES" }),
        );
      return (real as (...a: unknown[]) => Promise<Buffer>)(p, ...rest);
    }) as typeof fs.promises.readFile);
    try {
      await expectRefused(
        file,
        /^没有读取此文件的权限。请检查文件权限/,
        /^Permission denied: this file cannot be read/,
      );
      expect(spy).toHaveBeenCalledWith(file);
    } finally {
      spy.mockRestore();
    }
  });

  it("a file that is not a zip", async () => {
    const file = write(
      "photo.xlsx",
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
    );
    await expectRefused(
      file,
      /^不是有效的 \.xlsx 文件：内容不是 xlsx 所用的 zip 格式/,
      /^Not a valid \.xlsx file/,
    );
  });

  it("a corrupt xlsx: a zip cut short in transfer", async () => {
    const whole = fs.readFileSync(good);
    const file = write("truncated.xlsx", whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectRefused(
      file,
      /^文件已损坏，无法读取（找不到 zip 目录，文件可能被截断）/,
      /^The file is damaged and cannot be read/,
    );
  });

  it("a corrupt xlsx: a whole zip with broken XML inside", async () => {
    const file = write("broken-xml.xlsx", await rawXlsx('<worksheet><sheetData><row r="1"><c r="A1"><v>1'));
    await expectRefused(file, /^文件已损坏，无法读取（工作簿内容无法解析/, /cannot be parsed/);
  });

  it("a password-protected workbook (an encrypted OLE package)", async () => {
    const file = write("password.xlsx", oleFile("EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"));
    await expectRefused(
      file,
      /^此工作簿设置了打开密码（文件已加密）/,
      /^This workbook is password-protected \(encrypted\)/,
    );
  });

  it("an .xls whose content SheetJS cannot read (an OLE file with no workbook stream inside)", async () => {
    const file = write("old.xls", oleFile("Workbook", "\u0005SummaryInformation"));
    await expectRefused(
      file,
      /^这是旧版 Excel 工作簿（\.xls），但无法读取其内容（.+）。请用 Excel 或 WPS 打开，“另存为”/,
      /^This is an old Excel workbook \(\.xls\), but its content could not be read \(.+\)\. Open it in Excel or WPS/,
    );
  });

  it("an empty workbook: no sheets at all", async () => {
    const file = write("no-sheets.xlsx", Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()));
    await expectRefused(file, /^工作簿中没有任何工作表/, /^The workbook has no worksheets/);
  });

  it("an empty workbook: sheets without a single cell", async () => {
    const file = await writeWorkbook(dir, "blank-sheets.xlsx", [
      { name: "Sheet1", rows: [] },
      { name: "Sheet2", rows: [[null, ""]] },
    ]);
    await expectRefused(file, /^工作簿中的工作表都是空的/, /^Every worksheet of the workbook is empty/);
  });

  it("an empty file of 0 bytes", async () => {
    await expectRefused(write("zero.xlsx", ""), /^文件是空的（0 字节）/, /^The file is empty \(0 bytes\)/);
  });

  it(`a sheet with 1,000,000 rows is refused with the limit named (${SHEET_LIMITS.rows.toLocaleString("en-US")} rows; loading it would take ~5 GB)`, async () => {
    const file = write("million.xlsx", await rawXlsx(denseSheetXml(1_000_000), { sheetName: "明细" }));
    const started = Date.now();
    await expectRefused(
      file,
      // Counting stops as soon as the limit is passed, so the figures are those at that moment.
      /^工作表“明细”有超过 100,\d{3} 行、100,\d{3} 个单元格，超过本工具每张工作表 100,000 行、1,500,000 个单元格的上限（再大则校验需要 2 GB 以上内存）/,
      /^Sheet “明细” has at least 100,\d{3} rows and 100,\d{3} cells, over this tool's limit of 100,000 rows and 1,500,000 cells per sheet/,
    );
    // Measured, not loaded: three refusals within seconds.
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it("a sheet whose used range reaches row 1,000,000 with a few cells is checked normally", async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B1000000"/><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>承办单位</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>人工智能研修班</t></is></c><c r="B2" t="inlineStr"><is><t>上海某院</t></is></c></row>' +
      '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>备注</t></is></c></row></sheetData></worksheet>';
    const file = write("sparse.xlsx", await rawXlsx(xml));
    const run = await runCli(["check", file, "--json"]);
    const doc = JSON.parse(run.stdout) as JsonDoc;
    expect(doc.files[0]?.error).toBeNull();
    expect(doc.files[0]?.sheets.length).toBe(1);
    expect(run.code).not.toBe(2);
  });

  it("a file that is really CSV, named .xlsx", async () => {
    const file = write("list.xlsx", "推荐排序,项目名称,承办单位,备注\n1,人工智能研修班,上海某院,重点推荐\n");
    await expectRefused(
      file,
      /^这是 CSV 文本文件（以逗号或制表符分隔），不是 Excel 工作簿/,
      /^This is a CSV text file/,
    );
  });

  it("a .csv file", async () => {
    const file = write("list.csv", "\ufeff推荐排序\t项目名称\n1\t人工智能研修班\n");
    await expectRefused(file, /^这是 CSV 文本文件/, /^This is a CSV text file/);
  });

  it("a web page saved as .xls", async () => {
    const file = write(
      "export.xls",
      "<html><head><meta charset=utf-8></head><body><table><tr><td>项目名称</td></tr></table></body></html>",
    );
    await expectRefused(file, /^这是网页（HTML）文件/, /^This is a web page \(HTML\)/);
  });
});
