// The file mode's own words, zh-CN first, in the catalogue's shape (strings.ts): kept beside the file mode so the
// pane's catalogue and this one can grow at the same time; `useFileText` reads them in the pane's current language.

import { useCallback } from "react";
import { fillText, useLanguage, type Lang } from "../i18n";

const zh = {
  regionLabel: "文件模式",
  title: "文件模式：在浏览器中校验 xlsx 文件",
  privacy: "文件只在本机浏览器中读取和处理，不会上传，也不会发送到任何地方。",
  currentFile: "当前文件：{name}",
  exampleNote: "自带的示例工作簿，已自动校验。可打开自己的 xlsx 文件替换。",
  noFile: "尚未打开文件。",
  openFile: "打开 xlsx 文件",
  opening: "正在打开“{name}”…",
  loadingExample: "正在载入示例工作簿…",
  exampleFailed: "示例工作簿未能载入（{detail}）。请点击“打开 xlsx 文件”选择自己的工作簿。",
  openFailedTitle: "无法打开“{name}”",
  keptFile: "仍在使用之前打开的“{name}”，其中的内容和标记都没有丢失。",
  download: "下载已标记文件",
  downloadHint: "另存为“{name}”（含标记和“校验结果”表），原文件不变。",
  downloading: "正在生成文件…",
  downloaded: "已生成“{name}”，请在浏览器的下载列表中查看。",
  downloadFailed: "未能生成文件：{detail}",
  selectedCell: "已定位：“{sheet}”工作表 {cell} 单元格",
  selectedText: "单元格内容：{text}",
  selectedEmpty: "单元格为空",
} as const;

export type FileTextKey = keyof typeof zh;

const en: Readonly<Record<FileTextKey, string>> = {
  regionLabel: "File mode",
  title: "File mode: checking an xlsx file in the browser",
  privacy: "The file is read and processed in this browser only. It is never uploaded or sent anywhere.",
  currentFile: "Current file: {name}",
  exampleNote:
    "This is the bundled example workbook, checked on opening. Open your own xlsx file to replace it.",
  noFile: "No file open yet.",
  openFile: "Open xlsx file",
  opening: "Opening “{name}”…",
  loadingExample: "Loading the example workbook…",
  exampleFailed:
    "The example workbook could not be loaded ({detail}). Choose Open xlsx file to pick your own workbook.",
  openFailedTitle: "“{name}” could not be opened",
  keptFile: "“{name}”, opened before, is still in use; nothing in it or its marks was lost.",
  download: "Download marked file",
  downloadHint: "Saved as “{name}” (marks and a 校验结果 results sheet); the original is not changed.",
  downloading: "Preparing the file…",
  downloaded: "“{name}” is ready; see the browser's downloads.",
  downloadFailed: "The file could not be prepared: {detail}",
  selectedCell: "Selected: cell {cell} of sheet “{sheet}”",
  selectedText: "Cell content: {text}",
  selectedEmpty: "The cell is empty",
};

export const FILE_TEXT: Readonly<Record<Lang, Readonly<Record<FileTextKey, string>>>> = { zh, en };

/** A function that returns a file-mode text in the pane's current language, with `{placeholders}` filled. */
export function useFileText(): (
  key: FileTextKey,
  values?: Readonly<Record<string, string | number>>,
) => string {
  const { lang } = useLanguage();
  return useCallback(
    (key, values) => (values ? fillText(FILE_TEXT[lang][key], values) : FILE_TEXT[lang][key]),
    [lang],
  );
}
