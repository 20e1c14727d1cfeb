// Extra packs for the pane: from the deployment's own origin (packs/index.json next to taskpane.html, so the CSP
// stays connect-src 'self') and from files the user picked (a .zip of a pack folder, or the pack's .yaml/.json files),
// remembered for that user in localStorage. The YAML parser and the schema, and the registry (which
// builds every pack's rules) are loaded only here, lazily, so the pane's first script keeps its size; the built-in
// packs are bundled as JSON and never need them. known.ts is told the added packs, for the pane's lists and workers.

import { strFromU8, unzipSync } from "fflate";
import type { PackData } from "../../core/packs/data";
import { LANGS, textOf, type Lang } from "../strings";
import { setAddedPacks } from "./known";

/** localStorage key of the packs this user picked: Array<{ name, texts }>. */
export const USER_PACKS_KEY = "yanxiu.userPacks";

export interface PackFiles {
  /** What the user or the deployment calls it (the .zip's or the folder's name). */
  name: string;
  /** Relative path → text (notice.yaml, lists/domains.yaml …). */
  texts: Record<string, string>;
}

export interface PackLoadResult {
  loaded: Array<{ id: string; name: string; from: "origin" | "user" }>;
  /** zh-CN (with an en twin) reasons for every refused pack; the built-in packs keep working. */
  refused: Array<{ name: string; zh: string; en: string }>;
}

const MAX_FILES = 200;

let registryUsed = false;

/** The engine's pack registry, in the chunk of the engine that uses it (the same module instance). */
function registry(): Promise<typeof import("../../core/packs/registry")> {
  registryUsed = true;
  return import(/* webpackChunkName: "engine" */ "../../core/packs/registry");
}
const MAX_BYTES = 2 * 1024 * 1024;

/** The files of a picked .zip, with a single top folder (zj-2027-gaoyan/notice.yaml) taken off. */
export function filesFromZip(name: string, bytes: Uint8Array): PackFiles {
  const entries = unzipSync(bytes, {
    filter: (f) => !f.name.endsWith("/") && !f.name.startsWith("__MACOSX/") && f.originalSize <= MAX_BYTES,
  });
  const names = Object.keys(entries);
  if (names.length > MAX_FILES) throw new Error("too many files");
  const tops = new Set(names.map((n) => (n.includes("/") ? n.split("/")[0] : "")));
  const strip = tops.size === 1 && !tops.has("") ? `${[...tops][0]}/` : "";
  const texts: Record<string, string> = {};
  for (const n of names) texts[n.slice(strip.length)] = strFromU8(entries[n] as Uint8Array);
  return { name: name.replace(/\.zip$/i, ""), texts };
}

function storedPacks(storage: Storage | undefined): PackFiles[] {
  try {
    const raw = storage?.getItem(USER_PACKS_KEY);
    const value = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(value)
      ? value.filter(
          (v): v is PackFiles =>
            typeof v === "object" &&
            v !== null &&
            typeof (v as PackFiles).name === "string" &&
            typeof (v as PackFiles).texts === "object",
        )
      : [];
  } catch {
    return [];
  }
}

export function rememberedPacks(storage: Storage | undefined = globalThis.localStorage): PackFiles[] {
  return storedPacks(storage);
}

export function rememberPacks(
  packs: readonly PackFiles[],
  storage: Storage | undefined = globalThis.localStorage,
): void {
  storage?.setItem(USER_PACKS_KEY, JSON.stringify(packs));
}

/** Deployment packs: packs/index.json = { "packs": [{ "folder": "…", "files": ["notice.yaml", …] }] }. */
export async function originPacks(base: string, fetchFn: typeof fetch = fetch): Promise<PackFiles[]> {
  let index: unknown;
  try {
    const response = await fetchFn(new URL("packs/index.json", base).href, { cache: "no-cache" });
    if (!response.ok) return [];
    index = await response.json();
  } catch {
    return [];
  }
  const list = (index as { packs?: unknown }).packs;
  if (!Array.isArray(list)) return [];
  const out: PackFiles[] = [];
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue;
    const { folder, files } = entry as { folder?: unknown; files?: unknown };
    if (typeof folder !== "string" || !/^[\w.-]+$/.test(folder) || !Array.isArray(files)) continue;
    const texts: Record<string, string> = {};
    for (const file of files.slice(0, MAX_FILES)) {
      // Same origin, inside the packs folder: no "..", no absolute URLs.
      if (typeof file !== "string" || file.includes("..") || /^[a-z]+:|^\//i.test(file)) continue;
      const r = await fetchFn(new URL(`packs/${folder}/${file}`, base).href, { cache: "no-cache" });
      if (r.ok) texts[file] = await r.text();
    }
    out.push({ name: folder, texts });
  }
  return out;
}

/**
 * Replace the pane's extra packs by these: origin packs first, then the user's (which win on the same id). Bad packs
 * are refused with their reason, never thrown.
 */
export async function installPacks(
  origin: readonly PackFiles[],
  user: readonly PackFiles[],
): Promise<PackLoadResult> {
  const result: PackLoadResult = { loaded: [], refused: [] };
  if (origin.length === 0 && user.length === 0) {
    // Nothing added: the registry need not be loaded for that, only emptied when it was given packs before.
    if (registryUsed) (await registry()).resetPacks();
    setAddedPacks([]);
    return result;
  }
  const { addPacks, addedPackData, resetPacks } = await registry();
  resetPacks();
  const { parseFolder, loadPackFolder } = await import(
    /* webpackChunkName: "packs" */ "../../core/packs/parse"
  );
  const { BUILTIN_BASES } = await import("../../core/packs/builtin");
  const bases = new Map(BUILTIN_BASES);
  const datas: Array<{ data: PackData; name: string; from: "origin" | "user" }> = [];
  for (const [from, list] of [
    ["origin", origin],
    ["user", user],
  ] as const)
    for (const files of list) {
      const parsed = parseFolder(files.texts);
      if (parsed.ok && parsed.kind === "base") {
        bases.set(parsed.files.base.id, parsed.files);
        continue;
      }
      const r = loadPackFolder(files.texts, `${from === "origin" ? "packs/" : ""}${files.name}`, bases);
      if (r.ok) datas.push({ data: r.pack, name: files.name, from });
      else {
        const detail = r.issues
          .slice(0, 3)
          .map((i) => `${i.file}${i.path ? ` ${i.path}` : ""}：${i.message}`)
          .join("；");
        result.refused.push({ name: files.name, ...refusal(files.name, () => detail) });
      }
    }
  const added = addPacks(datas.map((d) => d.data));
  setAddedPacks(addedPackData());
  for (const p of added.added) {
    const d = datas.find((x) => x.data === p.data);
    result.loaded.push({ id: p.id, name: d?.name ?? p.id, from: d?.from ?? "user" });
  }
  for (const r of added.refused)
    result.refused.push({
      name: r.data.source,
      ...refusal(r.data.source, (lang) =>
        textOf(lang, "packIssue", { file: r.error.file, path: r.error.path, message: r.error.message }),
      ),
    });
  return result;
}

/** A refused pack's message in both languages (the catalogue's packRefused), with the reason in each. */
function refusal(name: string, detail: (lang: Lang) => string): Record<Lang, string> {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = textOf(lang, "packRefused", { name, detail: detail(lang) });
  return out;
}

let last: PackLoadResult = { loaded: [], refused: [] };
let originCache: PackFiles[] | undefined;

/** At start: the deployment's packs and the ones this user picked before. */
export async function initExtraPacks(
  base: string = globalThis.location?.href ?? "",
): Promise<PackLoadResult> {
  originCache = base ? await originPacks(base) : [];
  last = await installPacks(originCache, rememberedPacks());
  return last;
}

/** After the user adds or removes packs: remember them and install again. */
export async function setUserPacks(user: readonly PackFiles[]): Promise<PackLoadResult> {
  const result = await installPacks(originCache ?? [], user);
  // Only good packs are remembered: a bad one is told once and not brought back next time.
  const good = user.filter((u) => !result.refused.some((r) => r.name === u.name));
  rememberPacks(good);
  last = result;
  return result;
}

export function lastPackLoad(): PackLoadResult {
  return last;
}
