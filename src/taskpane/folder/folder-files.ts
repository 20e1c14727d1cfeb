// Which files of a chosen folder the folder check takes, and what its table shows of each: light enough for the page
// (the checking itself runs in the worker, folder-check.ts).

import type { FileOutcome } from "../../cli/check/run";
import { SCANNED_EXTENSIONS } from "../../adapters/xlsx/extensions";

/** What the folder table shows of one file. */
export interface FolderRow {
  name: string;
  /** Why the file could not be checked, in the pane's language; null when it was checked. */
  problem: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The first recognised sheet's table and pack (the table column); null when none was recognised. */
  table: string | null;
  policy: string | null;
  /** Everything the summary workbook needs, as the CLI keeps it. */
  outcome: FileOutcome;
}

/** Files a folder scan takes: workbooks, and the formats people send instead (each told why it cannot be used). */
const isTaken = (name: string) =>
  SCANNED_EXTENSIONS.includes(name.slice(name.lastIndexOf(".")).toLowerCase());

/** The files of a chosen folder (or a choice of files) worth looking at, in name order, as the CLI walks a directory. */
export function filesToCheck(files: readonly File[]): File[] {
  const pathOf = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return files
    .filter((f) => {
      const parts = pathOf(f).split("/");
      if (parts.some((p) => p.startsWith("."))) return false; // hidden files and folders
      if (f.name.startsWith("~$")) return false; // Office lock files
      if (/\.checked\.xlsx$/i.test(f.name)) return false; // our own annotated copies
      return isTaken(f.name);
    })
    .sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
}

/** The name a file is listed under: its path inside the chosen folder, or its own name. */
export function displayName(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}
