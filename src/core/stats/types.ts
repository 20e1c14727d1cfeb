import type { Quota } from "../rules/list";
import type { ListKey } from "../recognise/columns";
import type { PackId } from "../packs/types";

/**
 * What a notice says about its list as a whole: the plan figures and which topics count as artificial intelligence.
 * One per pack; `generic` when the pack is not known (then there is no plan to compare against).
 */
export interface StatsProfile {
  id: PackId | "generic";
  /** Topics the notice plans city- or province-wide (Shanghai: about 80), or null when it names none. */
  planProjects: number | null;
  /** Trainees the notice plans (Shanghai: about 5,000), or null. */
  planTrainees: number | null;
  /** The notice's 领域 in its own order (every one gets a line in the statistics sheet, even at 0). */
  domains: readonly string[];
  /** The 领域 an AI topic must be in (Shanghai: 数字技术); null: any 领域. */
  aiDomain: string | null;
  /** Words that make a topic an AI topic when found (case-insensitively) in 专业范围 or 项目名称. */
  aiTerms: readonly string[];
  /** The clause the plan and the AI tilt come from, for display. */
  clause: string;
  /** 重点推荐 quota (the pack's keyQuota figure: Shanghai 附件3 注 15%, at least 1). */
  quota: Quota;
}

/** One project row of the list, with everything the pane's ranking table can sort by. */
export interface ProjectRow {
  /** 0-based sheet row. */
  row: number;
  title: string;
  /**
   * The recommender as the engine reads it (a 推荐单位 merged down or written once counts for every row it covers; the
   * section row's name in a list without the column); null when the list names none.
   */
  recommender: string | null;
  host: string;
  domain: string;
  major: string;
  /** The score read from the score column; null when empty, unreadable or there is no score column. */
  score: number | null;
  /** Competition rank by score (1, 2, 2, 4); null when the row has no score (unranked, not last). */
  rank: number | null;
  /** Another row has the same score (并列). */
  tied: boolean;
  /** Marked 重点推荐 in 备注 (the engine's own reading of the mark). */
  key: boolean;
  /** An AI topic by the profile's definition; false when the list has no 领域 column to decide it. */
  ai: boolean;
  trainees: number | null;
  /** 基层 trainees: the 基层人数 cell, or 基层比例 × 学员人数 when the list has only a share column. */
  grassroots: number | null;
  /**
   * 推荐排序 of this row is an integer in 1..N of its recommender and no other row of that recommender has it;
   * null when the list has no 推荐排序 column.
   */
  rankingOk: boolean | null;
}

export interface RankingCheck {
  /** absent: the list has no 推荐排序 column. */
  status: "valid" | "invalid" | "absent";
  /** How many error findings the engine's ranking.sequence rule gives for this recommender. */
  problems: number;
  /** Rows are in ranking order (the rule's warning did not fire). */
  inOrder: boolean;
}

export interface RecommenderStats {
  /** The recommender as first typed; for a whole-list group the 推荐单位 line above the table, or "". */
  name: string;
  /** True when the list has no 推荐单位 column and the whole list is one recommender's. */
  whole: boolean;
  /** 0-based sheet rows of its projects. */
  rows: number[];
  projects: number;
  /** 重点推荐 marks; null when the list has no 备注 column. */
  key: number | null;
  /** max(atLeast, ⌊share × projects⌋): the pack's keyQuota (Shanghai 附件3 注: 15%, at least 1). */
  allowed: number;
  /** key / projects as a fraction; null without a 备注 column. */
  share: number | null;
  overQuota: boolean;
  ranking: RankingCheck;
  /** The distinct raw texts that were read as this recommender (whitespace, width or case variants). */
  spellings: string[];
}

export interface DomainCount {
  domain: string;
  count: number;
  /** count / projects as a fraction. */
  share: number;
  /** 0-based sheet rows of its projects (a 领域 merged down counts for every row it covers). */
  rows: number[];
  /** One of the profile's 领域. */
  known: boolean;
  spellings: string[];
}

export interface HostCount {
  host: string;
  count: number;
  rows: number[];
  spellings: string[];
}

export interface StatsTotals {
  projects: number;
  planProjects: number | null;
  /** Σ 学员人数 over rows where it could be read; null without a 学员人数 column. */
  trainees: number | null;
  planTrainees: number | null;
  /** Σ基层 over rows where both 基层 and 学员 could be read; null when no 基层 column. */
  grassroots: number | null;
  /** Σ学员 over the same rows (the denominator of the share). */
  grassrootsBase: number | null;
  /** Σ基层 / Σ学员; null when it cannot be computed. */
  grassrootsShare: number | null;
  /** AI topics; null when the list has no 领域 column (the definition needs it). */
  ai: number | null;
  aiShare: number | null;
}

/**
 * A cell the core reads but a live Excel formula cannot see the same way: a number typed as text (“50”, “50人”),
 * or a share typed as a bare 30 meaning 30%. The statistics sheet lists them so its figures can be trusted.
 */
export interface FormulaCaveat {
  row: number;
  col: number;
  key: ListKey;
  text: string;
  kind: "text-number" | "bare-percent";
}

/** Every figure of one list. Plain data: the pane, the CLI and the statistics sheet all draw from it. */
export interface ListStats {
  sheet: string;
  profile: StatsProfile["id"];
  headerRow: number;
  /** Header text of each recognised column, for labels (“按‘评审得分’排名”). */
  headers: Partial<Record<ListKey, string>>;
  /** Project rows in sheet order. */
  rows: ProjectRow[];
  /** Ranked rows by rank (ties by sheet order), then unranked rows in sheet order; empty without a score column. */
  ranking: ProjectRow[];
  recommenders: RecommenderStats[];
  /** 领域 present in the list, most projects first (profile order on ties). */
  domains: DomainCount[];
  /** Projects with an empty 领域 cell (0 without a 领域 column). */
  domainUnset: number;
  /** Their 0-based sheet rows. */
  domainUnsetRows: number[];
  /** 承办单位 present in the list, most projects first (sheet order on ties). */
  hosts: HostCount[];
  totals: StatsTotals;
  caveats: FormulaCaveat[];
}
