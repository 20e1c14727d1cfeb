#!/usr/bin/env node
// The npm registry reachable from our machines serves no macOS/Windows builds of native packages (their packuments
// answer 404), so npm leaves those optional platform packages out of package-lock.json while the packages that list
// them still do: `npm ci` then refuses the lock as out of sync. This drops, from every optionalDependencies map in the
// lock, the names the lock has no entry for. Run it after any `npm install` that changes the lock:
//   node scripts/lock-registry-fix.js
// (test/manifest/lockfile.test.ts fails when it is needed.) On a machine that reaches the full registry, a plain
// `npm install` puts the platform packages back.
const fs = require("node:fs");
const path = require("node:path");

/** The optional dependencies the lock names but does not hold, as "holder -> name". */
function danglingOptional(lock) {
  const held = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, "")));
  const out = [];
  for (const [holder, entry] of Object.entries(lock.packages))
    for (const name of Object.keys(entry.optionalDependencies ?? {})) if (!held.has(name)) out.push({ holder, name });
  return out;
}

function fixLock(lock) {
  const dangling = danglingOptional(lock);
  for (const { holder, name } of dangling) delete lock.packages[holder].optionalDependencies[name];
  return dangling.length;
}

module.exports = { danglingOptional, fixLock };

if (require.main === module) {
  const file = path.join(__dirname, "..", "package-lock.json");
  const lock = JSON.parse(fs.readFileSync(file, "utf8"));
  const removed = fixLock(lock);
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
  console.log(`package-lock.json: removed ${removed} optional platform package(s) the registry does not serve`);
}
