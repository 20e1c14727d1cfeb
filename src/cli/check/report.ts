import { problemText } from "../../adapters/xlsx/problems";
import type { SummaryFile } from "../../adapters/xlsx/summary";
import { terminalSafe } from "../../adapters/xlsx/safe-text";
import { SEVERITY_ORDER, countBySeverity, type Finding, type Severity } from "../../core/findings";
import { toA1 } from "../../core/grid/a1";
import { LEVEL_NAMES, TABLE_NAMES } from "../../core/packs/types";
import { packName } from "../../core/packs/registry";
import type { SheetCheck } from "../../core/check-types";
import { RULE_TITLES } from "../../core/messages/rule-titles";
import { SEVERITY_WORDS } from "../../core/messages/severity";
import { checkText } from "../messages";
import type { FileOutcome } from "./run";

type Lang = "zh" | "en";

/** The reason a file could not be checked, in the user's language. */
export function outcomeError(outcome: FileOutcome, lang: Lang): string | null {
  if (!outcome.problem) return null;
  if (outcome.problem.kind === "no-workbooks") return checkText.noWorkbooksInDir[lang];
  return problemText(outcome.problem)[lang];
}

/**
 * The --json document, exactly the shape of issue 3 with its keys in that order. `message` is always zh-CN and
 * `message_en` English, whatever --lang says, so that scripts get stable fields; `error` follows --lang.
 */
export function jsonReport(outcomes: readonly FileOutcome[], lang: Lang): string {
  const files = outcomes.map((o) => ({
    file: o.file,
    error: outcomeError(o, lang),
    // Word forms only: notes on the whole file (tracked changes read as accepted; no annotated copy).
    ...(o.notes ? { notes: o.notes.map((n) => ({ message: n.zh, message_en: n.en })) } : {}),
    sheets: o.checks.map((c, ci) => ({
      sheet: c.sheet,
      table: c.table,
      policy: c.policy,
      level: c.level,
      confidence: c.confidence,
      findings: c.findings.map((f, fi) => {
        // A Word form has no cell addresses the user can see: `location` says table, row, cell and label.
        const at = o.locations?.[ci]?.[fi];
        return {
          cell: toA1(f.row, f.col),
          severity: f.severity,
          rule: f.rule,
          message: f.message.zh,
          message_en: f.message.en,
          clause: f.clause,
          ...(at
            ? {
                location: {
                  table: at.table,
                  row: at.row,
                  cell: at.cell,
                  label: at.label,
                  text: at.text.zh,
                  text_en: at.text.en,
                },
              }
            : {}),
        };
      }),
    })),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

/** The severity tags of the printed findings: the one name of each severity (core/messages/severity.ts). */
/** The results sheet an annotated copy carries (annotate.ts names it, numbered when the name was taken). */
const OWN_RESULTS_SHEET = /^(校验结果|Check results)( \(\d+\))?$/;
const OWN_RESULTS_TEXT = {
  zh: "本工具写入的“校验结果”表，不作校验",
  en: "the results sheet this tool writes, not checked",
};

const TAG: Record<Severity, { zh: string; en: string }> = {
  error: { zh: `[${SEVERITY_WORDS.error.zh}]`, en: `[${SEVERITY_WORDS.error.en.toLowerCase()}]` },
  warning: { zh: `[${SEVERITY_WORDS.warning.zh}]`, en: `[${SEVERITY_WORDS.warning.en.toLowerCase()}]` },
  info: { zh: `[${SEVERITY_WORDS.info.zh}]`, en: `[${SEVERITY_WORDS.info.en.toLowerCase()}]` },
};

interface RuleGroup {
  rule: Finding["rule"];
  worst: Severity;
  findings: Finding[];
}

/** Findings grouped by rule: groups by worst severity, then by where their first finding is; findings in sheet order. */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const g = groups.get(f.rule);
    if (!g) groups.set(f.rule, { rule: f.rule, worst: f.severity, findings: [f] });
    else {
      g.findings.push(f);
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[g.worst]) g.worst = f.severity;
    }
  }
  // Map keeps first-seen order and findings arrive in sheet order, so a stable sort by severity is enough.
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.worst] - SEVERITY_ORDER[b.worst]);
}

/** A Word form is a document, not a sheet: its heading says so. */
const WORD_DOCUMENT = {
  zh: (name: string) => `Word 文档“${name}”`,
  en: (name: string) => `Word document “${name}”`,
};

function sheetHeading(c: SheetCheck, lang: Lang, word = false): string {
  const parts = [TABLE_NAMES[c.table][lang]];
  if (c.policy) parts.push(packName(c.policy)[lang]);
  if (c.level) parts.push(LEVEL_NAMES[c.level][lang]);
  if (c.table !== "unknown") parts.push(`${checkText.confidence[lang]} ${c.confidence.toFixed(2)}`);
  const name = word
    ? WORD_DOCUMENT[lang](terminalSafe(c.sheet))
    : checkText.sheet(terminalSafe(c.sheet))[lang];
  return `${name}${lang === "zh" ? "：" : ": "}${parts.join(" · ")}`;
}

function findingLine(f: Finding, group: RuleGroup, lang: Lang, where?: string): string {
  const cell = where !== undefined ? `${terminalSafe(where)}  ` : toA1(f.row, f.col).padEnd(6);
  const own = f.severity !== group.worst ? `${TAG[f.severity][lang]} ` : "";
  const clause = f.clause === "" ? "" : lang === "zh" ? `（依据：${f.clause}）` : ` (${f.clause})`;
  return `      ${cell}${own}${terminalSafe(f.message[lang])}${terminalSafe(clause)}`;
}

/** The human report of one file: what each sheet was recognised as, its counts, then its findings by rule. */
export function humanFileReport(o: FileOutcome, lang: Lang, options: { maxFindings?: number } = {}): string {
  // Everything from the file (its name, sheet names, cell text in messages) is printed with control characters
  // shown escaped: a cell must not be able to drive the terminal.
  const lines: string[] = [terminalSafe(o.file)];
  const error = outcomeError(o, lang);
  if (error !== null) {
    lines.push(`  ${checkText.cannotCheck[lang]}${lang === "zh" ? "：" : ": "}${terminalSafe(error)}`);
    return `${lines.join("\n")}\n\n`;
  }
  if (o.ignoresUnreadable) lines.push(`  ${checkText.ignoresUnreadable[lang]}`);
  for (const note of o.notes ?? []) lines.push(`  ${TAG.info[lang]} ${terminalSafe(note[lang])}`);
  const limit = options.maxFindings ?? Number.POSITIVE_INFINITY;
  for (const [ci, c] of o.checks.entries()) {
    const where = (f: Finding) => {
      if (!o.locations) return undefined;
      const at = o.locations[ci]?.[c.findings.indexOf(f)];
      return at ? at.text[lang] : undefined;
    };
    if (c.table === "unknown" && OWN_RESULTS_SHEET.test(c.sheet)) {
      // The 校验结果 sheet of an annotated copy checked again: ours, not an unrecognised table.
      lines.push(
        `  ${checkText.sheet(c.sheet)[lang]}${lang === "zh" ? "：" : ": "}${OWN_RESULTS_TEXT[lang]}`,
      );
      continue;
    }
    lines.push(`  ${sheetHeading(c, lang, o.locations !== undefined)}`);
    const n = countBySeverity(c.findings);
    lines.push(`    ${checkText.counts(n.error, n.warning, n.info, c.ignored.length)[lang]}`);
    if (c.findings.length === 0) {
      lines.push(`    ${checkText.noFindings[lang]}`);
      continue;
    }
    let listed = 0;
    for (const g of groupByRule(c.findings)) {
      if (listed >= limit) break;
      const title = RULE_TITLES[g.rule][lang];
      const name = lang === "zh" ? `${title}（${g.rule}）` : `${title} (${g.rule})`;
      lines.push(`    ${TAG[g.worst][lang]} ${name} · ${checkText.times(g.findings.length)[lang]}`);
      for (const f of g.findings) {
        if (listed >= limit) break;
        lines.push(findingLine(f, g, lang, where(f)));
        listed++;
      }
    }
    if (listed < c.findings.length && limit > 0)
      lines.push(checkText.notShown(c.findings.length - listed, c.sheet)[lang]);
  }
  if (o.copy?.ok) lines.push(`  ${checkText.wroteCopy(terminalSafe(o.copy.path))[lang]}`);
  return `${lines.join("\n")}\n\n`;
}

/** The closing line: files, sheets, counts, unusable files. */
export function humanTotals(outcomes: readonly FileOutcome[], lang: Lang): string {
  let sheets = 0;
  const n = { error: 0, warning: 0, info: 0 };
  let unusable = 0;
  for (const o of outcomes) {
    if (o.problem) unusable++;
    for (const c of o.checks) {
      sheets++;
      const k = countBySeverity(c.findings);
      n.error += k.error;
      n.warning += k.warning;
      n.info += k.info;
    }
  }
  return `${checkText.total(outcomes.length, sheets, n.error, n.warning, n.info, unusable)[lang]}\n`;
}

/** 2 when any file was unusable (or a copy could not be written), else 1 when any error finding, else 0. */
export function exitCodeOf(outcomes: readonly FileOutcome[]): number {
  if (outcomes.some((o) => o.problem !== null || o.copy?.ok === false)) return 2;
  if (outcomes.some((o) => o.checks.some((c) => c.findings.some((f) => f.severity === "error")))) return 1;
  return 0;
}

/** The summary workbook's file list (`--summary`, and the browser's folder check, which must write the same). */
export function summaryFiles(outcomes: readonly FileOutcome[], lang: "zh" | "en"): SummaryFile[] {
  return outcomes.map((o) => ({
    file: o.file,
    error: outcomeError(o, lang),
    sheets: o.checks.map((c) => {
      const n = countBySeverity(c.findings);
      return {
        sheet: c.sheet,
        table: c.table,
        policy: c.policy,
        level: c.level,
        errors: n.error,
        warnings: n.warning,
        infos: n.info,
      };
    }),
  }));
}
