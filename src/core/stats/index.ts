export { computeStats, projectRows, CONTENT_KEYS, type StatsOptions } from "./compute";
export { competitionRanks, type CompetitionRank } from "./rank";
export {
  isAiTopic,
  groupKey,
  literalAlternatives,
  searchTerms,
  GENERIC_AI_TERMS,
  StatsDefinitionError,
} from "./ai";
export { GENERIC_STATS, profileOfPack, statsProfileFor } from "./profile";
export { planRankColumn, safeWrites, RANK_COLUMN_HEADER, RankColumnError } from "./rank-column";
export type { RankColumnPlan, RankColumnOptions, CellWrite, CellConflict } from "./rank-column";
export {
  buildStatsSheet,
  type StatsSheetLayout,
  type StatsSheetFigures,
  type StatsSheetOptions,
} from "./sheet";
export {
  quoteSheetName,
  sheetRange,
  sheetCell,
  stringLiteral,
  exactCriterion,
  criterionSafe,
  absoluteA1,
  SheetNameError,
} from "./formula";
export { roundShare } from "./round";
export { statsText } from "../messages/stats";
export type * from "./types";
