// The ribbon's 校验 handler: it must always complete its event, and tell the user through a dialog.

import {
  readRibbonMessage,
  ribbonMessageUrl,
  showRibbonMessage,
  type DialogUi,
} from "../../src/commands/message-dialog";
import { runRibbonValidation } from "../../src/commands/validate";
import { CATALOGUES } from "../../src/taskpane/strings";

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

describe("runRibbonValidation", () => {
  it("shows the message in the user's language and completes the event when the user closes it", async () => {
    const { ui, urls, dialog, handlers } = fakeUi("shown");
    const event = fakeEvent();
    const done = runRibbonValidation(event, { ui, displayLanguage: "en-US", baseUrl: BASE });
    expect(event.completed).not.toHaveBeenCalled();
    handlers.get("dialogMessageReceived")?.({ message: "close" });
    await done;
    expect(dialog.close).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    const message = readRibbonMessage(new URL(urls[0]!).search);
    expect(message).toEqual({
      lang: "en",
      title: CATALOGUES.en.ribbonTitle,
      text: CATALOGUES.en.ribbonNotReady,
    });
  });

  it("completes the event when the user closes the dialog with its own X", async () => {
    const { ui, handlers } = fakeUi("shown");
    const event = fakeEvent();
    const done = runRibbonValidation(event, { ui, displayLanguage: "zh-CN", baseUrl: BASE });
    handlers.get("dialogEventReceived")?.({ error: 12006 });
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("completes the event when no dialog can be shown", async () => {
    const { ui } = fakeUi("refused");
    const event = fakeEvent();
    await runRibbonValidation(event, { ui, displayLanguage: "zh-CN", baseUrl: BASE });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("completes the event even when Office itself is missing", async () => {
    const event = fakeEvent();
    await expect(runRibbonValidation(event)).rejects.toThrow();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

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
