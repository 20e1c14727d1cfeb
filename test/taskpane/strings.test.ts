// The message catalogue: complete in both languages, placeholders that match, and the language choice.

import {
  CATALOGUES,
  fillText,
  htmlLang,
  LANGS,
  pickLanguage,
  textOf,
  type TextKey,
} from "../../src/taskpane/strings";

const KEYS = Object.keys(CATALOGUES.zh) as TextKey[];

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe("message catalogue", () => {
  it("has the same keys in every language, none empty", () => {
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGUES[lang]).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS)
        expect({ lang, key, empty: CATALOGUES[lang][key].trim() === "" }).toEqual({
          lang,
          key,
          empty: false,
        });
    }
  });

  it.each(KEYS)("uses the same placeholders in zh and en for %s", (key) => {
    expect(placeholders(CATALOGUES.en[key])).toEqual(placeholders(CATALOGUES.zh[key]));
  });

  it("really translates: the Chinese text of every entry has Chinese characters, the English none", () => {
    // modeExcel is the product name Excel in both languages; otherLanguageName names the *other* language;
    // nameValue, listSeparator, countShare and packIssue are punctuation that differs between the languages but has
    // no words.
    const sameInBoth = new Set<TextKey>([
      "modeExcel",
      "otherLanguageName",
      "nameValue",
      "listSeparator",
      "countShare",
      "packIssue",
    ]);
    for (const key of KEYS) {
      if (sameInBoth.has(key)) continue;
      expect({ key, zh: /\p{Script=Han}/u.test(CATALOGUES.zh[key]) }).toEqual({ key, zh: true });
      expect({ key, en: /\p{Script=Han}/u.test(CATALOGUES.en[key]) }).toEqual({ key, en: false });
    }
  });
});

describe("pickLanguage", () => {
  it.each([
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN", "en"],
    ["en_US", "en"],
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["de-DE", "zh"],
    ["eng", "zh"],
    ["", "zh"],
    [undefined, "zh"],
    [null, "zh"],
  ])("%s -> %s", (tag, lang) => {
    expect(pickLanguage(tag)).toBe(lang);
  });
});

describe("fillText and textOf", () => {
  it.each([
    ["已打开：{name}", { name: "a.xlsx" }, "已打开：a.xlsx"],
    ["{n} 个问题，{n} 处", { n: 3 }, "3 个问题，3 处"],
    ["{missing} stays", {}, "{missing} stays"],
    ["no placeholders", { name: "x" }, "no placeholders"],
    ["{name}", { name: "<b>$&</b>" }, "<b>$&</b>"],
  ])("fills %s", (template, values, expected) => {
    expect(fillText(template, values)).toBe(expected);
  });

  it("reads the catalogue in either language", () => {
    expect(textOf("zh", "openedFile", { name: "名单.xlsx" })).toBe("已打开：名单.xlsx");
    expect(textOf("en", "openFile")).toBe("Open a file");
    expect(htmlLang("zh")).toBe("zh-CN");
    expect(htmlLang("en")).toBe("en");
  });
});
