// The ribbon's 校验 handler: it must always complete its event, and tell the user through a dialog.

import {
  readRibbonMessage,
  ribbonMessageUrl,
  showRibbonMessage,
  type DialogUi,
} from "../../src/commands/message-dialog";
import { runRibbonValidation } from "../../src/commands/validate";
import { CATALOGUES } from "../../src/taskpane/strings";
import { IGNORES_SETTING } from "../../src/taskpane/settings";
import { cityList, recommendationList } from "../stats/fixtures";
import { FakePortError, FakeWorkbookPort } from "../support/fake-port";

// The enum values office.js defines at run time, which the code compares against.
const OFFICE_ENUMS = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
};

const BASE = "https://localhost:3000/commands.html";

type Handler = (arg: unknown) => void;

/** A dialog UI that records what was asked and lets the test act as the user. */
function fakeUi(outcome: "shown" | "refused") {
  const handlers = new Map<string, Handler>();
  const dialog = {
    close: jest.fn(),
    addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
  };
  const urls: string[] = [];
  const ui: DialogUi = {
    displayDialogAsync: ((url: string, _options: unknown, callback: (result: unknown) => void) => {
      urls.push(url);
      callback(
        outcome === "shown"
          ? { status: "succeeded", value: dialog }
          : { status: "failed", error: { code: 12007, message: "A dialog is already open" } },
      );
    }) as DialogUi["displayDialogAsync"],
  };
  return { ui, urls, dialog, handlers };
}

function fakeEvent() {
  return {
    completed: jest.fn(),
    source: { id: "Yanxiu.Validate" },
  } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = OFFICE_ENUMS;
});

afterAll(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

const SHEET = "城市 汇总表";

function workbook(): FakeWorkbookPort {
  return new FakeWorkbookPort([recommendationList(), cityList()], { active: SHEET });
}

describe("runRibbonValidation", () => {
  it("checks and marks the active sheet, then tells the counts in the user's language", async () => {
    const { ui, urls, dialog, handlers } = fakeUi("shown");
    const event = fakeEvent();
    const port = workbook();
    const done = runRibbonValidation(event, { ui, displayLanguage: "en-US", baseUrl: BASE, port });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await waitFor(() => urls.length === 1);
    expect(event.completed).not.toHaveBeenCalled();
    handlers.get("dialogMessageReceived")?.({ message: "close" });
    await done;
    expect(dialog.close).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(port.markedCells(SHEET)).toEqual(["E7", "F9", "I9", "K10", "K11", "C15"]);
    expect(port.markedCells("推荐表")).toEqual([]);
    const message = readRibbonMessage(new URL(urls[0]!).search);
    expect(message.lang).toBe("en");
    expect(message.title).toBe(CATALOGUES.en.ribbonTitle);
    expect(message.text).toBe(
      [
        `Sheet “${SHEET}” (Summary list): 3 errors and 2 warnings, marked in the cells.`,
        CATALOGUES.en.ribbonDetails,
      ].join("\n"),
    );
  });

  it("respects the ignores stored in the workbook, as the pane does", async () => {
    const { ui, urls, handlers } = fakeUi("shown");
    const port = workbook();
    port.settings.set(
      IGNORES_SETTING,
      JSON.stringify([{ sheet: SHEET, rule: "ranking.sequence", cell: "C15", reason: "并列" }]),
    );
    const done = runRibbonValidation(fakeEvent(), { ui, displayLanguage: "zh-CN", baseUrl: BASE, port });
    await waitFor(() => urls.length === 1);
    handlers.get("dialogEventReceived")?.({ error: 12006 });
    await done;
    expect(port.markedCells(SHEET)).toEqual(["E7", "F9", "I9", "K10", "K11"]);
    expect(readRibbonMessage(new URL(urls[0]!).search).text).toBe(
      [
        `工作表“${SHEET}”（汇总表）：2 个错误，2 个提醒，已在单元格中标记。`,
        "另有 1 个问题已忽略。",
        CATALOGUES.zh.ribbonDetails,
      ].join("\n"),
    );
  });

  it("tells the user when the check fails, and still completes the event", async () => {
    const { ui, urls } = fakeUi("refused");
    const port = workbook();
    port.failNext("readSheet", new FakePortError({ zh: "工作表受保护。", en: "The sheet is protected." }));
    const event = fakeEvent();
    await runRibbonValidation(event, { ui, displayLanguage: "zh-CN", baseUrl: BASE, port });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(readRibbonMessage(new URL(urls[0]!).search).text).toBe("校验未完成。工作表受保护。");
  });

  it("completes the event when no dialog can be shown", async () => {
    const { ui } = fakeUi("refused");
    const event = fakeEvent();
    await runRibbonValidation(event, { ui, displayLanguage: "zh-CN", baseUrl: BASE, port: workbook() });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("completes the event even when Office itself is missing", async () => {
    const event = fakeEvent();
    await expect(runRibbonValidation(event)).rejects.toThrow();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

/** Polls until the condition holds (the handler works through several awaits before it opens the dialog). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error("condition not met in time");
}

describe("ribbon message address", () => {
  it.each([
    ["zh", "校验结果", "3 个错误 & 1 个警告\n第二行"],
    ["en", "Result", "<script>alert(1)</script> ?x=1#y"],
  ] as const)("carries %s text through the address unchanged", (lang, title, text) => {
    const url = new URL(ribbonMessageUrl(BASE, { lang, title, text }));
    expect(url.origin + url.pathname).toBe("https://localhost:3000/message.html");
    expect(readRibbonMessage(url.search)).toEqual({ lang, title, text });
  });

  it("reads a bare address as empty Chinese text", () => {
    expect(readRibbonMessage("")).toEqual({ lang: "zh", title: "", text: "" });
  });

  it("reports whether the dialog was shown", async () => {
    const refused = fakeUi("refused");
    await expect(showRibbonMessage(refused.ui, BASE, { lang: "zh", title: "t", text: "x" })).resolves.toBe(
      false,
    );
    const shown = fakeUi("shown");
    const result = showRibbonMessage(shown.ui, BASE, { lang: "zh", title: "t", text: "x" });
    shown.handlers.get("dialogMessageReceived")?.({ message: "close" });
    await expect(result).resolves.toBe(true);
  });
});
