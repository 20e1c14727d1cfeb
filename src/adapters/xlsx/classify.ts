import type { InputProblem } from "./problems";
import { sniffFile } from "./sniff";
import { readZipIndex, type ZipEntryInfo } from "./zip-index";

export type ClassifiedBytes = { ok: true; entries: ZipEntryInfo[] } | { ok: false; problem: InputProblem };

/**
 * What the bytes of a would-be workbook are, before a zip library sees them: empty, an encrypted or old OLE file,
 * a web page, CSV or other text, not a zip, a damaged zip, a zip without a workbook, or a workbook package (with
 * its zip entries). Pure, so the CLI (open-file.ts) and the browser file mode tell bad files apart the same way.
 * @param extension the file name's extension with its dot (".xls"), only to name it in the old-format message
 */
export function classifyWorkbookBytes(bytes: Uint8Array, extension: string): ClassifiedBytes {
  const sniffed = sniffFile(bytes);
  switch (sniffed.kind) {
    case "empty":
      return { ok: false, problem: { kind: "empty-file" } };
    case "ole":
      return {
        ok: false,
        problem: sniffed.encrypted
          ? { kind: "encrypted" }
          : { kind: "old-format", extension: extension.toLowerCase() },
      };
    case "html":
      return { ok: false, problem: { kind: "html" } };
    case "text":
      return { ok: false, problem: { kind: "text", csv: sniffed.csv } };
    case "other":
      return { ok: false, problem: { kind: "not-zip" } };
    case "zip":
      break;
  }
  const index = readZipIndex(bytes);
  if (!index.ok) return { ok: false, problem: { kind: "corrupt", detail: index.reason } };
  const names = new Set(index.entries.map((e) => e.name));
  if (!names.has("xl/workbook.xml")) {
    const looksLike = names.has("word/document.xml")
      ? "docx"
      : names.has("ppt/presentation.xml")
        ? "pptx"
        : null;
    return { ok: false, problem: { kind: "not-xlsx", looksLike } };
  }
  return { ok: true, entries: index.entries };
}

/** The extension of a file name with its dot, lower-cased ("" when there is none): "申报表.XLS" → ".xls". */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}
