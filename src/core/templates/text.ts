import { pct } from "../messages/findings";
import { quotaFigure, recordList, type PackData } from "../packs/data";
import type { NoteItemData } from "../packs/template-schema";
import type { ListLines } from "./types";

/**
 * The {placeholders} a template's text may hold: the pack's own figures, so a 2027 pack made by changing notice.yaml
 * prints its own year and quota. In the lines above and below a list, {recommender|default} and the like take the
 * list's lines (推荐单位, 填写时间 …), with what the blank form prints after the bar.
 */
export const PACK_PLACEHOLDERS = ["year", "notice", "issuer", "issued", "share"] as const;
export const LINE_PLACEHOLDERS = ["recommender", "date", "contact", "phone", "applicant"] as const;

const PLACEHOLDER = /\{([a-z]+)(?::([\w.-]+))?(?:\|([^{}]*))?\}/g;

export interface Placeholder {
  name: string;
  /** The figure of {share:FIGURE}. */
  arg?: string;
  /** What a line placeholder prints when the list has no such line (after the bar). */
  fallback?: string;
}

/** The placeholders of a text, in order. */
export function placeholdersIn(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const p: Placeholder = { name: m[1] as string };
    if (m[2] !== undefined) p.arg = m[2];
    if (m[3] !== undefined) p.fallback = m[3];
    out.push(p);
  }
  return out;
}

/** A template text with its placeholders filled from the pack (and, for a list's lines, from the lines given). */
export function fillText(text: string, pack: PackData, lines?: ListLines): string {
  return text.replace(
    PLACEHOLDER,
    (whole, name: string, arg: string | undefined, fallback: string | undefined) => {
      switch (name) {
        case "year":
          return String(pack.year);
        case "notice":
          return pack.notice;
        case "issuer":
          return pack.issuer;
        case "issued":
          // As a cover page dates the form: 2026年3月.
          return `${pack.issued.year}年${pack.issued.month}月`;
        case "share":
          return arg === undefined ? whole : pct(quotaFigure(pack, arg).value.share);
        default:
          if (lines && (LINE_PLACEHOLDERS as readonly string[]).includes(name))
            return lines[name as keyof ListLines] ?? fallback ?? "";
          return whole;
      }
    },
  );
}

/** Notes as lines: texts as written (placeholders filled), list items by number (1 first). */
export function noteLines(items: readonly NoteItemData[], pack: PackData): string[] {
  return items.flatMap((item) => {
    if (typeof item === "string") return [fillText(item, pack)];
    const list = recordList(pack, item.list);
    return item.items.map((n) => {
      const entry = list[n - 1];
      const text = entry === undefined ? "" : (entry.text ?? entry.name ?? Object.values(entry)[0]);
      return fillText(String(text ?? ""), pack);
    });
  });
}
