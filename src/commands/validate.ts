// The ribbon's 校验 button: check the active sheet without opening the pane, then tell the user the result.

import { showRibbonMessage, type DialogUi } from "./message-dialog";
import { pickLanguage, textOf } from "../taskpane/strings";

/** What the ribbon handler needs from Office; a parameter so tests can stand in for it. */
export interface RibbonEnvironment {
  ui: DialogUi;
  displayLanguage: string | undefined;
  /** The function file's address; the message dialog is served next to it. */
  baseUrl: string;
}

function officeEnvironment(): RibbonEnvironment {
  return {
    ui: Office.context.ui,
    displayLanguage: Office.context.displayLanguage,
    baseUrl: window.location.href,
  };
}

/**
 * Runs when 校验 is pressed. Always calls event.completed(), whatever happens, because Office keeps the
 * button busy until it is called.
 */
export async function runRibbonValidation(
  event: Office.AddinCommands.Event,
  environment?: RibbonEnvironment,
): Promise<void> {
  try {
    const env = environment ?? officeEnvironment();
    const lang = pickLanguage(env.displayLanguage);
    // TODO(issue 4): read the active sheet through the Office adapter (src/adapters/office), run the engine's
    // check, apply the marks, and report the counts here instead of this notice.
    await showRibbonMessage(env.ui, env.baseUrl, {
      lang,
      title: textOf(lang, "ribbonTitle"),
      text: textOf(lang, "ribbonNotReady"),
    });
  } finally {
    event.completed();
  }
}
