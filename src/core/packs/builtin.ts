/**
 * The built-in packs: packs/<id>/ pre-converted to JSON by scripts/build-packs.ts (validated there and by
 * test/packs/builtin.test.ts), so every face bundles them without a YAML parser or a schema library.
 */
import builtinJson from "./builtin.json";
import { resolvePack, type PackData } from "./data";
import type { BaseFiles, PackFiles } from "./schema";

export interface BuiltinPacks {
  bases: Record<string, BaseFiles>;
  packs: Array<{ folder: string; files: PackFiles }>;
}

const BUILTIN = builtinJson as unknown as BuiltinPacks;

/** The shared base folders (national-form), for user packs that refer to them. */
export const BUILTIN_BASES: ReadonlyMap<string, BaseFiles> = new Map(Object.entries(BUILTIN.bases));

/** The data of every built-in pack, resolved against its base. */
export const BUILTIN_PACK_DATA: readonly PackData[] = BUILTIN.packs.map((p) =>
  resolvePack(p.files, p.files.notice.base ? BUILTIN.bases[p.files.notice.base] : undefined, p.folder, true),
);

/** One built-in pack's data by id (the templates draw the built-in notices' tables from it). */
export function builtinPackData(id: string): PackData {
  const data = BUILTIN_PACK_DATA.find((p) => p.id === id);
  if (!data) throw new Error(`no built-in pack ${id}`);
  return data;
}
