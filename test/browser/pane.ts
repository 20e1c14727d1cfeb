// Driving the pane the way a person does: by roles and accessible names (the words on the screen), never by CSS
// classes, so the tests read like the steps in the README and survive restyling.

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Download, Locator, Page } from "playwright-core";
import { ROOT } from "./harness";

/** The examples the CLI worker's script builds (npm run build:examples); one of them is bundled into the pane. */
export const EXAMPLES = path.join(ROOT, "examples");
export const BUNDLED_EXAMPLE = "sh-recommendation.xlsx";

/** Where every run leaves its screenshots; UPDATE_SCREENSHOTS=1 also refreshes the committed ones in docs/. */
export const SCREENSHOT_OUT = path.join(ROOT, "test-output", "screenshots");
export const SCREENSHOT_DOCS = path.join(ROOT, "docs", "screenshots");

export const fileModeUrl = (base: string) => `${base}taskpane.html?mode=file`;

/** Waits until the pane shows a workbook as the current file. */
export async function waitForFile(page: Page, name: string): Promise<void> {
  await page.getByText(`当前文件：${name}`, { exact: true }).waitFor({ timeout: 30_000 });
}

/** Chooses a file through 打开文件, as a person does (the file chooser the button opens). */
export async function openThroughButton(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "打开文件" }).click(),
  ]);
  await chooser.setFiles(file);
}

/** The panel of the tab now shown. */
export function currentPanel(page: Page): Locator {
  return page.getByRole("tabpanel").filter({ visible: true });
}

/** Presses 校验当前工作表 and waits for the counts. */
export async function checkSheet(page: Page): Promise<void> {
  await currentPanel(page).getByRole("button", { name: "校验当前工作表" }).click();
  await page.getByText(/^(发现 \d+ 个错误、\d+ 个提醒。|未发现错误或提醒。)$/).waitFor({ timeout: 30_000 });
}

/** Opens every collapsed group of findings, so each finding's cell button is on the page. */
export async function expandFindingGroups(page: Page): Promise<void> {
  const panel = currentPanel(page).getByRole("region", { name: /^(问题列表|Findings)$/ });
  for (;;) {
    const closed = panel.getByRole("button", { expanded: false });
    if ((await closed.count()) === 0) return;
    await closed.first().click();
  }
}

/** The findings listed in the check tab: their cell and the severity word on their badge. */
export async function listedFindings(page: Page): Promise<Array<{ cell: string; severity: string }>> {
  await expandFindingGroups(page);
  const items = currentPanel(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: /^定位到单元格 / }) });
  const out: Array<{ cell: string; severity: string }> = [];
  for (const item of await items.all()) {
    const label =
      (await item.getByRole("button", { name: /^定位到单元格 / }).getAttribute("aria-label")) ?? "";
    const text = await item.innerText();
    const severity = /错误|提醒|说明/.exec(text)?.[0] ?? "";
    out.push({ cell: label.replace(/^定位到单元格 /, ""), severity });
  }
  return out;
}

/** Clicks 下载已标记文件 and returns the download with its bytes loaded into ExcelJS. */
export async function downloadMarked(
  page: Page,
): Promise<{ download: Download; workbook: ExcelJS.Workbook; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已标记文件" }).click(),
  ]);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { download, workbook, bytes };
}

/** Saves a screenshot of the pane into test-output/, and into docs/screenshots/ when asked to refresh them. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_OUT, { recursive: true });
  const file = path.join(SCREENSHOT_OUT, `${name}.png`);
  // Let Fluent's open/close motions (accordions, message bars) finish: the picture shows the settled pane.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, animations: "disabled" });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    fs.mkdirSync(SCREENSHOT_DOCS, { recursive: true });
    fs.copyFileSync(file, path.join(SCREENSHOT_DOCS, `${name}.png`));
  }
  return file;
}

/** The solid fill colour (ARGB) of a cell, or null when it has none. */
export function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  return fill?.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
}

/** The text of a cell's note, or "" when it has none. */
export function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/** Runs axe-core (node_modules/axe-core) in the page and returns its serious and critical violations. */
export async function seriousViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's CSP (script-src 'self')
  // rightly refuses inline scripts, and the test must not loosen it.
  const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: object, options: object) => Promise<AxeResults> } })
      .axe;
    interface AxeResults {
      violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
    }
    // Fluent UI's focus manager (Tabster) puts invisible <i tabindex="0" aria-hidden="true" data-tabster-dummy> guards
    // around focus groups; they never keep focus (they pass it on at once), which axe's aria-hidden-focus cannot
    // know. Only those elements are left out; everything else of the page is scanned.
    const results = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact ?? "", nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
