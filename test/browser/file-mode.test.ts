// The task pane in a real browser: the production build served on localhost with the real office.js loaded from the
// build, driven in Debian's chromium through the file mode (an xlsx file opened in the browser).

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import { readIgnores } from "../../src/adapters/xlsx/ignores";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import { MARK_FILL, MARK_PREFIX, planMarks } from "../../src/core/marks";
import { builtPane, launchChromium, openPage, type PageLog } from "./harness";
import {
  BUNDLED_EXAMPLE,
  checkSheet,
  currentPanel,
  downloadMarked,
  EXAMPLES,
  fileModeUrl,
  fillOf,
  listedFindings,
  noteOf,
  openThroughButton,
  seriousViolations,
  screenshot,
  SCREENSHOT_OUT,
  waitForFile,
} from "./pane";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const SEVERITY_FILL: Record<string, string> = { 错误: argb(MARK_FILL.error), 提醒: argb(MARK_FILL.warning) };

/**
 * Files the build may serve to the pane: its page, scripts, office.js, icons and the one example workbook. Excel mode's
 * chunks (office-mode.js with the Office adapter, excel-sections.js) are not among them (issue 15); engine.js, the
 * page's engine, comes only with 统计 and 表格 (their pack registry), never with opening and checking a file, which
 * the worker does (the first test pins that).
 */
const ALLOWED_PATHS =
  /^\/(taskpane\.html|taskpane\.js|file-mode\.js|engine\.js|ignore-dialog\.js|toast\.js|yanxiu-workbook\.js|stats\.js|templates\.js|\d+\.js|exceljs\.js|sheetjs\.js|office-js\/.+|assets\/.+|examples\/sh-recommendation\.xlsx|packs\/index\.json)$/;

let browser: Browser;
const { url } = builtPane();
const opened: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

/** A pane page on the file mode address, with the bundled example open. */
async function openPane(): Promise<{ page: Page; log: PageLog; interactiveMs: number }> {
  const { context, page, log } = await openPage(browser);
  opened.push(context);
  await page.goto(fileModeUrl(url));
  await waitForFile(page, BUNDLED_EXAMPLE);
  await currentPanel(page).getByRole("button", { name: "校验当前工作表" }).waitFor();
  // Milliseconds since the navigation started, measured by the page's own clock.
  const interactiveMs = await page.evaluate(() => Math.round(performance.now()));
  return { page, log, interactiveMs };
}

/**
 * office.js, loaded outside Office, tries to open a hidden telemetry frame three seconds after it starts (OSF.Logger's
 * ULS endpoint, o15apptofilemappingtable.js). The page's CSP refuses it before any request is made: that refusal is
 * the one violation a page may show, and it never reaches the network (the route below would have seen it).
 */
const OFFICE_TELEMETRY_FRAME = /fram(e|ing).*https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/is;

/** Nothing left localhost; nothing but the build's own files was asked for; no other CSP violation, no error. */
function expectStayedLocal(log: PageLog): void {
  expect(log.blocked).toEqual([]);
  for (const request of log.requests) {
    const { origin, pathname } = new URL(request);
    expect(origin).toBe(new URL(url).origin);
    expect(pathname).toMatch(ALLOWED_PATHS);
  }
  expect(log.cspViolations.filter((v) => !OFFICE_TELEMETRY_FRAME.test(v))).toEqual([]);
  expect(log.errors).toEqual([]);
}

describe("the browser file mode", () => {
  it("opens with the bundled example loaded and checked, says it is the file mode, and sends nothing anywhere", async () => {
    const { page, log, interactiveMs } = await openPane();
    const region = page.getByRole("region", { name: "文件模式" });
    await region.getByText("文件只在本机浏览器中读取和处理，不会上传，也不会发送到任何地方。").waitFor();
    // Checked on opening: the counts and the marks are there without pressing anything.
    await page.getByText(/^发现 \d+ 个错误、\d+ 个提醒。$/).waitFor({ timeout: 30_000 });
    await page.getByText(/^已在工作表中标记 \d+ 个单元格。$/).waitFor();
    console.log(
      `pane interactive=${interactiveMs}ms (navigation to the example open and the check button ready)`,
    );

    // The page and the server both declare the policy; connect-src 'self' means no request can leave the origin.
    const response = await page.request.get(fileModeUrl(url));
    expect(response.headers()["content-security-policy"]).toContain("connect-src 'self'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(meta).toContain("connect-src 'self'");
    expect(meta).not.toMatch(/unsafe-eval|\*/);
    // A request to anywhere else is refused by the browser itself, before our route would see it.
    const outcome = await page.evaluate(() =>
      fetch("http://127.0.0.1:9/collect", { method: "POST", body: "x" }).then(
        () => "sent",
        () => "refused",
      ),
    );
    expect(outcome).toBe("refused");
    expect(log.requests.some((r) => r.includes("/collect"))).toBe(false);
    log.cspViolations.splice(
      0,
      log.cspViolations.length,
      ...log.cspViolations.filter((v) => !/127\.0\.0\.1:9/.test(v)),
    );
    log.errors.splice(
      0,
      log.errors.length,
      ...log.errors.filter((e) => !/127\.0\.0\.1:9|Failed to fetch/.test(e)),
    );
    expectStayedLocal(log);
    // The file mode's page took in neither the Office adapter nor the engine (its worker checks).
    expect(log.requests.filter((r) => /\/(office-mode|excel-sections|engine)\.js$/.test(r))).toEqual([]);
    // office.js itself was loaded, from the build, and found no Office host.
    expect(log.requests.some((r) => r.endsWith("/office-js/office.js"))).toBe(true);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe("object");
  });

  it("says so when the bundled example cannot be fetched (its open starts before the pane is drawn), and opens a file after", async () => {
    const { context, page } = await openPage(browser);
    opened.push(context);
    // Registered after openPage's catch-all, so it answers first.
    await context.route("**/examples/sh-recommendation.xlsx", (route) =>
      route.fulfill({ status: 404, body: "" }),
    );
    await page.goto(fileModeUrl(url));
    await page
      .getByText("示例工作簿未能载入（HTTP 404）。请点击“打开文件”选择自己的工作簿。")
      .waitFor({ timeout: 30_000 });
    await openThroughButton(page, path.join(EXAMPLES, BUNDLED_EXAMPLE));
    await waitForFile(page, BUNDLED_EXAMPLE);
    await page.getByText(/^发现 \d+ 个错误、\d+ 个提醒。$/).waitFor({ timeout: 30_000 });
  }, 60_000);

  it("opens a workbook, checks it, selects a finding, ignores one with a reason, and downloads the marked copy", async () => {
    const { page, log } = await openPane();
    const source = path.join(EXAMPLES, "sh-city-summary.xlsx");
    await openThroughButton(page, source);
    await waitForFile(page, "sh-city-summary.xlsx");
    await checkSheet(page);

    const listed = await listedFindings(page);
    const marked = listed.filter((f) => f.severity !== "说明");
    expect(marked.length).toBeGreaterThan(1);

    // Choosing a finding selects its cell: the file mode shows which cell and what it holds.
    const first = marked[0]!;
    await currentPanel(page)
      .getByRole("button", { name: `定位到单元格 ${first.cell}` })
      .first()
      .click();
    const selected = page.getByText(new RegExp(`^已定位：“.+”工作表 ${first.cell} 单元格$`));
    await selected.waitFor();
    const selectedSheet = /“(.+)”/.exec(await selected.innerText())?.[1];

    // 忽略 with a reason: the finding leaves the list and shows under 已忽略 with the reason.
    const ignored = marked.find(
      (f) => f.cell !== first.cell && marked.filter((g) => g.cell === f.cell).length === 1,
    )!;
    await currentPanel(page)
      .getByRole("button", { name: `忽略 ${ignored.cell} 的问题` })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: /忽略原因/ }).fill("与承办单位核实，名称以批文为准");
    await dialog.getByRole("button", { name: "忽略", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("原因：与承办单位核实，名称以批文为准").waitFor();
    await page.getByText(/^已在工作表中标记 \d+ 个单元格。$/).waitFor();

    const { download, workbook } = await downloadMarked(page);
    expect(download.suggestedFilename()).toBe("sh-city-summary.checked.xlsx");

    // The engine, run here on the original file with the same ignore, says which cells must be marked and how.
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(source);
    const stored = readIgnores(workbook).ignores;
    expect(stored).toEqual([
      expect.objectContaining({ cell: ignored.cell, reason: "与承办单位核实，名称以批文为准" }),
    ]);
    const sheet = stored[0]!.sheet;
    expect(selectedSheet).toBe(sheet);
    const check = checkWorkbook(gridsFromWorkbook(original), { ignored: stored }).find(
      (c) => c.sheet === sheet,
    )!;
    const planned = new Map(planMarks(check.findings).map((m) => [toA1(m.row, m.col), m]));
    // The ignored finding was the only one on its cell: the cell is not marked any more.
    expect(planned.has(ignored.cell)).toBe(false);

    const ws = workbook.getWorksheet(sheet)!;
    const painted = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const fill = fillOf(cell);
        if (fill === SEVERITY_FILL["错误"] || fill === SEVERITY_FILL["提醒"]) painted.set(cell.address, fill);
      }),
    );
    expect([...painted.keys()].sort()).toEqual([...planned.keys()].sort());
    for (const [address, mark] of planned) {
      expect(painted.get(address)).toBe(argb(MARK_FILL[mark.severity]));
      expect(noteOf(ws.getCell(address))).toBe(mark.note);
    }
    // What the pane listed is what the file carries, and the 校验结果 sheet lists it too.
    for (const f of listed.filter((g) => g.cell !== ignored.cell && g.severity !== "说明"))
      expect(noteOf(ws.getCell(f.cell)).startsWith(MARK_PREFIX)).toBe(true);
    expect(workbook.getWorksheet(RESULTS_SHEET)).toBeDefined();
    expectStayedLocal(log);
  });

  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1024);
  const oldXls = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(oldXls);

  it.each([
    {
      what: "CSV saved as .csv",
      name: "推荐名单.csv",
      bytes: Buffer.from("推荐排序,项目名称\n1,研修班甲\n"),
      says: /CSV 文本文件/,
    },
    {
      what: "CSV renamed to .xlsx",
      name: "推荐名单.xlsx",
      bytes: Buffer.from("a;b\n1;2\n"),
      says: /CSV 文本文件/,
    },
    {
      what: "not a zip",
      name: "损坏.xlsx",
      bytes: Buffer.from([0x01, 0x02, 0x03, 0x04, 0x00, 0xff]),
      says: /不是 xlsx 所用的 zip 格式/,
    },
    { what: "password-protected", name: "加密.xlsx", bytes: ole, says: /设置了打开密码/ },
    {
      what: "a damaged old .xls",
      name: "旧表.xls",
      bytes: oldXls,
      says: /旧版 Excel 工作簿（\.xls），但无法读取其内容/,
    },
    { what: "empty", name: "空.xlsx", bytes: Buffer.alloc(0), says: /文件是空的/ },
  ])(
    "says in Chinese why $what cannot be opened, and keeps the workbook open before",
    async ({ name, bytes, says }) => {
      const { page, log } = await openPane();
      await openThroughButton(page, { name, mimeType: "application/octet-stream", buffer: bytes });
      const alert = page.getByRole("alert").filter({ hasText: `无法打开“${name}”` });
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(says);
      expect(await alert.innerText()).toContain(`仍在使用之前打开的“${BUNDLED_EXAMPLE}”`);
      await waitForFile(page, BUNDLED_EXAMPLE);
      // Nothing lost: the example can still be checked and downloaded.
      await checkSheet(page);
      const { download } = await downloadMarked(page);
      expect(download.suggestedFilename()).toBe("sh-recommendation.checked.xlsx");
      expectStayedLocal(log);
    },
  );

  it("inserts a template as a new sheet and downloads the workbook with it", async () => {
    const { page, log } = await openPane();
    await page.getByRole("tab", { name: "表格" }).click();
    const insert = currentPanel(page)
      .getByRole("button", { name: /^插入 附件/ })
      .first();
    const label = (await insert.getAttribute("aria-label")) ?? "";
    await insert.click();
    const done = page.getByText(/^已插入工作表“.+”。$/).last();
    await done.waitFor({ timeout: 30_000 });
    const name = /“(.+)”/.exec(await done.innerText())?.[1] ?? "";
    expect(name).not.toBe("");
    await screenshot(page, "templates");
    const { workbook } = await downloadMarked(page);
    const inserted = workbook.getWorksheet(name);
    expect(inserted).toBeDefined();
    expect(inserted!.actualRowCount).toBeGreaterThan(3);
    // The template's title is written into it (the gallery's button names the attachment and title).
    const title = label.replace(/^插入 附件\S*\s*/, "");
    const texts: string[] = [];
    inserted!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    expect(texts.join("\n")).toContain(title.slice(0, 8));
    expectStayedLocal(log);
  });

  it("shows the statistics of the example list", async () => {
    const { page, log } = await openPane();
    await page.getByRole("tab", { name: "统计" }).click();
    const totals = currentPanel(page).getByRole("region", { name: "总体" });
    await totals.waitFor({ timeout: 30_000 });
    expect(await totals.innerText()).toMatch(/项目数[\s\S]*\d/);
    await screenshot(page, "statistics");
    expectStayedLocal(log);
  });

  it("has no serious or critical accessibility violations (axe-core) on any tab, and is pictured at 320×900", async () => {
    const { page, log } = await openPane();
    const counts = page.getByText(/^发现 \d+ 个错误、\d+ 个提醒。$/);
    await counts.waitFor({ timeout: 30_000 });
    // The picture: the counts at the top of the pane, the groups of findings open below them.
    await listedFindings(page);
    await counts.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "findings");
    const report: Record<string, unknown> = {};
    report.check = await seriousViolations(page);
    await page.getByRole("tab", { name: "统计" }).click();
    await currentPanel(page).getByRole("region", { name: "总体" }).waitFor({ timeout: 30_000 });
    report.stats = await seriousViolations(page);
    await page.getByRole("tab", { name: "表格" }).click();
    await currentPanel(page)
      .getByRole("button", { name: /^插入 附件/ })
      .first()
      .waitFor();
    report.templates = await seriousViolations(page);
    expect(report).toEqual({ check: [], stats: [], templates: [] });
    expectStayedLocal(log);
    expect(fs.existsSync(path.join(SCREENSHOT_OUT, "findings.png"))).toBe(true);
  });
});
