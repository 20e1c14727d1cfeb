import type { Text } from "../findings";
import { pct } from "./findings";

/** What each figure column of a list should hold, for the `unreadable` message: the column's name and the words. */
export const COLUMN_EXPECTS = {
  trainees: { name: "学员人数", zh: "人数（如“60”）", en: "a number of trainees" },
  share: { name: "基层比例", zh: "百分比（如“30%”）", en: "a percentage" },
  grassroots: { name: "基层人数", zh: "人数", en: "a number" },
  funding: { name: "资助经费", zh: "金额（如“12.7”或“12.7万元”）", en: "an amount" },
  date: { name: "日期", zh: "日期（如“2026-10-12”或“2026年10月12日”）", en: "a date" },
} as const;

/** Messages of the list rules (推荐表, 汇总表, city summary). */
export const listText = {
  rankNotInteger: (value: string): Text => ({
    zh: `推荐排序“${value}”不是正整数，推荐排序应为 1、2、3……`,
    en: `Ranking “${value}” is not a whole number; rankings run 1, 2, 3 …`,
  }),
  rankMissing: (): Text => ({
    zh: "推荐排序未填写，每个推荐项目都应有排序。",
    en: "The ranking is empty; every recommended project needs one.",
  }),
  rankRepeated: (rank: number, firstRow: number): Text => ({
    zh: `推荐排序 ${rank} 与第 ${firstRow} 行重复，排序不得重复。`,
    en: `Ranking ${rank} repeats row ${firstRow}; rankings must not repeat.`,
  }),
  rankOutOfRange: (rank: number, n: number, missing: number[]): Text => ({
    zh: `推荐排序 ${rank} 超出 1–${n} 的范围（共 ${n} 个项目）${missing.length ? `，缺少排序 ${missing.join("、")}` : ""}。`,
    en: `Ranking ${rank} is outside 1–${n} (${n} projects)${missing.length ? `; missing ${missing.join(", ")}` : ""}.`,
  }),
  rankOrder: (row: number): Text => ({
    zh: `第 ${row} 行起未按推荐排序从高到低排列。`,
    en: `From row ${row} on, the rows are not in ranking order.`,
  }),
  keyQuota: (used: number, n: number, allowed: number, who: string, share: number): Text => ({
    zh: `${who}重点推荐 ${used} 项，共 ${n} 项，原则上不超过 ${allowed} 项（推荐项目总数的 ${pct(share)}）。`,
    en: `${who}${used} key recommendations among ${n} projects; no more than ${allowed} (${pct(share)} of the total) as a rule.`,
  }),
  keyQuotaUse: (used: number, n: number, allowed: number, who: string): Text => ({
    zh: `${who}重点推荐 ${used} / ${n}，允许 ${allowed} 项（${pct(n === 0 ? 0 : used / n)}）。`,
    en: `${who}key recommendations ${used} / ${n}, allowed ${allowed} (${pct(n === 0 ? 0 : used / n)}).`,
  }),
  keyOrder: (rank: number, betterRank: number): Text => ({
    zh: `重点推荐项目排在第 ${rank} 位，却低于未重点推荐的第 ${betterRank} 位项目；重点推荐项目应排在前面。`,
    en: `A key recommendation is ranked ${rank}, below project ranked ${betterRank} that is not key; key recommendations should come first.`,
  }),
  hostRepeated: (host: string, rows: number[]): Text => ({
    zh: `承办单位“${host}”出现在第 ${rows.join("、")} 行；每家承办单位原则上重点申报 1 个项目。`,
    en: `Host “${host}” appears on rows ${rows.join(", ")}; each host should apply for one project as a rule.`,
  }),
  footerContact: (what: string): Text => ({
    zh: `表下方的“${what}”未填写。`,
    en: `“${what}” under the table is empty.`,
  }),
};
