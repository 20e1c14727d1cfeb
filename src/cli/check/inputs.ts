import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { readErrorProblem } from "../../adapters/xlsx/open-file";
import type { InputProblem } from "../../adapters/xlsx/problems";
import { SCANNED_EXTENSIONS } from "../../adapters/xlsx/classify";

/** A file to check: how the user will see it named, and where it is. */
export interface InputFile {
  display: string;
  path: string;
}

/** An argument that gave no file to check, with the reason. */
export interface InputFailure {
  display: string;
  problem: InputProblem | { kind: "no-workbooks" };
}

export type Input = ({ ok: true } & InputFile) | ({ ok: false } & InputFailure);

const WALKED = new Set(SCANNED_EXTENSIONS);

function isWalked(name: string): boolean {
  if (name.startsWith(".") || name.startsWith("~$")) return false; // hidden files, Office lock files
  if (name.toLowerCase().endsWith(".checked.xlsx")) return false; // our own annotated copies
  return WALKED.has(path.extname(name).toLowerCase());
}

async function walk(dir: string, display: string, out: InputFile[]): Promise<void> {
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const shown = path.join(display, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") await walk(full, shown, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isWalked(entry.name)) {
      out.push({ display: shown, path: full });
    }
  }
}

/**
 * Turn the command line's FILE|DIR arguments into the files to check, in order: a file as given, a directory as
 * its workbooks (sorted, recursively). An argument that cannot be used becomes a failure of its own.
 */
export async function resolveInputs(args: readonly string[], cwd: string): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat;
    try {
      stat = await fsp.stat(full);
    } catch (error) {
      out.push({ ok: false, display: arg, problem: readErrorProblem(error) });
      continue;
    }
    if (!stat.isDirectory()) {
      out.push({ ok: true, display: arg, path: full });
      continue;
    }
    const files: InputFile[] = [];
    try {
      await walk(full, arg, files);
    } catch (error) {
      out.push({ ok: false, display: arg, problem: readErrorProblem(error) });
      continue;
    }
    if (files.length === 0) out.push({ ok: false, display: arg, problem: { kind: "no-workbooks" } });
    for (const f of files) out.push({ ok: true, ...f });
  }
  return out;
}
