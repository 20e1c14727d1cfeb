/**
 * @jest-environment jsdom
 */
// The 表格 tab over an in-memory workbook: the gallery by notice with previews, inserting a blank table, filling
// forms from a list, a list from forms (with the quota hint), and the 勾选 helper.

import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { gridFromValues } from "../../src/core/grid/grid";
import * as path from "node:path";
import { packIds, packName, resetPacks } from "../../src/core/packs/registry";
import { installPacks } from "../../src/taskpane/packs/load";
import { readFolderTexts } from "../../scripts/build-packs";
import {
  TEMPLATES,
  buildListFromForms,
  fillFormFromRecord,
  getTemplate,
  gridFromLayout,
  readApplicationForms,
  recordsFromGrid,
} from "../../src/core/templates";
import { cityList, recommendationList } from "../stats/fixtures";
import { CATALOGUES } from "../../src/taskpane/strings";
import { FakeWorkbookPort } from "../support/fake-port";
import { openTab, renderPane } from "./pane-helpers";

afterEach(cleanup);

async function openTemplates(port: FakeWorkbookPort): Promise<HTMLElement> {
  await renderPane(port);
  const tab = openTab("表格");
  // The tab's body is a chunk loaded when the tab is first chosen (issue 15).
  await within(tab).findByText(CATALOGUES.zh.galleryTitle);
  return tab;
}

function expand(tab: HTMLElement, title: string): void {
  const heading = within(tab).getByRole("button", { name: title });
  if (heading.getAttribute("aria-expanded") !== "true") fireEvent.click(heading);
}

function formsOf(titles: string[]) {
  return titles.map((title) =>
    gridFromLayout(fillFormFromRecord("sh-82-application", { 项目名称: title, 领域: "数字技术" })),
  );
}

describe("表格 tab: the gallery", () => {
  it("groups every template by notice, in the notices' order, each with its preview", async () => {
    const tab = await openTemplates(new FakeWorkbookPort([cityList()]));
    const groups = within(tab).getAllByRole("heading", { level: 3 });
    expect(groups.map((g) => g.textContent)).toEqual(packIds().map((id) => packName(id).zh));
    for (const id of packIds()) {
      const section = within(tab).getByRole("region", { name: packName(id).zh });
      const expected = TEMPLATES.filter((t) => t.policy === id).map((t) => t.title);
      expect(
        within(section)
          .getAllByRole("listitem")
          .map((li) => li.firstElementChild?.textContent),
      ).toEqual(expected);
    }
    // The preview is the table's own text, as text.
    const preview = within(tab).getByRole("figure", {
      name: `${getTemplate("sh-82-application")?.title} 预览`,
    });
    expect(within(preview).getByText("附件2")).toBeTruthy();
    expect(within(preview).getByText(getTemplate("sh-82-application")?.title ?? "?")).toBeTruthy();
    expect(within(preview).getAllByRole("row").length).toBeLessThanOrEqual(8);
  });

  it("inserts a blank template as a new sheet drawn from its layout", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const tab = await openTemplates(port);
    const template = getTemplate("sh-82-application");
    fireEvent.click(within(tab).getByRole("button", { name: `插入 附件2 ${template?.title}` }));
    await screen.findByText("已插入工作表“附件2 申报表”。");
    expect(port.inserted).toEqual([template?.build()]);
    fireEvent.click(within(tab).getByRole("button", { name: `插入 附件2 ${template?.title}` }));
    await screen.findByText("已插入工作表“附件2 申报表 (2)”。");
    const picker = screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual([
      "城市 汇总表",
      "附件2 申报表",
      "附件2 申报表 (2)",
    ]);
  });

  it("cannot insert where the workbook cannot take new sheets, and says so", async () => {
    const port = new FakeWorkbookPort([cityList()], { capabilities: { insertSheet: false } });
    const tab = await openTemplates(port);
    await within(tab).findByText(/此版本的 Excel 不能插入工作表/);
    const inserts = within(tab).getAllByRole("button", { name: /^插入 / });
    expect(inserts.every((b) => b.hasAttribute("disabled"))).toBe(true);
  });
});

describe("表格 tab: filling", () => {
  it("makes one filled application form per chosen list row", async () => {
    const port = new FakeWorkbookPort([recommendationList()]);
    const tab = await openTemplates(port);
    expand(tab, "由名单生成申报表");
    fireEvent.click(within(tab).getByRole("button", { name: "读取“推荐表”的名单" }));
    const first = await within(tab).findByRole("checkbox", { name: "第 5 行：工业互联网平台建设" });
    expect(within(tab).getAllByRole("checkbox", { name: /^第 \d+ 行/ })).toHaveLength(6);
    expect((within(tab).getByRole("combobox", { name: "申报表模板" }) as HTMLSelectElement).value).toBe(
      "sh-82-application",
    );
    fireEvent.click(first);
    fireEvent.click(within(tab).getByRole("checkbox", { name: "第 6 行：智能制造系统集成" }));
    fireEvent.click(within(tab).getByRole("button", { name: "生成 4 张申报表" }));
    await screen.findByText(/^已插入 4 张工作表：/);
    expect(port.inserted.map((l) => l.name)).toEqual([
      "人工智能安全治理",
      "集成电路先进封装",
      "低空经济与无人机",
      "数据要素流通",
    ]);
    const chosen = recordsFromGrid(recommendationList()).filter((r) => r.row >= 6);
    expect(port.inserted).toEqual(chosen.map((r) => fillFormFromRecord("sh-82-application", r.record)));
    const forms = readApplicationForms(port.inserted.map(gridFromLayout));
    expect(forms.map((f) => f.fields.title)).toEqual(port.inserted.map((l) => l.name));
  });

  it("makes a 推荐表 from the forms in the workbook, in the order shown, with the quota hint", async () => {
    const port = new FakeWorkbookPort([
      cityList(),
      ...formsOf(["大模型应用开发高级研修班", "集成电路设计前沿"]),
    ]);
    const tab = await openTemplates(port);
    expand(tab, "由申报表生成推荐表或汇总表");
    fireEvent.click(within(tab).getByRole("button", { name: "读取工作簿中的申报表" }));
    const list = await within(tab).findByRole("list", { name: "申报表（按推荐排序）" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.firstElementChild?.textContent),
    ).toEqual(["第 1 位：大模型应用开发高级研修班", "第 2 位：集成电路设计前沿"]);
    fireEvent.click(within(tab).getByRole("button", { name: "下移 大模型应用开发高级研修班" }));
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.firstElementChild?.textContent),
    ).toEqual(["第 1 位：集成电路设计前沿", "第 2 位：大模型应用开发高级研修班"]);
    expect(within(tab).getByText("重点推荐 0 / 2，允许 1 项（0%）。")).toBeTruthy();
    for (const box of within(list).getAllByRole("checkbox", { name: "重点推荐" })) fireEvent.click(box);
    expect(
      within(tab).getByText("重点推荐 2 项，共 2 项，原则上不超过 1 项（推荐项目总数的 15%）。"),
    ).toBeTruthy();

    fireEvent.click(within(tab).getByRole("button", { name: /^插入专业技术人员知识更新工程/ }));
    await screen.findByText("已插入工作表“附件3 推荐表”。");
    const forms = readApplicationForms(formsOf(["大模型应用开发高级研修班", "集成电路设计前沿"]));
    const [first, second] = forms;
    const expected = buildListFromForms("sh-82-recommendation", [
      { ...second!, rank: 1, keyRecommended: true },
      { ...first!, rank: 2, keyRecommended: true },
    ]).layout;
    expect(port.inserted).toEqual([expected]);
  });
});

describe("表格 tab: 勾选", () => {
  const sheet = () =>
    gridFromValues("申报表", [
      ["特色班", "☑是  □否"],
      ["住宿", "□提供学员住宿（住宿费由申报单位自筹：□是 □否）\n□不提供学员住宿"],
      ["方式", "☑主题报告 ☑专题研讨 □现场教学"],
    ]);

  it("finds the □ groups of the sheet and ticks an option, clearing the others of a single-choice group", async () => {
    const port = new FakeWorkbookPort([sheet()]);
    const tab = await openTemplates(port);
    expand(tab, "勾选");
    fireEvent.click(within(tab).getByRole("button", { name: "查找“申报表”中的勾选项" }));
    const cell = (await within(tab).findByRole("combobox", { name: "单元格" })) as HTMLSelectElement;
    expect([...cell.options].map((o) => o.value)).toEqual(["B1", "B2", "B3"]);
    const options = within(tab).getByRole("group", { name: "B1 的选项" });
    expect(
      within(options)
        .getAllByRole("button")
        .map((b) => [b.textContent, b.getAttribute("aria-pressed")]),
    ).toEqual([
      ["☑ 是", "true"],
      ["□ 否", "false"],
    ]);
    fireEvent.click(within(options).getByRole("button", { name: "□ 否" }));
    await waitFor(() => expect(port.grid("申报表").cell(0, 1).value).toBe("□是  ☑否"));
    await within(tab).findByRole("button", { name: "☑ 否" });
  });

  it("keeps the other options of a multiple-choice group, and the groups of a cell apart", async () => {
    const port = new FakeWorkbookPort([sheet()]);
    const tab = await openTemplates(port);
    expand(tab, "勾选");
    fireEvent.click(within(tab).getByRole("button", { name: "查找“申报表”中的勾选项" }));
    const cell = await within(tab).findByRole("combobox", { name: "单元格" });
    fireEvent.change(cell, { target: { value: "B3" } });
    fireEvent.click(within(tab).getByRole("switch", { name: "单选（清除同组其他选项）" }));
    fireEvent.click(within(tab).getByRole("button", { name: "□ 现场教学" }));
    await waitFor(() => expect(port.grid("申报表").cell(2, 1).value).toBe("☑主题报告 ☑专题研讨 ☑现场教学"));

    fireEvent.change(cell, { target: { value: "B2" } });
    const options = within(tab).getByRole("group", { name: "B2 的选项" });
    expect(
      within(options)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["□ 提供学员住宿", "□ 是", "□ 否", "□ 不提供学员住宿"]);
    fireEvent.click(within(options).getByRole("button", { name: "□ 提供学员住宿" }));
    await waitFor(() =>
      expect(port.grid("申报表").cell(1, 1).value).toBe(
        "☑提供学员住宿（住宿费由申报单位自筹：□是 □否）\n□不提供学员住宿",
      ),
    );
  });

  it("cannot tick where cells cannot be written, and says so", async () => {
    const port = new FakeWorkbookPort([sheet()], { writable: false });
    const tab = await openTemplates(port);
    expand(tab, "勾选");
    expect(within(tab).getByText("当前模式不能写入单元格。")).toBeTruthy();
    fireEvent.click(within(tab).getByRole("button", { name: "查找“申报表”中的勾选项" }));
    const options = await within(tab).findByRole("group", { name: "B1 的选项" });
    const no = within(options).getByRole("button", { name: "□ 否" });
    expect(no.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(no);
    expect(port.calls).not.toContain("writeCells");
  });
});

describe("表格 tab: packs added in the pane", () => {
  afterEach(async () => {
    await installPacks([], []);
    resetPacks();
  });

  it("shows an added pack's own templates in the gallery and offers its forms to fill", async () => {
    const texts = readFolderTexts(path.join(__dirname, "..", "..", "packs", "sh-2026-gaoyan"));
    const notice = texts["notice.yaml"]!.replace(/^id:\s*sh-2026-gaoyan/m, "id: sh-2027-gaoyan")
      .replace(/^year: 2026/m, "year: 2027")
      .replace("zh: 上海 2026 高级研修项目（沪人社专〔2026〕82号）", "zh: 上海 2027 高级研修项目");
    const result = await installPacks([], [{ name: "sh-2027", texts: { ...texts, "notice.yaml": notice } }]);
    expect(result.refused).toEqual([]);
    const tab = await openTemplates(new FakeWorkbookPort([recommendationList()]));
    const section = within(tab).getByRole("region", { name: packName("sh-2027-gaoyan").zh });
    expect(within(section).getAllByRole("listitem")).toHaveLength(
      TEMPLATES.filter((t) => t.policy === "sh-2026-gaoyan").length,
    );
    expand(tab, "由名单生成申报表");
    fireEvent.click(within(tab).getByRole("button", { name: "读取“推荐表”的名单" }));
    const picker = (await within(tab).findByRole("combobox", { name: "申报表模板" })) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toContain("sh-2027-gaoyan/sh-82-application");
  });
});
