/**
 * @jest-environment jsdom
 */
// The browser's folder check takes Word forms among workbooks: each .docx checked through the same pipeline as the
// CLI (read once, the form's grid opened as a new workbook so the pane can show and mark it), and its project in
// the summary workbook with its file name. The .docx bytes are never written to.
import "../office/jsdom-text-encoder";
import { checkFolderFile, filesToCheck } from "../../src/taskpane/folder/folder-check";
import { formValues, shForm } from "./support/forms";
import { wordMlDocx } from "./support/wordml";

jest.setTimeout(60_000);

function fileOf(bytes: Uint8Array, name: string): File {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(0) });
  return file;
}

it("a folder with .docx forms: each is taken, checked, and its project read with its file name", async () => {
  const bytes = wordMlDocx(shForm("申报表", formValues(4)), { ticks: "wingdings2-letters" });
  const before = bytes.slice();
  const files = filesToCheck([
    fileOf(bytes, "05-某院.docx"),
    fileOf(new Uint8Array([1]), "旧.doc"),
    fileOf(bytes, "x.pdf"),
  ]);
  expect(files.map((f) => f.name)).toEqual(["05-某院.docx", "旧.doc"]);
  const row = await checkFolderFile(files[0] as File, "zh");
  expect(row.problem).toBeNull();
  expect({ table: row.table, policy: row.policy, errors: row.errors }).toEqual({
    table: "application",
    policy: "sh-2026-gaoyan",
    errors: 0,
  });
  const project = row.outcome.projects[0];
  expect(project?.file).toBe("05-某院.docx");
  expect(project?.values.title).toBe(formValues(4).title);
  expect(project?.values.host).toBe(formValues(4).host);
  expect(Buffer.from(bytes).equals(Buffer.from(before))).toBe(true);
  const old = await checkFolderFile(files[1] as File, "zh");
  expect(old.problem).toMatch(/Word/);
});
