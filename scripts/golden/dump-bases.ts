/**
 * Writes the layouts of three golden forms (附件2 申报表, Hubei's and Fujian's national 申报表) as plain JSON, so that
 * the Python builder of the independently produced golden files (build-files.py) starts from the notices' layouts
 * and changes only the answers. Run by scripts/golden/build.sh.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GOLDEN_CASES } from "../../test/golden/cases";

const WANTED = ["sh-application-clean", "hb-clean", "fj-national-clean"];
const out: Record<string, { rows: unknown[][]; merges: readonly string[] }> = {};
for (const id of WANTED) {
  const golden = GOLDEN_CASES.find((c) => c.id === id);
  const sheet = golden?.sheets[0];
  if (!sheet) throw new Error(`no golden case ${id}`);
  out[id] = {
    rows: sheet.rows.map((row) =>
      row.map((v) => (v === undefined ? null : v instanceof Date ? v.toISOString() : v)),
    ),
    merges: sheet.merges ?? [],
  };
}
const target = path.join(process.argv[2] ?? ".", "bases.json");
fs.writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${target}`);
