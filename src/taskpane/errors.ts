// Errors reach the user as words in their language, never only the console. Ports throw errors that carry their own
// zh/en text (OfficeAdapterError and the file mode's errors); anything else is shown with its message.

import type { Text } from "../core/findings";
import { textOf, type Lang } from "./strings";

function ownText(error: unknown): Text | undefined {
  if (typeof error !== "object" || error === null || !("text" in error)) return undefined;
  const text = (error as { text?: unknown }).text;
  if (typeof text !== "object" || text === null) return undefined;
  const { zh, en } = text as Record<string, unknown>;
  return typeof zh === "string" && typeof en === "string" ? { zh, en } : undefined;
}

/** What to tell the user about an error, in their language. */
export function describeError(error: unknown, lang: Lang): string {
  const text = ownText(error);
  if (text) return text[lang];
  const detail = error instanceof Error ? error.message : String(error);
  return textOf(lang, "errorGeneric", { detail: detail === "" ? "?" : detail });
}
