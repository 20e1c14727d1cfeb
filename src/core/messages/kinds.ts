import type { Text } from "../findings";

const sample = (list: readonly string[]) => `${list.slice(0, 6).join("、")}${list.length > 6 ? "……" : ""}`;

/**
 * The default messages of the rule kinds a pack wires in its tables/*.yaml (rules/kinds.ts, rules/list-kinds.ts),
 * zh-CN and en; a rule's `message` (a messages.yaml key) replaces them.
 */
export const kindText = {
  notInList: (name: string, value: string, list: readonly string[], row?: number): Text => ({
    zh: `${row === undefined ? "" : `第 ${row} 行`}“${name}”填写为“${value}”，不在通知所列的范围内（${sample(list)}）。`,
    en: `${row === undefined ? "" : `Row ${row}: `}“${name}” is “${value}”, which is not among the notice's values.`,
  }),
  fieldsDiffer: (name: string, value: string, other: string, otherValue: string): Text => ({
    zh: `“${name}”为“${value}”，与“${other}”“${otherValue}”不一致。`,
    en: `“${name}” (${value}) differs from “${other}” (${otherValue}).`,
  }),
  onReferenceSheet: (name: string, value: string): Text => ({
    zh: `“${name}”填写的“${value}”在本工作簿的未完成单位名单中。`,
    en: `“${value}” is on the workbook's list of units that did not finish their task.`,
  }),
  notSum: (name: string, value: number, parts: readonly string[], sum: number): Text => ({
    zh: `“${name}”${value} 不等于${parts.map((n) => `“${n}”`).join("、")}之和（${sum}）。`,
    en: `“${name}” ${value} ≠ the sum of ${parts.join(", ")} (${sum}).`,
  }),
  outOfBounds: (name: string, value: number, min: number | undefined, max: number | undefined): Text => {
    if (min !== undefined && max !== undefined)
      return {
        zh: `“${name}”为 ${value}，应在 ${min} 至 ${max} 之间。`,
        en: `“${name}” is ${value}; it should be between ${min} and ${max}.`,
      };
    if (min !== undefined)
      return {
        zh: `“${name}”为 ${value}，应不少于 ${min}。`,
        en: `“${name}” is ${value}; it should be at least ${min}.`,
      };
    return {
      zh: `“${name}”为 ${value}，应不超过 ${max}。`,
      en: `“${name}” is ${value}; it should be at most ${max}.`,
    };
  },
  severalUnits: (name: string, value: string, units: readonly string[]): Text =>
    units.length > 1
      ? {
          zh: `“${name}”填写的“${value}”含多个单位（${units.join("、")}），应只填一个单位。`,
          en: `“${name}” (${value}) names several units (${units.join(", ")}); name one only.`,
        }
      : {
          zh: `“${name}”填写的“${value}”注明联合举办，应只由一个单位承办。`,
          en: `“${name}” (${value}) says the course is run jointly; one unit only may run it.`,
        },
};
