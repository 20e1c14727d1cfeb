// Saving the annotated copy: a Blob and a download link made on the spot. Nothing is sent anywhere; the browser
// writes the bytes it already has to the user's downloads.

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** How long the Blob URL outlives the click; the browser has taken the bytes well before. */
const REVOKE_AFTER_MS = 60_000;

/**
 * The annotated copy's name, as `yanxiu check --out` names it: 推荐表.xlsx → 推荐表.checked.xlsx. A copy checked
 * again keeps its name (推荐表.checked.xlsx stays so, never 推荐表.checked.checked.xlsx).
 */
export function checkedFileName(name: string): string {
  const base =
    name
      .trim()
      .replace(/\.(xlsx|xlsm)$/i, "")
      .replace(/\.checked$/i, "") || "workbook";
  return `${base}.checked.xlsx`;
}

/** Hands the bytes to the browser as a file download under the given name. */
export function saveBytes(bytes: Uint8Array, name: string, doc: Document = document, mime = XLSX_MIME): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
