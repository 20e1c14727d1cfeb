import type { RawCell } from "../grid/types";
import { cellText, compactText, toHalfWidth, trimChars } from "./normalise";
import { parseChineseNumeral } from "./number";
import { empty, ok, unreadable, type ReadResult } from "./types";

/** One option of a □ group as read. */
export interface ChoiceOption {
  /** The option's words, whitespace removed: "自筹经费项目", "是第__批国家级继续教育基地". */
  label: string;
  marked: boolean;
  /** What was filled in after the option's ：/（ (e.g. the 自筹经费来源), blanks and brackets trimmed; "" if nothing. */
  detail: string;
}

/** Where a form puts the box: before the option (☑是 □否) or after it (初级□ 中级☑). */
export type ChoiceLayout = "box-before" | "box-after";

// Boxes and marks, after full-width brackets became ASCII. A mark inside brackets ([x], (√), 【√】) is one token.
// Empty brackets "（ ）" are boxes only in the box-after layout; before an option they are usually a blank to fill.
const TOKEN_BEFORE = /\[\s*[xX√✓✔]?\s*\]|【\s*[xX√✓✔]?\s*】|\(\s*[√✓✔]\s*\)|[☑☒■√✓✔▣●□☐○]/g;
const TOKEN_AFTER = /\[\s*[xX√✓✔]?\s*\]|【\s*[xX√✓✔]?\s*】|\(\s*[√✓✔]?\s*\)|[☑☒■√✓✔▣●□☐○]/g;
const MARKED_TOKEN = /[xX√✓✔☑☒■▣●]/;
// "（请打√）", "（请在相应□内打“√”）": instructions that show a mark without being one.
const BRACKETED = /\([^()]*\)/g;
const INSTRUCTION_WORD = /请|打|勾|划|选/;
const HAS_MARK_CHAR = /[☑☒■√✓✔▣●□☐○]/;
const LABEL_END = /[(:]/;
const DETAIL_TRIM = " \t\n\r\u3000\u00a0_()[]【】:：,;、。.";
const LABEL_TRIM = ",;、/。.";
const WORD_SPLIT = /[\s,;、/]+/;
const WHITESPACE_ONLY = /^\s*$/;

interface Token {
  start: number;
  end: number;
  marked: boolean;
}

function removeInstructions(text: string): string {
  if (text.indexOf("(") < 0) return text;
  return text.replace(BRACKETED, (part) =>
    INSTRUCTION_WORD.test(part) && HAS_MARK_CHAR.test(part) ? " ".repeat(part.length) : part,
  );
}

function findTokens(text: string, pattern: RegExp): Token[] {
  const tokens: Token[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const token = { start: m.index, end: m.index + m[0].length, marked: MARKED_TOKEN.test(m[0]) };
    const previous = tokens[tokens.length - 1];
    // "□√" or "√ □": a box with a mark typed beside it is one marked box.
    if (previous && WHITESPACE_ONLY.test(text.slice(previous.end, token.start))) {
      previous.end = token.end;
      previous.marked = previous.marked || token.marked;
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

function makeOption(segment: string, marked: boolean): ChoiceOption {
  const cut = segment.search(LABEL_END);
  const labelPart = cut >= 0 ? segment.slice(0, cut) : segment;
  let rest = cut >= 0 ? segment.slice(cut) : "";
  const colon = rest.indexOf(":");
  if (colon >= 0) rest = rest.slice(colon + 1);
  return {
    label: trimChars(compactText(labelPart), LABEL_TRIM),
    marked,
    detail: trimChars(rest, DETAIL_TRIM).trim(),
  };
}

function readBoxBefore(text: string, tokens: Token[]): ChoiceOption[] {
  return tokens.map((token, i) =>
    makeOption(text.slice(token.end, tokens[i + 1]?.start ?? text.length), token.marked),
  );
}

function words(segment: string): string[] {
  return segment.split(WORD_SPLIT).filter((w) => w !== "");
}

function readBoxAfter(text: string, tokens: Token[]): ChoiceOption[] {
  // "初级√ 中级 高级": with no empty boxes at all, words without a mark are the unchosen options.
  const markOnly = tokens.every((t) => t.marked);
  const options: ChoiceOption[] = [];
  let from = 0;
  for (const token of tokens) {
    let segment = text.slice(from, token.start);
    from = token.end;
    if (markOnly) {
      const ws = words(segment);
      for (const w of ws.slice(0, -1)) options.push(makeOption(w, false));
      segment = ws[ws.length - 1] ?? "";
    }
    // A heading before the first option ("拟申报等级：初级□") is not part of the label.
    const colon = segment.lastIndexOf(":");
    options.push(makeOption(colon >= 0 ? segment.slice(colon + 1) : segment, token.marked));
  }
  if (markOnly) for (const w of words(text.slice(from))) options.push(makeOption(w, false));
  return options;
}

/**
 * The options of a □ group and which are chosen. Chosen: ☑ ☒ ■ √ ✓ ✔ ▣ ● [x] (√); not chosen: □ ☐ ○ [ ] ( ).
 * The layout (from the form, not a guess) says which option a mark belongs to: box-before reads "☑是 □否" and
 * "□是第__批国家级继续教育基地 ☑是省级继续教育基地 □否"; box-after reads "初级□ 中级☑ 高级□（请打√）" and
 * "初级√ 中级 高级" (a mark after a word with no boxes anywhere chooses that word). Instructions such as （请打√）
 * are not marks. Options may be separated by spaces, newlines or nothing.
 */
export function readChoices(text: string, layout: ChoiceLayout): ChoiceOption[] {
  if (typeof text !== "string" || text === "") return [];
  const clean = removeInstructions(toHalfWidth(text));
  const tokens = findTokens(clean, layout === "box-before" ? TOKEN_BEFORE : TOKEN_AFTER);
  if (tokens.length === 0) return [];
  return layout === "box-before" ? readBoxBefore(clean, tokens) : readBoxAfter(clean, tokens);
}

const ANSWER_SPLIT = /[,;、/\s]+|和|及/;
const ANSWER_TRIM = " \t\n\r_。.,;、:：()";
const YES_WORDS = new Set(["是", "是的", "有", "Y", "YES", "√", "✓", "✔", "☑"]);
const NO_WORDS = new Set(["否", "不是", "无", "没有", "N", "NO", "×", "✗", "✘"]);

/** Whether an option is 否 (or 无, 不…): the "no" of a 是/否 group. */
const isNoOption = (label: string) => /^(?:否|无|不)/.test(label);

function optionFor(answer: string, options: readonly string[]): string | undefined {
  const a = trimChars(answer, ANSWER_TRIM);
  if (a === "") return undefined;
  const exact = options.find((o) => o === a);
  if (exact) return exact;
  // 提供 → 提供学员住宿, 自筹经费 → 自筹经费项目, 本市 → 本市基地; the answer with a note after the option's words.
  const prefixed = options.filter((o) => o.startsWith(a) || a.startsWith(o));
  if (prefixed.length === 1) return prefixed[0];
  const upper = a.toUpperCase();
  if (YES_WORDS.has(upper)) {
    const yes = options.filter((o) => !isNoOption(o));
    // 是 where every "yes" option says more (是第__批…基地 / 是省级…基地): answered, but which one is not said.
    return yes.length === 1 ? yes[0] : yes.length > 1 ? a : undefined;
  }
  if (NO_WORDS.has(upper)) return options.find(isNoOption);
  return undefined;
}

/**
 * A □ group answered in words instead of ticks: the cell holds 是 / 否, 提供 / 不提供, or an option's name
 * (高级研修项目, 自筹经费项目（来源：…）) where the form printed `options`. Gives the options as readChoices would for
 * the same answer ticked (an answer that names no single option gives nothing). Several answers may be listed
 * (财政资助项目、自筹经费项目) for a 可多选 group.
 */
export function answerInWords(text: string, options: readonly string[]): ChoiceOption[] {
  const half = compactText(text);
  if (half === "" || options.length === 0) return [];
  // The answer with its note: "自筹经费项目（自筹经费来源：单位自筹）".
  const noteAt = half.search(/[(:]/);
  const head = noteAt > 0 ? half.slice(0, noteAt) : half;
  const note = noteAt > 0 ? trimChars(half.slice(noteAt), DETAIL_TRIM) : "";
  const noteDetail = note.includes(":") ? note.slice(note.indexOf(":") + 1) : note;
  // Several options listed (财政资助项目、自筹经费项目) when every part names one; else the whole answer.
  const parts = head.split(ANSWER_SPLIT).filter((p) => p !== "");
  const each = parts.map((p) => optionFor(p, options));
  const chosen = parts.length > 1 && each.every((c) => c !== undefined) ? each : [optionFor(head, options)];
  if (chosen.length === 0 || chosen.some((c) => c === undefined)) return [];
  const picked = new Set(chosen as string[]);
  const out: ChoiceOption[] = options.map((o) => ({
    label: o,
    marked: picked.has(o),
    detail: picked.has(o) && picked.size === 1 ? trimChars(noteDetail, DETAIL_TRIM) : "",
  }));
  // 是 answering a group of several "yes" options: one marked answer that names none of them.
  for (const c of picked) if (!options.includes(c)) out.push({ label: c, marked: true, detail: "" });
  return out;
}

/** readChoices, or — when the cell holds no box or mark at all — the answer in words to the form's `options`. */
export function readChoicesOrWords(
  text: string,
  layout: ChoiceLayout,
  options: readonly string[] | undefined,
): ChoiceOption[] {
  const ticked = readChoices(text, layout);
  if (ticked.length > 0 || !options) return ticked;
  return answerInWords(text, options);
}

const ALL_DIGITS = /^\d+$/;
const BATCH = /第\s*_*\s*([0-9〇零一二两三四五六七八九十]+)\s*_*\s*批/;

/** The number filled into "是第__批…继续教育基地" (3 from 第3批 or 第三批); undefined when the blank is empty. */
export function readBatchNumber(text: string): number | undefined {
  const m = BATCH.exec(toHalfWidth(text));
  if (!m) return undefined;
  const digits = m[1] ?? "";
  const n = ALL_DIGITS.test(digits) ? Number(digits) : parseChineseNumeral(digits);
  return n !== undefined && n > 0 ? n : undefined;
}

const YES = new Set(["是", "是的", "有", "对", "Y", "YES", "TRUE", "√", "✓", "✔", "☑", "1"]);
const NO = new Set(["否", "不是", "无", "没有", "N", "NO", "FALSE", "×", "✗", "✘", "0"]);
const YES_LABEL = /^(?:是|有|Y)/i;
const NO_LABEL = /^(?:否|无|不|没有|N)/i;
const STARTS_WITH_TOKEN = /^\s*(?:\[|【|\(\s*[√✓✔]?\s*\)|[☑☒■√✓✔▣●□☐○])/;

/**
 * What readYesNo reads of the usual cells (TRUE/FALSE, or exactly 是, 否 or another word it knows); undefined for
 * every other cell (read those with readYesNo). The rules' common case without a result object.
 */
export function plainYesNoOf(cell: RawCell): boolean | undefined {
  const value = cell?.value;
  if (typeof value === "boolean") return value;
  const text = cellText(cell);
  return YES.has(text) ? true : NO.has(text) ? false : undefined;
}

/** A 是/否 cell: 是/否, Y/N, 有/无, √/×, TRUE/FALSE, or a ticked pair such as "☑是 □否" or "是□ 否☑". */
export function readYesNo(cell: RawCell): ReadResult<boolean> {
  const value = cell?.value;
  const text = cellText(cell);
  if (text === "" && typeof value !== "boolean") return empty();
  // Most cells are exactly 是 or 否: the sets hold compact upper-case words, so the text is its own key then.
  const plain = plainYesNoOf(cell);
  if (plain !== undefined) return ok(plain, text);
  const key = compactText(text).toUpperCase();
  if (YES.has(key)) return ok(true, text);
  if (NO.has(key)) return ok(false, text);
  if (typeof value !== "string") return unreadable(text);
  const half = toHalfWidth(text);
  const layout: ChoiceLayout = STARTS_WITH_TOKEN.test(half) ? "box-before" : "box-after";
  const chosen = readChoices(half, layout).filter((o) => o.marked);
  if (chosen.length !== 1) return unreadable(text);
  const label = chosen[0]?.label ?? "";
  if (NO_LABEL.test(label)) return ok(false, text);
  if (YES_LABEL.test(label)) return ok(true, text);
  return unreadable(text);
}
