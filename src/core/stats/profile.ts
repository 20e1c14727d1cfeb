import { cite, quotaFigure, recordList, type PackData } from "../packs/data";
import { findPack } from "../packs/registry";
import type { PackId } from "../packs/types";
import type { Quota } from "../rules/list";
import { GENERIC_AI_TERMS, searchTerms } from "./ai";
import type { StatsProfile } from "./types";

/**
 * The quota of marked rows when no pack claims a list: the product's default, 15% with at least 1 (the Shanghai
 * figure, the only notice that sets one). A pack's own `keyQuota` figure replaces it.
 */
const DEFAULT_QUOTA: Quota = { share: 0.15, atLeast: 1 };

/** A list no pack claims: no plan, no domain list; AI topics by the generic words in any 领域. */
export const GENERIC_STATS: StatsProfile = {
  id: "generic",
  planProjects: null,
  planTrainees: null,
  domains: [],
  aiDomain: null,
  aiTerms: GENERIC_AI_TERMS,
  clause: "",
  quota: DEFAULT_QUOTA,
};

const cache = new WeakMap<PackData, StatsProfile>();

/** The 领域 of a list (lists/<name>.yaml): the `domain` of each row, in order, each once; or the strings. */
function domainsOf(pack: PackData, list: string | undefined): string[] {
  if (!list || !pack.lists[list]) return [];
  const names = recordList(pack, list).map((r) => String(r.domain ?? r.name ?? ""));
  return [...new Set(names.filter((n) => n !== ""))];
}

/** The statistics profile of a pack, from its stats.yaml (plan figures, 领域, AI words) and keyQuota figure. */
export function profileOfPack(pack: PackData): StatsProfile {
  const hit = cache.get(pack);
  if (hit) return hit;
  const s = pack.stats;
  const quota = pack.figures.keyQuota ? quotaFigure(pack, "keyQuota").value : DEFAULT_QUOTA;
  const profile: StatsProfile = s
    ? {
        id: pack.id,
        planProjects: s.planProjects ?? null,
        planTrainees: s.planTrainees ?? null,
        domains: domainsOf(pack, s.domains),
        aiDomain: s.aiDomain ?? null,
        aiTerms: s.aiTerms ? searchTerms(s.aiTerms) : GENERIC_AI_TERMS,
        clause: s.clause ? cite(pack, s.clause) : "",
        quota,
      }
    : { ...GENERIC_STATS, quota };
  cache.set(pack, profile);
  return profile;
}

/** The statistics profile of a pack (the generic one for packs without stats.yaml, or none). */
export function statsProfileFor(pack: PackId | null | undefined): StatsProfile {
  const found = pack ? findPack(pack) : undefined;
  return found ? profileOfPack(found.data) : GENERIC_STATS;
}
