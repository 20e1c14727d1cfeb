// The dialog the ribbon opens to tell the user something (the ribbon has no pane of its own).
// Title and text come from the address and are set as text, never as HTML.

import { readRibbonMessage } from "./message-dialog";
import { htmlLang, textOf } from "../taskpane/strings";

function show(): void {
  const message = readRibbonMessage(window.location.search);
  document.documentElement.lang = htmlLang(message.lang);
  document.title = message.title;
  const title = document.getElementById("title");
  const body = document.getElementById("body");
  const close = document.getElementById("close");
  if (title) title.textContent = message.title;
  if (body) body.textContent = message.text;
  if (close) {
    close.textContent = textOf(message.lang, "close");
    close.addEventListener("click", () => {
      // Outside Office (the page opened by hand) there is no parent to tell.
      if (typeof Office !== "undefined" && Office.context?.ui) Office.context.ui.messageParent("close");
    });
    close.focus();
  }
}

if (typeof Office !== "undefined") void Office.onReady(show);
else show();
