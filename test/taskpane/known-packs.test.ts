/**
 * The pane names packs and sends them to its workers from packs/known.ts, without loading the engine's registry
 * (src/core/packs/registry.ts builds every pack's rules). These pin that known.ts and the registry agree: the same
 * ids in the same order and the same names, after packs are added, replaced and removed through packs/load.ts.
 */
import * as path from "node:path";
import { allPacks, packName, resetPacks } from "../../src/core/packs/registry";
import {
  addedPacks,
  addedPacksVersion,
  isKnownPack,
  knownPackIds,
  knownPackName,
} from "../../src/taskpane/packs/known";
import { installPacks } from "../../src/taskpane/packs/load";
import { readFolderTexts } from "../../scripts/build-packs";

const DEMO = path.join(__dirname, "..", "packs", "fixtures", "zz-2027-demo");

afterEach(async () => {
  await installPacks([], []);
  resetPacks();
});

function expectSameAsRegistry(): void {
  expect(knownPackIds()).toEqual(allPacks().map((p) => p.id));
  for (const p of allPacks()) expect(knownPackName(p.id)).toEqual(packName(p.id));
}

it("with nothing added: the built-in packs, as the registry lists them", () => {
  expectSameAsRegistry();
  expect(knownPackIds()).toEqual([
    "sh-2026-gaoyan",
    "fj-2026-gaoyan",
    "hb-2026-gaoyan",
    "sh-2026-digital-institution",
  ]);
  expect(isKnownPack("sh-2026-gaoyan")).toBe(true);
  expect(isKnownPack("zz-2027-demo")).toBe(false);
  expect(knownPackName("zz-2027-demo")).toEqual({ zh: "zz-2027-demo", en: "zz-2027-demo" });
});

it("a pack added through load.ts is known by id and name, and the version moves for the workers", async () => {
  const before = addedPacksVersion();
  const result = await installPacks([], [{ name: "zz-2027-demo", texts: readFolderTexts(DEMO) }]);
  expect(result.refused).toEqual([]);
  expect(isKnownPack("zz-2027-demo")).toBe(true);
  expect(knownPackIds().at(-1)).toBe("zz-2027-demo");
  expect(addedPacks().map((p) => p.id)).toEqual(["zz-2027-demo"]);
  expect(addedPacksVersion()).toBeGreaterThan(before);
  expectSameAsRegistry();
});

it("an added pack with a built-in pack's id replaces it (listed with the added ones), as in the registry", async () => {
  const texts = readFolderTexts(DEMO);
  const notice = texts["notice.yaml"]!.replace(/^id:\s*zz-2027-demo/m, "id: hb-2026-gaoyan");
  expect(notice).not.toBe(texts["notice.yaml"]);
  const result = await installPacks([], [{ name: "hb-variant", texts: { ...texts, "notice.yaml": notice } }]);
  expect(result.refused).toEqual([]);
  expect(knownPackIds().filter((id) => id === "hb-2026-gaoyan")).toHaveLength(1);
  expectSameAsRegistry();
});

it("removing every added pack leaves the built-in ones, in known.ts and in the registry", async () => {
  await installPacks([], [{ name: "zz-2027-demo", texts: readFolderTexts(DEMO) }]);
  await installPacks([], []);
  expect(addedPacks()).toEqual([]);
  expect(isKnownPack("zz-2027-demo")).toBe(false);
  expectSameAsRegistry();
});
