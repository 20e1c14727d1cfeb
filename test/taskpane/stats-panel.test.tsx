/**
 * @jest-environment jsdom
 */
// The 统计 tab over an in-memory workbook: the figures at a glance, the sortable ranking table, 写入排名 that never
// overwrites without asking, and 插入统计表.

import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { gridFromValues } from "../../src/core/grid/grid";
import { cityList, recommendationList } from "../stats/fixtures";
import { FakeWorkbookPort } from "../support/fake-port";
import { dialogButton, dialogIsClosed, findDialog, openTab, renderPane } from "./pane-helpers";

const SHEET = "城市 汇总表";

afterEach(cleanup);

async function openStats(port: FakeWorkbookPort): Promise<HTMLElement> {
  await renderPane(port);
  const tab = openTab("统计");
  await within(tab).findByRole("region", { name: "重点推荐名额" });
  return tab;
}

/** The ranking table's body as rows of cell texts. */
function tableRows(tab: HTMLElement): string[][] {
  const table = within(tab).getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    );
}

function sortBy(tab: HTMLElement, column: string): HTMLElement {
  const button = within(within(tab).getByRole("table")).getByRole("button", { name: column });
  fireEvent.click(button);
  return button.closest("th") as HTMLElement;
}

describe("统计 tab: the figures", () => {
  it("shows the totals against the plan, the AI share and the grassroots share", async () => {
    const tab = await openStats(new FakeWorkbookPort([cityList()]));
    const totals = within(tab).getByRole("region", { name: "总体" });
    expect(within(totals).getByText("12 / 计划约 80")).toBeTruthy();
    expect(within(totals).getByText("677 / 计划约 5,000")).toBeTruthy();
    expect(within(totals).getByText("1（8.3%）")).toBeTruthy();
    expect(within(totals).getByText("31.8%")).toBeTruthy();
    expect(within(totals).getByRole("img", { name: "12 / 计划约 80" })).toBeTruthy();
  });

  it("draws a bar per recommender of key recommendations against the allowance, over-quota in the error colour", async () => {
    const tab = await openStats(new FakeWorkbookPort([cityList()]));
    const quota = within(tab).getByRole("region", { name: "重点推荐名额" });
    const items = within(quota).getAllByRole("listitem");
    expect(items.map((li) => li.firstElementChild?.textContent)).toEqual([
      "市经济信息化委已用 1 项，允许 1 项",
      "浦东新区人社局已用 2 项，允许 1 项",
      "市卫生健康委已用 0 项，允许 1 项",
    ]);
    expect(items.map((li) => li.getAttribute("data-over"))).toEqual([null, "true", null]);
    const over = within(quota).getByRole("img", { name: "浦东新区人社局：已用 2 项，允许 1 项" });
    expect(over.firstElementChild?.getAttribute("data-danger")).toBe("true");
    expect((over.firstElementChild as HTMLElement).style.width).toBe("100%");
    const within1 = within(quota).getByRole("img", { name: "市卫生健康委：已用 0 项，允许 1 项" });
    expect(within1.firstElementChild?.getAttribute("data-danger")).toBeNull();
    expect(within(items[1] as HTMLElement).getByText(/超出名额/)).toBeTruthy();
    expect(within(items[2] as HTMLElement).getByText(/推荐排序有误/)).toBeTruthy();
  });

  it("draws a bar per 领域, longest first, and flags a 领域 the notice does not list", async () => {
    const tab = await openStats(new FakeWorkbookPort([cityList()]));
    const domains = within(tab).getByRole("region", { name: "各领域项目数" });
    const bars = within(domains).getAllByRole("img");
    expect(bars.map((b) => b.getAttribute("aria-label"))).toEqual([
      "数字技术：4（33.3%）",
      "生物医药：3（25%）",
      "金融：2（16.7%）",
      "装备制造：1（8.3%）",
      "人工智能：1（8.3%）",
      "（未填领域）：1",
    ]);
    expect(bars.map((b) => (b.firstElementChild as HTMLElement).style.width)).toEqual([
      "100%",
      "75%",
      "50%",
      "25%",
      "25%",
      "25%",
    ]);
    expect(within(domains).getAllByText("不在通知所列领域之中")).toHaveLength(1);
  });

  it("says when the sheet is not a list", async () => {
    const notes = gridFromValues("说明", [["填表说明"], ["一、请按通知要求如实填写。"]]);
    await renderPane(new FakeWorkbookPort([notes]));
    const tab = openTab("统计");
    expect(await within(tab).findByText(/此工作表不是项目名单/)).toBeTruthy();
    expect(within(tab).queryByRole("table")).toBeNull();
  });
});

describe("统计 tab: the ranking table", () => {
  it("lists ranked projects by rank, ties marked, unranked last", async () => {
    const tab = await openStats(new FakeWorkbookPort([cityList()]));
    const rows = tableRows(tab);
    expect(rows.map((r) => r[0])).toEqual([
      "1",
      "2",
      "3 并列",
      "3 并列",
      "5",
      "6 并列",
      "6 并列",
      "6 并列",
      "9",
      "10",
      "—",
      "—",
    ]);
    expect(rows[0]).toEqual(["1", "大模型应用开发高级研修班", "市经济信息化委", "95", "✓"]);
  });

  it("sorts by any column, both ways, with the rows without a value kept last", async () => {
    const tab = await openStats(new FakeWorkbookPort([cityList()]));
    const score = sortBy(tab, "得分");
    expect(score.getAttribute("aria-sort")).toBe("descending");
    expect(tableRows(tab).map((r) => r[3])).toEqual([
      "95",
      "92",
      "90",
      "90",
      "88",
      "85",
      "85",
      "85",
      "80",
      "70",
      "—",
      "—",
    ]);
    sortBy(tab, "得分");
    expect(score.getAttribute("aria-sort")).toBe("ascending");
    expect(
      tableRows(tab)
        .map((r) => r[3])
        .slice(0, 3),
    ).toEqual(["70", "80", "85"]);
    expect(
      tableRows(tab)
        .map((r) => r[3])
        .slice(-2),
    ).toEqual(["—", "—"]);

    const recommender = sortBy(tab, "推荐单位");
    expect(recommender.getAttribute("aria-sort")).toBe("ascending");
    expect(score.getAttribute("aria-sort")).toBe("none");
    const names = tableRows(tab).map((r) => r[2] ?? "");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "zh-CN")));

    sortBy(tab, "重点");
    expect(
      tableRows(tab)
        .map((r) => r[4])
        .slice(0, 3),
    ).toEqual(["✓", "✓", "✓"]);
  });

  it("sorts from the keyboard: every column heading is a button", async () => {
    const tab = await openStats(new FakeWorkbookPort([cityList()]));
    const headings = within(within(tab).getByRole("table")).getAllByRole("columnheader");
    expect(headings.map((h) => within(h).getByRole("button").tagName)).toEqual(Array(5).fill("BUTTON"));
    const title = within(headings[1] as HTMLElement).getByRole("button");
    title.focus();
    expect(document.activeElement).toBe(title);
  });
});

describe("统计 tab: 写入排名", () => {
  it("writes the ranks into a new column right of the table by default, without asking", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const tab = await openStats(port);
    const select = within(tab).getByRole("combobox", { name: "排名写入列" }) as HTMLSelectElement;
    expect(select.options[select.selectedIndex]?.textContent).toBe("右侧新列（L 列）");
    fireEvent.click(within(tab).getByRole("button", { name: "写入排名" }));
    await screen.findByText("已在 L 列写入 11 个单元格。");
    expect(dialogIsClosed()).toBe(true);
    const grid = port.grid(SHEET);
    expect(grid.cell(3, 11).value).toBe("评分排名");
    expect(grid.cell(4, 11).value).toBe(1);
    expect(grid.cell(15, 11).value).toBe(2);
    expect(grid.cell(8, 11).value).toBeNull(); // no score: no rank
    // Written once, the column is reused the next time.
    await waitFor(() =>
      expect(select.options[select.selectedIndex]?.textContent).toBe("上次写入的列（L 列）"),
    );
  });

  it("asks before overwriting non-empty cells, and writes nothing when cancelled", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const tab = await openStats(port);
    fireEvent.change(within(tab).getByRole("combobox", { name: "排名写入列" }), { target: { value: "10" } });
    fireEvent.click(within(tab).getByRole("button", { name: "写入排名" }));
    const dialog = await findDialog();
    expect(within(dialog).getByText("覆盖已有内容？")).toBeTruthy();
    expect(within(dialog).getByText("K4：“备注”改为“评分排名”")).toBeTruthy();
    expect(within(dialog).getByText("K5：“重点推荐”改为“1”")).toBeTruthy();
    fireEvent.click(dialogButton(dialog, "取消"));
    await waitFor(() => expect(dialogIsClosed()).toBe(true));
    expect(port.calls).not.toContain("writeCells");
    expect(port.grid(SHEET).cell(3, 10).value).toBe("备注");
  });

  it("writes only the empty cells when asked to", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const tab = await openStats(port);
    fireEvent.change(within(tab).getByRole("combobox", { name: "排名写入列" }), { target: { value: "10" } });
    fireEvent.click(within(tab).getByRole("button", { name: "写入排名" }));
    fireEvent.click(dialogButton(await findDialog(), "只写入空白单元格"));
    await screen.findByText(/已在 K 列写入/);
    const grid = port.grid(SHEET);
    expect(grid.cell(3, 10).value).toBe("备注");
    expect(grid.cell(4, 10).value).toBe("重点推荐");
    expect(grid.cell(5, 10).value).toBe(3); // 集成电路设计前沿: 90, tied third, its 备注 was empty
  });

  it("overwrites when the user says so", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const tab = await openStats(port);
    fireEvent.change(within(tab).getByRole("combobox", { name: "排名写入列" }), { target: { value: "10" } });
    fireEvent.click(within(tab).getByRole("button", { name: "写入排名" }));
    fireEvent.click(dialogButton(await findDialog(), "全部覆盖"));
    await screen.findByText(/已在 K 列写入/);
    expect(port.grid(SHEET).cell(4, 10).value).toBe(1);
  });

  it("is unavailable, and says why, where cells cannot be written or there is no score", async () => {
    const readOnly = await openStats(new FakeWorkbookPort([cityList()], { writable: false }));
    const button = within(readOnly).getByRole("button", { name: "写入排名" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(within(readOnly).getByText("当前模式不能写入单元格。")).toBeTruthy();
    cleanup();

    const noScore = await openStats(new FakeWorkbookPort([recommendationList()]));
    expect(within(noScore).getByRole("button", { name: "写入排名" }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    expect(within(noScore).getByText(/名单中没有得分列/)).toBeTruthy();
  });
});

describe("统计 tab: 插入统计表", () => {
  it("inserts the statistics sheet of this list and keeps working on the list", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const tab = await openStats(port);
    fireEvent.click(within(tab).getByRole("button", { name: "插入统计表" }));
    await screen.findByText("已插入工作表“统计”。");
    expect(port.inserted).toHaveLength(1);
    const layout = port.inserted[0];
    expect(layout?.name).toBe("统计");
    expect(layout?.cells.some((c) => c.formula?.includes("'城市 汇总表'!"))).toBe(true);
    expect((screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement).value).toBe(SHEET);
    expect(within(screen.getByRole("combobox", { name: "工作表" })).getByText("统计（当前）")).toBeTruthy();
  });
});
