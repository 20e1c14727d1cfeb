/**
 * 附件1 重点领域和主要专业范围, read from the pack's lists/domains.yaml, where each row is written as the notice prints
 * it ("电气（含机器人、高档数控机床）、汽车（含新能源与智能网联汽车）"). The checks (领域, 专业范围), the template's 附件1
 * sheet and its dropdowns all read this one list.
 */
import { splitTopLevel } from "../../read/text";
import { recordList, type PackData } from "../../packs/data";

export interface Major {
  name: string;
  includes?: readonly string[];
}

export interface DomainGroup {
  /** 序号 of the attachment; 财会 shares 7 with 金融. */
  serial: number;
  domain: string;
  /** The row's 主要专业范围 as printed. */
  printed: string;
  majors: readonly Major[];
  /** 牵头部门 as printed ("" continues the row above, a merged cell in the notice). */
  leads: string;
}

const squash = (s: string) => s.replace(/\s/g, "").replace(/[“”"]/g, "");

/**
 * One printed item as a major: "电力（含核电、气电）" → 电力 with includes; "新材料（含石墨烯…）研发" → 新材料研发, which
 * also includes 新材料 (the words before the bracket are a name people type); a trailing 等 is not part of a name.
 */
export function parseMajor(printed: string): Major {
  const text = squash(printed);
  const m = /^(.*?)[（(]含?([^）)]*)[）)](.*)$/.exec(text);
  if (!m) return { name: text.replace(/等$/, "") };
  const [, before = "", inner = "", after = ""] = m;
  const includes = inner
    .split(/[、，,]/)
    .map((p) => p.replace(/等$/, ""))
    .filter((p) => p !== "");
  const name = (before + after).replace(/等$/, "");
  return { name, includes: after !== "" ? [before, ...includes] : includes };
}

export interface ShDomains {
  groups: readonly DomainGroup[];
  /** The domains in the attachment's order, each once. */
  domains: readonly string[];
  domainName(text: string): string;
  majorsOf(domain: string): string[];
  domainOfMajor(text: string): string | undefined;
  majorFitsDomain(majorText: string, domain: string): boolean;
}

const cache = new WeakMap<PackData, ShDomains>();

/** The pack's 附件1, read once per pack. */
export function shDomains(pack: PackData): ShDomains {
  const hit = cache.get(pack);
  if (hit) return hit;
  const groups: DomainGroup[] = recordList(pack, "domains").map((r) => ({
    serial: Number(r.serial),
    domain: String(r.domain ?? ""),
    printed: String(r.majors ?? ""),
    majors: splitTopLevel(String(r.majors ?? "")).map(parseMajor),
    leads: String(r.leads ?? ""),
  }));
  const domains = [...new Set(groups.map((g) => g.domain))];
  const majorsByDomain = new Map<string, readonly string[]>();
  const fitCache = new Map<string, Map<string, boolean>>();
  const majorsOf = (domain: string): string[] => {
    const out: string[] = [];
    for (const g of groups)
      if (g.domain === domain) for (const m of g.majors) out.push(m.name, ...(m.includes ?? []));
    return out;
  };
  const result: ShDomains = {
    groups,
    domains,
    // A 领域 as typed, compared as the notice names it: "数字技术领域" and "数字技术" are one domain.
    domainName(text) {
      const t = /\s/.test(text) ? text.replace(/\s/g, "") : text;
      return t.length > 2 && t.endsWith("领域") && domains.includes(t.slice(0, -2)) ? t.slice(0, -2) : t;
    },
    majorsOf,
    // The domain a 专业范围 belongs to, e.g. 人工智能 → 数字技术 (the suggestion when a major was typed as 领域).
    domainOfMajor(text) {
      const t = text.replace(/\s/g, "");
      if (t === "") return undefined;
      for (const g of groups)
        for (const m of g.majors) if (m.name === t || m.includes?.includes(t)) return g.domain;
      for (const g of groups)
        for (const m of g.majors) if (t.includes(m.name) || m.name.includes(t)) return g.domain;
      return undefined;
    },
    // Whether a typed 专业范围 (one or several, separated by 、，,;/) fits the domain's list. Memoised: lists repeat.
    majorFitsDomain(majorText, domain) {
      // By domain, then by text: no key string built (and hashed afresh) for every row.
      let byText = fitCache.get(domain);
      if (!byText) {
        byText = new Map<string, boolean>();
        fitCache.set(domain, byText);
      }
      const cached = byText.get(majorText);
      if (cached !== undefined) return cached;
      let names = majorsByDomain.get(domain);
      if (!names) {
        names = majorsOf(domain);
        majorsByDomain.set(domain, names);
      }
      const parts = majorText
        .replace(/[（(][^）)]*[）)]/g, "")
        .split(/[、，,;；/\s]+/)
        .map((p) => p.replace(/等$/, ""))
        .filter((p) => p !== "");
      const list = names;
      const fits =
        parts.length === 0 || parts.every((p) => list.some((n) => n === p || n.includes(p) || p.includes(n)));
      if (byText.size > 10_000) byText.clear();
      byText.set(majorText, fits);
      return fits;
    },
  };
  cache.set(pack, result);
  return result;
}
