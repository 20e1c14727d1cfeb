import * as fs from "node:fs";
import * as path from "node:path";
import { danglingOptional } from "../../scripts/lock-registry-fix";

// `npm ci` (what CI runs first) refuses a lock whose packages name optional dependencies it does not hold; our
// registry serves no macOS/Windows native builds, so an `npm install` here leaves such names behind.

describe("package-lock.json", () => {
  it("holds every optional dependency it names, so npm ci accepts it (else: node scripts/lock-registry-fix.js)", () => {
    const lock: unknown = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../package-lock.json"), "utf8"),
    );
    expect(danglingOptional(lock)).toEqual([]);
  });
});
