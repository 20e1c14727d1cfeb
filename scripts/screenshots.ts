// Retakes the README's screenshots (docs/screenshots/*.png): the production build of the pane in Debian's chromium
// at Excel's default pane width (320 px), in file mode with the bundled example, one picture per tab and one of the
// folder check over examples/. Run: npm run screenshots (needs chromium; nothing leaves localhost).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { serveDist } from "./serve-dist";
import { buildPane, CHROMIUM, CHROMIUM_ARGS, PANE_VIEWPORT, ROOT } from "../test/browser/harness";

async function main(): Promise<void> {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-shots-"));
  const out = path.join(ROOT, "docs", "screenshots");
  await buildPane(dist);
  const server = await serveDist({ root: dist, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: PANE_VIEWPORT, locale: "zh-CN" });
    await page.goto(`${server.url}taskpane.html?mode=file`);
    const panel = () => page.getByRole("tabpanel").filter({ visible: true });
    await page.getByText(/^(发现 \d+ 个错误、\d+ 个提醒。|未发现错误或提醒。)$/).waitFor({ timeout: 60_000 });
    // The first group of findings open, as a user sees it after one click.
    await panel()
      .getByRole("region", { name: "问题列表" })
      .getByRole("button", { expanded: false })
      .first()
      .click();
    await panel().getByRole("listitem").first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500); // the accordion's opening animation
    await page.screenshot({ path: path.join(out, "findings.png") });

    await page.getByRole("tab", { name: "统计" }).click();
    await panel().getByRole("region", { name: "总体" }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(out, "statistics.png") });

    await page.getByRole("tab", { name: "表格" }).click();
    await panel().getByText(/^附件/).first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(out, "templates.png") });

    // 检查多个文件 over the bundled examples.
    await page.getByRole("tab", { name: "校验" }).click();
    const examples = fs
      .readdirSync(path.join(ROOT, "examples"))
      .filter((f) => /\.(xlsx|docx)$/.test(f))
      .map((f) => path.join(ROOT, "examples", f));
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "检查多个文件" }).click(),
    ]);
    await chooser.setFiles(examples);
    await page.getByRole("button", { name: "下载汇总工作簿" }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(out, "folder.png") });
    console.log(`screenshots written to ${path.relative(ROOT, out)}/ (${PANE_VIEWPORT.width} px wide)`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
