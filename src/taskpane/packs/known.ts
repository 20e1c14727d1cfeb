// The packs the pane names and offers (the notice picker, the 政策包 list, the folder check's rows) and sends to its
// workers, without the engine: the built-in packs' data is JSON, while the registry (src/core/packs/registry.ts)
// builds every pack's model and rules when it loads. The registry stays in the engine chunk, loaded when a sheet is
// checked in the page (Office mode) or a pack is added; load.ts tells both about the added packs.

import type { Text } from "../../core/findings";
import builtinNames from "../../core/packs/builtin-names.json";
import type { PackData } from "../../core/packs/data";
import type { PackId } from "../../core/packs/types";

let added: readonly PackData[] = [];
let version = 0;

/** The added packs (deployment's and user's) as the registry accepted them; replaces the ones before. */
export function setAddedPacks(datas: readonly PackData[]): void {
  added = [...datas];
  version++;
}

/** The added packs' data, plain JSON: what the workers are sent so their own registry has the same packs. */
export function addedPacks(): readonly PackData[] {
  return added;
}

/** Changes whenever the added packs change: the worker client resends them when it moves. */
export function addedPacksVersion(): number {
  return version;
}

/** A pack as the pane names it. */
export interface KnownPack {
  id: PackId;
  names: Text;
}

// The built-in packs' ids and names (npm run build:packs writes them beside builtin.json, which is much larger).
const BUILTIN: readonly KnownPack[] = builtinNames as KnownPack[];

/** Every pack, in the registry's order: built-in ones (unless an added pack took the id), then added ones. */
export function knownPacks(): readonly KnownPack[] {
  const ids = new Set(added.map((p) => p.id));
  return [...BUILTIN.filter((p) => !ids.has(p.id)), ...added];
}

export function isKnownPack(value: string): value is PackId {
  return knownPacks().some((p) => p.id === value);
}

export function knownPackIds(): PackId[] {
  return knownPacks().map((p) => p.id);
}

/** A pack's name as its notice.yaml gives it; an unknown id (a pack since removed) is shown as itself. */
export function knownPackName(id: PackId): Text {
  return knownPacks().find((p) => p.id === id)?.names ?? { zh: id, en: id };
}
