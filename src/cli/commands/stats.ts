import * as path from "node:path";
import { parseArgs } from "node:util";
import { openCheckableWorkbook } from "../../adapters/xlsx/open-file";
import { problemText } from "../../adapters/xlsx/problems";
import { recogniseSheet } from "../../core/check";
import { loadPackOptions } from "./packs";
import type { Text } from "../../core/findings";
import type { Grid } from "../../core/grid/types";
import { TABLE_NAMES, type PackId, type TableKind } from "../../core/packs/types";
import { computeStats, roundShare, statsProfileFor, statsText, type ListStats } from "../../core/stats";
import { parseArgsError } from "../args";
import { cliText } from "../messages";
import type { CliCommand, CliIO } from "../types";

type Lang = "zh" | "en";

/** The JSON document of `yanxiu stats --json` (issue 5): shares rounded to 2 decimals, rows 1-based. */
export interface StatsJson {
  sheets: {
    sheet: string;
    ranks: { row: number; rank: number | null; tied: boolean }[];
    recommenders: {
      name: string;
      projects: number;
      key: number | null;
      allowed: number;
      share: number | null;
    }[];
    domains: { domain: string; count: number; share: number | null }[];
    totals: {
      projects: number;
      trainees: number | null;
      grassrootsShare: number | null;
      aiShare: number | null;
    };
  }[];
}

const USAGE = "yanxiu stats FILE [--sheet NAME] [--pack DIR]... [--json] [--lang en]";
const LINE_WIDTH = 80;
const BAR_WIDTH = 16;
// Column widths of the tables, wide enough for the English headers too (Projects, Allowed).
const W_COUNT = 8;
const W_KEY = 9;
const W_ALLOWED = 8;
const W_SHARE = 7;

/** Strings of this command; the figure labels come from the statistics' own catalogue (statsText). */
export const statsCliText = {
  summary: {
    zh: "统计推荐表或汇总表：按得分排名、各推荐单位重点推荐配额、领域分布、人工智能占比、总数与计划",
    en: "figures of a recommendation or summary list: ranks by score, key-recommendation quotas, domains, AI share, totals",
  },
  help: {
    zh: [
      "统计工作簿中每张推荐表或汇总表（或 --sheet 指定的一张）。",
      "",
      "选项：",
      "  --sheet NAME      只统计这张工作表",
      "  --pack DIR        加入或替换一个政策包文件夹（可重复；见 docs/packs.md）",
      "  --json            以 JSON 输出（占比保留两位小数，row 为工作表行号）",
      "  --lang en         英文输出（默认中文）",
      "",
      "退出码：0 已输出统计；2 文件无法读取、没有可统计的表或用法有误。",
    ].join("\n"),
    en: [
      "Figures of every recommendation or summary list in the workbook (or of the sheet named by --sheet).",
      "",
      "Options:",
      "  --sheet NAME      only this sheet",
      "  --pack DIR        add or replace a policy pack from a folder (repeatable; see docs/packs.md)",
      "  --json            print JSON (shares rounded to 2 decimals, row = sheet row number)",
      "  --lang en         English output (default: Chinese)",
      "",
      "Exit codes: 0 figures printed; 2 the file cannot be read, holds no list, or wrong usage.",
    ].join("\n"),
  },
  oneFile: { zh: "请给出一个工作簿文件。", en: "Give one workbook file." },
  noSheet: (name: string, known: string[]): Text => ({
    zh: `工作簿中没有名为“${name}”的工作表。现有工作表：${known.join("、")}。`,
    en: `The workbook has no sheet named “${name}”. Its sheets: ${known.join(", ")}.`,
  }),
  notAList: (name: string): Text => ({
    zh: `工作表“${name}”不是推荐表或汇总表（没有找到项目名称、推荐排序等表头），无法统计。`,
    en: `Sheet “${name}” is not a recommendation or summary list (no header such as 项目名称 or 推荐排序); nothing to count.`,
  }),
  noLists: {
    zh: "工作簿中没有推荐表或汇总表，无法统计。",
    en: "The workbook holds no recommendation or summary list; nothing to count.",
  },
  sheetHeading: (sheet: string, table: string, projects: number): Text => ({
    zh: `工作表“${sheet}”（${table}）：${projects} 个项目`,
    en: `Sheet “${sheet}” (${table}): ${projects} project${projects === 1 ? "" : "s"}`,
  }),
  ofPlan: (value: number, plan: number, share: string): Text => ({
    zh: `${value} / 计划约 ${plan}（${share}）`,
    en: `${value} / plan about ${plan} (${share})`,
  }),
  grassrootsLine: (share: string, g: string, base: number): Text => ({
    zh: `${share}（基层 ${g} / 学员 ${base}）`,
    en: `${share} (grassroots ${g} / trainees ${base})`,
  }),
  aiLine: (n: number, share: string): Text => ({ zh: `${n} 项（${share}）`, en: `${n} (${share})` }),
  over: (n: number): Text => ({ zh: `超出${n}项`, en: `over by ${n}` }),
  outOfOrder: { zh: "，未按序", en: ", out of order" },
  grassrootsShare: { zh: "基层占比", en: "Grassroots share" },
  hosts: (count: number): Text => ({ zh: `承办单位：${count} 家`, en: `Hosts: ${count}` }),
  hostsRepeated: { zh: "，承办 2 个以上项目的：", en: "; with two or more projects:" },
  rankedBy: (column: string): Text => ({ zh: `排名（按“${column}”）`, en: `Ranking by “${column}”` }),
  unranked: (rows: number[]): Text => ({
    zh: `未评分（不参加排名）：第 ${rows.join("、")} 行`,
    en: `No score (not ranked): row${rows.length === 1 ? "" : "s"} ${rows.join(", ")}`,
  }),
  noScore: { zh: "没有评审得分列，不排名。", en: "No score column: nothing to rank." },
  unnamed: statsText.unnamed,
} as const;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0x303e) ||
      (cp >= 0x3041 && cp <= 0x33ff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xa000 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** The text cut to at most `width` columns, with “...” when cut. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (displayWidth(flat) <= width) return flat;
  let out = "";
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 3) break;
    out += ch;
  }
  return `${out}...`;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

/** A share as a whole percentage, rounded like the JSON (2 decimals of the fraction). */
function percent(share: number | null): string {
  const r = roundShare(share);
  return r === null ? "—" : `${Math.round(r * 100)}%`;
}

const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

interface SheetResult {
  stats: ListStats;
  table: TableKind;
}

/** The pack and table a sheet is recognised as, without running the rules (figures need no findings). */
function recognise(grid: Grid): { pack: PackId | null; table: TableKind } {
  const best = recogniseSheet(grid);
  return best ? { pack: best.pack.id, table: best.recognition.table } : { pack: null, table: "unknown" };
}

const LIST_TABLES: readonly TableKind[] = ["recommendation", "summary", "unknown"];

function statsOf(grid: Grid): SheetResult | undefined {
  const { pack, table } = recognise(grid);
  if (!LIST_TABLES.includes(table)) return undefined;
  const stats = computeStats(grid, { profile: statsProfileFor(pack) });
  return stats && (stats.rows.length > 0 || table !== "unknown") ? { stats, table } : undefined;
}

/** One sheet of the JSON document. */
export function statsJson(stats: ListStats): StatsJson["sheets"][number] {
  return {
    sheet: stats.sheet,
    ranks: stats.ranking.map((p) => ({ row: p.row + 1, rank: p.rank, tied: p.tied })),
    recommenders: stats.recommenders.map((r) => ({
      name: r.name,
      projects: r.projects,
      key: r.key,
      allowed: r.allowed,
      share: roundShare(r.share),
    })),
    domains: stats.domains.map((d) => ({ domain: d.domain, count: d.count, share: roundShare(d.share) })),
    totals: {
      projects: stats.totals.projects,
      trainees: stats.totals.trainees,
      grassrootsShare: roundShare(stats.totals.grassrootsShare),
      aiShare: roundShare(stats.totals.aiShare),
    },
  };
}

/** The human report of one sheet, lines of at most 80 columns. */
export function statsHuman(result: SheetResult, lang: Lang): string {
  const { stats } = result;
  const t = (text: Text) => text[lang];
  const out: string[] = [
    ...wrap(
      t(statsCliText.sheetHeading(stats.sheet, TABLE_NAMES[result.table][lang], stats.totals.projects)),
      LINE_WIDTH,
    ),
    "",
  ];
  const totals = stats.totals;
  const line = (label: string, value: string) => out.push(`  ${padEnd(fit(label, 26), 28)}${value}`);
  const planned = (value: number, plan: number | null) =>
    plan === null
      ? number(value)
      : t(statsCliText.ofPlan(value, plan, percent(plan === 0 ? null : value / plan)));
  line(t(statsText.projects), planned(totals.projects, totals.planProjects));
  if (totals.trainees !== null) line(t(statsText.trainees), planned(totals.trainees, totals.planTrainees));
  if (totals.grassroots !== null && totals.grassrootsBase !== null)
    line(
      t(statsCliText.grassrootsShare),
      t(
        statsCliText.grassrootsLine(
          percent(totals.grassrootsShare),
          number(totals.grassroots),
          totals.grassrootsBase,
        ),
      ),
    );
  if (totals.ai !== null) line(t(statsText.ai), t(statsCliText.aiLine(totals.ai, percent(totals.aiShare))));
  out.push("");

  // 推荐单位: name | 项目 | 重点推荐 | 允许 | 占比 | 推荐排序 and notes; notes that do not fit go on a line of their own.
  const hasRanking = stats.recommenders.some((r) => r.ranking.status !== "absent");
  const recHeader = [
    padEnd(t(statsText.recommenders), 28),
    padStart(t(statsText.projects), W_COUNT),
    padStart(t(statsText.key), W_KEY),
    padStart(t(statsText.allowed), W_ALLOWED),
    padStart(t(statsText.share), W_SHARE),
    hasRanking ? `  ${t(statsText.ranking)}` : "",
  ];
  out.push(`  ${recHeader.join("")}`);
  for (const r of stats.recommenders) {
    const name = r.whole ? r.name || t(statsText.wholeList) : r.name || t(statsText.unnamed);
    const notes: string[] = [];
    if (r.ranking.status !== "absent")
      notes.push(
        `${t(r.ranking.status === "valid" ? statsText.valid : statsText.invalid)}${r.ranking.inOrder ? "" : t(statsCliText.outOfOrder)}`,
      );
    if (r.overQuota && r.key !== null) notes.push(t(statsCliText.over(r.key - r.allowed)));
    const main =
      `  ${padEnd(fit(name, 26), 28)}${padStart(String(r.projects), W_COUNT)}${padStart(r.key === null ? "—" : String(r.key), W_KEY)}` +
      `${padStart(String(r.allowed), W_ALLOWED)}${padStart(percent(r.share), W_SHARE)}`;
    const noteText = notes.join("  ");
    const full = [main, ...notes].join("  ");
    // Notes that do not fit go on the next line, right-aligned under the figures.
    const indent = Math.max(4, Math.min(displayWidth(main) - 8, LINE_WIDTH - displayWidth(noteText)));
    if (displayWidth(full) <= LINE_WIDTH) out.push(full);
    else out.push(main, `${" ".repeat(indent)}${noteText}`);
  }
  out.push("");

  if (stats.domains.length > 0 || stats.domainUnset > 0) {
    const max = Math.max(1, ...stats.domains.map((d) => d.count));
    out.push(
      `  ${padEnd(t(statsText.domains), 28)}${padStart(t(statsText.projects), W_COUNT)}${padStart(t(statsText.share), W_SHARE)}`,
    );
    for (const d of stats.domains) {
      const bar = "#".repeat(Math.max(1, Math.round((d.count / max) * BAR_WIDTH)));
      out.push(
        `  ${padEnd(fit(d.domain, 26), 28)}${padStart(String(d.count), W_COUNT)}${padStart(percent(d.share), W_SHARE)}  ${bar}`,
      );
    }
    if (stats.domainUnset > 0)
      out.push(`  ${padEnd(t(statsText.domainUnset), 28)}${padStart(String(stats.domainUnset), W_COUNT)}`);
    out.push("");
  }

  if (stats.hosts.length > 0) {
    const repeated = stats.hosts.filter((h) => h.count >= 2);
    out.push(
      `  ${t(statsCliText.hosts(stats.hosts.length))}${repeated.length > 0 ? t(statsCliText.hostsRepeated) : ""}`,
    );
    for (const h of repeated)
      out.push(`  ${padEnd(fit(h.host, 26), 28)}${padStart(String(h.count), W_COUNT)}`);
    out.push("");
  }

  if (stats.ranking.length === 0) out.push(`  ${t(statsCliText.noScore)}`);
  else {
    out.push(`  ${t(statsCliText.rankedBy(stats.headers.score ?? t(statsText.score)))}`);
    // 排名 | 行号 | 得分 | 项目名称 | 推荐单位: 2 + 10 + 6 + 8 + 2 + title + 2 + recommender ≤ 80
    const withRec = stats.rows.some((p) => p.recommender !== null);
    const titleWidth = withRec ? 30 : 50;
    out.push(
      `  ${padEnd(t(statsText.rank), 10)}${padStart(t(statsText.row), 6)}${padStart(t(statsText.score), 8)}  ${padEnd(t(statsText.title), titleWidth)}` +
        (withRec ? `  ${t(statsText.recommenders)}` : ""),
    );
    const ranked = stats.ranking.filter((p) => p.rank !== null);
    for (const p of ranked) {
      const rank = `${p.rank}${p.tied ? ` ${t(statsText.tied)}` : ""}`;
      const rec = withRec
        ? `  ${fit(p.recommender ?? "", LINE_WIDTH - 2 - 10 - 6 - 8 - 2 - titleWidth - 2)}`
        : "";
      out.push(
        `  ${padEnd(rank, 10)}${padStart(String(p.row + 1), 6)}${padStart(number(p.score ?? 0), 8)}  ${padEnd(fit(p.title, titleWidth), titleWidth)}${rec}`.trimEnd(),
      );
    }
    const unranked = stats.ranking.filter((p) => p.rank === null).map((p) => p.row + 1);
    if (unranked.length > 0)
      out.push(...wrap(t(statsCliText.unranked(unranked)), LINE_WIDTH - 2).map((l) => `  ${l}`));
  }
  out.push("");
  return out.map((l) => l.trimEnd()).join("\n");
}

/**
 * Long text broken into lines of at most `width` columns: at the last space when the line has one (English), else
 * at any character (Chinese has no spaces).
 */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const ch of text) {
    if (displayWidth(current + ch) > width) {
      const space = current.lastIndexOf(" ");
      if (space > 0) {
        lines.push(current.slice(0, space));
        current = current.slice(space + 1);
      } else {
        lines.push(current);
        current = "";
      }
    }
    current += ch;
  }
  if (current !== "") lines.push(current);
  return lines;
}

async function runStats(args: readonly string[], io: CliIO): Promise<number> {
  const lang = io.lang;
  const usageError = (detail: string) => {
    io.stderr(`${cliText.usageError(detail)[lang]}\n${cliText.usage[lang]}${USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: "string" },
        json: { type: "boolean", default: false },
        pack: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    return usageError(parseArgsError(error, lang));
  }
  // A pack folder's plan figures and quota (stats.yaml, keyQuota) count for its lists; refused folders are told.
  if (!loadPackOptions(parsed.values.pack ?? [], io)) return 2;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) return usageError(statsCliText.oneFile[lang]);
  const json = parsed.values.json === true;
  const wanted = parsed.values.sheet;

  const opened = await openCheckableWorkbook(path.resolve(io.cwd, file));
  if (!opened.ok) {
    io.stderr(`${file}: ${problemText(opened.problem)[lang]}\n`);
    return 2;
  }
  const grids = opened.workbook.grids;
  let results: SheetResult[];
  if (wanted !== undefined) {
    const grid = grids.find((g) => g.name === wanted) ?? grids.find((g) => g.name.trim() === wanted.trim());
    if (!grid) {
      io.stderr(
        `${
          statsCliText.noSheet(
            wanted,
            grids.map((g) => g.name),
          )[lang]
        }\n`,
      );
      return 2;
    }
    const result = statsOf(grid);
    if (!result) {
      io.stderr(`${statsCliText.notAList(grid.name)[lang]}\n`);
      return 2;
    }
    results = [result];
  } else {
    results = grids.map(statsOf).filter((r): r is SheetResult => r !== undefined);
  }

  if (json) {
    const doc: StatsJson = { sheets: results.map((r) => statsJson(r.stats)) };
    io.stdout(`${JSON.stringify(doc)}\n`);
  } else {
    for (const r of results) io.stdout(`${statsHuman(r, lang)}\n`);
  }
  if (results.length === 0) {
    io.stderr(`${statsCliText.noLists[lang]}\n`);
    return 2;
  }
  return 0;
}

/** `yanxiu stats`: issue 5. */
export const statsCommand: CliCommand = {
  name: "stats",
  summary: statsCliText.summary,
  usage: USAGE,
  help: statsCliText.help,
  run: runStats,
};
