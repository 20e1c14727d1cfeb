/**
 * Pack folders on disk for the CLI: read a folder's data files as texts (the core parses, validates and resolves them),
 * load the folders given with --pack, lint one. The core never touches the file system.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BUILTIN_BASES } from "../core/packs/builtin";
import type { PackData } from "../core/packs/data";
import { lintPackTexts, type LintIssue } from "../core/packs/lint";
import { loadPackFolder, parseFolder } from "../core/packs/parse";
import { addPacks, resetPacks } from "../core/packs/registry";
import type { BaseFiles } from "../core/packs/schema";

/** Larger than any notice's data; a guard against pointing --pack at a home directory. */
const MAX_FILES = 500;
const MAX_BYTES = 5 * 1024 * 1024;

export class PackFolderError extends Error {
  override name = "PackFolderError";
}

/** Every file of a pack folder, recursively, by relative path with forward slashes. */
export function readPackFolder(dir: string): Record<string, string> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new PackFolderError(`找不到包文件夹“${dir}”`);
  }
  if (!stat.isDirectory())
    throw new PackFolderError(`“${dir}”不是文件夹；--pack 和 pack lint 需要一个包文件夹`);
  const out: Record<string, string> = {};
  let count = 0;
  let bytes = 0;
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) {
        if (++count > MAX_FILES) throw new PackFolderError(`“${dir}”里的文件太多，不像一个包文件夹`);
        const text = fs.readFileSync(path.join(dir, rel), "utf8");
        bytes += text.length;
        if (bytes > MAX_BYTES) throw new PackFolderError(`“${dir}”太大，不像一个包文件夹`);
        out[rel] = text;
      }
    }
  };
  walk("");
  return out;
}

/** The pack folders a directory holds: itself (notice.yaml or base.yaml), or its sub-folders that are packs. */
export function packFoldersIn(dir: string): string[] {
  const isPack = (d: string) =>
    ["notice.yaml", "notice.yml", "notice.json", "base.yaml", "base.yml", "base.json"].some((f) =>
      fs.existsSync(path.join(d, f)),
    );
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new PackFolderError(`找不到包文件夹“${dir}”`);
  }
  if (!stat.isDirectory())
    throw new PackFolderError(
      `“${dir}”不是文件夹；请给出包文件夹（里面有 notice.yaml），或放着多个包文件夹的目录`,
    );
  if (isPack(dir)) return [dir];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new PackFolderError(`找不到包文件夹“${dir}”`);
  }
  const subs = entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .filter(isPack);
  // No pack inside either: the folder itself is the (broken) pack, and parsing says what is wrong with it.
  if (subs.length === 0) return [dir];
  // Bases first, so the packs of the same directory can refer to them.
  return subs.sort((a, b) => Number(isBase(b)) - Number(isBase(a)) || a.localeCompare(b));
}

const isBase = (d: string) =>
  ["base.yaml", "base.yml", "base.json"].some((f) => fs.existsSync(path.join(d, f)));

export function describeIssue(issue: { file: string; path: string; message: string }): string {
  return `${issue.file}${issue.path ? ` ${issue.path}` : ""}：${issue.message}`;
}

/**
 * Load the pack folders of --pack DIR (repeatable) into the engine. Returns the packs added and, per refused folder,
 * a zh-CN reason; refused folders leave the built-in packs (and the other folders) working.
 */
export function loadUserPacks(
  dirs: readonly string[],
  cwd: string,
): { added: PackData[]; refused: string[] } {
  // Each run defines its own added packs (in-process callers such as tests run several).
  resetPacks();
  const bases = new Map<string, BaseFiles>(BUILTIN_BASES);
  const datas: PackData[] = [];
  const refused: string[] = [];
  for (const given of dirs) {
    const dir = path.resolve(cwd, given);
    let folders: string[];
    try {
      folders = packFoldersIn(dir);
    } catch (e) {
      refused.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    for (const folder of folders) {
      const shown = path.relative(cwd, folder) || ".";
      try {
        const texts = readPackFolder(folder);
        const parsed = parseFolder(texts);
        if (parsed.ok && parsed.kind === "base") {
          bases.set(parsed.files.base.id, parsed.files);
          continue;
        }
        const r = loadPackFolder(texts, shown, bases);
        if (r.ok) datas.push(r.pack);
        else
          refused.push(
            `包“${shown}”有误，未加载：${r.issues.slice(0, 5).map(describeIssue).join("；")}${r.issues.length > 5 ? `（另有 ${r.issues.length - 5} 处，用 yanxiu pack lint ${shown} 查看）` : ""}`,
          );
      } catch (e) {
        refused.push(`包“${shown}”无法读取：${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  const result = addPacks(datas);
  for (const r of result.refused) refused.push(`包“${r.data.source}”有误，未加载：${describeIssue(r.error)}`);
  return { added: result.added.map((p) => p.data), refused };
}

/** `pack lint DIR`: the issues of one pack folder (or of every pack folder in DIR). */
export function lintFolder(dir: string): Array<{ folder: string; issues: LintIssue[] }> {
  const bases = new Map<string, BaseFiles>(BUILTIN_BASES);
  const out: Array<{ folder: string; issues: LintIssue[] }> = [];
  for (const folder of packFoldersIn(dir)) {
    const texts = readPackFolder(folder);
    const parsed = parseFolder(texts);
    if (parsed.ok && parsed.kind === "base") bases.set(parsed.files.base.id, parsed.files);
    out.push({ folder, issues: lintPackTexts(texts, bases) });
  }
  return out;
}
