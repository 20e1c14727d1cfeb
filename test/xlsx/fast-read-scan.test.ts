// The reader's hand-written scanning (issue 15: attributes, A1 references and tag counting read by character instead
// of by a RegExp built per call), pinned against what the patterns it replaced read, and the one case where it reads
// better: a name inside another attribute's value is no attribute.
import { nodeRawInflate } from "../../src/adapters/xlsx/node-native";
import fc from "fast-check";
import { readWorkbookPackage, TagCounter } from "../../src/adapters/xlsx/fast-read";
import { PACKAGE_LIMITS, WorkbookPackage, type RawInflate } from "../../src/adapters/xlsx/package";
import { readZipIndex } from "../../src/adapters/xlsx/zip-index";
import { parseA1 } from "../../src/core/grid/a1";
import { rawXlsx } from "./helpers";

const zlibInflate: RawInflate = nodeRawInflate;

function open(bytes: Buffer, limits = PACKAGE_LIMITS, inflate: RawInflate | undefined = zlibInflate) {
  const index = readZipIndex(bytes);
  if (!index.ok) throw new Error(index.reason);
  return new WorkbookPackage(bytes, index.entries, limits, inflate);
}

async function firstRow(cells: string): Promise<Array<[number, number, unknown]>> {
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const read = readWorkbookPackage(open(await rawXlsx(sheet)));
  if (!read.ok) throw new Error(JSON.stringify(read));
  const grid = read.sheets[0]!.grid;
  const out: Array<[number, number, unknown]> = [];
  for (let r = 0; r < grid.rowCount; r++)
    for (let c = 0; c < grid.colCount; c++) {
      const v = grid.cell(r, c).value;
      if (v !== null) out.push([r, c, v]);
    }
  return out;
}

describe("cell attributes read in order", () => {
  it.each<[string, string, Array<[number, number, unknown]>]>([
    ["double quotes", '<c r="B1" t="str"><v>甲</v></c>', [[0, 1, "甲"]]],
    ["single quotes", "<c r='C1' t='str'><v>乙</v></c>", [[0, 2, "乙"]]],
    ["spaces around =", '<c  r = "D1"\n t =\t"str"><v>丙</v></c>', [[0, 3, "丙"]]],
    ["attribute order t, s, r", '<c t="str" s="0" r="E1"><v>丁</v></c>', [[0, 4, "丁"]]],
    ["an entity in the reference", '<c r="&#70;1" t="str"><v>戊</v></c>', [[0, 5, "戊"]]],
    // xr:uid and ref end in r/f but are other attributes.
    ["prefixed names are other attributes", '<c xr:r="Z9" r="B1" t="str"><v>己</v></c>', [[0, 1, "己"]]],
    // The RegExp it replaced took r="Z9" from inside x:note's value.
    [
      "a name inside another attribute's value",
      `<c x:note=' r="Z9" t="n"' r="B1" t="str"><v>庚</v></c>`,
      [[0, 1, "庚"]],
    ],
    [
      "no r: the next column",
      '<c t="str"><v>辛</v></c><c t="str"><v>壬</v></c>',
      [
        [0, 0, "辛"],
        [0, 1, "壬"],
      ],
    ],
    // Not a clean attribute list (an unquoted value): read by pattern, as before.
    ["unquoted junk before r", '<c junk r="C1" t="str"><v>癸</v></c>', [[0, 2, "癸"]]],
  ])("%s", async (_name, cells, expected) => {
    expect(await firstRow(cells)).toEqual(expected);
  });
});

describe("parseA1 by character agrees with the pattern it replaced", () => {
  const byPattern = (address: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
    if (!m) return undefined;
    let col = 0;
    for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]) - 1;
    return row < 0 ? undefined : { row, col: col - 1 };
  };

  it.each([
    "A1",
    "$B$2",
    "aa10",
    "XFD1048576",
    " C3 ",
    "\tD4\n",
    "A0",
    "AAAA1",
    "A12345678",
    "1A",
    "",
    "$",
    "A$1",
    "$$A1",
    "A1$",
    "Ａ1",
    "A1:B2",
  ])("%j", (address) => {
    expect(parseA1(address)).toEqual(byPattern(address));
  });

  it("any string (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\s$]{0,2}[A-Za-z]{0,4}[$]?\d{0,8}\s?$/), (address) => {
        expect(parseA1(address)).toEqual(byPattern(address));
      }),
    );
  });
});

describe("TagCounter counts the same however the bytes are cut", () => {
  const xml =
    '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><x:c r="B1"/></row><!-- <row> --><x:row r="2">' +
    '<c\tr="A2"/><cell/><col/><rows/></x:row><row/><ns1.a-b_c:row></ns1.a-b_c:row></sheetData></worksheet>';
  const bytes = new TextEncoder().encode(xml);
  const whole = new TagCounter();
  whole.push(bytes, true);

  it("counts <row> and <c> start tags, with or without a prefix", () => {
    // The comment's <row> is counted too: the count is an upper bound for refusing early, not the reader.
    expect({ rows: whole.rows, cells: whole.cells }).toEqual({ rows: 5, cells: 3 });
  });

  it("at every cut into two and three pieces", () => {
    for (let a = 0; a <= bytes.length; a++)
      for (let b = a; b <= bytes.length; b += 7) {
        const counter = new TagCounter();
        counter.push(bytes.subarray(0, a), false);
        counter.push(bytes.subarray(a, b), false);
        counter.push(bytes.subarray(b), false);
        counter.push(new Uint8Array(0), true);
        expect([a, b, counter.rows, counter.cells]).toEqual([a, b, whole.rows, whole.cells]);
      }
  });
});

describe("a sheet inflated natively (one pass) unless it passes the part cap", () => {
  it("a sheet of more rows than allowed, inflating past the part cap, is told as too many rows", async () => {
    // 100,001 rows in 600 KB, then a comment that takes the part past a 16 MB cap (fflate hands over a few MB at a
    // time from data this repetitive, so the cap is well above one of its chunks, as 160 MB is).
    const sheet = `<worksheet><sheetData>${"<row/>".repeat(100_001)}</sheetData><!--${"x".repeat(40_000_000)}--></worksheet>`;
    const limits = { ...PACKAGE_LIMITS, partBytes: 16 * 1024 * 1024 };
    const read = readWorkbookPackage(open(await rawXlsx(sheet, { sheetName: "大表" }), limits));
    expect(read.ok).toBe(false);
    if (read.ok || !("tooLarge" in read)) throw new Error(JSON.stringify(read));
    expect(read.tooLarge.sheet).toBe("大表");
    expect(read.tooLarge.rows).toBeGreaterThan(100_000);
  });

  it("the same grid with the native inflater and with fflate", async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const bytes = await rawXlsx(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`);
    const a = readWorkbookPackage(open(bytes));
    const b = readWorkbookPackage(open(bytes, PACKAGE_LIMITS, undefined));
    if (!a.ok || !b.ok) throw new Error("not read");
    const values = (r: typeof a) =>
      r.ok ? Array.from({ length: 3000 }, (_, i) => r.sheets[0]!.grid.cell(i, 0).value) : [];
    expect(values(a)).toEqual(values(b));
    expect(values(a)[2999]).toBe(2999);
  });
});
