import { compactText } from "../../read/normalise";
import { nearest } from "./suggest";

/** An occupation of the notice (lists/occupations.yaml) with the field word people shorten it to (大数据 …). */
export interface Occupation {
  name: string;
  field: string;
}

const ROLE_SUFFIX = /(?:工程技术人员|工程技术员|工程技术|工程师|技术人员|技术员|管理师|人员|师)$/;
// The levels people add after the name: 人工智能工程技术人员（中级）, …（初级、中级、高级）.
const BRACKETED = /[（(【[][^）)】\]]*[）)】\]]/g;

export type OccupationRead =
  | { kind: "ok"; name: string }
  | { kind: "several"; names: string[] }
  | { kind: "unknown"; suggestion?: string };

/**
 * What was typed into 拟申报开展培训的职业（仅填一项）: exactly one of the ten, more than one (仅填一项), or
 * something else with the occupation it most likely meant ("大数据工程技术员" → 大数据工程技术人员).
 */
export function readOccupation(text: string, occupations: readonly Occupation[]): OccupationRead {
  const NAMES = occupations.map((o) => o.name);
  const value = compactText(text).replace(BRACKETED, "");
  if (NAMES.includes(value)) return { kind: "ok", name: value };
  // Which occupations the text names by their field word; 工业互联网 holds no other field word, nor does 智能制造.
  const named = occupations.filter((o) => value.includes(o.field)).map((o) => o.name);
  if (named.length >= 2) return { kind: "several", names: named };
  if (named.length === 1) return { kind: "unknown", suggestion: named[0] };
  // A misspelt field word (区快链工程技术人员): compare the field part only, or every name would look alike
  // through their shared 工程技术人员.
  const field = nearest(
    value.replace(ROLE_SUFFIX, ""),
    occupations.map((o) => o.field),
  );
  const suggestion = occupations.find((o) => o.field === field)?.name;
  return suggestion === undefined ? { kind: "unknown" } : { kind: "unknown", suggestion };
}
