/**
 * The fonts the official forms are printed in. A cell names one font; where that font is missing, the reader's
 * application substitutes one. `fallbacks` lists what the same face is called elsewhere (Windows English names,
 * macOS, the free Noto/Source Han faces LibreOffice on Linux has), so a renderer can map the name, and `family`
 * lets the xlsx record the generic family (serif/sans) with the GB2312 charset, which is what Excel and LibreOffice
 * fall back on.
 */
export interface FontFace {
  name: string;
  fallbacks: readonly string[];
  family: "serif" | "sans";
}

/** 宋体: the forms' body text and labels. */
export const SONG: FontFace = {
  name: "宋体",
  fallbacks: ["SimSun", "NSimSun", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC"],
  family: "serif",
};

/** 仿宋: notes (注) and the 填表说明, as government documents print them. */
export const FANGSONG: FontFace = {
  name: "仿宋",
  fallbacks: ["FangSong", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC"],
  family: "serif",
};

/** 黑体: the headings inside a form (section rows such as 申报单位基本情况). */
export const HEI: FontFace = {
  name: "黑体",
  fallbacks: ["SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC"],
  family: "sans",
};

export const FONT_FACES: readonly FontFace[] = [SONG, FANGSONG, HEI];

/** The face of a font name (by its own name or a fallback name); undefined for fonts we do not know. */
export function fontFace(name: string): FontFace | undefined {
  return FONT_FACES.find((f) => f.name === name || f.fallbacks.includes(name));
}

/** GB2312, the charset code an xlsx font records for Simplified Chinese. */
export const GB2312_CHARSET = 134;
