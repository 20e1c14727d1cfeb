// A whole folder in the browser (issue 13): 50 files, bad ones among them, checked in the page with a progress bar;
// the table of files; one opened in the pane; the summary workbook equal to `yanxiu check --summary`; the annotated
// copies as one zip; nothing leaves the machine.

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import { main } from "../../src/cli/main";
import { builtPane, launchChromium, openPage, tempDir, type PageLog } from "./harness";
import { BUNDLED_EXAMPLE, EXAMPLES, fileModeUrl, screenshot, waitForFile } from "./pane";
import { writeGolden } from "./workbooks";

let browser: Browser;
const { url } = builtPane();
const opened: BrowserContext[] = [];
let folder: string;
const GOOD = [
  "sh-recommendation-violations",
  "sh-summary-violations",
  "sh-application-clean",
  "fj-national-violations",
  "fj-summary-clean",
  "hb-violations",
  "inst-violations",
];
const BAD: Array<[string, Buffer, RegExp]> = [
  ["损坏.xlsx", Buffer.from([1, 2, 3, 4, 0, 255]), /不是 xlsx 所用的 zip 格式/],
  ["名单.csv", Buffer.from("推荐排序,项目名称\n1,研修班\n"), /CSV 文本文件/],
  ["空.xlsx", Buffer.alloc(0), /文件是空的/],
];

beforeAll(async () => {
  browser = await launchChromium();
  folder = path.join(tempDir("yanxiu-browser-folder-"), "申报材料");
  fs.mkdirSync(path.join(folder, "二批"), { recursive: true });
  // 47 workbooks (golden cases of three notices, written again under other names) and 3 that cannot be read.
  for (let i = 0; i < 47; i++) {
    const id = GOOD[i % GOOD.length]!;
    const sub = i % 5 === 0 ? "二批" : "";
    await writeGolden(path.join(folder, sub), id, `${String(i).padStart(2, "0")}-${id}.xlsx`);
  }
  for (const [name, bytes] of BAD) fs.writeFileSync(path.join(folder, name), bytes);
  // Not taken: a lock file, a hidden file and an annotated copy, as `yanxiu check DIR` leaves them.
  fs.writeFileSync(path.join(folder, "~$00-sh.xlsx"), "lock");
  fs.writeFileSync(path.join(folder, ".hidden.xlsx"), "x");
  fs.copyFileSync(path.join(EXAMPLES, "sh-recommendation.xlsx"), path.join(folder, "old.checked.xlsx"));
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

async function openPane(): Promise<{ page: Page; log: PageLog }> {
  const { context, page, log } = await openPage(browser);
  opened.push(context);
  await page.goto(fileModeUrl(url));
  await waitForFile(page, BUNDLED_EXAMPLE);
  return { page, log };
}

async function cliSummary(dir: string): Promise<ExcelJS.Workbook> {
  const out = path.join(tempDir("yanxiu-browser-summary-"), "汇总.xlsx");
  // The folder as the user names it (its own name), from its parent: the names the browser gives the files.
  await main(["check", path.basename(dir), "--summary", out], {
    stdout: () => undefined,
    stderr: () => undefined,
    lang: "zh",
    isTTY: false,
    cwd: path.dirname(dir),
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

function sheetValues(wb: ExcelJS.Workbook): string[][][] {
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))),
    );
    return rows;
  });
}

describe("a whole folder in the browser", () => {
  it("checks 50 files with a progress bar, lists them, opens one, and downloads the summary and the copies", async () => {
    const { page, log } = await openPane();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "检查整个文件夹" }).click(),
    ]);
    await chooser.setFiles(folder);
    const region = page.getByRole("region", { name: "整个文件夹" });
    await region.getByRole("progressbar").waitFor({ timeout: 30_000 });
    await region.getByText(/^已校验 50 个文件：\d+ 个有错误，3 个无法读取。$/).waitFor({ timeout: 120_000 });
    await screenshot(page, "folder");

    // One row per file taken: the lock file, the hidden file and the annotated copy are left out.
    const rows = region.locator("tbody tr");
    expect(await rows.count()).toBe(50);
    for (const [name, , reason] of BAD) {
      const row = region.locator(`tr[data-file$="${name}"]`);
      expect(await row.innerText()).toMatch(reason);
    }
    const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-file") ?? ""));
    expect(names.some((n) => n.includes("二批/"))).toBe(true);
    expect(names.some((n) => /~\$|\.hidden|checked/.test(n))).toBe(false);
    const hb = region.locator('tr[data-file$="12-hb-violations.xlsx"]');
    expect(await hb.innerText()).toMatch(/申报表 · 湖北/);

    // The summary workbook is the one `yanxiu check --summary` writes for the same folder.
    const [summary] = await Promise.all([
      page.waitForEvent("download"),
      region.getByRole("button", { name: "下载汇总工作簿" }).click(),
    ]);
    const fromPane = new ExcelJS.Workbook();
    await fromPane.xlsx.readFile(await summary.path());
    const fromCli = await cliSummary(folder);
    expect(sheetValues(fromPane)).toEqual(sheetValues(fromCli));

    // The annotated copies, one per readable file, each with its 校验结果.
    const [zipped] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      region.getByRole("button", { name: "下载全部标记副本（zip）" }).click(),
    ]);
    expect(zipped.suggestedFilename()).toBe("标记副本.zip");
    const zip = await JSZip.loadAsync(fs.readFileSync(await zipped.path()));
    const copies = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(copies).toHaveLength(47);
    expect(copies.every((n) => n.endsWith(".checked.xlsx"))).toBe(true);
    const one = new ExcelJS.Workbook();
    await one.xlsx.load(
      (await zip
        .file(copies.find((n) => n.includes("hb-violations"))!)!
        .async("nodebuffer")) as unknown as ExcelJS.Buffer,
    );
    expect(one.getWorksheet(RESULTS_SHEET)).toBeDefined();

    // Open one in the pane: its findings are there, checked on opening.
    await region.getByRole("button", { name: /^在窗格中打开 .*12-hb-violations\.xlsx$/ }).click();
    await waitForFile(page, "12-hb-violations.xlsx");
    await page.getByText(/^发现 [1-9]\d* 个错误、\d+ 个提醒。$/).waitFor({ timeout: 30_000 });

    // Nothing left the machine: every request stayed on the pane's own origin.
    expect(log.blocked).toEqual([]);
    for (const request of log.requests) expect(new URL(request).origin).toBe(new URL(url).origin);
    expect(log.errors).toEqual([]);
  });
});
