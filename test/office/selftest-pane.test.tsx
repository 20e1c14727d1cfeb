/**
 * @jest-environment jsdom
 */
// 自检 in the pane: the button runs the self-test on the open (simulated) workbook, shows the summary and the zh-CN
// report, and copies it; `?selftest` starts it at once.

import "./jsdom-text-encoder";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { runSelfTest } from "../../src/adapters/office/selftest";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { SelfTestSection, wantsSelfTest } from "../../src/taskpane/components/settings/SelfTest";
import { createWorkbook, makeOfficeGlobals } from "../support/excel-sim";
import { portFor } from "./helpers";

jest.setTimeout(60_000);
afterEach(cleanup);

function workbook() {
  return createWorkbook({ sheets: [{ name: "汇总表", values: [["项目名称", "学员人数"]] }] });
}

it("runs on the button, shows the summary and a report that can be copied", async () => {
  const wb = workbook();
  const writeText = jest.fn(() => Promise.resolve());
  Object.assign(navigator, { clipboard: { writeText } });
  render(
    <SelfTestSection
      run={() =>
        runSelfTest({
          run: wb.run,
          isSetSupported: wb.isSetSupported,
          diagnostics: { host: "Excel", platform: "Mac", version: "16.95" },
        })
      }
    />,
  );
  fireEvent.click(screen.getByRole("button", { name: "运行自检" }));
  await screen.findByText(/^通过 \d+ 项，失败 0 项，不支持 0 项。$/, undefined, { timeout: 20_000 });
  const report = screen.getByRole("textbox", { name: "自检报告" }) as HTMLTextAreaElement;
  expect(report.value).toContain("研修申报助手 自检报告");
  expect(report.value).toContain("平台 Mac，版本 16.95");
  fireEvent.click(screen.getByRole("button", { name: "复制报告" }));
  await screen.findByText("已复制。");
  expect(writeText).toHaveBeenCalledWith(report.value);
  expect(wb.sheetNames()).toEqual(["汇总表"]);
});

it("starts at once inside the Excel pane when the address asks for ?selftest", async () => {
  expect(wantsSelfTest("?selftest")).toBe(true);
  expect(wantsSelfTest("?mode=file")).toBe(false);
  const wb = workbook();
  const uninstall = makeOfficeGlobals(wb).install();
  try {
    render(<TaskPane host={{ mode: "excel", lang: "zh" }} port={portFor(wb)} selfTest />);
    await screen.findByText(/^通过 \d+ 项，失败 0 项/, undefined, { timeout: 20_000 });
    expect((screen.getByRole("textbox", { name: "自检报告" }) as HTMLTextAreaElement).value).toMatch(
      /结果：通过 \d+ 项，失败 0 项/,
    );
  } finally {
    uninstall();
  }
});
