/**
 * The pieces a template's data is drawn with, table by table: placeholders ({year}, {share:…}, a list's lines with
 * the blank text after the bar), notes from a list by item number, dropdown values from a list, the cascade's groups
 * from 附件1 as printed, named styles; and, for every built-in template, that where an answer goes is a cell of the
 * printed form and every dropdown stands on the sheet.
 */
import { BUILTIN_PACK_DATA } from "../../src/core/packs/builtin";
import type { PackData } from "../../src/core/packs/data";
import { styleOf } from "../../src/core/templates/from-data";
import { cascadeGroups, listValues } from "../../src/core/templates/pack-lists";
import { TEMPLATES } from "../../src/core/templates/registry";
import { STYLES } from "../../src/core/templates/styles";
import { fillText, noteLines, placeholdersIn } from "../../src/core/templates/text";

const SH = BUILTIN_PACK_DATA.find((p) => p.id === "sh-2026-gaoyan") as PackData;
const FJ = BUILTIN_PACK_DATA.find((p) => p.id === "fj-2026-gaoyan") as PackData;

describe("fillText", () => {
  it.each([
    ["{year}年", undefined, "2026年"],
    ["{notice} 附件3", undefined, "沪人社专〔2026〕82号 附件3"],
    ["{issuer} 制", undefined, "上海市人力资源和社会保障局 制"],
    ["不超过{share:keyQuota}", undefined, "不超过15%"],
    ["推荐单位：{recommender|      }（盖章）", {}, "推荐单位：      （盖章）"],
    ["推荐单位：{recommender|      }（盖章）", { recommender: "上海市科委" }, "推荐单位：上海市科委（盖章）"],
    ["推荐单位：{recommender|      }（盖章）", { recommender: "" }, "推荐单位：（盖章）"],
    ["联系人：{contact}", {}, "联系人："],
    // Outside a list's lines, line placeholders and unknown names stay as written (pack lint reports them).
    ["联系人：{contact}", undefined, "联系人：{contact}"],
    ["{yaer}年", undefined, "{yaer}年"],
    ["（X 天）", undefined, "（X 天）"],
  ] as const)("%s with lines %j → %s", (text, lines, expected) => {
    expect(fillText(text, SH, lines)).toBe(expected);
  });

  it("a {share:…} of another quota follows the pack's figure", () => {
    const pack = { ...SH, figures: { ...SH.figures, keyQuota: { share: 0.125, clause: "附件3 注" } } };
    expect(fillText("{share:keyQuota}", pack)).toBe("12.5%");
  });

  it("placeholdersIn names each with its argument and blank text", () => {
    expect(placeholdersIn("{share:keyQuota} {date|  年 月 日} {year}")).toEqual([
      { name: "share", arg: "keyQuota" },
      { name: "date", fallback: "  年 月 日" },
      { name: "year" },
    ]);
  });
});

describe("pack lists for templates", () => {
  it("notes take a list's items by number", () => {
    const lines = noteLines(["注：填表说明（附件4）", { list: "instructions", items: [1, 4] }], FJ);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1\.申报国家级高级研修项目的/);
    expect(lines[2]).toMatch(/^4\.附件1“选题所属行业领域”/);
  });

  it("dropdown values are a field of a list of records, each once, in list order", () => {
    const domains = listValues(SH, "domains", "domain");
    expect(domains.slice(0, 3)).toEqual(["数字技术", "装备制造", "信息"]);
    // 生态环保 has two rows in 附件1, 现代服务业 eight: each is offered once.
    expect(domains.filter((d) => d === "现代服务业")).toHaveLength(1);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it("a cascade groups 附件1's rows by 领域 and offers each printed 专业范围 by its main name", () => {
    const groups = cascadeGroups(SH, {
      list: "domains",
      by: "domain",
      items: "majors",
      parent: "domain",
      at: "H7",
    });
    const equipment = groups.find((g) => g.name === "装备制造");
    expect(equipment?.items.slice(0, 3)).toEqual(["电气", "汽车", "船舶"]);
    expect(groups.find((g) => g.name === "新材料")?.items[0]).toBe("新材料研发");
    const services = groups.find((g) => g.name === "现代服务业");
    expect(services?.items).toEqual(expect.arrayContaining(["现代物流", "电子商务", "法律", "人力资源服务"]));
    expect(groups.map((g) => g.name)).toEqual(listValues(SH, "domains", "domain"));
  });

  it("a cascade whose items are written as lists takes them as they are", () => {
    const pack = {
      ...SH,
      lists: {
        areas: [
          { area: "甲", items: ["一（含二）", "三"] as unknown as string },
          { area: "乙", items: "四、五（含六、七）" },
        ],
      },
    } as unknown as PackData;
    expect(cascadeGroups(pack, { list: "areas", by: "area", items: "items", parent: "x", at: "H1" })).toEqual(
      [
        { name: "甲", items: ["一（含二）", "三"] },
        { name: "乙", items: ["四", "五"] },
      ],
    );
  });
});

describe("named styles", () => {
  it.each([
    ["value", STYLES.value],
    [
      { style: "note", fontSize: 12 },
      { ...STYLES.note, fontSize: 12 },
    ],
    [
      { style: "value", hAlign: "right", vAlign: "bottom" },
      { ...STYLES.value, hAlign: "right", vAlign: "bottom" },
    ],
  ] as const)("%j", (ref, expected) => {
    expect(styleOf(ref as never, STYLES.label)).toEqual(expected);
  });

  it("an unknown name is refused in Chinese with the names there are", () => {
    expect(() => styleOf("centered", STYLES.label)).toThrow(/未知的样式“centered”；可用：title、attachment/);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  const layout = template.build();
  const area = layout.print.printArea;
  const inPrint = (row: number, col: number) =>
    row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;

  it("answers go to cells of the printed form", () => {
    const draft = template.form?.draft();
    for (const [key, slot] of Object.entries(draft?.slots ?? {})) {
      expect({ key, printed: slot ? inPrint(slot.row, slot.col) : false }).toEqual({ key, printed: true });
      const merged = draft?.layout.merges.find(
        (m) => slot && slot.row >= m.top && slot.row <= m.bottom && slot.col >= m.left && slot.col <= m.right,
      );
      // An answer is written to the top-left cell of its merged area (the only one a host keeps).
      if (merged && slot)
        expect({ key, at: [slot.row, slot.col] }).toEqual({ key, at: [merged.top, merged.left] });
    }
  });

  it("every dropdown stands on a printed cell and offers something", () => {
    for (const v of layout.validations) {
      expect(inPrint(v.area.top, v.area.left)).toBe(true);
      expect(v.list.length > 0 || (v.formula ?? "") !== "").toBe(true);
    }
  });
});
