/**
 * @jest-environment jsdom
 */
// The 政策包 section speaks from the pane's one catalogue (strings.ts) in both languages, and a refused pack's message
// comes from it too: the texts users saw before the move, unchanged (issue 14).
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import { resetPacks } from "../../src/core/packs/registry";
import { LanguageProvider } from "../../src/taskpane/i18n";
import { installPacks } from "../../src/taskpane/packs/load";
import { PacksSection } from "../../src/taskpane/packs/PacksSection";
import type { Lang } from "../../src/taskpane/strings";

afterEach(async () => {
  cleanup();
  await installPacks([], []);
  resetPacks();
});

function renderSection(lang: Lang) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider lang={lang} onChange={() => undefined}>
        <PacksSection />
      </LanguageProvider>
    </FluentProvider>,
  );
}

it("in Chinese: heading, intro, the built-in packs marked 内置, and the add button", () => {
  renderSection("zh");
  const section = screen.getByRole("region", { name: "政策包" });
  expect(within(section).getByText(/^每份通知是一个数据文件夹（见 docs\/packs\.md）。/)).toBeTruthy();
  const list = within(section).getByRole("list", { name: "政策包" });
  const items = within(list)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(items).toHaveLength(4);
  expect(items.every((text) => text?.endsWith("（内置）"))).toBe(true);
  expect(within(section).getByRole("button", { name: "添加政策包…" })).toBeTruthy();
});

it("in English: the same section in English words", () => {
  renderSection("en");
  const section = screen.getByRole("region", { name: "Policy packs" });
  expect(within(section).getByText(/^Each notice is a folder of data/)).toBeTruthy();
  const items = within(within(section).getByRole("list", { name: "Policy packs" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(items.every((text) => text?.endsWith("（built in）"))).toBe(true);
  expect(within(section).getByRole("button", { name: "Add a policy pack…" })).toBeTruthy();
});

it("a refused pack's message reads as before, in both languages", async () => {
  const result = await installPacks([], [{ name: "broken", texts: { "notice.yaml": "id: [" } }]);
  expect(result.loaded).toEqual([]);
  expect(result.refused).toHaveLength(1);
  expect(result.refused[0]!.zh).toMatch(/^政策包“broken”有误，未加载：\S/);
  expect(result.refused[0]!.en).toMatch(/^Policy pack “broken” was not loaded: \S/);
});
