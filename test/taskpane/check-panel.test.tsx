/**
 * @jest-environment jsdom
 */
// The 校验 tab as a user meets it, over an in-memory workbook: recognition, checking and marking, findings by rule,
// selecting a cell, ignoring with a reason and restoring, the override picker, live checks, errors and gaps.

import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { checkGrid } from "../../src/core/check";
import { toA1 } from "../../src/core/grid/a1";
import { planMarks } from "../../src/core/marks";
import { useState } from "react";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { useCheckRequest } from "../../src/taskpane/file/check-on-open";
import { IGNORES_SETTING, OVERRIDE_SETTING } from "../../src/taskpane/settings";
import { cityList, recommendationList } from "../stats/fixtures";
import { FakePortError, FakeWorkbookPort } from "../support/fake-port";
import {
  EXCEL_ZH,
  checkNow,
  dialogButton,
  dialogIsClosed,
  expandGroup,
  findDialog,
  groupHeadings,
  panel,
  renderPane,
} from "./pane-helpers";

const SHEET = "城市 汇总表";
const MARKED = planMarks(checkGrid(cityList()).findings).map((m) => toA1(m.row, m.col));

afterEach(cleanup);

async function ignoreWithReason(cell: string, reason: string): Promise<void> {
  fireEvent.click(within(panel()).getByRole("button", { name: `忽略 ${cell} 的问题` }));
  const dialog = await findDialog();
  fireEvent.change(within(dialog).getByLabelText(/忽略原因/), { target: { value: reason } });
  fireEvent.click(dialogButton(dialog, "忽略"));
}

describe("校验 tab: recognising and checking", () => {
  it("shows what the active sheet was recognised as before anything is checked, and marks nothing", async () => {
    const port = new FakeWorkbookPort([recommendationList(), cityList()], { active: SHEET });
    await renderPane(port);
    const summary = await screen.findByRole("region", { name: "识别结果" });
    await within(summary).findByText(/^汇总表 · /);
    expect(
      within(summary).getByText(/^汇总表 · 上海 2026 高级研修项目（沪人社专〔2026〕82号）/),
    ).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement).value).toBe(SHEET);
    expect(port.calls).not.toContain("applyMarks");
  });

  it("checks, marks the findings' cells, counts them and groups them by rule, worst group first", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    await checkNow();
    expect(screen.getByText("发现 3 个错误、2 个提醒。")).toBeTruthy();
    expect(screen.getByText("已在工作表中标记 6 个单元格。")).toBeTruthy();
    expect(port.markedCells(SHEET)).toEqual(MARKED);
    // Errors first (in sheet order of their first finding), then the warnings' groups.
    expect(groupHeadings().map((h) => h.textContent)).toEqual([
      "领域不在附件1之列错误 1",
      "基层学员比例不足错误 1",
      "推荐排序错误 1",
      "重点推荐数量提醒 1说明 2",
      "同一承办单位多个项目提醒 1",
    ]);
  });

  it("expands a group to its cells, each with message and clause", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    await checkNow();
    expect(within(panel()).queryByRole("button", { name: "定位到单元格 K10" })).toBeNull();
    expandGroup("重点推荐数量");
    // Over the quota, the one warning stands on the recommender's first 重点推荐 cell (K10), with no note beside it.
    const cells = ["B5", "K10", "B14"].map((c) => `定位到单元格 ${c}`);
    expect(
      within(panel())
        .getAllByRole("button", { name: /^定位到单元格 / })
        .map((b) => b.getAttribute("aria-label")),
    ).toEqual(cells);
    expect(
      within(panel()).getByText(
        "推荐单位“浦东新区人社局”：重点推荐 2 项，共 4 项，原则上不超过 1 项（推荐项目总数的 15%）。",
      ),
    ).toBeTruthy();
    expect(within(panel()).getAllByText("沪人社专〔2026〕82号 附件3 注")).toHaveLength(3);
    // Only marked findings (errors and warnings) can be ignored: K10 has a warning, B5 only a note.
    expect(within(panel()).getByRole("button", { name: "忽略 K10 的问题" })).toBeTruthy();
    expect(within(panel()).queryByRole("button", { name: "忽略 B5 的问题" })).toBeNull();
  });

  it("selects a finding's cell in the workbook when the finding is chosen", async () => {
    const port = new FakeWorkbookPort([recommendationList(), cityList()], { active: SHEET });
    await renderPane(port);
    await checkNow();
    expandGroup("推荐排序");
    fireEvent.click(within(panel()).getByRole("button", { name: "定位到单元格 C15" }));
    await waitFor(() => expect(port.selections).toEqual([{ sheet: SHEET, row: 14, col: 2 }]));
  });

  it("follows the sheet the user moved to in Excel when checking again", async () => {
    const port = new FakeWorkbookPort([recommendationList(), cityList()], { active: "推荐表" });
    await renderPane(port);
    await checkNow();
    expect(port.markedCells("推荐表").length).toBeGreaterThan(0);
    port.activate(SHEET);
    await checkNow();
    await waitFor(() => expect(port.markedCells(SHEET)).toEqual(MARKED));
    expect((screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement).value).toBe(SHEET);
  });

  it("clears the marks with 清除标记", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    await checkNow();
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已清除本工作表的标记。");
    expect(port.markedCells(SHEET)).toEqual([]);
  });

  it("says so when nothing is wrong", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    port.settings.set(
      IGNORES_SETTING,
      JSON.stringify(
        checkGrid(cityList())
          .findings.filter((f) => f.severity !== "info")
          .map((f) => ({ sheet: SHEET, rule: f.rule, cell: toA1(f.row, f.col), reason: "已核实" })),
      ),
    );
    await renderPane(port);
    await checkNow();
    expect(screen.getByText("未发现错误或提醒。")).toBeTruthy();
    expect(port.markedCells(SHEET)).toEqual([]);
  });
});

describe("校验 tab: ignoring", () => {
  it("asks for a reason, refuses an empty one, stores the ignore and takes its mark back", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    await checkNow();
    expandGroup("领域不在附件1之列");
    fireEvent.click(within(panel()).getByRole("button", { name: "忽略 F9 的问题" }));
    const dialog = await findDialog();
    expect(within(dialog).getByText(/忽略 F9 的问题/)).toBeTruthy();
    const reason = within(dialog).getByLabelText(/忽略原因/);
    expect(reason.hasAttribute("required")).toBe(true);
    fireEvent.change(reason, { target: { value: "   " } });
    fireEvent.click(dialogButton(dialog, "忽略"));
    expect(await within(dialog).findByText("请填写忽略原因。")).toBeTruthy();
    expect(port.setting(IGNORES_SETTING)).toBeUndefined();

    fireEvent.change(reason, { target: { value: "市里同意按人工智能单列" } });
    fireEvent.click(dialogButton(dialog, "忽略"));
    await waitFor(() => expect(dialogIsClosed()).toBe(true));
    await waitFor(() =>
      expect(port.setting(IGNORES_SETTING)).toEqual([
        { sheet: SHEET, rule: "domain.in-list", cell: "F9", reason: "市里同意按人工智能单列" },
      ]),
    );
    await screen.findByText("发现 2 个错误、2 个提醒。");
    expect(port.markedCells(SHEET)).toEqual(MARKED.filter((c) => c !== "F9"));
    const ignored = await screen.findByRole("region", { name: "已忽略" }, { timeout: 5000 });
    expect(within(ignored).getByText("F9")).toBeTruthy();
    expect(within(ignored).getByText("原因：市里同意按人工智能单列")).toBeTruthy();
    expect(within(ignored).getByText(/领域“人工智能”不是附件1所列的领域/)).toBeTruthy();
  });

  it("is cancelled without storing anything", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    await checkNow();
    expandGroup("推荐排序");
    fireEvent.click(within(panel()).getByRole("button", { name: "忽略 C15 的问题" }));
    fireEvent.click(dialogButton(await findDialog(), "取消"));
    await waitFor(() => expect(dialogIsClosed()).toBe(true));
    expect(port.setting(IGNORES_SETTING)).toBeUndefined();
    expect(port.markedCells(SHEET)).toEqual(MARKED);
  });

  it("respects ignores stored in the workbook on the next check, and restores one with 恢复", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    await checkNow();
    expandGroup("推荐排序");
    await ignoreWithReason("C15", "两个项目并列第一，经处里确认");
    await waitFor(() => expect(port.markedCells(SHEET)).not.toContain("C15"));
    cleanup();

    // A new session over the same workbook: the ignore is read back and the finding stays unmarked.
    await renderPane(port);
    await checkNow();
    expect(port.markedCells(SHEET)).toEqual(MARKED.filter((c) => c !== "C15"));
    const ignored = screen.getByRole("region", { name: "已忽略" });
    fireEvent.click(within(ignored).getByRole("button", { name: "恢复 C15 的问题" }));
    await waitFor(() => expect(port.setting(IGNORES_SETTING)).toEqual([]));
    await waitFor(() => expect(port.markedCells(SHEET)).toEqual(MARKED));
    expect(screen.queryByRole("region", { name: "已忽略" })).toBeNull();
  });
});

describe("校验 tab: choosing the notice and level by hand", () => {
  it("remembers the choice in the workbook and checks with it", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    const summary = await screen.findByRole("region", { name: "识别结果" });
    await within(summary).findByText(/^汇总表 · /);
    fireEvent.click(within(summary).getByRole("button", { name: "更改" }));
    fireEvent.change(within(summary).getByRole("combobox", { name: "项目级别" }), {
      target: { value: "provincial" },
    });
    await waitFor(() => expect(port.setting(OVERRIDE_SETTING)).toEqual({ [SHEET]: { level: "provincial" } }));
    await within(summary).findByText(/ · 省级 （手动指定）$/);
    cleanup();

    await renderPane(port);
    const again = await screen.findByRole("region", { name: "识别结果" });
    await waitFor(() =>
      expect((within(again).getByRole("combobox", { name: "项目级别" }) as HTMLSelectElement).value).toBe(
        "provincial",
      ),
    );
    fireEvent.change(within(again).getByRole("combobox", { name: "项目级别" }), {
      target: { value: "auto" },
    });
    await waitFor(() => expect(port.setting(OVERRIDE_SETTING)).toBeUndefined());
  });

  it("checks against the chosen notice: a Shanghai list forced to Hubei is not recognised", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    const summary = await screen.findByRole("region", { name: "识别结果" });
    await within(summary).findByText(/^汇总表 · /);
    fireEvent.click(within(summary).getByRole("button", { name: "更改" }));
    fireEvent.change(within(summary).getByRole("combobox", { name: "按哪份通知校验" }), {
      target: { value: "hb-2026-gaoyan" },
    });
    await within(summary).findByText(/^未识别 · /);
    await checkNow();
    expect(port.markedCells(SHEET)).toEqual([]);
  });
});

describe("校验 tab: problems with the workbook", () => {
  it("shows an error from the workbook as a message in the user's language", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    port.failNext(
      "readSheet",
      new FakePortError({
        zh: "工作表受保护，无法修改。",
        en: "The sheet is protected, so it cannot be changed.",
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
    expect(await screen.findByText("工作表受保护，无法修改。")).toBeTruthy();
    expect(screen.getByText("操作未完成")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /切换到英文/ }));
    expect(screen.getByText("The sheet is protected, so it cannot be changed.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText("The sheet is protected, so it cannot be changed.")).toBeNull();
  });

  it("words an unexpected error too, rather than leaving it to the console", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await renderPane(port);
    port.failNext("applyMarks", new Error("GeneralException"));
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
    expect(await screen.findByText("出现错误：GeneralException")).toBeTruthy();
  });

  it("names what this Excel lacks and points to the file mode and the CLI", async () => {
    const port = new FakeWorkbookPort([cityList()], {
      capabilities: { missing: ["以批注（备注）说明原因 (ExcelApi 1.18)", "识别合并单元格 (ExcelApi 1.13)"] },
    });
    await renderPane(port);
    const message = await screen.findByText(
      /缺少：以批注（备注）说明原因 \(ExcelApi 1\.18\)、识别合并单元格/,
    );
    expect(message.textContent).toContain("文件模式");
    expect(message.textContent).toContain("yanxiu check");
  });

  it("answers a check asked for while the check on opening runs (the download right after opening) with that check", async () => {
    // What the download does: ask the 校验 tab for a check of the sheet as it is now, and write no copy without one.
    function AskForCheck() {
      const request = useCheckRequest();
      const [answer, setAnswer] = useState("");
      return (
        <button type="button" onClick={() => void request?.current?.().then((ok) => setAnswer(String(ok)))}>
          {`ask ${answer}`}
        </button>
      );
    }
    const port = new FakeWorkbookPort([cityList()], { delayMs: 150 });
    render(
      <TaskPane host={{ mode: "file", lang: "zh" }} port={port} checkOnOpen fileBanner={<AskForCheck />} />,
    );
    // (Generous waits: the whole suite runs on two busy cores in CI.)
    expect(await screen.findByText("正在校验…", {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^ask/ }));
    await screen.findByRole("button", { name: "ask true" }, { timeout: 15_000 });
    expect(port.markedCells(SHEET)).toEqual(MARKED);
    expect(screen.queryByText("正在校验…")).toBeNull();
  }, 30_000);

  it("shows a progress indicator while a slow check runs", async () => {
    const port = new FakeWorkbookPort([cityList()], { delayMs: 200 });
    await renderPane(port);
    await screen.findByText(/^汇总表 · /, {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
    expect(await screen.findByText("正在校验…", {}, { timeout: 2000 })).toBeTruthy();
    await screen.findByText("发现 3 个错误、2 个提醒。", {}, { timeout: 4000 });
    expect(screen.queryByText("正在校验…")).toBeNull();
  });
});

describe("校验 tab: 实时校验", () => {
  it("is off by default and unavailable where the workbook reports no changes", async () => {
    // A file changes only through the pane: the switch takes no room there (issue 13, compact layout).
    const port = new FakeWorkbookPort([cityList()], { kind: "file" });
    await renderPane(port);
    await screen.findByRole("region", { name: "识别结果" });
    expect(screen.queryByRole("switch", { name: "实时校验" })).toBeNull();
  });

  it("inside an Excel without change events, says the check must be run by hand", async () => {
    await renderPane(new FakeWorkbookPort([cityList()], { kind: "office" }));
    expect((screen.getByRole("switch", { name: "实时校验" }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/此版本的 Excel 不能通知工作表的修改/)).toBeTruthy();
  });

  it("re-checks after the user's edits, debounced, and not after the add-in's own marking", async () => {
    const port = new FakeWorkbookPort([cityList()], { changeEvents: true, echoOwnChanges: true });
    await renderPane(port);
    const live = screen.getByRole("switch", { name: "实时校验" }) as HTMLInputElement;
    expect(live.checked).toBe(false);
    expect(port.listeners(SHEET)).toBe(0);
    fireEvent.click(live);
    await screen.findByText("发现 3 个错误、2 个提醒。");
    expect(port.listeners(SHEET)).toBe(1);
    const marked = () => port.calls.filter((c) => c === "applyMarks").length;
    expect(marked()).toBe(1);

    // The echo of our own marking arrives, and nothing is checked again.
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
    expect(marked()).toBe(1);

    // The user fixes F9 with a few keystrokes: one check after the last one.
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    act(() => {
      port.edit(SHEET, 8, 5, "数字");
      port.edit(SHEET, 8, 5, "数字技");
      port.edit(SHEET, 8, 5, "数字技术");
    });
    await screen.findByText("发现 2 个错误、2 个提醒。", {}, { timeout: 3000 });
    expect(marked()).toBe(2);
    expect(port.markedCells(SHEET)).not.toContain("F9");

    fireEvent.click(live);
    expect(port.listeners(SHEET)).toBe(0);
  }, 15000);
});

describe("校验 tab without a workbook", () => {
  it("says that no workbook is open and offers nothing to check", () => {
    render(<TaskPane host={{ mode: "file", lang: "zh" }} />);
    expect(screen.getByText("尚未打开工作簿")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "校验当前工作表" })).toBeNull();
  });

  it("inside Excel, waiting for the workbook, says so", () => {
    render(<TaskPane host={EXCEL_ZH} />);
    expect(screen.getByText(/正在等待 Excel 提供工作簿/)).toBeTruthy();
  });
});
