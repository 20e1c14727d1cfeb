import { compactText } from "../read/normalise";
import type { StatsProfile } from "./types";

/** A definition the statistics cannot turn into spreadsheet formulas (a programmer fault, caught by the tests). */
export class StatsDefinitionError extends Error {
  override name = "StatsDefinitionError";
}

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}]/;

/**
 * The literal words of an alternation such as /人工智能|AI|大模型/i. The engine keeps the AI definition as a regex
 * (models/sh-gaoyan/domains.ts); the statistics sheet needs the same words for SEARCH(), so they are read out of
 * the one definition instead of being copied. Refuses anything but plain case-insensitive alternatives, so the
 * regex and the formulas cannot silently drift apart.
 */
export function literalAlternatives(pattern: RegExp): string[] {
  if (pattern.flags.replace(/[iu]/g, "") !== "" || !pattern.flags.includes("i"))
    throw new StatsDefinitionError(
      `${pattern} must be case-insensitive with no other flags to match SEARCH()`,
    );
  const words = pattern.source.split("|");
  for (const w of words)
    if (w === "" || REGEX_SYNTAX.test(w))
      throw new StatsDefinitionError(`${pattern} must be a plain alternation of words; “${w}” is not one`);
  return words;
}

/**
 * The words with their full-width twins (ＡＩ for AI: Chinese IMEs type them), without words that contain another
 * word (AIGC contains AI): the same matches with shorter formulas.
 */
export function searchTerms(words: readonly string[]): string[] {
  const all = new Set<string>();
  for (const w of words) {
    all.add(w);
    const full = w.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    all.add(full);
  }
  const list = [...all];
  return list.filter(
    (w) => !list.some((other) => other !== w && w.toLowerCase().includes(other.toLowerCase())),
  );
}

/**
 * The words that make a topic an AI topic when no pack says (a pack's stats.yaml `aiTerms` replaces them), as
 * SEARCH() terms. The vocabulary of the field, not of one notice.
 */
export const GENERIC_AI_TERMS: readonly string[] = searchTerms(
  literalAlternatives(/人工智能|AI|大模型|智能体|机器学习|深度学习|生成式|AIGC/i),
);

/** A 领域, 推荐单位 or 承办单位 as the statistics group it: no whitespace, half-width, case-folded. */
export function groupKey(text: string): string {
  return compactText(text).toLowerCase();
}

/**
 * Whether a project is an AI topic: its 领域 is the profile's AI domain (数字技术) and one of the terms occurs in its
 * 专业范围 or 项目名称. Case-insensitive substring matching, exactly what SEARCH() does in the statistics sheet.
 */
export function isAiTopic(
  profile: StatsProfile,
  project: { domain: string; major: string; title: string },
): boolean {
  if (profile.aiDomain !== null && groupKey(project.domain) !== groupKey(profile.aiDomain)) return false;
  const haystacks = [project.major.toLowerCase(), project.title.toLowerCase()];
  return profile.aiTerms.some((term) => {
    const t = term.toLowerCase();
    return haystacks.some((h) => h.includes(t));
  });
}
