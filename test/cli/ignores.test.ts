import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
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
    expect((await runCli(["check", file])).stdout).toMatch(/错误 \d+，提醒 \d+，说明 \d+，已忽略 1/);
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

describe("ignores an Office add-in saved with workbook.settings (web-extension part) count too", () => {
  async function withWebExtension(value: string): Promise<string> {
    const example = EXAMPLES.find((e) => e.file === "sh-recommendation.xlsx");
    if (!example) throw new Error("example missing");
    const zip = await JSZip.loadAsync(await buildExample(example));
    // A part as [MS-OWEXML] describes it; the setting's value is its JSON.
    zip.file(
      "xl/webextensions/webextension1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{8A4F4D3B-0000-4000-8000-000000000001}">' +
        '<we:reference id="yanxiu-desk" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>' +
        `<we:properties><we:property name="yanxiu-desk.marks" value="[]"/><we:property name="ignores" value="${value}"/></we:properties>` +
        "<we:bindings/><we:snapshot/></we:webextension>",
    );
    const file = path.join(dir, `webext-${Math.random().toString(36).slice(2)}.xlsx`);
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return file;
  }
  const escape = (json: string) => json.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

  it("a JSON value", async () => {
    const file = await withWebExtension(
      escape(
        JSON.stringify([{ sheet: "推荐表", rule: "list.duplicate-title", cell: "B9", reason: "不同期次" }]),
      ),
    );
    const doc = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    const got = doc.files[0].sheets[0].findings.map(
      (f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`,
    );
    expect(got).not.toContain("B9 list.duplicate-title");
    expect(got).toContain("A10 ranking.sequence");
  });

  it("a value saved as a string holding JSON", async () => {
    const inner = JSON.stringify([{ sheet: "推荐表", rule: "ranking.sequence", cell: "A10", reason: "" }]);
    const file = await withWebExtension(escape(JSON.stringify(inner)));
    const doc = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    expect(doc.files[0].sheets[0].findings.map((f: { rule: string }) => f.rule)).not.toContain(
      "ranking.sequence",
    );
  });

  it("a value that is not JSON is reported, and nothing is ignored", async () => {
    const file = await withWebExtension("[{broken");
    const run = await runCli(["check", file]);
    expect(run.stdout).toContain("工作簿中保存的“已忽略”记录无法读取，已按未忽略处理。");
    expect(run.stdout).not.toContain("已忽略 ");
  });
});
