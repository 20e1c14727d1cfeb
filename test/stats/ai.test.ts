import fc from "fast-check";
const AI_WORDS = /人工智能|AI|大模型|智能体|机器学习|深度学习|生成式|AIGC/i;
import {
  isAiTopic,
  literalAlternatives,
  searchTerms,
  statsProfileFor,
  StatsDefinitionError,
} from "../../src/core/stats";

const SH_GAOYAN_STATS = statsProfileFor("sh-2026-gaoyan");
const SH_AI_TERMS = SH_GAOYAN_STATS.aiTerms;
const matchesTerms = (text: string) => SH_AI_TERMS.some((t) => text.toLowerCase().includes(t.toLowerCase()));

describe("the AI definition is the engine's AI_WORDS, as SEARCH terms", () => {
  it("reads the words out of the regex", () => {
    expect(literalAlternatives(/人工智能|AI|大模型/i)).toEqual(["人工智能", "AI", "大模型"]);
    expect(SH_AI_TERMS).toEqual(expect.arrayContaining(["人工智能", "AI", "ＡＩ", "大模型", "智能体"]));
  });

  it.each([/人工(智能)?|AI/i, /AI|大模型/, /AI|大模型/gi, /A.I/i, /AI|/i])(
    "refuses %p, which SEARCH cannot express",
    (re) => {
      expect(() => literalAlternatives(re)).toThrow(StatsDefinitionError);
    },
  );

  it("drops words that contain another word and adds full-width twins", () => {
    expect(searchTerms(["AI", "AIGC", "大模型"])).toEqual(["AI", "ＡＩ", "大模型"]);
  });

  it("property: the terms match whatever AI_WORDS matches, and on half-width text nothing more", () => {
    const alphabet = fc.constantFrom(..."人工智能大模型体机器学习深度生成式AIGCaigc ＡＩ区块链x".split(""));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 12 }).map((a) => a.join("")),
        (text) => {
          if (AI_WORDS.test(text)) expect(matchesTerms(text)).toBe(true);
          if (!/[Ａ-Ｚａ-ｚ]/.test(text)) expect(matchesTerms(text)).toBe(AI_WORDS.test(text));
        },
      ),
    );
  });
});

describe("isAiTopic (Shanghai: 领域 数字技术 and an AI word in 专业范围 or 项目名称)", () => {
  it.each([
    ["数字技术", "人工智能", "某某研修班", true],
    ["数字技术", "", "大模型应用", true],
    ["数字技术", "", "智能体开发", true],
    ["数字技术", "", "ＡＩ赋能", true],
    ["数字技术", "", "ai for science", true],
    ["数字 技术", "人工智能", "", true],
    ["数字技术", "区块链", "数据要素", false],
    ["人工智能", "", "人工智能通识", false],
    ["信息", "具身智能", "机器人", false],
    ["", "人工智能", "AI", false],
  ])("领域 %p, 专业范围 %p, 项目名称 %p → %p", (domain, major, title, ai) => {
    expect(isAiTopic(SH_GAOYAN_STATS, { domain, major, title })).toBe(ai);
  });
});
