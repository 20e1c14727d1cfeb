/**
 * @jest-environment jsdom
 */
// The whole task pane inside (simulated) Excel: pressing 校验当前工作表 looks at the workbook, reads, checks and
// marks the active sheet in at most 3 context.sync calls, through the pane's own code path.

import "./jsdom-text-encoder";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { createWorkbook } from "../support/excel-sim";
import { portFor, traineeList } from "./helpers";

jest.setTimeout(60_000);
afterEach(cleanup);

it("checks and marks the active sheet in at most 3 syncs when 校验 is pressed", async () => {
  const wb = createWorkbook({
    sheets: [{ name: "说明" }, { name: "汇总表", values: traineeList(1_000) }],
    active: "汇总表",
  });
  render(<TaskPane host={{ mode: "excel", lang: "zh" }} port={portFor(wb)} />);
  const summary = await screen.findByRole("region", { name: "识别结果" }, { timeout: 10_000 });
  await waitFor(() => expect(summary.querySelector("dd")?.textContent).not.toBe("…"), { timeout: 10_000 });
  await waitFor(() =>
    expect(screen.getByRole("button", { name: "校验当前工作表" }).hasAttribute("disabled")).toBe(false),
  );

  const before = wb.requests.length;
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  await screen.findByText(/^发现 \d+ 个错误、\d+ 个提醒。$/, undefined, { timeout: 10_000 });
  expect(wb.requests.length - before).toBeLessThanOrEqual(3);
  expect(Object.keys(wb.sheet("汇总表").notes()).length).toBeGreaterThan(0);
});
