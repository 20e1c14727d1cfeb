import { compactText } from "../../read/normalise";
import { nearest } from "./suggest";

/** A 门类 (section) of GB/T 4754-2017 国民经济行业分类 with its 大类 (divisions), codes 01–97. */
export interface IndustrySection {
  letter: string;
  name: string;
  divisions: ReadonlyArray<{ code: string; name: string }>;
}

const d = (code: string, name: string) => ({ code, name });

/** GB/T 4754-2017: the 20 sections A–T and their 97 divisions (the form's 注2 points to this standard). */
export const GBT4754_SECTIONS: readonly IndustrySection[] = [
  {
    letter: "A",
    name: "农、林、牧、渔业",
    divisions: [
      d("01", "农业"),
      d("02", "林业"),
      d("03", "畜牧业"),
      d("04", "渔业"),
      d("05", "农、林、牧、渔专业及辅助性活动"),
    ],
  },
  {
    letter: "B",
    name: "采矿业",
    divisions: [
      d("06", "煤炭开采和洗选业"),
      d("07", "石油和天然气开采业"),
      d("08", "黑色金属矿采选业"),
      d("09", "有色金属矿采选业"),
      d("10", "非金属矿采选业"),
      d("11", "开采专业及辅助性活动"),
      d("12", "其他采矿业"),
    ],
  },
  {
    letter: "C",
    name: "制造业",
    divisions: [
      d("13", "农副食品加工业"),
      d("14", "食品制造业"),
      d("15", "酒、饮料和精制茶制造业"),
      d("16", "烟草制品业"),
      d("17", "纺织业"),
      d("18", "纺织服装、服饰业"),
      d("19", "皮革、毛皮、羽毛及其制品和制鞋业"),
      d("20", "木材加工和木、竹、藤、棕、草制品业"),
      d("21", "家具制造业"),
      d("22", "造纸和纸制品业"),
      d("23", "印刷和记录媒介复制业"),
      d("24", "文教、工美、体育和娱乐用品制造业"),
      d("25", "石油、煤炭及其他燃料加工业"),
      d("26", "化学原料和化学制品制造业"),
      d("27", "医药制造业"),
      d("28", "化学纤维制造业"),
      d("29", "橡胶和塑料制品业"),
      d("30", "非金属矿物制品业"),
      d("31", "黑色金属冶炼和压延加工业"),
      d("32", "有色金属冶炼和压延加工业"),
      d("33", "金属制品业"),
      d("34", "通用设备制造业"),
      d("35", "专用设备制造业"),
      d("36", "汽车制造业"),
      d("37", "铁路、船舶、航空航天和其他运输设备制造业"),
      d("38", "电气机械和器材制造业"),
      d("39", "计算机、通信和其他电子设备制造业"),
      d("40", "仪器仪表制造业"),
      d("41", "其他制造业"),
      d("42", "废弃资源综合利用业"),
      d("43", "金属制品、机械和设备修理业"),
    ],
  },
  {
    letter: "D",
    name: "电力、热力、燃气及水生产和供应业",
    divisions: [d("44", "电力、热力生产和供应业"), d("45", "燃气生产和供应业"), d("46", "水的生产和供应业")],
  },
  {
    letter: "E",
    name: "建筑业",
    divisions: [
      d("47", "房屋建筑业"),
      d("48", "土木工程建筑业"),
      d("49", "建筑安装业"),
      d("50", "建筑装饰、装修和其他建筑业"),
    ],
  },
  { letter: "F", name: "批发和零售业", divisions: [d("51", "批发业"), d("52", "零售业")] },
  {
    letter: "G",
    name: "交通运输、仓储和邮政业",
    divisions: [
      d("53", "铁路运输业"),
      d("54", "道路运输业"),
      d("55", "水上运输业"),
      d("56", "航空运输业"),
      d("57", "管道运输业"),
      d("58", "多式联运和运输代理业"),
      d("59", "装卸搬运和仓储业"),
      d("60", "邮政业"),
    ],
  },
  { letter: "H", name: "住宿和餐饮业", divisions: [d("61", "住宿业"), d("62", "餐饮业")] },
  {
    letter: "I",
    name: "信息传输、软件和信息技术服务业",
    divisions: [
      d("63", "电信、广播电视和卫星传输服务"),
      d("64", "互联网和相关服务"),
      d("65", "软件和信息技术服务业"),
    ],
  },
  {
    letter: "J",
    name: "金融业",
    divisions: [d("66", "货币金融服务"), d("67", "资本市场服务"), d("68", "保险业"), d("69", "其他金融业")],
  },
  { letter: "K", name: "房地产业", divisions: [d("70", "房地产业")] },
  { letter: "L", name: "租赁和商务服务业", divisions: [d("71", "租赁业"), d("72", "商务服务业")] },
  {
    letter: "M",
    name: "科学研究和技术服务业",
    divisions: [d("73", "研究和试验发展"), d("74", "专业技术服务业"), d("75", "科技推广和应用服务业")],
  },
  {
    letter: "N",
    name: "水利、环境和公共设施管理业",
    divisions: [
      d("76", "水利管理业"),
      d("77", "生态保护和环境治理业"),
      d("78", "公共设施管理业"),
      d("79", "土地管理业"),
    ],
  },
  {
    letter: "O",
    name: "居民服务、修理和其他服务业",
    divisions: [d("80", "居民服务业"), d("81", "机动车、电子产品和日用产品修理业"), d("82", "其他服务业")],
  },
  { letter: "P", name: "教育", divisions: [d("83", "教育")] },
  { letter: "Q", name: "卫生和社会工作", divisions: [d("84", "卫生"), d("85", "社会工作")] },
  {
    letter: "R",
    name: "文化、体育和娱乐业",
    divisions: [
      d("86", "新闻和出版业"),
      d("87", "广播、电视、电影和录音制作业"),
      d("88", "文化艺术业"),
      d("89", "体育"),
      d("90", "娱乐业"),
    ],
  },
  {
    letter: "S",
    name: "公共管理、社会保障和社会组织",
    divisions: [
      d("91", "中国共产党机关"),
      d("92", "国家机构"),
      d("93", "人民政协、民主党派"),
      d("94", "社会保障"),
      d("95", "群众团体、社会团体和其他成员组织"),
      d("96", "基层群众自治组织及其他组织"),
    ],
  },
  { letter: "T", name: "国际组织", divisions: [d("97", "国际组织")] },
];

export type IndustryMatch =
  | { ok: true; section: IndustrySection; division?: { code: string; name: string } }
  | { ok: false; suggestion?: string };

// Names compared without the punctuation people vary (农林牧渔业 = 农、林、牧、渔业).
const PUNCTUATION = /[、，,.·•\-—_/;；:："“”'‘’()（）[\]【】]/g;
const key = (s: string) => compactText(s).replace(PUNCTUATION, "");
// "P", "P 教育", "P83", "P-83 教育", "83 教育", "门类P", "（83）教育": an optional letter, an optional code, a name.
const CODED = /^(?:门类)?([A-Ta-t])?(?:大类)?(\d{2})?(.*)$/;

const BY_NAME = new Map<string, { section: IndustrySection; division?: { code: string; name: string } }>();
const BY_CODE = new Map<string, { section: IndustrySection; division: { code: string; name: string } }>();
for (const section of GBT4754_SECTIONS) {
  for (const division of section.divisions) {
    BY_CODE.set(division.code, { section, division });
    if (!BY_NAME.has(key(division.name))) BY_NAME.set(key(division.name), { section, division });
  }
  // A section name wins over the division of the same name (P 教育 / 83 教育): the section is the broader answer.
  BY_NAME.set(key(section.name), { section });
}
const ALL_NAMES = [
  ...GBT4754_SECTIONS.map((s) => s.name),
  ...GBT4754_SECTIONS.flatMap((s) => s.divisions.map((v) => v.name)),
];

/** How a section or division is written in a suggestion: "P 教育", "65 软件和信息技术服务业（I 信息传输、…）". */
export function describeIndustry(name: string): string {
  for (const section of GBT4754_SECTIONS) {
    if (section.name === name) return `${section.letter} ${section.name}`;
    const division = section.divisions.find((v) => v.name === name);
    if (division) return `${division.code} ${division.name}（${section.letter} ${section.name}）`;
  }
  return name;
}

// Words every other name contains: a suggestion built on them would be a guess.
const GENERIC = /^(?:其他|其它|服务|服务业|行业|制造|产业|综合|业)$/;

function suggestFor(name: string): string | undefined {
  const k = key(name);
  if (k === "" || GENERIC.test(k)) return undefined;
  const keyed = ALL_NAMES.map(key);
  const found = nearest(k, keyed);
  const index = found === undefined ? -1 : keyed.indexOf(found);
  return index < 0 ? undefined : describeIndustry(ALL_NAMES[index] as string);
}

function matchOne(text: string): IndustryMatch {
  const compact = compactText(text).replace(/^[（(](.*?)[）)]/, "$1");
  const m = CODED.exec(compact);
  const letter = m?.[1]?.toUpperCase();
  const code = m?.[2];
  const name = key(m?.[3] ?? "");
  const byLetter = letter ? GBT4754_SECTIONS.find((s) => s.letter === letter) : undefined;
  const byCode = code ? BY_CODE.get(code) : undefined;
  const byName = name !== "" ? BY_NAME.get(name) : undefined;
  if (code && !byCode) return { ok: false, suggestion: name !== "" ? suggestFor(name) : undefined };
  if (name !== "" && !byName) return { ok: false, suggestion: suggestFor(name) };
  // Letter, code and name, whichever were given, must all point to the same place.
  const section = byName?.section ?? byCode?.section ?? byLetter;
  if (!section) return { ok: false };
  if (byLetter && byLetter !== section)
    return { ok: false, suggestion: describeIndustry((byName?.division ?? byName?.section ?? section).name) };
  if (byCode && byName) {
    // "83 教育" names the section P by its name and its one division by code: the same place.
    const same = byName.division
      ? byName.division.code === byCode.division.code
      : byName.section === byCode.section;
    if (!same) return { ok: false, suggestion: describeIndustry((byName.division ?? byName.section).name) };
  }
  const division = byCode?.division ?? byName?.division;
  return division ? { ok: true, section, division } : { ok: true, section };
}

/**
 * 所属行业 against GB/T 4754-2017: a section letter (P), a section name (教育, 农林牧渔业), a division name
 * (软件和信息技术服务业), each with or without its letter or code (I65 软件和信息技术服务业, 83 教育). Several
 * industries separated by ；or a line break must each match. A mismatch comes with the nearest name, if any.
 */
export function readIndustry(text: string): IndustryMatch {
  const parts = compactText(text) === "" ? [] : text.split(/[；;\n]/).filter((p) => compactText(p) !== "");
  if (parts.length === 0) return { ok: false };
  let first: IndustryMatch | undefined;
  for (const part of parts) {
    const match = matchOne(part);
    if (!match.ok) return match;
    first ??= match;
  }
  return first as IndustryMatch;
}
