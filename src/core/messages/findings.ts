import type { Text } from "../findings";

/**
 * The messages of the shared rules (rules.md "Shared rules"), zh-CN and en.
 * Pack-specific messages live beside this file, one file per pack.
 */
export const findingText = {
  emptySheet: (): Text => ({
    zh: "此工作表为空，未作校验。",
    en: "This sheet is empty; nothing was checked.",
  }),
  unrecognisedSheet: (seen: string): Text => ({
    zh: `未能识别此工作表为通知中的哪一张表（推荐表、汇总表、申报表或培训机构申报表），未作校验。表中开头的内容：${seen}。`,
    en: `This sheet was not recognised as any table of the notices (recommendation list, summary list, application form or institution form); nothing was checked. It begins with: ${seen}.`,
  }),
  required: (field: string): Text => ({
    zh: `“${field}”未填写，此项为必填。`,
    en: `“${field}” is empty; it is required.`,
  }),
  requiredColumn: (column: string, row: number): Text => ({
    zh: `第 ${row} 行“${column}”未填写，此列为必填。`,
    en: `Row ${row}: “${column}” is empty; the column is required.`,
  }),
  unreadable: (field: string, value: string, expected: string, expectedEn: string): Text => ({
    zh: `“${field}”的内容“${value}”无法识别，应填写${expected}。`,
    en: `“${field}”: cannot read “${value}”; expected ${expectedEn}.`,
  }),
  phone: (field: string, value: string): Text => ({
    zh: `“${field}”的电话号码“${value}”格式不正确，应为区号-号码（如 021-32511306）或 11 位手机号。`,
    en: `“${field}”: “${value}” is not a valid phone number (area code-number such as 021-32511306, or an 11-digit mobile).`,
  }),
  mobile: (field: string, value: string): Text => ({
    zh: `“${field}”的手机号码“${value}”格式不正确，应为 1 开头的 11 位数字。`,
    en: `“${field}”: “${value}” is not a valid mobile number (11 digits starting with 1).`,
  }),
  email: (field: string, value: string): Text => ({
    zh: `“${field}”的电子邮箱“${value}”格式不正确。`,
    en: `“${field}”: “${value}” is not a valid e-mail address.`,
  }),
  postcode: (field: string, value: string): Text => ({
    zh: `“${field}”的邮编“${value}”应为 6 位数字。`,
    en: `“${field}”: postcode “${value}” must be 6 digits.`,
  }),
  creditCode: (value: string, problem: string): Text => ({
    zh: `统一社会信用代码“${value}”${problem === "length" ? "应为 18 位" : problem === "charset" ? "含有不允许的字符" : "校验位不正确"}（GB 32100-2015）。`,
    en: `Unified social credit code “${value}” ${problem === "length" ? "must have 18 characters" : problem === "charset" ? "has characters that are not allowed" : "fails its check character"} (GB 32100-2015).`,
  }),
  idCard: (value: string, problem: string): Text => ({
    zh: `身份证号“${value}”${problem === "length" ? "应为 18 位" : problem === "birthdate" ? "出生日期无效" : problem === "charset" ? "含有不允许的字符" : "校验码不正确"}（GB 11643-1999）。`,
    en: `ID number “${value}” ${problem === "length" ? "must have 18 characters" : problem === "birthdate" ? "has an invalid birth date" : problem === "charset" ? "has characters that are not allowed" : "fails its check digit"} (GB 11643-1999).`,
  }),
  precisionLost: (field: string, value: string): Text => ({
    zh: `“${field}”以数字形式保存（${value}），Excel 只保留 15 位有效数字，末尾几位已丢失；请将单元格设为文本后重新输入。`,
    en: `“${field}” is stored as a number (${value}); Excel keeps only 15 digits, so the last digits are lost. Format the cell as text and type it again.`,
  }),
  textMax: (field: string, length: number, max: number): Text => ({
    zh: `“${field}”共 ${length} 字，超过 ${max} 字的限制。`,
    en: `“${field}” has ${length} characters, over the limit of ${max}.`,
  }),
  choiceSingle: (field: string, count: number): Text => ({
    zh:
      count === 0
        ? `“${field}”未勾选，应勾选一项（单选）。`
        : `“${field}”勾选了 ${count} 项，只能勾选一项（单选）。`,
    en:
      count === 0
        ? `“${field}”: nothing ticked; tick exactly one option.`
        : `“${field}”: ${count} options ticked; tick exactly one.`,
  }),
  choiceRequired: (field: string): Text => ({
    zh: `“${field}”未勾选任何一项，至少应勾选一项。`,
    en: `“${field}”: nothing ticked; tick at least one option.`,
  }),
  duplicateTitle: (title: string, rows: number[]): Text => ({
    zh: `项目“${title}”在第 ${rows.join("、")} 行重复出现。`,
    en: `Project “${title}” appears more than once (rows ${rows.join(", ")}).`,
  }),
  serial: (value: string, expected: number): Text => ({
    zh: `序号“${value}”不连续，此处应为 ${expected}。`,
    en: `Serial number “${value}” is out of sequence; expected ${expected}.`,
  }),
  deadline: (field: string, value: string, deadline: string): Text => ({
    zh: `“${field}”为 ${value}，晚于通知规定的截止时间 ${deadline}。`,
    en: `“${field}” is ${value}, after the notice's deadline of ${deadline}.`,
  }),
  finishBy: (value: string, deadline: string): Text => ({
    zh: `办班结束日期 ${value} 晚于通知要求的完成时间 ${deadline}。`,
    en: `The course ends on ${value}, after the completion date ${deadline}.`,
  }),
  courseDays: (days: number, min: number, max: number): Text => ({
    zh: `办班天数为 ${days} 天，通知要求 ${min === max ? `${min}` : `${min}–${max}`} 天。`,
    en: `The course lasts ${days} days; the notice asks for ${min === max ? `${min}` : `${min}–${max}`} days.`,
  }),
  /** `proseField`: the field whose prose the figure was read from (培训对象, 研修对象), if any. */
  traineesMin: (count: number, min: number, proseField?: string): Text => ({
    zh: `${proseField ? `“${proseField}”中写明的` : ""}学员人数 ${count} 人，少于通知要求的 ${min} 人。`,
    en: `${proseField ? `The trainee count stated in “${proseField}” is` : "Trainees:"} ${count}, below the minimum of ${min}.`,
  }),
  grassrootsShare: (share: number, min: number, proseField?: string): Text => ({
    zh: `${proseField ? `“${proseField}”中写明的` : ""}基层专业技术人员占比 ${pct(share)}，低于通知要求的 ${pct(min)}。`,
    en: `${proseField ? `The grassroots share stated in “${proseField}” is` : "Grassroots share"} ${pct(share)}, below the required ${pct(min)}.`,
  }),
  fundingCap: (amount: number, cap: number, lodging: boolean | null): Text => ({
    zh: `资助经费 ${amount} 万元，超过${lodging === null ? "" : lodging ? "提供住宿项目" : "不提供住宿项目"}的上限 ${cap} 万元。`,
    en: `Funding of ${amount} (10k yuan) exceeds the cap of ${cap}${lodging === null ? "" : lodging ? " for projects with lodging" : " for projects without lodging"}.`,
  }),
  /** `option`: the ticked option as the form words it (是第__批国家级继续教育基地, 是第__批专业技术人员继续教育基地). */
  batchNumber: (option: string): Text => ({
    zh: `勾选了“${option}”，但未填写批次。`,
    en: `“${option}” (a base of batch __) is ticked but the batch number is missing.`,
  }),
  revisionsAccepted: (): Text => ({
    zh: "文档含有修订记录（修订标记），已按“接受所有修订”后的内容校验（删除的文字不计，插入的文字计入）。提交前请在 Word 中接受或拒绝修订。",
    en: "The document holds tracked changes; it was checked as if every change were accepted (deleted text left out, inserted text kept). Accept or reject the changes in Word before submitting.",
  }),
  uncalculated: (first: string): Text => ({
    zh: `本表有公式尚未计算出结果（如 ${first}），这些单元格的值未知，未作校验。请用 Excel 或 WPS 打开此文件并保存一次后再校验。`,
    en: `Some formulas in this sheet have no calculated result (e.g. ${first}); their values are unknown and were not checked. Open the file in Excel or WPS, save it once, and check again.`,
  }),
} as const;

/** A share as a percentage with one decimal where needed: 0.3 → "30%", 0.143 → "14.3%". */
export function pct(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)}%`;
}
