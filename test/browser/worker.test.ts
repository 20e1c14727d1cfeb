// The file mode's work off the page's thread (issue 13, fault 4): a 20,000-row list is read, checked and marked in a
// worker, so the pane answers clicks while it opens; a newer file chosen meanwhile wins; the worker comes from the
// add-in's own origin under the pages' CSP.

import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { builtPane, launchChromium, openPage, type PageLog } from "./harness";
import { BUNDLED_EXAMPLE, currentPanel, fileModeUrl, openThroughButton, waitForFile } from "./pane";
import { workbookDir, writeGolden, writeLongList } from "./workbooks";

let browser: Browser;
const { url } = builtPane();
const opened: BrowserContext[] = [];
let dir: string;
let bigList: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = workbookDir();
  bigList = await writeLongList(dir, 20_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

/** office.js's telemetry frame, refused by the CSP before any request (see file-mode.test.ts): the one violation. */
const OFFICE_TELEMETRY_FRAME = /fram(e|ing).*https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/is;

const PROBLEMS = /^发现 [1-9][\d,]* 个错误、[\d,]+ 个提醒。$/;

async function openPane(): Promise<{ page: Page; log: PageLog }> {
  const { context, page, log } = await openPage(browser);
  opened.push(context);
  await page.goto(fileModeUrl(url));
  await waitForFile(page, BUNDLED_EXAMPLE);
  await page.getByText(PROBLEMS).waitFor({ timeout: 30_000 });
  return { page, log };
}

describe("a 20,000-row list in file mode", () => {
  it("answers a click on another tab while the list opens, then shows its findings", async () => {
    const { page, log } = await openPane();
    await openThroughButton(page, bigList);
    const opening = page.getByText(`正在打开“${path.basename(bigList)}”`);
    await opening.waitFor({ timeout: 10_000 });
    // The 统计 tab is handled while the list is still being opened: the page's thread is free.
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("tab", { name: "统计", selected: true }).waitFor({ timeout: 2_000 });
    expect(await opening.isVisible()).toBe(true);
    await page.getByRole("tab", { name: "校验" }).click();
    await page
      .getByText(`当前文件：${path.basename(bigList)}`, { exact: true })
      .waitFor({ timeout: 120_000 });
    // Checked and marked on opening, in the worker: the counts and the groups of findings are shown.
    await page.getByText(PROBLEMS).waitFor({ timeout: 120_000 });
    const groups = currentPanel(page).getByRole("region", { name: "问题列表" });
    const header = groups.getByRole("button", { name: /^学员人数不足/ });
    expect(await header.innerText()).toMatch(/错误\s*6,66[67]/);
    await header.click();
    expect(await groups.getByRole("listitem").count()).toBe(50);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(log.blocked).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.cspViolations.filter((v) => !OFFICE_TELEMETRY_FRAME.test(v))).toEqual([]);
  }, 180_000);

  it("drops the list still opening when another file is chosen, and keeps the newer one", async () => {
    const { page } = await openPane();
    await openThroughButton(page, bigList);
    await page.getByText(`正在打开“${path.basename(bigList)}”`).waitFor({ timeout: 10_000 });
    const small = await writeGolden(dir, "hb-violations", "后选的申报表.xlsx");
    await openThroughButton(page, small);
    await waitForFile(page, path.basename(small));
    await page.getByText(PROBLEMS).waitFor({ timeout: 30_000 });
    // Long enough for the dropped list to have opened had it not been stopped.
    await page.waitForTimeout(8_000);
    expect(await page.getByText(`当前文件：${path.basename(small)}`, { exact: true }).count()).toBe(1);
    expect(await page.getByText(`“${path.basename(bigList)}”`).count()).toBe(0);
  }, 120_000);

  it("starts the worker from the add-in's origin, under a CSP that allows workers from 'self' only", async () => {
    const { context, page, log } = await openPage(browser);
    opened.push(context);
    const response = await page.goto(fileModeUrl(url));
    await waitForFile(page, BUNDLED_EXAMPLE);
    await page.getByText(PROBLEMS).waitFor({ timeout: 30_000 });
    expect(response?.headers()["content-security-policy"]).toContain("worker-src 'self'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(meta).toContain("worker-src 'self'");
    expect(page.workers().length).toBeGreaterThan(0);
    for (const worker of page.workers()) expect(new URL(worker.url()).origin).toBe(new URL(url).origin);
    expect(log.cspViolations.filter((v) => !OFFICE_TELEMETRY_FRAME.test(v))).toEqual([]);
  });
});
