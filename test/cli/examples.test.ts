import * as fs from "node:fs";
import * as path from "node:path";
import { gridsFromWorkbook } from "../../src/adapters/xlsx/read";
import type { Grid } from "../../src/core/grid/types";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";
import { loadWorkbook } from "../xlsx/helpers";
import { runCli } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");

function contents(grid: Grid) {
  const cells: string[] = [];
  for (let r = 0; r < grid.rowCount; r++)
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell.text !== "") cells.push(`${r},${c}=${cell.text}`);
    }
  return {
    name: grid.name,
    cells,
    merges: grid.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort(),
  };
}

describe("examples/", () => {
  it.each(EXAMPLES.map((e) => [e.file, e] as const))(
    "%s is what scripts/build-examples.ts makes from its data",
    async (file, example) => {
      const committed = gridsFromWorkbook(
        await loadWorkbook(fs.readFileSync(path.join(ROOT, "examples", file))),
      ).map(contents);
      const built = gridsFromWorkbook(await loadWorkbook(await buildExample(example))).map(contents);
      expect(committed).toEqual(built);
    },
  );

  it("`yanxiu check examples/` shows each table recognised and a few mistakes of each kind", async () => {
    const run = await runCli(["check", "examples/", "--json"], { cwd: ROOT });
    const doc = JSON.parse(run.stdout) as {
      files: Array<{
        file: string;
        sheets: Array<{ table: string; findings: Array<{ cell: string; severity: string; rule: string }> }>;
      }>;
    };
    const byFile = Object.fromEntries(
      doc.files.map((f) => [
        path.basename(f.file),
        f.sheets[0]?.findings.filter((x) => x.severity !== "info").map((x) => `${x.cell} ${x.rule}`),
      ]),
    );
    expect(byFile["sh-application.xlsx"]).toEqual(["B4 course.days", "C24 sh.bank.payee-match"]);
    expect(byFile["sh-city-summary.xlsx"]).toEqual(
      expect.arrayContaining([
        "F7 trainees.min",
        "G8 grassroots.share",
        "H9 course.days",
        "I9 funding.cap",
        "H11 course.finish-by",
        "K12 domain.in-list",
      ]),
    );
    expect(byFile["sh-recommendation.xlsx"]).toEqual(
      expect.arrayContaining([
        "A10 ranking.sequence",
        "B9 list.duplicate-title",
        "D7 key-recommendation.order",
      ]),
    );
    expect(run.code).toBe(1);
  });
});
