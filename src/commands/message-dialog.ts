// How the ribbon tells the user something: a small Office dialog (message.html) with a title, a text and a
// close button. The text travels in the dialog's address, so the dialog page needs no channel back.

import { pickLanguage, type Lang } from "../taskpane/strings";

export interface RibbonMessage {
  lang: Lang;
  title: string;
  text: string;
}

/** The part of Office.context.ui the dialog needs; a parameter so tests can stand in for Office. */
export type DialogUi = Pick<Office.UI, "displayDialogAsync">;

/** Dialog size in percent of the Excel window. */
const DIALOG_SIZE = { width: 30, height: 25 };

/** The dialog page's address for a message, next to the page that asks (same origin, as Office requires). */
export function ribbonMessageUrl(base: string, message: RibbonMessage): string {
  const url = new URL("message.html", base);
  url.searchParams.set("lang", message.lang);
  url.searchParams.set("title", message.title);
  url.searchParams.set("text", message.text);
  return url.toString();
}

/** Reads back what ribbonMessageUrl put in the address; missing parts become empty text. */
export function readRibbonMessage(search: string): RibbonMessage {
  const params = new URLSearchParams(search);
  return {
    lang: pickLanguage(params.get("lang")),
    title: params.get("title") ?? "",
    text: params.get("text") ?? "",
  };
}

/**
 * Shows the message and resolves when the user has closed it, or at once when no dialog can be shown
 * (another dialog is open, or the host refuses); never rejects, so the caller can always complete its event.
 * Returns whether the dialog was shown.
 */
export function showRibbonMessage(ui: DialogUi, base: string, message: RibbonMessage): Promise<boolean> {
  return new Promise((resolve) => {
    ui.displayDialogAsync(
      ribbonMessageUrl(base, message),
      { ...DIALOG_SIZE, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve(false);
          return;
        }
        const dialog = result.value;
        const finish = () => {
          dialog.close();
          resolve(true);
        };
        // The close button sends a message; the dialog's own X arrives as an event.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve(true));
      },
    );
  });
}
