import { compactText } from "../../read/normalise";
import { nearest } from "./suggest";

/** 沪人社专〔2026〕55号 附件 注1: the six 单位类型, in the note's order. */
export const INST_UNIT_TYPES = [
  "行业协会等社团组织",
  "事业单位",
  "企业",
  "集体企业",
  "民营企业",
  "民办非企业单位",
] as const;

// What people write instead, and the type it belongs to. Longer words first: 民办非企业 before 企业.
const ALIASES: ReadonlyArray<readonly [string, (typeof INST_UNIT_TYPES)[number]]> = [
  ["民办非企业", "民办非企业单位"],
  ["民非", "民办非企业单位"],
  ["社会服务机构", "民办非企业单位"],
  ["民办学校", "民办非企业单位"],
  ["民办培训", "民办非企业单位"],
  ["行业协会", "行业协会等社团组织"],
  ["社会团体", "行业协会等社团组织"],
  ["社团", "行业协会等社团组织"],
  ["协会", "行业协会等社团组织"],
  ["学会", "行业协会等社团组织"],
  ["研究会", "行业协会等社团组织"],
  ["社会组织", "行业协会等社团组织"],
  ["事业", "事业单位"],
  ["高等院校", "事业单位"],
  ["高校", "事业单位"],
  ["大学", "事业单位"],
  ["学院", "事业单位"],
  ["集体", "集体企业"],
  ["民营", "民营企业"],
  ["私营", "民营企业"],
  ["民企", "民营企业"],
  ["私企", "民营企业"],
  ["个体", "民营企业"],
  ["企业", "企业"],
  ["公司", "企业"],
  ["国企", "企业"],
];

const BRACKETED = /[（(][^）)]*[）)]/g;

/**
 * 单位类型 as typed: one of the six (a bracketed remark such as 民营企业（有限责任公司） is allowed), or the type
 * it most likely meant ("有限责任公司" → 企业, "社会团体" → 行业协会等社团组织).
 */
export function readUnitType(text: string): { ok: true; type: string } | { ok: false; suggestion?: string } {
  const value = compactText(text).replace(BRACKETED, "");
  const exact = INST_UNIT_TYPES.find((t) => t === value);
  if (exact) return { ok: true, type: exact };
  const alias = ALIASES.find(([word]) => value.includes(word));
  const suggestion = alias?.[1] ?? nearest(value, INST_UNIT_TYPES);
  return suggestion === undefined ? { ok: false } : { ok: false, suggestion };
}
