import { compactText } from "../../read/normalise";
import { nearest } from "./suggest";

/** The pack's 单位类型 (lists/unit-types.yaml, 附件 注1) and what people write instead (lists/unit-type-aliases.yaml). */
export interface UnitTypes {
  types: readonly string[];
  /** Word → type, compared in order: longer words first (民办非企业 before 企业). */
  aliases: ReadonlyArray<readonly [string, string]>;
}

const BRACKETED = /[（(][^）)]*[）)]/g;

/**
 * 单位类型 as typed: one of the six (a bracketed remark such as 民营企业（有限责任公司） is allowed), or the type
 * it most likely meant ("有限责任公司" → 企业, "社会团体" → 行业协会等社团组织).
 */
export function readUnitType(
  text: string,
  { types, aliases }: UnitTypes,
): { ok: true; type: string } | { ok: false; suggestion?: string } {
  const value = compactText(text).replace(BRACKETED, "");
  const exact = types.find((t) => t === value);
  if (exact) return { ok: true, type: exact };
  const alias = aliases.find(([word]) => value.includes(word));
  const suggestion = alias?.[1] ?? nearest(value, types);
  return suggestion === undefined ? { ok: false } : { ok: false, suggestion };
}
