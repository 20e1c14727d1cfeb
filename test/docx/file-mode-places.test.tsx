/**
 * @jest-environment jsdom
 */
// A Word form opened in the pane's file mode: it is checked as the sheet of a new workbook, and each finding also
// says where it is in the Word document (表N 第R行 第C格 “label”); a workbook's findings say nothing of the kind.
import "../office/jsdom-text-encoder";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { openWorkbookInBrowser } from "../../src/taskpane/file/open-workbook";
import { GOLDEN_CASES } from "../golden/cases";
import { wordMlDocx } from "./support/wordml";

jest.setTimeout(60_000);
afterEach(cleanup);

it("the findings of a Word form in file mode name their places in the document", async () => {
  const form = GOLDEN_CASES.find((c) => c.id === "sh-application-violations")?.sheets[0];
  if (!form) throw new Error("golden case missing");
  const bytes = wordMlDocx(form, { ticks: "content-control" });
  const before = bytes.slice();
  const opened = await openWorkbookInBrowser(bytes, "某院申报表.docx", "zh");
  if (!opened.ok) throw new Error(opened.problem.kind);
  expect((await opened.port.listSheets()).map((s) => s.name)).toEqual(["某院申报表"]);
  render(<TaskPane host={{ mode: "file", lang: "zh" }} port={opened.port} checkOnOpen />);
  await screen.findByText("发现 17 个错误、7 个提醒。", undefined, { timeout: 20_000 });
  // Findings are grouped by rule: open the two groups looked at.
  fireEvent.click(screen.getByRole("button", { name: /^手机号码格式/ }));
  fireEvent.click(screen.getByRole("button", { name: /^填写日期晚于截止日期/ }));
  expect(await screen.findByText("表1 第18行 第5格 “手机”")).toBeTruthy();
  expect(screen.getByText("正文第3段 “申报时间：2026年4月20日”")).toBeTruthy();
  expect(Buffer.from(bytes).equals(Buffer.from(before))).toBe(true);
});
