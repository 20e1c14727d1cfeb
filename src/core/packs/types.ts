/**
 * A pack's id (notice.yaml `id`, e.g. sh-2026-gaoyan). Packs are runtime data (packs/<id>/ folders, built-in or added
 * with --pack or the pane's pack settings), so this is an open string, not a closed union.
 */
export type PackId = string;

export type Level = "national" | "provincial";

/** The kinds of table the engine recognises. */
export type TableKind =
  "recommendation" | "summary" | "application" | "institution" | "reference" | "unknown";

// Their names for people live in the message catalogue.
export { LEVEL_NAMES, TABLE_NAMES } from "../messages/names";
