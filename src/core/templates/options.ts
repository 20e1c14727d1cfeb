import type { ChoiceLayout } from "../read/choice";
import { compactText } from "../read/normalise";

/** The box a blank option shows and the one a chosen option shows. */
export const EMPTY_BOX = "□";
export const TICKED_BOX = "☑";

/** "□是  □否" (box before) or "初级□  中级□" (box after): a □ group as the notices print it. */
export function boxes(
  labels: readonly string[],
  layout: ChoiceLayout = "box-before",
  separator = "  ",
): string {
  return labels
    .map((l) => (layout === "box-before" ? `${EMPTY_BOX}${l}` : `${l}${EMPTY_BOX}`))
    .join(separator);
}

// A box or a mark, as people type them: □ ☐ ○ ☑ ☒ ■ ▣ ● √ ✓ ✔, [x] [ ], 【√】, (√) （√）.
const TOKEN = /[[［]\s*[xX√✓✔]?\s*[\]］]|【\s*[xX√✓✔]?\s*】|[(（]\s*[√✓✔]\s*[)）]|[□☐○☑☒■▣●√✓✔]/g;
const MARKED = /[xX√✓✔☑☒■▣●]/;
// "（请打√）", "（请在□内打“√”）": instructions that show a box or a mark without being an option.
const INSTRUCTION = /[(（][^()（）]*(?:请|打|勾|划|选)[^()（）]*[)）]/g;
const OPEN = new Set(["(", "（"]);
const CLOSE = new Set([")", "）"]);
const LABEL_END = /[(（)）:：]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Token {
  start: number;
  end: number;
  marked: boolean;
  /** The innermost bracket the token sits in (its start index), -1 at the top level: a group of options. */
  group: number;
}

function findTokens(text: string): Token[] {
  const masked = text.replace(INSTRUCTION, (part) => " ".repeat(part.length));
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(masked); m !== null; m = TOKEN.exec(masked)) {
    const token: Token = { start: m.index, end: m.index + m[0].length, marked: MARKED.test(m[0]), group: -1 };
    const previous = tokens[tokens.length - 1];
    // "□√": a mark typed beside a box is one token.
    if (previous && /^\s*$/.test(masked.slice(previous.end, token.start))) {
      previous.end = token.end;
      previous.marked = previous.marked || token.marked;
    } else tokens.push(token);
  }
  // Bracket depth: options inside "（…□是 □否）" form a group of their own.
  const stack: number[] = [];
  let t = 0;
  for (let i = 0; i < masked.length && t < tokens.length; i++) {
    const token = tokens[t] as Token;
    if (i === token.start) {
      token.group = stack[stack.length - 1] ?? -1;
      i = token.end - 1;
      t++;
      continue;
    }
    const ch = masked[i] as string;
    if (OPEN.has(ch)) stack.push(i);
    else if (CLOSE.has(ch)) stack.pop();
  }
  return tokens;
}

function layoutOf(text: string, tokens: readonly Token[]): ChoiceLayout {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return "box-before";
  if (/^\s*$/.test(text.slice(0, first.start))) return "box-before";
  const tail = text.slice(last.end).replace(INSTRUCTION, "");
  if (!WORD_CHAR.test(tail)) return "box-after";
  let before = 0;
  let after = 0;
  for (const token of tokens) {
    if (WORD_CHAR.test(text[token.end] ?? "")) before++;
    if (WORD_CHAR.test(text[token.start - 1] ?? "")) after++;
  }
  return after > before ? "box-after" : "box-before";
}

const clean = (s: string) => compactText(s).replace(/[_＿]/g, "");

function labelOf(text: string, tokens: readonly Token[], i: number, layout: ChoiceLayout): string {
  const token = tokens[i] as Token;
  if (layout === "box-before") {
    const segment = clean(text.slice(token.end, tokens[i + 1]?.start ?? text.length));
    const cut = segment.search(LABEL_END);
    return (cut >= 0 ? segment.slice(0, cut) : segment).replace(/^[,，;；、/。.]+|[,，;；、/。.]+$/g, "");
  }
  const segment = text.slice(tokens[i - 1]?.end ?? 0, token.start);
  // The option is the last word before its box: "拟申报等级：初级□" → 初级.
  const words = segment.split(/[\s:：,，;；、/（）()]+/).filter((w) => w !== "");
  return clean(words[words.length - 1] ?? "");
}

function pick(labels: readonly string[], wanted: string): number {
  const w = clean(wanted);
  if (w === "") return -1;
  const tests: ((l: string) => boolean)[] = [
    (l) => l === w,
    (l) => l.startsWith(w),
    (l) => w.startsWith(l) && l !== "",
    (l) => l.includes(w),
  ];
  for (const test of tests) {
    const i = labels.findIndex(test);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Ticks one option of a □ group in a cell's text: the chosen option gets ☑, and in a single-choice group
 * (`single`) every other option of the same group goes back to □. Works with the box before the option
 * ("□是 □否") and after it ("初级□ 中级□ 高级□（请打√）"); options inside brackets (the 是/否 inside
 * "□提供学员住宿（…□是 □否）") are a group of their own. Instructions such as （请打√） are left alone.
 * The option is found by its words (exactly, then by prefix); the text comes back unchanged when it is not there.
 */
export function tickOption(
  cellText: string,
  optionLabel: string,
  single: boolean,
  layout?: ChoiceLayout,
): string {
  const tokens = findTokens(cellText);
  if (tokens.length === 0) return cellText;
  const how = layout ?? layoutOf(cellText, tokens);
  const labels = tokens.map((_, i) => labelOf(cellText, tokens, i, how));
  const chosen = pick(labels, optionLabel);
  if (chosen < 0) return cellText;
  const group = (tokens[chosen] as Token).group;
  let out = "";
  let from = 0;
  tokens.forEach((token, i) => {
    let replacement: string | undefined;
    if (i === chosen) replacement = TICKED_BOX;
    else if (single && token.group === group && token.marked) replacement = EMPTY_BOX;
    if (replacement === undefined) return;
    out += cellText.slice(from, token.start) + replacement;
    from = token.end;
  });
  return out + cellText.slice(from);
}
