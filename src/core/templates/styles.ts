import { FANGSONG, HEI, SONG } from "./fonts";
import type { StyleRefData } from "../packs/template-schema";
import type { CellStyle, PrintSetup } from "./layout";

/** The looks every template shares, so the nine forms print as one family. */
export const STYLES = {
  /** The form's title: bold and larger, centred over the table. */
  title: { fontName: SONG.name, fontSize: 16, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  /** 附件N above the title, as the notices print it. */
  attachment: { fontName: HEI.name, fontSize: 12, hAlign: "left", vAlign: "middle" },
  /** The 申报单位：/申报时间： lines between title and table. */
  line: { fontName: SONG.name, fontSize: 12, hAlign: "left", vAlign: "middle" },
  label: { fontName: SONG.name, fontSize: 11, hAlign: "center", vAlign: "middle", wrap: true },
  /** A short answer (one line or two). */
  value: { fontName: SONG.name, fontSize: 11, hAlign: "left", vAlign: "middle", wrap: true },
  /** A long answer: the text starts at the top of a tall cell. */
  long: { fontName: SONG.name, fontSize: 11, hAlign: "left", vAlign: "top", wrap: true },
  /** A list's header cells. */
  header: { fontName: SONG.name, fontSize: 11, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  /** A list's data cells that are centred (序号, 推荐排序). */
  centred: { fontName: SONG.name, fontSize: 11, hAlign: "center", vAlign: "middle", wrap: true },
  /** A section row inside a form (申报单位基本情况, 已有基础). */
  section: { fontName: HEI.name, fontSize: 12, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  /** 注 lines under a table and the 填表说明. */
  note: { fontName: FANGSONG.name, fontSize: 11, hAlign: "left", vAlign: "top", wrap: true },
} satisfies Record<string, CellStyle>;

/** A4 margins (inches) close to the notices' own page setup: about 2 cm around, a little more at the top. */
export const A4_MARGINS: PrintSetup["margins"] = {
  top: 0.75,
  bottom: 0.7,
  left: 0.6,
  right: 0.6,
  header: 0.3,
  footer: 0.3,
};

/** The least height (points) of a row someone writes an answer into by hand. */
export const MIN_ROW_HEIGHT = 24;

/**
 * The style of a label merged down `rows` rows. A tall merged cell may straddle a page break, and both Excel and
 * LibreOffice then print its centred text across the break, cut in two; at the top of the cell it always prints whole.
 */
export function mergedDown(style: CellStyle, rows: number): CellStyle {
  return rows >= 3 ? { ...style, vAlign: "top" } : style;
}

/** The style names a template may use (templates/*.yaml `style:`). */
export const STYLE_NAMES = Object.keys(STYLES) as ReadonlyArray<keyof typeof STYLES>;

/** A named style, or a named style with some of its looks changed; `fallback` when none is named. */
export function styleOf(ref: StyleRefData | undefined, fallback: CellStyle): CellStyle {
  if (ref === undefined) return fallback;
  const name = typeof ref === "string" ? ref : ref.style;
  const base = (STYLES as Record<string, CellStyle>)[name];
  if (!base) throw new Error(`未知的样式“${name}”；可用：${STYLE_NAMES.join("、")}`);
  if (typeof ref === "string") return base;
  const { style: _name, ...changes } = ref;
  void _name;
  return { ...base, ...changes } as CellStyle;
}
