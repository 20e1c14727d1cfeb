/**
 * 沪人社专〔2026〕82号 附件1 上海市专业技术人才知识更新工程重点领域和主要专业范围, as data.
 * Each row of the attachment is one group; a domain may span several groups (生态环保, 防灾减灾, 现代服务业).
 * `includes` holds what the attachment lists in brackets (含 …), which people also type as the 专业范围.
 */
export interface Major {
  name: string;
  includes?: readonly string[];
}

export interface DomainGroup {
  /** 序号 of the attachment; 财会 shares 7 with 金融. */
  serial: number;
  domain: string;
  majors: readonly Major[];
  leads: string;
}

export const SH_DOMAIN_GROUPS: readonly DomainGroup[] = [
  {
    serial: 1,
    domain: "数字技术",
    majors: [
      { name: "虚拟现实" },
      { name: "云计算" },
      { name: "数字化管理" },
      { name: "物联网" },
      { name: "工业互联网" },
      { name: "智能制造" },
      { name: "机器人" },
      { name: "增材制造" },
      { name: "大数据" },
      { name: "区块链" },
      { name: "数据安全" },
      { name: "密码工程" },
      { name: "人工智能", includes: ["FDE前沿部署工程师", "前沿部署工程师"] },
      { name: "集成电路" },
    ],
    leads: "市科委、市经济信息化委、市数据局、市密码局",
  },
  {
    serial: 2,
    domain: "装备制造",
    majors: [
      { name: "电气", includes: ["机器人", "高档数控机床"] },
      { name: "汽车", includes: ["新能源与智能网联汽车", "新能源汽车", "智能网联汽车"] },
      { name: "船舶", includes: ["集装箱船", "LNG船", "邮轮"] },
      { name: "电力", includes: ["核电", "气电", "智能电网", "高效清洁煤电", "风电"] },
      { name: "航空航天" },
      { name: "传感控制与仪器仪表" },
      { name: "低空经济" },
    ],
    leads: "市经济信息化委",
  },
  {
    serial: 3,
    domain: "信息",
    majors: [
      { name: "计算机软件和信息服务" },
      { name: "电子通讯" },
      { name: "信息安全" },
      { name: "量子科技" },
      { name: "具身智能" },
    ],
    leads: "市经济信息化委、市科委",
  },
  {
    serial: 4,
    domain: "生物医药",
    majors: [
      { name: "药品" },
      { name: "医疗器械" },
      { name: "制药装备" },
      { name: "生物制造" },
      { name: "食品科技" },
    ],
    leads: "市科委",
  },
  {
    serial: 5,
    domain: "新材料",
    majors: [
      { name: "新材料研发", includes: ["新材料", "石墨烯", "生物医用材料", "特种光纤材料", "3D打印材料"] },
      { name: "化工", includes: ["聚烯烃塑料", "高端工程塑料", "特种橡胶"] },
      { name: "纺织" },
      { name: "钢铁", includes: ["有色金属"] },
    ],
    leads: "市经济信息化委",
  },
  {
    serial: 6,
    domain: "海洋",
    majors: [
      { name: "海洋生态环境保护" },
      { name: "海洋减灾预报" },
      { name: "海洋生物医药" },
      { name: "海洋工程装备" },
    ],
    leads: "市水务局",
  },
  {
    serial: 7,
    domain: "金融",
    majors: [{ name: "金融管理" }, { name: "金融研究" }, { name: "金融专业服务" }, { name: "金融科技" }],
    leads: "市委金融办",
  },
  {
    serial: 7,
    domain: "财会",
    majors: [{ name: "会计" }, { name: "税务" }, { name: "审计" }, { name: "统计" }],
    leads: "市财政局",
  },
  {
    serial: 8,
    domain: "生态环保",
    majors: [
      { name: "园林绿化" },
      { name: "林业" },
      { name: "野生动物保护" },
      { name: "垃圾回收处置利用" },
      { name: "景观照明" },
    ],
    leads: "市绿容市容局",
  },
  {
    serial: 8,
    domain: "生态环保",
    majors: [{ name: "环境保护", includes: ["环境监测"] }, { name: "资源循环利用" }],
    leads: "市生态环境局",
  },
  {
    serial: 9,
    domain: "能源资源",
    majors: [{ name: "能效管理" }, { name: "新能源" }, { name: "水资源管理" }],
    leads: "市发展改革委",
  },
  {
    serial: 10,
    domain: "绿色低碳",
    majors: [{ name: "工业领域节能降碳" }, { name: "绿色设计与制造" }, { name: "ESG" }],
    leads: "市经济信息化委",
  },
  {
    serial: 11,
    domain: "防灾减灾",
    majors: [{ name: "城市应急" }, { name: "抗震" }, { name: "防汛除涝" }],
    leads: "市应急局、市水务局",
  },
  {
    serial: 11,
    domain: "防灾减灾",
    majors: [{ name: "安全生产" }, { name: "防灾减灾" }, { name: "应急处置" }],
    leads: "市应急局",
  },
  {
    serial: 12,
    domain: "现代交通运输",
    majors: [{ name: "道路交通" }, { name: "轨道交通" }, { name: "综合交通" }],
    leads: "市交通委",
  },
  {
    serial: 13,
    domain: "农业",
    majors: [
      { name: "农业技术推广" },
      { name: "特色种源" },
      { name: "农业生物制造" },
      { name: "现代农业设施" },
      { name: "农机装备" },
      { name: "智慧农业" },
      { name: "农业资源" },
      { name: "农业生态保护" },
      { name: "农产品质量安全" },
      { name: "动物疫病防控" },
    ],
    leads: "市农业农村委",
  },
  {
    serial: 14,
    domain: "社会工作",
    majors: [{ name: "社会管理" }, { name: "医疗教育" }, { name: "社会保障" }, { name: "人口宗教" }],
    leads: "市委社工部、市民政局",
  },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [{ name: "现代物流" }, { name: "供应链管理" }],
    leads: "市发展改革委、市商务委、市科委",
  },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [{ name: "电子商务", includes: ["企业电子商务应用", "两化融合应用"] }],
    leads: "市发展改革委、市商务委、市科委",
  },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [{ name: "法律", includes: ["律师行业", "公证", "司法鉴定", "仲裁", "调解"] }],
    leads: "市司法局",
  },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [
      { name: "工业设计", includes: ["工业工程", "产业园区", "品牌战略管理", "创意设计", "动漫设计"] },
      { name: "建筑设计" },
      { name: "风景园林设计" },
      { name: "规划设计" },
    ],
    leads: "市经济信息化委、市住房城乡建设管理委",
  },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [{ name: "知识产权", includes: ["专利", "商标", "版权"] }],
    leads: "市知识产权局",
  },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [{ name: "食品安全" }, { name: "药品安全" }, { name: "标准化" }, { name: "检验检测认证" }],
    leads: "市市场监管局",
  },
  { serial: 15, domain: "现代服务业", majors: [{ name: "旅游" }], leads: "市文化旅游局" },
  {
    serial: 15,
    domain: "现代服务业",
    majors: [{ name: "科技成果转移转化", includes: ["技术经理人"] }],
    leads: "市科委",
  },
  { serial: 15, domain: "现代服务业", majors: [{ name: "人力资源服务" }], leads: "市人力资源社会保障局" },
  {
    serial: 16,
    domain: "文化",
    majors: [
      { name: "文化艺术" },
      { name: "广播影视", includes: ["互联网优质内容创作"] },
      { name: "文博档案" },
      { name: "新闻" },
      { name: "出版" },
      { name: "体育健身" },
    ],
    leads: "市文化旅游局、市广播电视台、市档案局、市委宣传部、市体育局",
  },
  {
    serial: 17,
    domain: "航运",
    majors: [
      { name: "航运管理", includes: ["港航运输", "航运物流", "引航管理", "空域管制"] },
      { name: "航运服务", includes: ["航运金融", "航运法律", "航务管理", "航运咨询", "海事或航空技术"] },
      { name: "铁路运输" },
      { name: "航空运输" },
    ],
    leads: "市交通委",
  },
  { serial: 18, domain: "规划资源", majors: [{ name: "地矿资源" }, { name: "测绘" }], leads: "市规划资源局" },
  {
    serial: 19,
    domain: "建筑",
    majors: [
      { name: "建筑施工", includes: ["装配式建筑", "建筑信息模型技术", "绿色建筑", "智能建造"] },
      { name: "道桥施工" },
      { name: "隧道施工" },
      { name: "建筑管理" },
      { name: "城市更新" },
      { name: "韧性安全" },
    ],
    leads: "市住房城乡建设管理委",
  },
];

/** The domains in the attachment's order, each once (金融 and 财会 both valid). */
export const SH_DOMAINS: readonly string[] = [...new Set(SH_DOMAIN_GROUPS.map((g) => g.domain))];

/** A 领域 as typed, compared as the notice names it: "数字技术领域" and "数字技术" are one domain. */
export function domainName(text: string): string {
  const t = text.replace(/\s/g, "");
  return t.length > 2 && t.endsWith("领域") && SH_DOMAINS.includes(t.slice(0, -2)) ? t.slice(0, -2) : t;
}

/** Every 专业范围 name of a domain (with the bracketed 含 items). */
export function majorsOf(domain: string): string[] {
  const out: string[] = [];
  for (const g of SH_DOMAIN_GROUPS)
    if (g.domain === domain) for (const m of g.majors) out.push(m.name, ...(m.includes ?? []));
  return out;
}

/** The domain a 专业范围 belongs to, e.g. 人工智能 → 数字技术 (for the suggestion when a major was typed as 领域). */
export function domainOfMajor(text: string): string | undefined {
  const t = text.replace(/\s/g, "");
  if (t === "") return undefined;
  for (const g of SH_DOMAIN_GROUPS)
    for (const m of g.majors) if (m.name === t || m.includes?.includes(t)) return g.domain;
  for (const g of SH_DOMAIN_GROUPS)
    for (const m of g.majors) if (t.includes(m.name) || m.name.includes(t)) return g.domain;
  return undefined;
}

const majorsByDomain = new Map<string, readonly string[]>();
const fitCache = new Map<string, boolean>();

/** Whether a typed 专业范围 (one or several, separated by 、，,;/) fits the domain's list. Memoised: lists repeat. */
export function majorFitsDomain(majorText: string, domain: string): boolean {
  const key = `${domain}\u0000${majorText}`;
  const cached = fitCache.get(key);
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
  const fits =
    parts.length === 0 ||
    parts.every((p) => (names as readonly string[]).some((n) => n === p || n.includes(p) || p.includes(n)));
  if (fitCache.size > 10_000) fitCache.clear();
  fitCache.set(key, fits);
  return fits;
}

/** Artificial-intelligence topics (一（三） 项目选题向人工智能领域倾斜). */
export const AI_WORDS = /人工智能|AI|大模型|智能体|机器学习|深度学习|生成式|AIGC/i;

/** Shanghai's districts, for 办班地点 (上海市 XX 区). */
export const SH_DISTRICTS = [
  "黄浦",
  "徐汇",
  "长宁",
  "静安",
  "普陀",
  "虹口",
  "杨浦",
  "闵行",
  "宝山",
  "嘉定",
  "浦东",
  "金山",
  "松江",
  "青浦",
  "奉贤",
  "崇明",
] as const;

/** 二（三）: lodging courses are held in the suburbs as a rule; these are the central districts. */
export const SH_CENTRAL_DISTRICTS = ["黄浦", "徐汇", "长宁", "静安", "普陀", "虹口", "杨浦"] as const;
