import { compactText } from "../read/normalise";

// Brackets people put around notes inside labels: 办班时间（X 天）, 申报项目类别（仅单选）, 单位名称(盖章).
const BRACKETED = /[（(【[〔][^）)】\]〕]*[）)】\]〕]/g;
const TRAILING_MARKS = /[:：*＊]+$/;
const LEADING_MARKS = /^[*＊]+/;

/**
 * A label as the engine compares it: half-width, no whitespace, no bracketed notes, no trailing colon.
 * "是否提供学员 住宿 (单选)" → "是否提供学员住宿"; "传 真" → "传真".
 */
export function normaliseLabel(text: string): string {
  const t = compactText(text);
  // Most cells have no bracket and no marks at their ends (recognition runs this over the first 400 rows of every
  // sheet): then the three replaces would change nothing.
  if (!hasLabelNoise(t)) return t;
  return t.replace(BRACKETED, "").replace(TRAILING_MARKS, "").replace(LEADING_MARKS, "");
}

/** Whether compacted text holds an opening bracket of BRACKETED, or a mark TRAILING_MARKS or LEADING_MARKS cuts. */
function hasLabelNoise(t: string): boolean {
  if (t === "") return false;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  // * ＊ at the start; : ： * ＊ at the end.
  if (first === 0x2a || first === 0xff0a) return true;
  if (last === 0x3a || last === 0xff1a || last === 0x2a || last === 0xff0a) return true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // （ ( 【 [ 〔
    if (c === 0xff08 || c === 0x28 || c === 0x3010 || c === 0x5b || c === 0x3014) return true;
  }
  return false;
}

/** The bracketed notes of a label, e.g. "资助经费（万元）" → ["万元"]. */
export function labelNotes(text: string): string[] {
  const out: string[] = [];
  for (const m of compactText(text).matchAll(BRACKETED)) out.push(m[0].slice(1, -1));
  return out;
}

// Words that only appear in the notices' own hints inside value cells; a leading bracket holding one of them is
// the template's instruction, not the user's answer.
const HINT_WORDS = [
  "参考附件",
  "字以内",
  "包括但不限于",
  "如有",
  "重点描述",
  "重点阐述",
  "首次举办",
  "学员一般应",
  "加盖公章",
  "盖章",
  "X天",
  "x天",
  "主要包括",
  "主要内容",
  "请打√",
  "应面向",
  "按通知要求",
  "建设机制包括",
  "从信用中国",
];

const LEADING_BRACKET = /^\s*[（(]([^）)]*)[）)]/;

/**
 * The user's answer in a value cell, with the template's leading hint removed:
 * "(100字以内, 突出特色、言简意赅)" → ""; "(X 天)" → ""; "（如有院士…）院士：张三" → "院士：张三".
 */
export function stripHint(text: string): string {
  let s = text.trim();
  for (;;) {
    const m = LEADING_BRACKET.exec(s);
    if (!m) break;
    const inner = compactText(m[1] ?? "");
    if (!HINT_WORDS.some((w) => inner.includes(w))) break;
    s = s.slice(m[0].length).trim();
  }
  if (/^上海市\s*XX\s*区$/i.test(s) || /^X\s*年$/i.test(s)) return "";
  return s;
}
