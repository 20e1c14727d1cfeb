// Entry point of commands.html, the ribbon's function file: binds the manifest's FunctionName values to code.

import { runRibbonValidation } from "./validate";

/** The manifest's <FunctionName> of the 校验 button. */
export const VALIDATE_ACTION = "validateActiveSheet";

/** Every <FunctionName> the manifest names, each registered below (test/manifest checks the manifest against it). */
export const COMMAND_ACTIONS: readonly string[] = [VALIDATE_ACTION];

/** What the function file needs of the Office global (a parameter so tests can stand in for office.js). */
export interface CommandsOffice {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => unknown): Promise<unknown>;
  actions?: { associate(name: string, action: (event: Office.AddinCommands.Event) => unknown): void };
}

function validate(event: Office.AddinCommands.Event): void {
  // runRibbonValidation completes the event itself; what is left to catch has no UI to go to.
  runRibbonValidation(event).catch((err: unknown) =>
    console.error("研修申报助手: the ribbon check failed", err),
  );
}

/**
 * Makes the ribbon's functions callable. Office on Windows and on the Mac dispatches a function command only once
 * the function file has told office.js it is ready (Office.onReady or Office.initialize): without that call the
 * button spins and nothing runs. The action is associated at load (Office looks it up as soon as the button is
 * pressed) and also put on the global object under its FunctionName, which is how hosts whose office.js has no
 * `Office.actions` find it.
 */
export function registerCommands(office: CommandsOffice, global: object = globalThis): Promise<unknown> {
  office.actions?.associate(VALIDATE_ACTION, validate);
  (global as Record<string, unknown>)[VALIDATE_ACTION] = validate;
  return office.onReady().catch((err: unknown) => console.error("研修申报助手: Office.onReady failed", err));
}

if (typeof Office !== "undefined") void registerCommands(Office as unknown as CommandsOffice);
