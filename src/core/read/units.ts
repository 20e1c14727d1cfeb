import { compactText } from "./normalise";

// Words that join two units. 和/与/及 also occur inside single names (人力资源和社会保障厅, 工业和信息化部), so a word
// splits the name only where the text before it is a whole unit name (see UNIT_END).
const JOINERS = /以及|联合|携手|[、，,；;/／+＋&＆和与及]/g;
// How unit names end: a join word right after one of these starts a second unit.
const UNIT_END =
  /(大学|学院|学校|党校|研究院|研究所|研究中心|科学院|医院|卫生院|公司|集团|协会|学会|研究会|促进会|联合会|商会|基金会|中心|厅|局|委员会|委|部|署|办|院|所|校|站|馆|基地|社|室|处)$/;
// Words that say the course is run together even when only one name is written.
const JOINT_WORDS = /联办|联合举办|联合承办|共同承办|共同举办|合办|协办/;
const JOINT_WORDS_AT_END = /(?:联办|联合举办|联合承办|共同承办|共同举办|合办|协办)$/;
const BRACKETS = /[（(][^）)]*[）)]/g;
// Joiners that only ever list units; after 和/与/及 the second part must itself look like a unit name
// (福建农林大学和平校区 is one campus, not two units).
const LIST_JOINERS = /^(?:、|，|,|；|;|\/|／|\+|＋|&|＆|联合|携手)$/;
// "福州大学（联合厦门大学）": a bracket that adds a partner unit.
const BRACKETED_PARTNER = /[（(](?:联合|与|和|及|携手)([^）)]+)[）)]/;

/**
 * The units a 承办单位 cell names, when it names more than one (三（二） 不得与其他单位联办): "福州大学、厦门大学",
 * "福建医科大学联合福建省立医院", "省人社厅培训中心和福州大学" → the names; "福建省人力资源和社会保障厅",
 * "中国联合网络通信集团有限公司福建省分公司" → undefined. A name with 联办/共同承办 written in it gives [name].
 */
export function jointHostParts(name: string): string[] | undefined {
  const text = compactText(name);
  if (text === "") return undefined;
  const bare = text.replace(BRACKETS, "");
  const parts: string[] = [];
  let start = 0;
  let listed = false;
  for (const m of bare.matchAll(JOINERS)) {
    const before = bare.slice(start, m.index);
    if (!UNIT_END.test(before)) continue;
    parts.push(before);
    listed ||= LIST_JOINERS.test(m[0]);
    start = m.index + m[0].length;
  }
  const last = bare.slice(start).replace(/等$/, "");
  if (parts.length > 0 && last.length >= 2 && (listed || UNIT_END.test(last))) return [...parts, last];
  const partner = BRACKETED_PARTNER.exec(text);
  const partnerName = (partner?.[1] ?? "").replace(JOINT_WORDS_AT_END, "");
  if (partner && UNIT_END.test(partnerName)) return [bare, partnerName];
  return JOINT_WORDS.test(text) ? [name.trim()] : undefined;
}
