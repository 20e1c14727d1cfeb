/**
 * The packs the engine runs: the built-in ones (packs/<id>/, bundled as JSON) and the ones a face added at run time
 * (CLI --pack DIR, the pane's pack settings). An added pack with a built-in pack's id replaces it; a new id is added.
 */
import type { Text } from "../findings";
import { MODELS } from "../models";
import { BUILTIN_PACK_DATA } from "./builtin";
import { PackDataError, type PackData } from "./data";
import type { Pack } from "./pack";
import type { PackId } from "./types";

/** Make a runnable pack from its data: its model must exist and find every figure, clause, list and message. */
export function makePack(data: PackData): Pack {
  const model = MODELS.get(data.model);
  if (!model)
    throw new PackDataError(
      data.id,
      "notice.yaml",
      "model",
      `未知的 model“${data.model}”；可用：${[...MODELS.keys()].join("、")}`,
    );
  return model.make(data);
}

const BUILTIN: readonly Pack[] = BUILTIN_PACK_DATA.map(makePack);
let added: Pack[] = [];
let active: readonly Pack[] = BUILTIN;

let version = 0;

function rebuild(): void {
  version++;
  const ids = new Set(added.map((p) => p.id));
  active = [...BUILTIN.filter((p) => !ids.has(p.id)), ...added];
}

/** Every pack recognition asks: built-in ones first, then added ones (which win ties, see check.ts). */
export function allPacks(): readonly Pack[] {
  return active;
}

export function builtinPacks(): readonly Pack[] {
  return BUILTIN;
}

/**
 * Add (or replace by id) packs from data. A pack whose model cannot read its data is refused with the reason; the
 * others, and the built-in packs, keep working.
 */
export function addPacks(datas: readonly PackData[]): {
  added: Pack[];
  refused: Array<{ data: PackData; error: PackDataError }>;
} {
  const ok: Pack[] = [];
  const refused: Array<{ data: PackData; error: PackDataError }> = [];
  for (const data of datas) {
    try {
      ok.push(makePack(data));
    } catch (e) {
      if (!(e instanceof PackDataError)) throw e;
      refused.push({ data, error: e });
    }
  }
  const ids = new Set(ok.map((p) => p.id));
  added = [...added.filter((p) => !ids.has(p.id)), ...ok];
  rebuild();
  return { added: ok, refused };
}

/**
 * The data of the added packs, plain JSON: what a face hands to its workers (worker threads, web workers), which have
 * their own registry, so that they call addPacks with the same packs.
 */
export function addedPackData(): PackData[] {
  return added.map((p) => p.data);
}

/** Changes whenever the added packs change: a face resends addedPackData() to its workers when it moves. */
export function packsVersion(): number {
  return version;
}

/** Forget every added pack (tests; the pane when the user removes its packs). */
export function resetPacks(): void {
  added = [];
  rebuild();
}

export function findPack(id: PackId): Pack | undefined {
  return active.find((p) => p.id === id);
}

/** Whether a pack with this id is known (built-in or added). */
export function isPackId(value: string): value is PackId {
  return findPack(value) !== undefined;
}

/** The ids of the known packs, built-in first. */
export function packIds(): PackId[] {
  return active.map((p) => p.id);
}

/** A pack's name as its notice.yaml gives it; an unknown id (a pack since removed) is shown as itself. */
export function packName(id: PackId): Text {
  return findPack(id)?.data.names ?? { zh: id, en: id };
}
