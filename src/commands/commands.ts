// Entry point of commands.html, the ribbon's function file: binds the manifest's FunctionName values to code.

import { runRibbonValidation } from "./validate";

// Registered at load, not inside Office.onReady: Office looks the action up as soon as the button is pressed.
Office.actions.associate("validateActiveSheet", (event: Office.AddinCommands.Event) => {
  // runRibbonValidation completes the event itself; what is left to catch has no UI to go to.
  runRibbonValidation(event).catch((err: unknown) =>
    console.error("研修申报助手: the ribbon check failed", err),
  );
});
