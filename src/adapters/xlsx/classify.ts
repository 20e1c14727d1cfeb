import { documentPartOf } from "../docx/read-docx";
import { workbookPartOf } from "./fast-read";
import { OverLimitError, WorkbookPackage } from "./package";
import type { InputProblem, LegacyFormat } from "./problems";
import { sniffFile } from "./sniff";
import { readZipIndex, type ZipEntryInfo } from "./zip-index";

export type ClassifiedBytes =
  /** An OOXML workbook package (.xlsx, .xlsm), opened: every later step asks `pkg` for its parts. */
  | { ok: true; kind: "xlsx"; pkg: WorkbookPackage; entries: readonly ZipEntryInfo[] }
  /** A format read through SheetJS; `pkg` for the zip-based ones (.ods, .xlsb), so their size is checked first. */
  | { ok: true; kind: "legacy"; format: LegacyFormat; pkg?: WorkbookPackage }
  /** A Word document package (.docx, .docm, .dotx): a 申报表 filled in Word (adapters/docx). */
  | { ok: true; kind: "docx"; pkg: WorkbookPackage }
  | { ok: false; problem: InputProblem };

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

/**
 * What the bytes of a would-be workbook are, before anything parses them: empty, encrypted, an .xls/.et, a web
 * page, CSV or other text, a flat .fods, not a zip, a damaged zip, a zip without a workbook, an .ods or .xlsb, or a
 * workbook package (opened once, with its parts found as Excel finds them). Pure, so the CLI (open-file.ts) and
 * the browser file mode tell files apart the same way.
 * @param extension the file name's extension with its dot (".xls"), to tell .et from .xls in messages
 */
export function classifyWorkbookBytes(bytes: Uint8Array, extension: string): ClassifiedBytes {
  const classified = classifyBytes(bytes, extension);
  // A file named as a Word document gets Word's words for what is wrong with it (not "save as .xlsx").
  if (classified.ok || !WORD_EXTENSIONS.includes(extension.toLowerCase())) return classified;
  const p = classified.problem;
  if (p.kind === "corrupt")
    return { ok: false, problem: { kind: "word", detail: "corrupt", message: p.message ?? p.detail } };
  if (p.kind === "over-limit")
    return { ok: false, problem: { kind: "word", detail: "over-limit", message: p.part } };
  if (p.kind === "encrypted") return { ok: false, problem: { kind: "word", detail: "encrypted" } };
  if (p.kind === "not-zip" || p.kind === "text" || p.kind === "html")
    return { ok: false, problem: { kind: "word", detail: "corrupt", message: p.kind } };
  if (p.kind === "not-xlsx") return { ok: false, problem: { kind: "word", detail: "no-document" } };
  return classified;
}

/** Extensions of Word documents: read as forms when they are .docx packages, told apart when they are not. */
export const WORD_EXTENSIONS: readonly string[] = [".docx", ".docm", ".dotx", ".dotm", ".doc", ".wps"];

function classifyBytes(bytes: Uint8Array, extension: string): ClassifiedBytes {
  const sniffed = sniffFile(bytes);
  switch (sniffed.kind) {
    case "empty":
      return { ok: false, problem: { kind: "empty-file" } };
    case "ole":
      if (sniffed.encrypted) return { ok: false, problem: { kind: "encrypted" } };
      if (sniffed.word) return { ok: false, problem: { kind: "word", detail: "doc" } };
      return { ok: true, kind: "legacy", format: extension.toLowerCase() === ".et" ? "et" : "xls" };
    case "biff":
      return { ok: true, kind: "legacy", format: "xls" };
    case "html":
      return { ok: false, problem: { kind: "html" } };
    case "fods":
      return { ok: true, kind: "legacy", format: "fods" };
    case "text":
      return { ok: false, problem: { kind: "text", csv: sniffed.csv } };
    case "other":
      return { ok: false, problem: { kind: "not-zip" } };
    case "zip":
      break;
  }
  const index = readZipIndex(bytes);
  if (!index.ok) return { ok: false, problem: { kind: "corrupt", detail: index.reason } };
  let pkg: WorkbookPackage;
  let workbookPart: string | undefined;
  let documentPart: string | undefined;
  try {
    pkg = WorkbookPackage.open(bytes) as WorkbookPackage;
    documentPart = documentPartOf(pkg);
    workbookPart = documentPart === undefined ? workbookPartOf(pkg) : undefined;
    if (workbookPart === undefined && pkg.has("mimetype")) {
      const mime = pkg.text("mimetype")?.trim();
      // A password-protected .ods keeps its manifest in clear and says there how each part is encrypted.
      if (mime === ODS_MIME && /encryption-data/.test(pkg.text("META-INF/manifest.xml") ?? ""))
        return { ok: false, problem: { kind: "encrypted" } };
      if (mime === ODS_MIME) return { ok: true, kind: "legacy", format: "ods", pkg };
    }
  } catch (error) {
    if (error instanceof OverLimitError)
      return {
        ok: false,
        problem: { kind: "over-limit", part: error.part, limit: error.limit, bytes: error.bytes },
      };
    return { ok: false, problem: { kind: "corrupt", detail: "bad-entry" } };
  }
  if (workbookPart === undefined && documentPart !== undefined) return { ok: true, kind: "docx", pkg };
  if (workbookPart === undefined) {
    const looksLike = pkg.has("word/document.xml") ? "docx" : pkg.has("ppt/presentation.xml") ? "pptx" : null;
    return { ok: false, problem: { kind: "not-xlsx", looksLike } };
  }
  if (/\.bin$/i.test(workbookPart)) return { ok: true, kind: "legacy", format: "xlsb", pkg };
  return { ok: true, kind: "xlsx", pkg, entries: index.entries };
}

/** The extension of a file name with its dot, lower-cased ("" when there is none): "申报表.XLS" → ".xls". */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

export { SCANNED_EXTENSIONS } from "./extensions";
