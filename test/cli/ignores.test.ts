import * as fs from "node:fs";
import * as path from "node:path";
import { writeIgnores } from "../../src/adapters/xlsx/ignores";
import { buildExample, EXAMPLES } from "../../scripts/build-examples";
import { loadWorkbook } from "../xlsx/helpers";
import { XlsxPackage } from "../xlsx/xml";
import { cleanTemp, runCli, tempDir } from "./helpers";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  const example = EXAMPLES.find((e) => e.file === "sh-recommendation.xlsx");
  if (!example) throw new Error("example missing");
  const wb = await loadWorkbook(await buildExample(example));
  // As the task pane stores it after 忽略 with a reason (docs/ignores.md).
  writeIgnores(wb, [
    { sheet: "推荐表", rule: "host.one-project", cell: "C9", reason: "两个项目方向不同，已与主管部门沟通" },
  ]);
  file = path.join(dir, "ignored.xlsx");
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
});
afterAll(cleanTemp);

describe("ignores stored in the workbook are respected by the CLI", () => {
  it("the ignored finding is left out of the JSON, the others stay", async () => {
    const doc = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    const cells = doc.files[0].sheets.map((s: { sheet: string }) => s.sheet);
    expect(cells).toEqual(["推荐表"]);
    const got = doc.files[0].sheets[0].findings.map(
      (f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`,
    );
    expect(got).not.toContain("C9 host.one-project");
    expect(got).toContain("B9 list.duplicate-title");
  });

  it("human output counts it as ignored", async () => {
    expect((await runCli(["check", file])).stdout).toMatch(/错误 \d+，提醒 \d+，信息 \d+，已忽略 1/);
  });

  it("the annotated copy leaves the cell unmarked and lists the finding as ignored with its reason", async () => {
    await runCli(["check", file, "--out", path.join(dir, "out")]);
    const pkg = await XlsxPackage.open(fs.readFileSync(path.join(dir, "out", "ignored.checked.xlsx")));
    expect(await pkg.fillOf("推荐表", "C9")).toBeNull();
    expect((await pkg.notesOf("推荐表")).has("C9")).toBe(false);
    const strings = await pkg.sharedStrings();
    expect(strings).toContain("已忽略：两个项目方向不同，已与主管部门沟通");
    // The store travels with the copy, still very hidden.
    expect((await pkg.sheets()).find((s) => s.name === "_yanxiu")?.state).toBe("veryHidden");
  });
});
