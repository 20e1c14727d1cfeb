/**
 * @jest-environment jsdom
 */
// The pane's shell as a user meets it: language, mode, tabs and the file-mode open button.

import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import type { HostInfo } from "../../src/taskpane/host";
import { CATALOGUES } from "../../src/taskpane/strings";

const FILE_ZH: HostInfo = { mode: "file", lang: "zh" };
const EXCEL_ZH: HostInfo = { mode: "excel", lang: "zh" };

/** The tabs in order, found by their accessible names (Fluent repeats a tab's label in a hidden span). */
function tabsNamed(names: string[]): HTMLElement[] {
  return names.map((name) => screen.getByRole("tab", { name }));
}

function fileInput(container: HTMLElement): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  return input;
}

describe("TaskPane", () => {
  it("renders in Chinese by default, with the product name, the mode and the three tabs", () => {
    render(<TaskPane host={FILE_ZH} />);
    expect(screen.getByRole("heading", { level: 1, name: "研修申报助手" })).toBeTruthy();
    expect(screen.getByText("文件模式（浏览器）")).toBeTruthy();
    const tabs = within(screen.getByRole("tablist", { name: "功能" })).getAllByRole("tab");
    expect(tabs).toEqual(tabsNamed(["校验", "统计", "表格"]));
    // No workbook yet: the pane says so instead of offering to check.
    expect(screen.getByText(CATALOGUES.zh.noWorkbookTitle)).toBeTruthy();
    expect(screen.queryByRole("button", { name: CATALOGUES.zh.checkSheet })).toBeNull();
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  it("switches to English and back with the language button", () => {
    render(<TaskPane host={FILE_ZH} />);
    fireEvent.click(screen.getByRole("button", { name: /切换到英文/ }));
    expect(screen.getByRole("heading", { level: 1, name: "Yanxiu Desk" })).toBeTruthy();
    expect(screen.getAllByRole("tab")).toEqual(tabsNamed(["Check", "Statistics", "Templates"]));
    expect(screen.getByRole("button", { name: "Open a file" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");

    fireEvent.click(screen.getByRole("button", { name: /Switch to Chinese/ }));
    expect(screen.getByRole("heading", { level: 1, name: "研修申报助手" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  it("starts in English when Office or the browser speaks English", () => {
    render(<TaskPane host={{ mode: "excel", lang: "en" }} />);
    expect(screen.getByRole("heading", { level: 1, name: "Yanxiu Desk" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Switch to Chinese/ }).textContent).toBe("中文");
  });

  it("shows the file-mode banner and the open button when Office is absent", () => {
    render(<TaskPane host={FILE_ZH} />);
    expect(screen.getByText("未在 Excel 中打开")).toBeTruthy();
    expect(screen.getByRole("button", { name: "打开文件" })).toBeTruthy();
  });

  it("inside Excel shows the Excel mode and no open button", () => {
    render(<TaskPane host={EXCEL_ZH} />);
    expect(screen.getByText("Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "打开文件" })).toBeNull();
    expect(screen.queryByText("未在 Excel 中打开")).toBeNull();
  });

  it("shows the body of the chosen tab only, labelled by its tab", async () => {
    render(<TaskPane host={FILE_ZH} />);
    const templatesTab = screen.getByRole("tab", { name: "表格" });
    fireEvent.click(templatesTab);
    const panel = screen.getByRole("tabpanel");
    expect(panel.getAttribute("aria-labelledby")).toBe(templatesTab.id);
    expect(templatesTab.getAttribute("aria-selected")).toBe("true");
    // The gallery can be browsed before a file is opened; inserting needs one. (Its chunk loads on first choosing.)
    expect(await within(panel).findByText(CATALOGUES.zh.galleryTitle)).toBeTruthy();
    expect(
      within(panel)
        .getAllByRole("button", { name: /^插入 / })
        .every((b) => b.hasAttribute("disabled")),
    ).toBe(true);
    fireEvent.click(screen.getByRole("tab", { name: "校验" }));
    expect(screen.getAllByRole("tabpanel")).toHaveLength(1);
    expect(within(screen.getByRole("tabpanel")).queryByText(CATALOGUES.zh.galleryTitle)).toBeNull();
  });

  it("reaches every control by keyboard: tabs and buttons are focusable buttons", () => {
    render(<TaskPane host={FILE_ZH} />);
    for (const control of [...screen.getAllByRole("tab"), ...screen.getAllByRole("button")]) {
      expect(control.tagName).toBe("BUTTON");
      control.focus();
      expect(document.activeElement).toBe(control);
    }
  });

  it("opens the file picker from the button and hands an xlsx file to the owner", () => {
    const onOpenFile = jest.fn();
    const { container } = render(<TaskPane host={FILE_ZH} onOpenFile={onOpenFile} />);
    const input = fileInput(container);
    const pick = jest.spyOn(input, "click");
    fireEvent.click(screen.getByRole("button", { name: "打开文件" }));
    expect(pick).toHaveBeenCalledTimes(1);

    const file = new File(["PK"], "上海申报表.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    act(() => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    expect(onOpenFile).toHaveBeenCalledWith(file);
    expect(screen.getByRole("status").textContent).toBe("已打开：上海申报表.xlsx");
  });

  it.each(["名单.xlsx.txt", "名单.pdf", "名单"])(
    "refuses %s with a message and does not hand it on",
    (name) => {
      const onOpenFile = jest.fn();
      const { container } = render(<TaskPane host={FILE_ZH} onOpenFile={onOpenFile} />);
      act(() => {
        fireEvent.change(fileInput(container), { target: { files: [new File(["x"], name)] } });
      });
      expect(onOpenFile).not.toHaveBeenCalled();
      expect(screen.getByRole("status").textContent).toContain(`“${name}”不是能校验的文件`);
    },
  );

  // Old workbooks, WPS files, Word forms and CSV go on to the reader, which reads them or says why it cannot.
  it.each(["名单.xls", "名单.ET", "名单.ods", "申报表.docx", "名单.csv"])(
    "hands %s on to be read",
    (name) => {
      const onOpenFile = jest.fn();
      const { container } = render(<TaskPane host={FILE_ZH} onOpenFile={onOpenFile} />);
      const file = new File(["x"], name);
      act(() => {
        fireEvent.change(fileInput(container), { target: { files: [file] } });
      });
      expect(onOpenFile).toHaveBeenCalledWith(file);
    },
  );
});
