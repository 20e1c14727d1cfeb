// What the pane keeps in the workbook, through WorkbookPort.getSetting/setSetting, so it travels with the file:
// the ignored findings (with their reasons) and the pack/level chosen by hand for a sheet.
//
// Keys and shapes are shared with the CLI's store (src/adapters/xlsx/ignores.ts, the very hidden "_yanxiu" sheet):
// "ignores" holds IgnoreEntry[] exactly as `yanxiu check` reads it, so a port that keeps settings in that store
// makes ignores made in the pane count for the CLI and back.

import type { IgnoreEntry } from "../core/check-types";
import { type Level, type PackId } from "../core/packs/types";
import { isKnownPack as isPackId } from "./packs/known";
import type { WorkbookPort } from "../core/port";
import { IGNORES_KEY, validIgnores } from "../adapters/xlsx/ignores";

/** Setting key of the ignored findings: IgnoreEntry[] (the CLI store's own key). */
export const IGNORES_SETTING = IGNORES_KEY;

/** Setting key of the packs and levels chosen by hand: Record<sheet name, SheetOverride>. */
export const OVERRIDE_SETTING = "override";

/** The pack and level a user forced on one sheet; a missing part is detected as usual. */
export interface SheetOverride {
  policy?: PackId;
  level?: Level;
}

export type Overrides = Readonly<Record<string, SheetOverride>>;

function isLevel(value: unknown): value is Level {
  return value === "national" || value === "provincial";
}

/** Keeps the well-formed part of a stored override record (a hand-edited or older value never breaks the pane). */
export function readOverrides(value: unknown): Record<string, SheetOverride> {
  const out: Record<string, SheetOverride> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [sheet, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!raw || typeof raw !== "object") continue;
    const { policy, level } = raw as Record<string, unknown>;
    const entry: SheetOverride = {};
    if (typeof policy === "string" && isPackId(policy)) entry.policy = policy;
    if (isLevel(level)) entry.level = level;
    if (entry.policy !== undefined || entry.level !== undefined) out[sheet] = entry;
  }
  return out;
}

/** The overrides with one sheet's replaced; an empty override removes the sheet's entry. */
export function withOverride(overrides: Overrides, sheet: string, override: SheetOverride): Overrides {
  const next: Record<string, SheetOverride> = { ...overrides };
  const clean: SheetOverride = {};
  if (override.policy !== undefined) clean.policy = override.policy;
  if (override.level !== undefined) clean.level = override.level;
  if (clean.policy === undefined && clean.level === undefined) delete next[sheet];
  else next[sheet] = clean;
  return next;
}

/** Same sheet, rule and cell: the identity of an ignore (the reason is what the user said about it). */
export function sameIgnore(a: Omit<IgnoreEntry, "reason">, b: Omit<IgnoreEntry, "reason">): boolean {
  return a.sheet === b.sheet && a.rule === b.rule && a.cell === b.cell;
}

/** The ignores with one added (replacing an earlier entry for the same finding, so a new reason wins). */
export function withIgnore(ignores: readonly IgnoreEntry[], entry: IgnoreEntry): IgnoreEntry[] {
  return [...ignores.filter((i) => !sameIgnore(i, entry)), entry];
}

/** The ignores without the one for this finding. */
export function withoutIgnore(
  ignores: readonly IgnoreEntry[],
  entry: Omit<IgnoreEntry, "reason">,
): IgnoreEntry[] {
  return ignores.filter((i) => !sameIgnore(i, entry));
}

/** The workbook's ignored findings ([] when none are stored). */
export async function loadIgnores(port: WorkbookPort): Promise<IgnoreEntry[]> {
  return validIgnores(await port.getSetting(IGNORES_SETTING));
}

export async function saveIgnores(port: WorkbookPort, ignores: readonly IgnoreEntry[]): Promise<void> {
  await port.setSetting(IGNORES_SETTING, ignores);
}

/** The workbook's hand-chosen packs and levels, by sheet ({} when none are stored). */
export async function loadOverrides(port: WorkbookPort): Promise<Record<string, SheetOverride>> {
  return readOverrides(await port.getSetting(OVERRIDE_SETTING));
}

export async function saveOverrides(port: WorkbookPort, overrides: Overrides): Promise<void> {
  // An empty record is removed rather than stored, so a workbook the user set back to automatic carries nothing.
  await port.setSetting(OVERRIDE_SETTING, Object.keys(overrides).length === 0 ? undefined : overrides);
}
