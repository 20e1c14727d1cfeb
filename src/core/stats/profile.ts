import type { PackId } from "../packs/types";
import { SH_DOMAINS } from "../packs/sh-2026-gaoyan/domains";
import { SH_CLAUSE, SH_FIGURES } from "../packs/sh-2026-gaoyan/figures";
import { SH_AI_TERMS } from "./ai";
import type { StatsProfile } from "./types";

/** 沪人社专〔2026〕82号 一: about 80 topics and 5,000 trainees; 一（三）: topics tilt towards AI. */
export const SH_GAOYAN_STATS: StatsProfile = {
  id: "sh-2026-gaoyan",
  planProjects: SH_FIGURES.planProjects,
  planTrainees: SH_FIGURES.planTrainees,
  domains: SH_DOMAINS,
  aiDomain: "数字技术",
  aiTerms: SH_AI_TERMS,
  clause: SH_CLAUSE.scope,
};

/** A list no pack claims: no plan, no domain list; AI topics by the same words in any 领域. */
export const GENERIC_STATS: StatsProfile = {
  id: "generic",
  planProjects: null,
  planTrainees: null,
  domains: [],
  aiDomain: null,
  aiTerms: SH_AI_TERMS,
  clause: "",
};

const PROFILES: Partial<Record<PackId, StatsProfile>> = { "sh-2026-gaoyan": SH_GAOYAN_STATS };

/** The statistics profile of a pack (the generic one for packs without plan figures, or null). */
export function statsProfileFor(pack: PackId | null | undefined): StatsProfile {
  return (pack ? PROFILES[pack] : undefined) ?? GENERIC_STATS;
}
