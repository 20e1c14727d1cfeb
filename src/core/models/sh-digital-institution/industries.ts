import { compactText } from "../../read/normalise";
import { nearest } from "./suggest";

/** A 门类 (section) of GB/T 4754-2017 国民经济行业分类 with its 大类 (divisions), codes 01–97. */
export interface IndustrySection {
  letter: string;
  name: string;
  divisions: ReadonlyArray<{ code: string; name: string }>;
}

/**
 * GB/T 4754-2017 as the pack's lists/industries.yaml gives it, one row per 大类 (division): section letter and name,
 * division code and name. Sections keep the order of their first row.
 */
export function industrySections(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): IndustrySection[] {
  const sections = new Map<string, IndustrySection & { divisions: Array<{ code: string; name: string }> }>();
  for (const row of rows) {
    const letter = String(row.section ?? "");
    let section = sections.get(letter);
    if (!section) {
      section = { letter, name: String(row.sectionName ?? ""), divisions: [] };
      sections.set(letter, section);
    }
    section.divisions.push({ code: String(row.code ?? ""), name: String(row.name ?? "") });
  }
  return [...sections.values()];
}

export type IndustryMatch =
  | { ok: true; section: IndustrySection; division?: { code: string; name: string } }
  | { ok: false; suggestion?: string };

// Names compared without the punctuation people vary (农林牧渔业 = 农、林、牧、渔业).
const PUNCTUATION = /[、，,.·•\-—_/;；:："“”'‘’()（）[\]【】]/g;
const key = (s: string) => compactText(s).replace(PUNCTUATION, "");
// "P", "P 教育", "P83", "P-83 教育", "83 教育", "门类P", "（83）教育": an optional letter, an optional code, a name.
const CODED = /^(?:门类)?([A-Ta-t])?(?:大类)?(\d{2})?(.*)$/;

/** The standard indexed for reading: by name (sections and divisions, punctuation aside) and by division code. */
export interface IndustryIndex {
  sections: readonly IndustrySection[];
  byName: ReadonlyMap<string, { section: IndustrySection; division?: { code: string; name: string } }>;
  byCode: ReadonlyMap<string, { section: IndustrySection; division: { code: string; name: string } }>;
  allNames: readonly string[];
}

export function indexIndustries(sections: readonly IndustrySection[]): IndustryIndex {
  const byName = new Map<string, { section: IndustrySection; division?: { code: string; name: string } }>();
  const byCode = new Map<string, { section: IndustrySection; division: { code: string; name: string } }>();
  for (const section of sections) {
    for (const division of section.divisions) {
      byCode.set(division.code, { section, division });
      if (!byName.has(key(division.name))) byName.set(key(division.name), { section, division });
    }
    // A section name wins over the division of the same name (P 教育 / 83 教育): the section is the broader answer.
    byName.set(key(section.name), { section });
  }
  const allNames = [
    ...sections.map((s) => s.name),
    ...sections.flatMap((s) => s.divisions.map((v) => v.name)),
  ];
  return { sections, byName, byCode, allNames };
}

/** How a section or division is written in a suggestion: "P 教育", "65 软件和信息技术服务业（I 信息传输、…）". */
export function describeIndustry(index: IndustryIndex, name: string): string {
  for (const section of index.sections) {
    if (section.name === name) return `${section.letter} ${section.name}`;
    const division = section.divisions.find((v) => v.name === name);
    if (division) return `${division.code} ${division.name}（${section.letter} ${section.name}）`;
  }
  return name;
}

// Words every other name contains: a suggestion built on them would be a guess.
const GENERIC = /^(?:其他|其它|服务|服务业|行业|制造|产业|综合|业)$/;

function suggestFor(index: IndustryIndex, name: string): string | undefined {
  const k = key(name);
  if (k === "" || GENERIC.test(k)) return undefined;
  const keyed = index.allNames.map(key);
  const found = nearest(k, keyed);
  const at = found === undefined ? -1 : keyed.indexOf(found);
  return at < 0 ? undefined : describeIndustry(index, index.allNames[at] as string);
}

function matchOne(index: IndustryIndex, text: string): IndustryMatch {
  const compact = compactText(text).replace(/^[（(](.*?)[）)]/, "$1");
  const m = CODED.exec(compact);
  const letter = m?.[1]?.toUpperCase();
  const code = m?.[2];
  const name = key(m?.[3] ?? "");
  const byLetter = letter ? index.sections.find((s) => s.letter === letter) : undefined;
  const byCode = code ? index.byCode.get(code) : undefined;
  const byName = name !== "" ? index.byName.get(name) : undefined;
  if (code && !byCode) return { ok: false, suggestion: name !== "" ? suggestFor(index, name) : undefined };
  if (name !== "" && !byName) return { ok: false, suggestion: suggestFor(index, name) };
  // Letter, code and name, whichever were given, must all point to the same place.
  const section = byName?.section ?? byCode?.section ?? byLetter;
  if (!section) return { ok: false };
  if (byLetter && byLetter !== section)
    return {
      ok: false,
      suggestion: describeIndustry(index, (byName?.division ?? byName?.section ?? section).name),
    };
  if (byCode && byName) {
    // "83 教育" names the section P by its name and its one division by code: the same place.
    const same = byName.division
      ? byName.division.code === byCode.division.code
      : byName.section === byCode.section;
    if (!same)
      return { ok: false, suggestion: describeIndustry(index, (byName.division ?? byName.section).name) };
  }
  const division = byCode?.division ?? byName?.division;
  return division ? { ok: true, section, division } : { ok: true, section };
}

/**
 * 所属行业 against GB/T 4754-2017: a section letter (P), a section name (教育, 农林牧渔业), a division name
 * (软件和信息技术服务业), each with or without its letter or code (I65 软件和信息技术服务业, 83 教育). Several
 * industries separated by ；or a line break must each match. A mismatch comes with the nearest name, if any.
 */
export function readIndustry(index: IndustryIndex, text: string): IndustryMatch {
  const parts = compactText(text) === "" ? [] : text.split(/[；;\n]/).filter((p) => compactText(p) !== "");
  if (parts.length === 0) return { ok: false };
  let first: IndustryMatch | undefined;
  for (const part of parts) {
    const match = matchOne(index, part);
    if (!match.ok) return match;
    first ??= match;
  }
  return first as IndustryMatch;
}
