import type { CheckOptions, IgnoreEntry, SheetCheck } from "./check-types";
import { compareFindings, type Finding } from "./findings";
import { toA1 } from "./grid/a1";
import { findingText } from "./messages/findings";
import type { Grid } from "./grid/types";
import { cellText, compactText } from "./read/normalise";
import { indexLabels } from "./recognise/form";
import type { Pack, Recognition, SheetSignals } from "./packs/pack";
import { allPacks } from "./packs/registry";
import { collectReferences, isUnfinishedUnitsSheet } from "./references";
import { TABLE_NAMES } from "./packs/types";

const HEAD_ROWS = 6;

/** The signals every pack recognises a sheet from, computed once. */
export function sheetSignals(grid: Grid): SheetSignals {
  const parts: string[] = [];
  for (let row = 0; row < Math.min(grid.rowCount, HEAD_ROWS); row++) {
    for (let col = 0; col < Math.min(grid.colCount, 30); col++) parts.push(cellText(grid.cell(row, col)));
  }
  return { grid, labels: indexLabels(grid), head: compactText(parts.join(" ")) };
}

function describeSheet(grid: Grid): string {
  const texts: string[] = [];
  for (let row = 0; row < Math.min(grid.rowCount, 10) && texts.length < 4; row++) {
    for (let col = 0; col < Math.min(grid.colCount, 12) && texts.length < 4; col++) {
      const t = cellText(grid.cell(row, col));
      if (t !== "") texts.push(t.length > 16 ? `${t.slice(0, 16)}…` : t);
    }
  }
  return texts.join("、");
}

function unrecognised(grid: Grid, signals: SheetSignals | undefined): SheetCheck {
  const seen = signals ? describeSheet(grid) : "";
  const empty = grid.rowCount === 0 || seen === "";
  const finding: Finding = {
    sheet: grid.name,
    row: 0,
    col: 0,
    severity: "info",
    rule: "sheet.unrecognised",
    message: empty ? findingText.emptySheet() : findingText.unrecognisedSheet(seen),
    clause: "",
  };
  return {
    sheet: grid.name,
    table: "unknown",
    policy: null,
    level: null,
    confidence: 0,
    findings: [finding],
    ignored: [],
  };
}

/** How many of the pack's marks (文号, year words of notice.yaml) the sheet's first rows carry. */
function markHits(pack: Pack, head: string): number {
  let n = 0;
  for (const mark of pack.data.marks) if (mark !== "" && head.includes(compactText(mark))) n++;
  return n;
}

/**
 * The pack that recognises the sheet best. On equal confidence (a 2027 pack next to the 2026 one, both read by the
 * same model), the pack whose marks (文号, year) appear in the sheet wins; then an added pack (CLI --pack, the pane's
 * pack settings) over a built-in one, and a later added one over an earlier; between built-in packs, the first.
 */
function recogniseBest(
  signals: SheetSignals,
  packs: readonly Pack[],
): { pack: Pack; recognition: Recognition } | undefined {
  let best: { pack: Pack; recognition: Recognition; marks: number } | undefined;
  for (const pack of packs) {
    const recognition = pack.recognise(signals);
    if (!recognition || recognition.confidence <= 0) continue;
    if (!best || recognition.confidence > best.recognition.confidence + 1e-9) {
      best = { pack, recognition, marks: -1 };
      continue;
    }
    if (recognition.confidence < best.recognition.confidence - 1e-9) continue;
    // A tie: only now are the marks counted (most sheets never tie).
    if (best.marks < 0) best.marks = markHits(best.pack, signals.head);
    const marks = markHits(pack, signals.head);
    if (marks > best.marks || (marks === best.marks && !pack.data.builtin))
      best = { pack, recognition, marks };
  }
  return best && { pack: best.pack, recognition: best.recognition };
}

/** What a sheet is: the recognising pack, its table and level, or undefined. One entry for every face (check,
 * stats, the 统计 tab, the form filler), so none of them loops over packs or runs rules to learn the pack. */
export function recogniseSheet(
  grid: Grid,
  options: { policy?: string } = {},
): { pack: Pack; recognition: Recognition; signals: SheetSignals } | undefined {
  if (grid.rowCount === 0 || grid.colCount === 0 || isUnfinishedUnitsSheet(grid)) return undefined;
  const signals = sheetSignals(grid);
  const packs = allPacks();
  const candidates = options.policy ? packs.filter((p) => p.id === options.policy) : packs;
  const best = recogniseBest(signals, candidates);
  return best && { ...best, signals };
}

function isIgnored(f: Finding, ignored: readonly IgnoreEntry[]): boolean {
  const cell = toA1(f.row, f.col);
  return ignored.some((i) => i.sheet === f.sheet && i.rule === f.rule && i.cell === cell);
}

/**
 * The one entry point the faces call: recognise the sheet (or take the forced pack and level), run the pack's rules,
 * and split off the findings the user chose to ignore. Never throws on any grid.
 */
export function checkGrid(grid: Grid, options: CheckOptions = {}): SheetCheck {
  if (grid.rowCount === 0 || grid.colCount === 0) return unrecognised(grid, undefined);
  if (isUnfinishedUnitsSheet(grid))
    return {
      sheet: grid.name,
      table: "reference",
      policy: null,
      level: null,
      confidence: 0.9,
      findings: [],
      ignored: [],
    };
  const best = recogniseSheet(grid, options);
  if (!best) return unrecognised(grid, sheetSignals(grid));
  const { pack, recognition, signals } = best;
  const level = options.level ?? recognition.level;
  const all = pack.check(signals, recognition, level, options.references);
  const pending = grid.firstUncalculated;
  if (pending)
    all.push({
      sheet: grid.name,
      row: pending.row,
      col: pending.col,
      severity: "info",
      rule: "formula.uncalculated",
      message: findingText.uncalculated(toA1(pending.row, pending.col)),
      clause: "",
    });
  if (grid.revisionsAccepted)
    all.push({
      sheet: grid.name,
      row: 0,
      col: 0,
      severity: "info",
      rule: "document.revisions-accepted",
      message: findingText.revisionsAccepted(),
      clause: "",
    });
  all.sort(compareFindings);
  const ignoredEntries = options.ignored ?? [];
  const findings: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of all) (isIgnored(f, ignoredEntries) ? ignored : findings).push(f);
  return {
    sheet: grid.name,
    table: recognition.table,
    policy: pack.id,
    level,
    confidence: Math.round(recognition.confidence * 100) / 100,
    findings,
    ignored,
  };
}

/**
 * Check every sheet of a workbook: the reference lists on some sheets (units that did not finish 2025) are gathered
 * first and handed to the checks of the others.
 */
export function checkWorkbook(grids: readonly Grid[], options: CheckOptions = {}): SheetCheck[] {
  const references = options.references ?? collectReferences(grids);
  return grids.map((grid) => checkGrid(grid, { ...options, references }));
}

/** "推荐表 · 上海 2026 …" style label of what was recognised, for human output. */
export function describeTable(check: SheetCheck, lang: "zh" | "en" = "zh"): string {
  return TABLE_NAMES[check.table][lang];
}
