// The task pane's weight and speed in a real browser: the production build (office.js from the build itself) served on
// localhost and opened in Debian's chromium at the pane's size, in file mode with the bundled example.
//
//   npm run bench:pane                       build, then 7 page loads
//   npm run bench:pane -- --dist DIR --runs 3   use a build made as the browser tests make it
//
// Prints one line:
//   pane taskpaneKb=N taskpaneGzipKb=N exceljsGzipKb=N interactiveMs=N checkedMs=N runs=N
// interactiveMs: navigation start to the example open and 校验当前工作表 ready (median); checkedMs: to the findings of
// the automatic check on screen (median). Times are the page's own clock (performance.now()).

import * as fs from "node:fs";
import {
  buildPane,
  bundleSizes,
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
    await server.close();
  }
  const sizes = bundleSizes(dist);
  if (owned) fs.rmSync(dist, { recursive: true, force: true });
  console.log(
    `pane taskpaneKb=${sizes.taskpaneKb} taskpaneGzipKb=${sizes.taskpaneGzipKb} exceljsGzipKb=${sizes.exceljsGzipKb} ` +
      `interactiveMs=${median(interactive)} checkedMs=${median(checked)} runs=${runs}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
