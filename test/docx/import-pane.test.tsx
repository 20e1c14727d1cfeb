/**
 * @jest-environment jsdom
 */
// 导入 Word 申报表 through the pane in (simulated) Excel: pick .docx forms, see each checked, append them to the open
// 推荐表, and be asked before a line under the table would be overwritten.

import "../office/jsdom-text-encoder";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { shCases } from "../golden/cases/sh-2026-gaoyan";
import { createWorkbook } from "../support/excel-sim";
import { portFor } from "../office/helpers";
import { formValues, shForm } from "./support/forms";
import { wordMlDocx } from "./support/wordml";

jest.setTimeout(60_000);
afterEach(cleanup);

const RECOMMENDATION = shCases.find((c) => c.id === "sh-recommendation-clean")?.sheets[0];
if (!RECOMMENDATION) throw new Error("golden 推荐表 missing");
const header = RECOMMENDATION.rows.findIndex((r) => r[0] === "推荐排序");
const rows = [...RECOMMENDATION.rows.slice(0, header + 1), [], [], ["推荐单位联系人：王老师"]].map((r) =>
  r.map((v) => (v instanceof Date ? v.toISOString() : v)),
);

function docx(i: number): File {
  const bytes = wordMlDocx(shForm("申报表", formValues(i)), { ticks: "content-control" });
  const file = new File([bytes as Uint8Array<ArrayBuffer>], `0${i + 1}-${formValues(i).host}.docx`);
  // jsdom's File has no arrayBuffer(); the browser's does.
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(0) });
  return file;
}

it("appends picked Word forms to the open 推荐表, asking before the line under it is overwritten", async () => {
  const wb = createWorkbook({ sheets: [{ name: "推荐表", values: rows }], parsesTypedText: true });
  render(<TaskPane host={{ mode: "excel", lang: "zh" }} port={portFor(wb)} />);
  fireEvent.click(await screen.findByRole("tab", { name: "表格" }));
  fireEvent.click(await screen.findByRole("button", { name: "导入 Word 申报表" }, { timeout: 10_000 }));
  const input = document.querySelector('input[type="file"][accept^=".docx"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [docx(0), docx(1), docx(2)] } });
  await screen.findByText("已读取 3 份文件：", undefined, { timeout: 10_000 });
  expect(screen.getAllByText(/错误 0，提醒 \d+/)).toHaveLength(3);
  await waitFor(() =>
    expect(screen.getByRole("button", { name: "导入" }).hasAttribute("disabled")).toBe(false),
  );
  fireEvent.click(screen.getByRole("button", { name: "导入" }));
  // Three forms from the two empty rows reach the 联系人 line: the pane asks.
  const ask = await screen.findByRole("alertdialog", undefined, { timeout: 10_000 });
  expect(ask.textContent).toContain("推荐单位联系人：王老师");
  fireEvent.click(within(ask).getByRole("button", { name: "不覆盖" }));
  const done = await screen.findByText(/^已将 2 份申报表追加到“推荐表”。/, undefined, { timeout: 10_000 });
  // A 推荐表 has no 办班地点 column: the pane says which values had nowhere to go, by the columns' names.
  expect(done.textContent).toContain("办班地点");
  const sheet = wb.sheet("推荐表");
  const r = header + 2; // 1-based row of the first project
  expect([sheet.cell(`A${r}`).value, sheet.cell(`B${r}`).value, sheet.cell(`C${r}`).value]).toEqual([
    1,
    formValues(0).title,
    formValues(0).host,
  ]);
  expect(sheet.cell(`B${r + 1}`).value).toBe(formValues(1).title);
  expect(sheet.cell(`A${r + 2}`).value).toBe("推荐单位联系人：王老师");
  expect(sheet.cell(`B${r + 2}`).value ?? "").toBe("");
});
