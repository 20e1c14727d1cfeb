// The ribbon's 校验 button: check the active sheet without opening the pane, mark it, then tell the user the result.

import { createOfficePort } from "../adapters/office";
import type { WorkbookPort } from "../core/port";
import { TABLE_NAMES } from "../core/packs/types";
import { describeError } from "../taskpane/errors";
import { loadIgnores, loadOverrides } from "../taskpane/settings";
import { pickLanguage, textOf, type Lang } from "../taskpane/strings";
import { checkSheetThroughPort, lookAtWorkbook, severityCounts } from "../taskpane/workbook-check";
import { showRibbonMessage, type DialogUi } from "./message-dialog";

/** What the ribbon handler needs from Office; a parameter so tests can stand in for it. */
export interface RibbonEnvironment {
  ui: DialogUi;
  displayLanguage: string | undefined;
  /** The function file's address; the message dialog is served next to it. */
  baseUrl: string;
  /** The workbook; the Office port over the open workbook unless a test passes another. */
  port?: WorkbookPort;
}

function officeEnvironment(): RibbonEnvironment {
  return {
    ui: Office.context.ui,
    displayLanguage: Office.context.displayLanguage,
    baseUrl: window.location.href,
  };
}

/** The workbook reported no sheet at all (told to the user in both languages). */
export class NoActiveSheetError extends Error {
  override name = "NoActiveSheetError";
  readonly text = {
    zh: "找不到当前工作表。请先选中要校验的工作表。",
    en: "No active sheet was found. Select the sheet to check first.",
  };
}

/**
 * Checks and marks the active sheet exactly as the pane's 校验当前工作表 does (same ignores and chosen pack/level),
 * and words the result for the message dialog.
 */
export async function checkActiveSheet(port: WorkbookPort, lang: Lang): Promise<string> {
  // One request lists the sheets and reads the active one where the port can (the Office port does).
  const { sheets, activeGrid } = await lookAtWorkbook(port);
  const active = sheets.find((s) => s.active) ?? sheets[0];
  if (!active) throw new NoActiveSheetError("The workbook listed no sheets");
  // Stored choices that cannot be read (an Excel without workbook settings) must not stop the check itself.
  const [ignores, overrides] = await Promise.all([
    loadIgnores(port).catch(() => []),
    loadOverrides(port).catch(() => ({}) as Awaited<ReturnType<typeof loadOverrides>>),
  ]);
  const { check } = await checkSheetThroughPort(port, active.name, {
    mark: true,
    ignores,
    override: overrides[active.name],
    sheetNames: sheets.map((s) => s.name),
    grid: activeGrid,
  });
  const counts = severityCounts(check);
  const values = {
    sheet: active.name,
    table: TABLE_NAMES[check.table][lang],
    errors: counts.error,
    warnings: counts.warning,
  };
  const lines = [textOf(lang, counts.error + counts.warning === 0 ? "ribbonClean" : "ribbonResult", values)];
  if (check.ignored.length > 0) lines.push(textOf(lang, "ribbonIgnored", { count: check.ignored.length }));
  if (check.findings.length > 0) lines.push(textOf(lang, "ribbonDetails"));
  return lines.join("\n");
}

/**
 * Runs when 校验 is pressed. Always calls event.completed(), whatever happens, because Office keeps the
 * button busy until it is called. A failure of the check is told to the user in the dialog, not only logged.
 */
export async function runRibbonValidation(
  event: Office.AddinCommands.Event,
  environment?: RibbonEnvironment,
): Promise<void> {
  try {
    const env = environment ?? officeEnvironment();
    const lang = pickLanguage(env.displayLanguage);
    let text: string;
    try {
      text = await checkActiveSheet(env.port ?? createOfficePort({ lang }), lang);
    } catch (error) {
      text = textOf(lang, "ribbonFailed", { detail: describeError(error, lang) });
    }
    await showRibbonMessage(env.ui, env.baseUrl, { lang, title: textOf(lang, "ribbonTitle"), text });
  } finally {
    event.completed();
  }
}
