import { compactText } from "../../read/normalise";
import { nearest } from "./suggest";

/**
 * 沪人社专〔2026〕55号 一、申报范围: the ten occupations, as the notice names them, with the field word that names
 * each (what people type when they shorten the name: 大数据, 人工智能 …).
 */
export const INST_OCCUPATIONS: ReadonlyArray<{ name: string; field: string }> = [
  { name: "大数据工程技术人员", field: "大数据" },
  { name: "区块链工程技术人员", field: "区块链" },
  { name: "智能制造工程技术人员", field: "智能制造" },
  { name: "数字化管理师", field: "数字化管理" },
  { name: "人工智能工程技术人员", field: "人工智能" },
  { name: "物联网工程技术人员", field: "物联网" },
  { name: "云计算工程技术人员", field: "云计算" },
  { name: "工业互联网工程技术人员", field: "工业互联网" },
  { name: "虚拟现实工程技术人员", field: "虚拟现实" },
  { name: "集成电路工程技术人员", field: "集成电路" },
];

const NAMES = INST_OCCUPATIONS.map((o) => o.name);
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
export function readOccupation(text: string): OccupationRead {
  const value = compactText(text).replace(BRACKETED, "");
  if (NAMES.includes(value)) return { kind: "ok", name: value };
  // Which occupations the text names by their field word; 工业互联网 holds no other field word, nor does 智能制造.
  const named = INST_OCCUPATIONS.filter((o) => value.includes(o.field)).map((o) => o.name);
  if (named.length >= 2) return { kind: "several", names: named };
  if (named.length === 1) return { kind: "unknown", suggestion: named[0] };
  // A misspelt field word (区快链工程技术人员): compare the field part only, or every name would look alike
  // through their shared 工程技术人员.
  const field = nearest(
    value.replace(ROLE_SUFFIX, ""),
    INST_OCCUPATIONS.map((o) => o.field),
  );
  const suggestion = INST_OCCUPATIONS.find((o) => o.field === field)?.name;
  return suggestion === undefined ? { kind: "unknown" } : { kind: "unknown", suggestion };
}
