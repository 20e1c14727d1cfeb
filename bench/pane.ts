// The task pane's weight and speed in a real browser: the production build (office.js from the build itself) served on
// localhost and opened in Debian's chromium at the pane's size, in file mode with the bundled example.
//
//   npm run bench:pane                       build, then 7 page loads
//   npm run bench:pane -- --dist DIR --runs 3   use a build made as the browser tests make it
//
// Prints two lines:
//   pane taskpaneKb=N taskpaneGzipKb=N exceljsGzipKb=N interactiveMs=N checkedMs=N runs=N
//   pane rows=20000 longestTaskMs=N
// interactiveMs: navigation start to the example open and 校验当前工作表 ready (median); checkedMs: to the findings of
// the automatic check on screen (median). Times are the page's own clock (performance.now()).
// longestTaskMs: the longest main-thread task (PerformanceObserver, entryType "longtask") while a 20,000-row list with
// thousands of findings is opened, checked on opening, its biggest group of findings expanded and shown more, the
// 统计 tab opened and the ranking sorted and shown more — what froze the pane for seconds before (issue 13). Target:
// no task over 200 ms. Each phase's longest task is printed below it, so the floor (ExcelJS reading the file) shows.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { SUMMARY_HEADER, summaryListRows } from "../scripts/build-examples";
import {
  buildPane,
  bundleSizes,
  gzipKb,
  launchChromium,
  openPage,
  serveBuiltPane,
  tempDir,
} from "../test/browser/harness";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** A city summary list of `rows` projects with a problem in every few rows (findings by the thousand). */
async function writeBigList(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("汇总表");
  ws.addRow(["2026年度上海市专业技术人员知识更新工程高级研修项目汇总表"]);
  ws.addRow(SUMMARY_HEADER);
  for (const row of summaryListRows(rows, { shortEvery: 3, keyRanks: 10 })) ws.addRow(row);
  ws.getColumn(7).numFmt = "0%";
  await wb.xlsx.writeFile(file);
}

/** Starts recording long tasks in the page; `longest()` reads the longest since the last call. */
async function watchLongTasks(page: Page): Promise<{ longest(): Promise<number> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  return {
    longest: () =>
      page.evaluate(() => {
        const w = window as unknown as { __longest: number };
        const value = w.__longest;
        w.__longest = 0;
        return Math.round(value);
      }),
  };
}

/** Opens the 20,000-row list in the pane and works with it as staff do; returns each phase's longest task. */
async function bigListPhases(url: string, file: string): Promise<Array<[string, number]>> {
  const browser = await launchChromium();
  try {
    const { context, page } = await openPage(browser);
    await page.goto(`${url}taskpane.html?mode=file`);
    await page.getByText("当前文件：sh-recommendation.xlsx", { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(/^发现 \d+ 个错误、\d+ 个提醒。$/).waitFor({ timeout: 30_000 });
    const tasks = await watchLongTasks(page);
    const phases: Array<[string, number]> = [];
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "打开文件" }).click(),
    ]);
    await chooser.setFiles(file);
    await page.getByText(`当前文件：${path.basename(file)}`, { exact: true }).waitFor({ timeout: 120_000 });
    phases.push(["open", await tasks.longest()]);
    await page.getByText(/^发现 [\d,]+ 个错误、[\d,]+ 个提醒。$/).waitFor({ timeout: 120_000 });
    phases.push(["check", await tasks.longest()]);
    const panel = page.getByRole("tabpanel").filter({ visible: true });
    const groups = panel.getByRole("region", { name: "问题列表" });
    await groups.getByRole("button", { expanded: false }).first().click();
    await panel
      .getByRole("button", { name: /^显示更多/ })
      .first()
      .click();
    await page.waitForTimeout(300);
    phases.push(["findings", await tasks.longest()]);
    await page.getByRole("tab", { name: "统计" }).click();
    const ranking = page.getByRole("region", { name: "排名" });
    await ranking.waitFor({ timeout: 120_000 });
    phases.push(["stats", await tasks.longest()]);
    await ranking.getByRole("button", { name: /项目名称/ }).click();
    await ranking.getByRole("button", { name: /^显示更多/ }).click();
    await page.waitForTimeout(300);
    phases.push(["ranking", await tasks.longest()]);
    await context.close();
    return phases;
  } finally {
    await browser.close();
  }
}

/**
 * The floor (issue 15): the minimal Fluent UI v9 pane of bench/floor/pane.tsx, built by the same webpack
 * configuration (`--env floor`) in this run; its taskpane.js gzipped.
 */
function floorGzipKb(): number {
  const out = tempDir("yanxiu-bench-floor-");
  try {
    const r = spawnSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--env",
        "floor",
        "--env",
        `outDir=${out}`,
        "--no-devtool",
        "--no-stats",
      ],
      { cwd: path.resolve(__dirname, ".."), encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`the floor build failed:\n${(r.stderr || r.stdout).slice(-2000)}`);
    return gzipKb(path.join(out, "taskpane.js"));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const runs = Number(argValue("--runs") ?? 7);
  let dist = argValue("--dist");
  const owned = !dist;
  if (!dist) {
    dist = tempDir("yanxiu-bench-pane-");
    const ms = await buildPane(dist);
    console.error(`built in ${(ms / 1000).toFixed(1)} s`);
  }
  const server = await serveBuiltPane(dist);
  const browser = await launchChromium();
  const interactive: number[] = [];
  const checked: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A new context each time: nothing cached from the run before.
      const { context, page, log } = await openPage(browser);
      await page.goto(`${server.url}taskpane.html?mode=file`);
      await page.getByText("当前文件：sh-recommendation.xlsx", { exact: true }).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "校验当前工作表" }).first().waitFor();
      interactive.push(await page.evaluate(() => Math.round(performance.now())));
      await page.getByText(/^发现 \d+ 个错误、\d+ 个提醒。$/).waitFor({ timeout: 30_000 });
      checked.push(await page.evaluate(() => Math.round(performance.now())));
      if (log.blocked.length > 0) throw new Error(`requests left localhost: ${log.blocked.join(", ")}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const bigDir = tempDir("yanxiu-bench-pane-list-");
  const bigFile = path.join(bigDir, "汇总表-20000.xlsx");
  let phases: Array<[string, number]>;
  try {
    await writeBigList(bigFile, 20_000);
    phases = await bigListPhases(server.url, bigFile);
  } finally {
    await server.close();
    fs.rmSync(bigDir, { recursive: true, force: true });
  }
  const sizes = bundleSizes(dist);
  if (owned) fs.rmSync(dist, { recursive: true, force: true });
  console.log(
    `pane taskpaneKb=${sizes.taskpaneKb} taskpaneGzipKb=${sizes.taskpaneGzipKb} exceljsGzipKb=${sizes.exceljsGzipKb} ` +
      `interactiveMs=${median(interactive)} checkedMs=${median(checked)} runs=${runs}`,
  );
  console.log(`pane taskpaneGzipKb=${sizes.taskpaneGzipKb} floorGzipKb=${floorGzipKb()}`);
  console.log(`pane rows=20000 longestTaskMs=${Math.max(...phases.map(([, ms]) => ms))}`);
  console.log(`  (longest task per phase: ${phases.map(([name, ms]) => `${name} ${ms} ms`).join(", ")})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
