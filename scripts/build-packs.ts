/**
 * Pre-converts the built-in packs (packs/<id>/, YAML) into src/core/packs/builtin.json, which the CLI (esbuild), the
 * pane (webpack) and jest bundle as plain JSON — no YAML parser in the pane's main chunk — and writes packs/schema.json
 * (JSON Schema for editors) from the one valibot schema (src/core/packs/schema.ts).
 * Run: `npm run build:packs`. test/packs/builtin.test.ts fails when either output is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { toJsonSchema } from "@valibot/to-json-schema";
import { parseFolder } from "../src/core/packs/parse";
import { PackFilesSchema } from "../src/core/packs/schema";
import type { BuiltinPacks } from "../src/core/packs/builtin";

/** Every file of a folder, recursively, as texts by relative path (forward slashes). */
export function readFolderTexts(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = fs.readFileSync(path.join(dir, rel), "utf8");
    }
  };
  walk("");
  return out;
}

export function buildPacks(root: string): { builtin: string; names: string; schema: string } {
  const packsDir = path.join(root, "packs");
  const result: BuiltinPacks = { bases: {}, packs: [] };
  // packs/index.json lists the folders in order (the order recognition asks built-in packs in, and the order the
  // template gallery shows them): the same file a deployment serves at /packs/index.json for the pane.
  const index = (
    JSON.parse(fs.readFileSync(path.join(packsDir, "index.json"), "utf8")) as { packs: string[] }
  ).packs;
  const folders = fs.readdirSync(packsDir).filter((n) => fs.statSync(path.join(packsDir, n)).isDirectory());
  const unlisted = folders.filter((n) => !index.includes(n));
  if (unlisted.length > 0) throw new Error(`packs/index.json does not list ${unlisted.join(", ")}`);
  for (const name of index) {
    const dir = path.join(packsDir, name);
    const parsed = parseFolder(readFolderTexts(dir));
    if (!parsed.ok)
      throw new Error(
        `packs/${name}: ${parsed.issues.map((i) => `${i.file} ${i.path} ${i.message}`).join("; ")}`,
      );
    if (parsed.kind === "base") result.bases[parsed.files.base.id] = parsed.files;
    else result.packs.push({ folder: `packs/${name}`, files: parsed.files });
  }
  const schema = toJsonSchema(PackFilesSchema, { errorMode: "ignore" });
  return {
    builtin: JSON.stringify(result) + "\n",
    // What the pane names the built-in packs by before any engine loads (src/taskpane/packs/known.ts): the ids and
    // names alone, so taskpane.js does not carry every pack's tables and templates.
    names: JSON.stringify(result.packs.map((p) => ({ id: p.files.notice.id, names: p.files.notice.names }))) + "\n",
    schema:
      JSON.stringify(
        { ...schema, title: "研修申报助手 pack folder (notice.yaml + messages/stats/lists/tables)" },
        null,
        2,
      ) + "\n",
  };
}

if (/build-packs\.[jt]s$/.test(process.argv[1] ?? "")) {
  const root = path.resolve(process.argv[2] ?? ".");
  const out = buildPacks(root);
  fs.writeFileSync(path.join(root, "src/core/packs/builtin.json"), out.builtin);
  fs.writeFileSync(path.join(root, "src/core/packs/builtin-names.json"), out.names);
  fs.writeFileSync(path.join(root, "packs/schema.json"), out.schema);
  process.stdout.write("packs: src/core/packs/builtin.json, builtin-names.json, packs/schema.json\n");
}
