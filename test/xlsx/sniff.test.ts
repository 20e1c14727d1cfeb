import { sniffFile } from "../../src/adapters/xlsx/sniff";
import { workbookBytes } from "./helpers";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
const utf16 = (s: string) => [...Buffer.from(s, "utf16le")];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("sniffFile tells files apart by their bytes", () => {
  it("a real xlsx is a zip", async () => {
    expect(sniffFile(await workbookBytes([{ name: "S", rows: [["a"]] }]))).toEqual({ kind: "zip" });
  });

  it.each([
    ["an empty file", bytes(), { kind: "empty" }],
    [
      "an old .xls (OLE with a Workbook stream)",
      bytes(OLE, new Array(504).fill(0), utf16("Workbook")),
      { kind: "ole", encrypted: false, word: false },
    ],
    [
      "an old Word .doc (OLE with a WordDocument stream)",
      bytes(OLE, new Array(504).fill(0), utf16("WordDocument")),
      { kind: "ole", encrypted: false, word: true },
    ],
    [
      "an encrypted workbook (OLE with EncryptedPackage)",
      bytes(OLE, new Array(504).fill(0), utf16("EncryptionInfo"), [0, 0], utf16("EncryptedPackage")),
      { kind: "ole", encrypted: true, word: false },
    ],
    ["a CSV", bytes("推荐排序,项目名称,承办单位\n1,人工智能研修班,上海某院\n"), { kind: "text", csv: true }],
    [
      "a CSV with a UTF-8 BOM",
      bytes([0xef, 0xbb, 0xbf], "序号\t项目名称\n1\t研修班\n"),
      { kind: "text", csv: true },
    ],
    [
      "a UTF-16 text export",
      bytes([0xff, 0xfe], utf16("序号\t项目名称\r\n1\t研修班\r\n")),
      { kind: "text", csv: true },
    ],
    ["plain text", bytes("这不是表格，只是一段说明文字。\n"), { kind: "text", csv: false }],
    [
      "an HTML table saved as .xls",
      bytes("<html><body><table><tr><td>1</td></tr></table></body></html>"),
      { kind: "html" },
    ],
    ["a PDF", bytes("%PDF-1.7\n", [0x00, 0x01, 0x02, 0xff]), { kind: "other" }],
    ["random binary", bytes([0x00, 0x13, 0x37, 0x42, 0x99]), { kind: "other" }],
  ])("%s", (_name, input, expected) => {
    expect(sniffFile(input)).toEqual(expected);
  });
});
