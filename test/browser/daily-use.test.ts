// The pane as staff use it all day (issue 13): several workbooks opened one after another, every one checked on
// opening, the download always carrying a current 校验结果, feedback in view, keyboard focus after dialogs.

import * as fs from "node:fs";
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
import { workbookDir, writeGolden, writeLongList, writeWithCover } from "./workbooks";

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
    open: "打开文件",
    counts: /^(发现 \d+ 个错误、\d+ 个提醒。|未发现错误或提醒。)$/,
    problems: /^发现 [1-9]\d* 个错误、\d+ 个提醒。$/,
    failed: "操作未完成",
    download: "下载已标记文件",
  },
  en: {
    locale: "en-US",
    current: (name: string) => `Current file: ${name}`,
    open: "Open a file",
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

/** Waits (up to 30 s) until `read` gives a value `ok` accepts; fails with the last value otherwise. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last: T = await read();
  for (let i = 0; i < 150 && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  if (!ok(last)) throw new Error(`Still ${JSON.stringify(last)} after 30 s`);
  return last;
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

describe("workbooks in the formats WPS and LibreOffice save", () => {
  it.each(["sh-recommendation.xls", "sh-recommendation.et", "sh-city-summary.ods"])(
    "%s opens, is checked on opening, and its copy downloads as .xlsx with 校验结果",
    async (name) => {
      const page = await openPane();
      await openFile(page, path.join(__dirname, "..", "fixtures", "legacy", name));
      await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
      await expectNoError(page, "zh");
      const { download, workbook } = await downloadMarked(page);
      expect(download.suggestedFilename()).toBe(`${name}.checked.xlsx`);
      expect(workbook.getWorksheet(RESULTS_SHEET)!.actualRowCount).toBeGreaterThan(1);
    },
  );
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
    // Record what enters any aria-live region from now on.
    await page.evaluate(() => {
      const w = window as unknown as { announced: string[] };
      w.announced = [];
      new MutationObserver(() => {
        for (const region of document.querySelectorAll("[aria-live]"))
          if (region.textContent) w.announced.push(region.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await last.click();
    const said = new RegExp(`^已定位：“推荐表”工作表 ${cell} 单元格$`);
    await expectInView(page, said);
    // The toaster's live region carried the same words to screen readers (it empties itself once read out).
    const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced);
    expect(announced.some((text) => text.includes(`${cell} 单元格`))).toBe(true);
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

describe("long lists", () => {
  it("draws a group of findings and the ranking a page at a time, with 显示更多 and thousands separators", async () => {
    const page = await openPane();
    await openFile(page, await writeLongList(dir, 1200));
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 60_000 });
    const groups = currentPanel(page).getByRole("region", { name: "问题列表" });
    // The group of 学员人数不足 (every third row): 400 findings, 50 drawn.
    const header = groups.getByRole("button", { name: /^学员人数不足/ });
    expect(await header.innerText()).toMatch(/错误\s*400/);
    await header.click();
    const items = groups.getByRole("listitem");
    await items.first().waitFor();
    expect(await items.count()).toBe(50);
    await groups.getByRole("button", { name: "显示更多 50 项（还有 350 项）" }).click();
    await until(
      () => items.count(),
      (n) => n === 100,
    );

    await page.getByRole("tab", { name: "统计" }).click();
    const totals = currentPanel(page).getByRole("region", { name: "总体" });
    await totals.waitFor({ timeout: 60_000 });
    expect(await totals.innerText()).toContain("1,200");
    const ranking = currentPanel(page).getByRole("region", { name: "排名" });
    expect(await ranking.locator("tbody tr").count()).toBe(100);
    await ranking.getByRole("button", { name: "显示更多 100 项（还有 1,100 项）" }).click();
    await until(
      () => ranking.locator("tbody tr").count(),
      (n) => n === 200,
    );
    // Quota words that cannot be misread, and a bar over its allowance in the error colour.
    const quota = currentPanel(page).getByRole("region", { name: "重点推荐名额" });
    expect(await quota.innerText()).toMatch(/已用 10 项，允许 \d+ 项/);
  });
});

describe("keyboard and forms", () => {
  it("returns focus to 忽略 after the dialog is cancelled, to a neighbour after it is confirmed, and says an empty reason in Chinese", async () => {
    const page = await openPane();
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    await expandFindingGroups(page);
    const ignore = currentPanel(page)
      .getByRole("button", { name: /^忽略 .+ 的问题$/ })
      .first();
    const name = (await ignore.getAttribute("aria-label")) ?? "";
    await ignore.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await until(
      () => page.evaluate(() => document.activeElement?.getAttribute("aria-label")),
      (v) => v === name,
    );

    // Empty reason: the pane's own words under the field, the field focused, no browser bubble (noValidate).
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "忽略", exact: true }).click();
    await dialog.getByText("请填写忽略原因。").waitFor();
    expect(await dialog.locator("form").getAttribute("novalidate")).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.type("已与承办单位核实");
    await dialog.getByRole("button", { name: "忽略", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("原因：已与承办单位核实").waitFor();
    // The finding left the list: focus is on a control of the pane, not lost to the page.
    await until(
      () => page.evaluate(() => document.activeElement?.tagName ?? "BODY"),
      (v) => v !== "BODY",
    );
  });

  it("shows a clear focus ring on a finding's cell button", async () => {
    const page = await openPane();
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    await expandFindingGroups(page);
    const cell = currentPanel(page)
      .getByRole("button", { name: /^定位到单元格 / })
      .first();
    // Focus by keyboard (focus-visible): the control before it, then Tab.
    await cell.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const ring = await cell.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });
});

describe("words and layout at 320 px", () => {
  it("badges say the severity, no 级别 无, and the first finding is near the top", async () => {
    const page = await openPane();
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    const summary = page.getByRole("region", { name: "识别结果" });
    expect(await summary.innerText()).not.toMatch(/级别|无$/m);
    const groups = currentPanel(page).getByRole("region", { name: "问题列表" });
    const first = groups.getByRole("button").first();
    expect(await first.innerText()).toMatch(/(错误|提醒|说明)\s*\d+/);
    const box = await first.boundingBox();
    // Was 985 px down before the compact banner and recognition line (issue 13).
    expect(box!.y).toBeLessThan(560);
    expect(await page.getByRole("switch", { name: "实时校验" }).count()).toBe(0);
  });
});

describe("re-checking our own outputs", () => {
  it("opens a downloaded .checked.xlsx: 校验结果 is ours, and the download keeps its name", async () => {
    const page = await openPane();
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    const { download } = await downloadMarked(page);
    const copy = path.join(dir, "sh-recommendation.checked.xlsx");
    fs.copyFileSync(await download.path(), copy);
    await openFile(page, copy);
    await page.getByText(WORDS.zh.problems).waitFor({ timeout: 30_000 });
    await page.getByRole("combobox", { name: "工作表" }).selectOption({ label: "校验结果" });
    await page.getByText(/这是本工具在标记副本中写入的“校验结果”表/).waitFor();
    expect(await page.getByRole("region", { name: "识别结果" }).innerText()).toContain(
      "本工具生成的“校验结果”表",
    );
    expect(await page.getByText("未识别").count()).toBe(0);
    const again = await downloadMarked(page);
    expect(again.download.suggestedFilename()).toBe("sh-recommendation.checked.xlsx");
  });

  it("a blank template inserted and checked says it is a blank template, not ten errors", async () => {
    const page = await openPane();
    await page.getByRole("tab", { name: "表格" }).click();
    await currentPanel(page)
      .getByRole("button", { name: /^插入 附件2/ })
      .first()
      .click();
    const done = page.getByText(/^已插入工作表“.+”。$/).last();
    await done.waitFor({ timeout: 30_000 });
    const name = /“(.+)”/.exec(await done.innerText())?.[1] ?? "";
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("combobox", { name: "工作表" }).selectOption(name);
    await currentPanel(page).getByRole("button", { name: "校验当前工作表" }).click();
    await page.getByText(/^这是空白的附件2《.+》模板，尚未填写，暂不校验。/).waitFor({ timeout: 30_000 });
    expect(await page.getByText(WORDS.zh.problems).count()).toBe(0);
  });
});
