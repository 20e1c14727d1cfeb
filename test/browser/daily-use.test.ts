// The pane as staff use it all day (issue 13): several workbooks opened one after another, every one checked on
// opening, the download always carrying a current 校验结果, feedback in view, keyboard focus after dialogs.

import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { RESULTS_SHEET } from "../../src/adapters/xlsx/annotate";
import { builtPane, launchChromium, openPage } from "./harness";
import {
  BUNDLED_EXAMPLE,
  currentPanel,
  downloadMarked,
  EXAMPLES,
  expandFindingGroups,
  fileModeUrl,
} from "./pane";
import { workbookDir, writeGolden, writeWithCover } from "./workbooks";

let browser: Browser;
const { url } = builtPane();
const opened: BrowserContext[] = [];
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = workbookDir();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

const WORDS = {
  zh: {
    locale: "zh-CN",
    current: (name: string) => `当前文件：${name}`,
    open: "打开 xlsx 文件",
    counts: /^(发现 \d+ 个错误、\d+ 个提醒。|未发现错误或提醒。)$/,
    problems: /^发现 [1-9]\d* 个错误、\d+ 个提醒。$/,
    failed: "操作未完成",
    download: "下载已标记文件",
  },
  en: {
    locale: "en-US",
    current: (name: string) => `Current file: ${name}`,
    open: "Open xlsx file",
    counts: /^(\d+ errors and \d+ warnings found\.|No errors or warnings found\.)$/,
    problems: /^[1-9]\d* errors and \d+ warnings found\.$/,
    failed: "Not done",
    download: "Download marked file",
  },
} as const;

async function openPane(lang: "zh" | "en" = "zh"): Promise<Page> {
  const { context, page } = await openPage(browser, { locale: WORDS[lang].locale });
  opened.push(context);
  await page.goto(fileModeUrl(url));
  await page.getByText(WORDS[lang].current(BUNDLED_EXAMPLE), { exact: true }).waitFor({ timeout: 30_000 });
  return page;
}

async function openFile(page: Page, file: string, lang: "zh" | "en" = "zh"): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: WORDS[lang].open }).click(),
  ]);
  await chooser.setFiles(file);
  await page
    .getByText(WORDS[lang].current(path.basename(file)), { exact: true })
    .waitFor({ timeout: 30_000 });
}

/** The pane shows no failure anywhere: no alert, no 操作未完成 / Not done. */
async function expectNoError(page: Page, lang: "zh" | "en"): Promise<void> {
  expect(await page.getByRole("alert").count()).toBe(0);
  expect(await page.getByText(WORDS[lang].failed, { exact: true }).count()).toBe(0);
}

describe("opening one workbook after another", () => {
  it.each(["zh", "en"] as const)(
    "(%s) shows the findings of a 2nd and 3rd workbook with other sheet names, and no stale error",
    async (lang) => {
      const page = await openPane(lang);
      await page.getByText(WORDS[lang].problems).waitFor({ timeout: 30_000 });
      // 福建 国家级申报表, then 湖北 申报表: neither has a sheet named 推荐表 (the example's).
      for (const id of ["fj-national-violations", "hb-violations", "sh-summary-violations"]) {
        const file = await writeGolden(dir, id, `${lang}-${id}.xlsx`);
        await openFile(page, file, lang);
        // Checked on opening, without pressing anything: counts with at least one error, and listed findings.
        await page.getByText(WORDS[lang].problems).waitFor({ timeout: 30_000 });
        const groups = currentPanel(page).getByRole("region", { name: /^(问题列表|Findings)$/ });
        expect(await groups.getByRole("button", { expanded: false }).count()).toBeGreaterThan(0);
        await expectNoError(page, lang);
      }
    },
  );

  it("checks a workbook saved on its cover sheet on the first sheet that is a table, and moves there", async () => {
    const page = await openPane();
    const file = await writeWithCover(dir, "fj-provincial-violations", "带说明页.xlsx");
    await openFile(page, file);
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    expect(
      await page
        .getByRole("combobox", { name: /工作表/ })
        .first()
        .inputValue(),
    ).toBe("省级申报表");
    await expectNoError(page, "zh");
  });
});

describe("the download", () => {
  it("right after opening carries 校验结果 with the findings of the workbook as opened", async () => {
    const page = await openPane();
    await openFile(page, path.join(EXAMPLES, "sh-application.xlsx"));
    const { workbook } = await downloadMarked(page);
    const results = workbook.getWorksheet(RESULTS_SHEET);
    expect(results).toBeDefined();
    expect(results!.actualRowCount).toBeGreaterThan(1);
  });
});

/** The element lies wholly inside the viewport (what the user sees without scrolling). */
async function expectInView(page: Page, text: RegExp | string): Promise<void> {
  const target = page.getByText(text).last();
  await target.waitFor({ timeout: 15_000 });
  // Let the toast's slide-in finish: the settled position is what the user reads.
  await page.waitForTimeout(600);
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

describe("feedback where the eye is", () => {
  it("says which cell a finding selected inside the viewport, however far down the finding was, and announces it", async () => {
    const page = await openPane();
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    await expandFindingGroups(page);
    const panel = currentPanel(page);
    const last = panel.getByRole("button", { name: /^定位到单元格 / }).last();
    await last.scrollIntoViewIfNeeded();
    const cell = ((await last.getAttribute("aria-label")) ?? "").replace("定位到单元格 ", "");
    await last.click();
    const said = new RegExp(`^已定位：“推荐表”工作表 ${cell} 单元格$`);
    await expectInView(page, said);
    // The toaster's live region carries the same words to screen readers.
    await page
      .locator("[aria-live]")
      .filter({ hasText: `${cell} 单元格` })
      .first()
      .waitFor({ state: "attached" });
  });

  it("says a template was inserted inside the viewport after scrolling to the bottom of the gallery", async () => {
    const page = await openPane();
    await page.getByRole("tab", { name: "表格" }).click();
    const insert = currentPanel(page)
      .getByRole("button", { name: /^插入 附件/ })
      .last();
    await insert.scrollIntoViewIfNeeded();
    await insert.click();
    await expectInView(page, /^已插入工作表“.+”。$/);
  });
});
