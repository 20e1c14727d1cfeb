// The file names the product reads, kept apart from the reader so the page can name them (a file input's accept,
// a folder's filter) without loading the reader itself.

/**
 * Extensions a folder scan takes, in the CLI and the browser alike: the workbooks the reader reads (.xlsx and its
 * macro and template kinds, .xls, WPS .et, .ods, .fods, .xlsb), Word forms (.docx, and .doc told why not), and CSV, which people send instead (told why it
 * cannot be checked rather than passed over in silence).
 */
export const SCANNED_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".xltx",
  ".xltm",
  ".xls",
  ".et",
  ".ods",
  ".fods",
  ".xlsb",
  ".csv",
  // Word 申报表: read as forms (.docx), or told why not (.doc).
  ".docx",
  ".docm",
  ".doc",
];

/** A file input's accept attribute for every file the product reads or explains. */
export const ACCEPTED_FILES = SCANNED_EXTENSIONS.join(",");

/** True for a name whose extension the product reads or explains; `accept` alone does not stop "All files". */
export function isScannedName(name: string): boolean {
  const trimmed = name.trim().toLowerCase();
  return SCANNED_EXTENSIONS.includes(trimmed.slice(trimmed.lastIndexOf(".")));
}
