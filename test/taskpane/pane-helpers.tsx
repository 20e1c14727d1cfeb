// Shared by the pane's tests: render the whole pane over a fake workbook and reach its parts as a user would.

import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import type { HostInfo } from "../../src/taskpane/host";
import type { FakeWorkbookPort } from "../support/fake-port";

export const EXCEL_ZH: HostInfo = { mode: "excel", lang: "zh" };

// The whole pane renders under jsdom on a shared two-core machine next to other suites: give the pane's answers
// more than the default second to appear, and each test more than the default five.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

/**
 * The pane inside Excel over the fake workbook, once it has listed the sheets, read the stored settings and
 * recognised the sheet (the first thing a user sees).
 */
export async function renderPane(port: FakeWorkbookPort, host: HostInfo = EXCEL_ZH) {
  const view = render(<TaskPane host={host} port={port} />);
  const summary = await screen.findByRole("region", {
    name: host.lang === "zh" ? "识别结果" : "Recognised as",
  });
  await waitFor(() => expect(summary.querySelector("dd")?.textContent).not.toBe("…"));
  return view;
}

/** The visible tab panel. */
export function panel(): HTMLElement {
  return screen.getByRole("tabpanel");
}

export function openTab(name: string): HTMLElement {
  fireEvent.click(screen.getByRole("tab", { name }));
  return panel();
}

/** The expandable group headings of the findings, in order (their accessible names). */
export function groupHeadings(): HTMLElement[] {
  return within(within(panel()).getByRole("region", { name: "问题列表" }))
    .getAllByRole("button")
    .filter((b) => b.hasAttribute("aria-expanded"));
}

/** Expands the group whose heading starts with the rule's title. */
export function expandGroup(title: string): void {
  const heading = groupHeadings().find((b) => (b.textContent ?? "").startsWith(title));
  if (!heading) throw new Error(`no group “${title}”`);
  if (heading.getAttribute("aria-expanded") !== "true") fireEvent.click(heading);
}

/** Presses 校验当前工作表 and waits for the result line. */
export async function checkNow(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  await screen.findByText(/^(发现 \d+ 个错误、\d+ 个提醒。|未发现错误或提醒。)$/);
}

/**
 * The open dialog. Under jsdom, Fluent's focus modalizer (tabster) marks the dialog surface itself aria-hidden a
 * moment after it opens (a known jsdom-only artefact; in a browser only the content behind it is hidden), so the
 * dialog and its controls are looked up including hidden elements.
 */
export async function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("dialog", { hidden: true });
}

export function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}

export function dialogIsClosed(): boolean {
  return screen.queryByRole("dialog", { hidden: true }) === null;
}
