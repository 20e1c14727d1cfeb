import type { Text } from "../../core/findings";

/** What stops a Word file from being read as a form, or from getting an annotated copy. */
export type WordProblemDetail =
  /** Word 97–2003 .doc or WPS .wps: an OLE compound file, not a .docx package. */
  | "doc"
  /** Password-protected (encrypted) .docx. */
  | "encrypted"
  /** A damaged or truncated package, or a document part that is not well-formed XML. */
  | "corrupt"
  /** A part inflates past the package limits (a zip bomb), or the XML is nested or sized beyond reason. */
  | "over-limit"
  /** A zip without a Word document part. */
  | "no-document"
  /** More rows or cells than a sheet may have. */
  | "too-large"
  /** A document with neither tables nor text. */
  | "empty"
  /** An annotated copy was asked for: the tool writes none for Word documents. */
  | "no-copy";

export interface WordProblem {
  kind: "word";
  detail: WordProblemDetail;
  message?: string;
}

const SAVE_AS_DOCX: Text = {
  zh: "请用 Word 或 WPS 打开，“另存为”Word 文档（*.docx）后再校验。",
  en: "Open it in Word or WPS, save it as a Word document (*.docx), and check that file.",
};

/** The message for a Word file that cannot be read (or copied), zh-CN and en. */
export function wordProblemText(problem: WordProblem): Text {
  const detail = problem.message ? `（${problem.message}）` : "";
  const detailEn = problem.message ? ` (${problem.message})` : "";
  switch (problem.detail) {
    case "doc":
      return {
        zh: `这是旧版 Word（.doc）或 WPS 文字（.wps）格式的文件，本工具只能读取 .docx。${SAVE_AS_DOCX.zh}`,
        en: `This is an old Word (.doc) or WPS Writer (.wps) file; only .docx can be read. ${SAVE_AS_DOCX.en}`,
      };
    case "encrypted":
      return {
        zh: "此 Word 文档设置了打开密码（文件已加密），无法读取。请在 Word 或 WPS 中打开，取消“用密码进行加密”后另存为 .docx，再校验。",
        en: "This Word document is password-protected (encrypted) and cannot be read. Open it in Word or WPS, remove the password (Encrypt with Password), save it as .docx, and check that file.",
      };
    case "corrupt":
      return {
        zh: `Word 文档已损坏，无法读取${detail}。请重新获取原文件（下载或复制可能不完整），或用 Word 打开修复后另存为 .docx。`,
        en: `The Word document is damaged and cannot be read${detailEn}. Get the original again (the download or copy may be incomplete), or let Word repair it and save it as .docx.`,
      };
    case "over-limit":
      return {
        zh: `Word 文档解压后超过本工具的上限${detail}，未读取。正常的申报表远小于此；此文件可能是“zip 炸弹”或夹带了大文件。请向发件人核实，或删去多余内容后另存为 .docx 再校验。`,
        en: `The Word document inflates beyond this tool's limit${detailEn} and was not read. Real application forms are far smaller; this may be a "zip bomb" or carry large embedded files. Check with the sender, or remove the extra content, save as .docx and check again.`,
      };
    case "no-document":
      return {
        zh: "这是 zip 压缩包，但不是 Word 文档（缺少 word/document.xml）。",
        en: "This is a zip archive but not a Word document (no word/document.xml).",
      };
    case "too-large":
      return {
        zh: `Word 文档中的表格过大${detail}，超过本工具的上限，未校验。申报表只有一两页；请删去多余内容后再校验。`,
        en: `The tables of this Word document are too large${detailEn}, over this tool's limit, and were not checked. An application form is a page or two; remove the extra content and check again.`,
      };
    case "empty":
      return {
        zh: "Word 文档中没有表格或文字，没有可校验的内容。",
        en: "The Word document has no tables or text; there is nothing to check.",
      };
    case "no-copy":
      return {
        zh: "Word 文档（.docx）不生成标记副本，原文件未作任何修改；请按上面列出的位置（表号、行、格和栏目名）在 Word 中修改。",
        en: "No annotated copy is written for a Word document (.docx), and the file was not modified; correct it in Word at the places listed above (table, row, cell and field label).",
      };
  }
}
