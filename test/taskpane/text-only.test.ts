// Text reaches the page as text: no code path of the pane or the ribbon injects HTML.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const FILES = [
  ...sourceFiles(path.join(ROOT, "src", "taskpane")),
  ...sourceFiles(path.join(ROOT, "src", "commands")),
];

describe("pane and ribbon sources", () => {
  it("exist", () => {
    expect(FILES.length).toBeGreaterThan(5);
  });

  it.each(FILES.map((f) => [path.relative(ROOT, f)]))("%s injects no HTML", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    expect(source).not.toMatch(
      /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/,
    );
  });
});
