// The one catalogue of user-facing text for the pane and the ribbon, zh-CN first. Kept free of React so the
// ribbon's function file can use it without pulling the UI into its bundle; the hooks live in i18n.ts.

/** The languages the product speaks. "zh" is Simplified Chinese (zh-CN). */
export type Lang = "zh" | "en";

export const LANGS: readonly Lang[] = ["zh", "en"];

const zh = {
  productName: "研修申报助手",
  tagline: "按通知校验专业技术人才知识更新工程高级研修项目申报表",
  connecting: "正在连接 Excel…",
  modeLabel: "模式",
  modeExcel: "Excel",
  modeFile: "文件模式（浏览器）",
  fileModeTitle: "未在 Excel 中打开",
  fileModeBody: "可以打开一个 xlsx 文件，在浏览器中校验。文件只在本机处理，不会上传。",
  openFile: "打开 xlsx 文件",
  openedFile: "已打开：{name}",
  notXlsx: "“{name}”不是 xlsx 文件，请选择扩展名为 .xlsx 的工作簿。",
  switchLanguage: "切换到英文",
  otherLanguageName: "English",
  tabsLabel: "功能",
  tabCheck: "校验",
  tabStats: "统计",
  tabTemplates: "表格",
  checkPlaceholder:
    "这里将显示当前工作表的校验结果：识别出的表格、通知和级别，按规则分组的问题；点击问题即可选中对应的单元格。",
  statsPlaceholder: "这里将显示推荐名单的排序和名额统计。",
  templatesPlaceholder: "这里将提供各通知的申报表模板，可以插入为新的工作表。",
  ribbonTitle: "研修申报助手 · 校验",
  ribbonNotReady: "一键校验还没有接入校验引擎。请点“研修申报助手”打开任务窗格。",
  close: "关闭",
} as const;

/** Every key of the catalogue; a key missing from a language is a compile error. */
export type TextKey = keyof typeof zh;

export type Catalogue = Readonly<Record<TextKey, string>>;

const en: Catalogue = {
  productName: "Yanxiu Desk",
  tagline:
    "Checks advanced-seminar applications of the professional knowledge renewal programme against their notices",
  connecting: "Connecting to Excel…",
  modeLabel: "Mode",
  modeExcel: "Excel",
  modeFile: "File mode (browser)",
  fileModeTitle: "Not opened in Excel",
  fileModeBody:
    "Open an xlsx file to check it in the browser. The file is processed on this computer only and is never uploaded.",
  openFile: "Open xlsx file",
  openedFile: "Opened: {name}",
  notXlsx: "“{name}” is not an xlsx file. Choose a workbook whose name ends in .xlsx.",
  switchLanguage: "Switch to Chinese",
  otherLanguageName: "中文",
  tabsLabel: "Features",
  tabCheck: "Check",
  tabStats: "Statistics",
  tabTemplates: "Templates",
  checkPlaceholder:
    "The check of the active sheet will appear here: the table, notice and level detected, and the problems grouped by rule; choosing a problem selects its cell.",
  statsPlaceholder: "Rankings and quota figures of the recommendation list will appear here.",
  templatesPlaceholder:
    "Application templates for each notice will be offered here, to insert as a new sheet.",
  ribbonTitle: "Yanxiu Desk · Check",
  ribbonNotReady:
    "The one-click check is not connected to the checking engine yet. Choose Yanxiu Desk to open the task pane.",
  close: "Close",
};

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { zh, en };

/**
 * The product's language for a BCP 47 tag from Office or the browser: English for any "en…" tag,
 * Chinese for everything else (the product's users work in Chinese; zh-CN is the default).
 */
export function pickLanguage(tag: string | null | undefined): Lang {
  return tag && /^en(-|_|$)/i.test(tag.trim()) ? "en" : "zh";
}

/** The BCP 47 tag to put on <html lang> for a language. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

/** Replaces `{name}` placeholders; a placeholder without a value is left visible rather than dropped. */
export function fillText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** A catalogue entry in a language, with placeholders filled. */
export function textOf(lang: Lang, key: TextKey, values?: Readonly<Record<string, string | number>>): string {
  const template = CATALOGUES[lang][key];
  return values ? fillText(template, values) : template;
}
