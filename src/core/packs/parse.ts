/**
 * A pack folder as texts → parsed, validated, resolved pack data. The faces read the folder (fs in the CLI, fetch or a
 * picked .zip in the pane) and hand the texts here; nothing here touches a file system.
 *
 * Imported only where user packs are loaded (the CLI, the pane's lazily loaded pack settings, the build script): the
 * YAML parser and valibot stay out of the pane's main chunk, whose built-in packs are pre-converted JSON.
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { resolvePack, type PackData } from "./data";
import {
  validateBaseFiles,
  validatePackFiles,
  type BaseFiles,
  type PackFiles,
  type SchemaIssue,
} from "./schema";

export type { SchemaIssue };

const DATA_FILE = /\.(ya?ml|json)$/i;
const TOP_FILES = new Set(["notice", "base", "messages", "stats"]);
const FOLDERS = new Set(["lists", "tables", "templates"]);

/** Parse one data file; YAML 1.2 core schema, so `2026-11-30` stays the string the schema reads as a date. */
function parseOne(
  path: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; issue: SchemaIssue } {
  try {
    if (/\.json$/i.test(path)) return { ok: true, value: JSON.parse(text) as unknown };
    return { ok: true, value: parseYaml(text, { prettyErrors: false, uniqueKeys: true }) as unknown };
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const at = e.linePos?.[0];
      const where = at ? `第 ${at.line} 行第 ${at.col} 列` : "";
      return { ok: false, issue: { file: path, path: where, message: `YAML 格式有误：${e.code}` } };
    }
    return {
      ok: false,
      issue: {
        file: path,
        path: "",
        message: `JSON 格式有误：${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
}

/**
 * The folder's files as one object ({ notice, messages, stats, lists: {domains}, tables: {application} }), or the
 * issues: files that are not data (.ts, .js …), unreadable YAML/JSON, files in unknown places.
 */
export function collectFolder(texts: Readonly<Record<string, string>>): {
  input: Record<string, unknown>;
  issues: SchemaIssue[];
} {
  const input: Record<string, unknown> = {};
  const issues: SchemaIssue[] = [];
  for (const [raw, text] of Object.entries(texts).sort(([a], [b]) => a.localeCompare(b))) {
    const path = raw.replace(/\\/g, "/").replace(/^\.\//, "");
    const name = path.split("/").pop() ?? path;
    if (name.startsWith(".") || /^readme/i.test(name)) continue;
    if (!DATA_FILE.test(path)) {
      issues.push({
        file: path,
        path: "",
        message: "包文件夹里只能放数据文件（.yaml、.yml 或 .json），不能放程序或其他文件",
      });
      continue;
    }
    const parts = path.replace(DATA_FILE, "").split("/");
    const parsed = parseOne(path, text);
    if (!parsed.ok) {
      issues.push(parsed.issue);
      continue;
    }
    if (parts.length === 1 && TOP_FILES.has(parts[0] as string)) {
      input[parts[0] as string] = parsed.value;
    } else if (parts.length === 2 && FOLDERS.has(parts[0] as string)) {
      const group = (input[parts[0] as string] ??= {}) as Record<string, unknown>;
      group[parts[1] as string] = parsed.value;
    } else if (path !== "schema.json") {
      issues.push({
        file: path,
        path: "",
        message:
          "不认识的文件：包里应有 notice.yaml、messages.yaml、stats.yaml、lists/*.yaml、tables/*.yaml、templates/*.yaml",
      });
    }
  }
  return { input, issues };
}

export type FolderResult =
  | { ok: true; kind: "pack"; files: PackFiles }
  | { ok: true; kind: "base"; files: BaseFiles }
  | { ok: false; issues: SchemaIssue[] };

/** Parse and validate a pack folder (notice.yaml) or a shared base folder (base.yaml). */
export function parseFolder(texts: Readonly<Record<string, string>>): FolderResult {
  const { input, issues } = collectFolder(texts);
  if (issues.length > 0) return { ok: false, issues };
  if (input.base !== undefined && input.notice === undefined) {
    const r = validateBaseFiles(input);
    return r.ok ? { ok: true, kind: "base", files: r.files } : { ok: false, issues: r.issues };
  }
  if (input.notice === undefined)
    return {
      ok: false,
      issues: [{ file: "notice.yaml", path: "", message: "缺少 notice.yaml（通知的文号、年份、数字等）" }],
    };
  const r = validatePackFiles(input);
  return r.ok ? { ok: true, kind: "pack", files: r.files } : { ok: false, issues: r.issues };
}

/** Parse, validate and resolve a pack folder against the known bases. */
export function loadPackFolder(
  texts: Readonly<Record<string, string>>,
  source: string,
  bases: ReadonlyMap<string, BaseFiles>,
): { ok: true; pack: PackData } | { ok: false; issues: SchemaIssue[] } {
  const r = parseFolder(texts);
  if (!r.ok) return r;
  if (r.kind === "base")
    return {
      ok: false,
      issues: [{ file: "base.yaml", path: "", message: "这是共享的基础文件夹，不是一个通知的包" }],
    };
  const baseId = r.files.notice.base;
  const base = baseId === undefined ? undefined : bases.get(baseId);
  if (baseId !== undefined && !base)
    return {
      ok: false,
      issues: [{ file: "notice.yaml", path: "base", message: `找不到共享基础文件夹“${baseId}”` }],
    };
  return { ok: true, pack: resolvePack(r.files, base, source) };
}
