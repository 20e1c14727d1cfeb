/**
 * The built-in packs as shipped: src/core/packs/builtin.json and packs/schema.json are what scripts/build-packs.ts makes
 * of packs/ today (run `npm run build:packs` after editing a pack), the folders hold data only, and no pack names
 * another province's pack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildPacks, readFolderTexts } from "../../scripts/build-packs";
import { BUILTIN_PACK_DATA } from "../../src/core/packs/builtin";
import { allPacks } from "../../src/core/packs/registry";

const ROOT = path.join(__dirname, "..", "..");

it("builtin.json, builtin-names.json and schema.json are up to date with packs/ (npm run build:packs)", () => {
  const built = buildPacks(ROOT);
  expect(fs.readFileSync(path.join(ROOT, "src/core/packs/builtin.json"), "utf8")).toBe(built.builtin);
  expect(fs.readFileSync(path.join(ROOT, "src/core/packs/builtin-names.json"), "utf8")).toBe(built.names);
  expect(fs.readFileSync(path.join(ROOT, "packs/schema.json"), "utf8")).toBe(built.schema);
});

it("pack folders hold data only (YAML or JSON)", () => {
  for (const name of fs.readdirSync(path.join(ROOT, "packs"))) {
    const dir = path.join(ROOT, "packs", name);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of Object.keys(readFolderTexts(dir)))
      expect(`${name}/${file}`).toMatch(/\.(ya?ml|json)$/);
  }
});

it("no pack names another pack: only a shared base, never a province's pack", () => {
  const ids = BUILTIN_PACK_DATA.map((p) => p.id);
  for (const name of fs.readdirSync(path.join(ROOT, "packs"))) {
    const dir = path.join(ROOT, "packs", name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const text = Object.values(readFolderTexts(dir)).join("\n");
    for (const id of ids)
      if (!dir.endsWith(id))
        expect({ pack: name, names: text.includes(id) ? id : null }).toEqual({ pack: name, names: null });
  }
});

it("the four built-in packs load, each from its own folder, in packs/index.json order", () => {
  expect(allPacks().map((p) => [p.id, p.data.source])).toEqual([
    ["sh-2026-gaoyan", "packs/sh-2026-gaoyan"],
    ["fj-2026-gaoyan", "packs/fj-2026-gaoyan"],
    ["hb-2026-gaoyan", "packs/hb-2026-gaoyan"],
    ["sh-2026-digital-institution", "packs/sh-2026-digital-institution"],
  ]);
  expect(BUILTIN_PACK_DATA.find((p) => p.id === "hb-2026-gaoyan")?.messages.anyPhone).toBeDefined();
});
