import { strToU8, zipSync } from "fflate";
import { readWorkbookBytes } from "../../src/adapters/xlsx/workbook-file";
import { problemText, type InputProblem } from "../../src/adapters/xlsx/problems";
import { docxPackage, wordMlDocx } from "./support/wordml";

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
const ole = (...streams: string[]) =>
  new Uint8Array([...OLE, ...new Array(504).fill(0), ...streams.flatMap((s) => [...utf16(s), 0, 0])]);

async function problemOf(bytes: Uint8Array, name: string): Promise<InputProblem> {
  const copy = bytes.slice();
  const read = await readWorkbookBytes(bytes, name);
  // Nothing is modified, whatever the file.
  expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  if (read.ok) throw new Error("read");
  return read.problem;
}

const form = wordMlDocx({ name: "f", rows: [["项目名称", "人工智能研修班"]] });

describe("hostile and broken Word files are refused with a clear zh-CN message", () => {
  it.each<[string, () => Uint8Array, string, RegExp]>([
    ["a .doc renamed .docx", () => ole("WordDocument", "1Table"), "申报表.docx", /旧版 Word（\.doc）/],
    ["an old .doc", () => ole("WordDocument"), "申报表.doc", /另存为”Word 文档/],
    [
      "a password-protected .docx",
      () => ole("EncryptionInfo", "EncryptedPackage"),
      "申报表.docx",
      /Word 文档设置了打开密码/,
    ],
    [
      "a truncated .docx",
      () => form.subarray(0, Math.floor(form.length / 2)),
      "申报表.docx",
      /Word 文档已损坏/,
    ],
    ["text renamed .docx", () => strToU8("not a document at all"), "申报表.docx", /Word 文档已损坏/],
    [
      "a zip bomb in document.xml",
      () => zipSync({ "word/document.xml": new Uint8Array(48 * 1024 * 1024) }, { level: 9 }),
      "申报表.docx",
      /解压后超过本工具的上限/,
    ],
    [
      "an entity-expansion bomb (DTD)",
      () =>
        docxPackage(
          `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`,
        ),
      "申报表.docx",
      /Word 文档已损坏/,
    ],
    [
      "nesting far deeper than any document",
      () =>
        docxPackage(
          `<w:document ${W}><w:body>${"<w:sdt><w:sdtContent>".repeat(400)}${"</w:sdtContent></w:sdt>".repeat(400)}</w:body></w:document>`,
        ),
      "申报表.docx",
      /解压后超过本工具的上限|XML depth/,
    ],
    [
      "a gridSpan of a million columns",
      () =>
        docxPackage(
          `<w:document ${W}><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`,
        ),
      "申报表.docx",
      /表格过大/,
    ],
    [
      "malformed XML",
      () => docxPackage(`<w:document ${W}><w:body><w:p></w:body></w:document>`),
      "申报表.docx",
      /Word 文档已损坏/,
    ],
    [
      "a document with nothing in it",
      () => docxPackage(`<w:document ${W}><w:body><w:p/></w:body></w:document>`),
      "申报表.docx",
      /没有表格或文字/,
    ],
    ["a zip without a document", () => zipSync({ "a.txt": strToU8("x") }), "申报表.docx", /不是 Word 文档/],
  ])("%s", async (_, make, name, message) => {
    const problem = await problemOf(make(), name);
    expect(problemText(problem).zh).toMatch(message);
    expect(problemText(problem).en).not.toBe("");
  });

  it("a .docx named .xlsx is still read as the Word form it is", async () => {
    const read = await readWorkbookBytes(form, "申报表.xlsx");
    expect(read.ok && read.workbook.format).toBe("docx");
  });
});
