// Issue 15 rewrote the reader's hot path (a pull tokenizer over offsets, cells read in place, tags counted by the
// scan instead of a second pass over the bytes) with the promise that nothing it reads changes. These tests hold it
// to that against the reader as it was before (test/xlsx/support/reference-read.ts, frozen at commit 7a5bc8f): the
// same bytes must give the same grids, cells, merges, counts, refusals and messages, on sheets built from the odd
// pieces files do carry (prefixes, entities, CDATA, comments, rich text, unclean attribute lists, bad XML) and on
// sheets over the limits, where the counts told must be TagCounter's.
import { nodeRawInflate } from "../../src/adapters/xlsx/node-native";
import fc from "fast-check";
import { plainNumber, readWorkbookPackage, styledCell, styleInfo } from "../../src/adapters/xlsx/fast-read";
import { PACKAGE_LIMITS, WorkbookPackage, type RawInflate } from "../../src/adapters/xlsx/package";
import { rawCellOf } from "../../src/adapters/xlsx/read";
import { readZipIndex } from "../../src/adapters/xlsx/zip-index";
import type { Grid, RawCell } from "../../src/core/grid/types";
import { readWorkbookPackage as referenceRead } from "./support/reference-read";
import { rawXlsx } from "./helpers";

const zlibInflate: RawInflate = nodeRawInflate;

function open(bytes: Buffer, inflate: RawInflate | undefined) {
  const index = readZipIndex(bytes);
  if (!index.ok) throw new Error(index.reason);
  return new WorkbookPackage(bytes, index.entries, PACKAGE_LIMITS, inflate);
}

function cellData(cell: RawCell): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cell))
    out[k] = v instanceof Date ? `Date(${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()})` : v;
  // Object.is, so that -0 and 0 are told apart.
  if (typeof cell.value === "number" && Object.is(cell.value, -0)) out.value = "-0";
  return out;
}

function gridData(grid: Grid) {
  const cells: Array<[number, number, unknown]> = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const width = grid.rowWidth(r);
    for (let c = 0; c < width; c++) {
      const cell = grid.cell(r, c);
      if (cell.value !== null || cell.uncalculated) cells.push([r, c, cellData(cell)]);
    }
  }
  return {
    name: grid.name,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    merges: grid.merges,
    firstUncalculated: grid.firstUncalculated,
    cells,
  };
}

/** What a reader made of the bytes, as plain data (a throw included). */
function outcome(read: (pkg: WorkbookPackage) => unknown, bytes: Buffer, inflate: RawInflate | undefined) {
  try {
    const result = read(open(bytes, inflate)) as
      | {
          ok: true;
          sheets: Array<{ name: string; state: string; grid: Grid; stats: unknown }>;
          cellless?: string[];
        }
      | { ok: false };
    if (!result.ok) return result;
    return {
      ok: true,
      cellless: result.cellless,
      sheets: result.sheets.map((s) => ({
        name: s.name,
        state: s.state,
        stats: s.stats,
        grid: gridData(s.grid),
      })),
    };
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

async function expectSame(
  sheetXml: string | Uint8Array,
  parts: Record<string, string> = {},
): Promise<unknown> {
  const bytes = await rawXlsx(sheetXml, { parts });
  const now = outcome(readWorkbookPackage, bytes, zlibInflate);
  expect(now).toEqual(outcome(referenceRead, bytes, zlibInflate));
  // The browser's inflater (fflate) hands the chunks over in other sizes.
  expect(outcome(readWorkbookPackage, bytes, undefined)).toEqual(outcome(referenceRead, bytes, undefined));
  return now;
}

const SHARED = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>项目名称</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本_x000D_行</t></r><rPh><t>ふ</t></rPh></si><si/><si><t>a&amp;b&lt;c&#x4E2D;</t></si><si><t><![CDATA[<x>&]]></t></si><si><x:t xmlns:x="urn:x">前缀</x:t></si>${Array.from({ length: 94 }, (_, i) => `<si><t>串${i}</t></si>`).join("")}</sst>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts><cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="166"/><xf numFmtId="2"/></cellXfs></styleSheet>`;

const PARTS = { "xl/sharedStrings.xml": SHARED, "xl/styles.xml": STYLES };

const quoted = (name: string, value: string, q: string, sp: string) => `${name}${sp}=${sp}${q}${value}${q}`;

const refs = fc.constantFrom(
  "A1",
  "B2",
  "c3",
  "$D$4",
  "AB12",
  "ZZZ1",
  "AAAA1",
  "A0",
  "A99999999",
  " E5",
  "&#70;6",
  "",
  "G",
  "XFD1048576",
  "XFE1",
);
const styles = fc.constantFrom(
  "0",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "99",
  "x",
  "",
  "01",
  "-1",
  " 2",
);
const types = fc.constantFrom("s", "str", "b", "e", "inlineStr", "n", "d", "x", "&#115;", "", "S");
const values = fc.constantFrom(
  "0",
  "1",
  "5",
  "-0",
  "12",
  "1.5",
  "1.50",
  "0.32",
  "0.32999999999999996",
  "-7.25",
  "1e5",
  "1E-7",
  "0.0000001",
  "0.000001",
  "0.00001",
  "123456789012345",
  "1234567890123456",
  "99999999999999999999999",
  " 7",
  "7 ",
  "&#49;2",
  "abc",
  "",
  "3",
  "46000",
  "45678.5",
  "TRUE",
  "#N/A",
  "a&amp;b",
  "&amp;lt;",
  ".5",
  "5.",
  "+5",
  "0x10",
  "Infinity",
);
const junk = fc.constantFrom(
  "",
  ' xr:uid="{1}"',
  " junk",
  ' ref="Z9"',
  ` x:note=' r="Z9" t="n"'`,
  ' a="<c>"',
  ' cm="1"',
  ' r="Q9"',
);

const attrList = fc
  .record({
    r: fc.option(refs, { nil: undefined }),
    s: fc.option(styles, { nil: undefined }),
    t: fc.option(types, { nil: undefined }),
    order: fc.constantFrom("rst", "tsr", "str", "rts"),
    q: fc.constantFrom('"', "'"),
    sp: fc.constantFrom("", " ", "\n"),
    junk,
    junkFirst: fc.boolean(),
  })
  .map(({ r, s, t, order, q, sp, junk: j, junkFirst }) => {
    const parts: Record<string, string | undefined> = { r, s, t };
    let out = "";
    for (const k of order) {
      const v = parts[k];
      if (v !== undefined) out += ` ${quoted(k, v, q, sp)}`;
    }
    return junkFirst ? j + out : out + j;
  });

const content = fc.oneof(
  values.map((v) => `<v>${v}</v>`),
  values.map((v) => `<v>${v}</v>`),
  fc.constantFrom(
    "",
    "<v/>",
    "<v>0</v><v>1</v>",
    "<f>SUM(A1:A2)</f><v>3</v>",
    "<f>A1</f>",
    "<f>A1</f><v></v>",
    '<f t="shared" si="0"/><v>4</v>',
    '<f t="shared" si="0"/>',
    "<f/><v>2</v>",
    "<is><t>内联</t></is>",
    "<is><r><t>a_x000D_</t></r><r><t>b</t></r><rPh><t>注音</t></rPh></is>",
    "<is><t>a_x000D_b</t></is>",
    "<is></is>",
    "<v><![CDATA[12]]></v>",
    "<v>1<!-- note -->2</v>",
    "<x:v>8</x:v>",
    "<v>1</v><is><t>both</t></is>",
    "<v>3<x/>4</v>",
    '<c r="Z1"><v>9</v></c>',
    "<c/>",
    "<is><t>&lt;&amp;&#39;</t></is>",
    "<v>&amp;amp;</v>",
    "<extLst><ext><v>5</v></ext></extLst>",
  ),
);

const cell = fc
  .record({ attrs: attrList, body: content, prefix: fc.constantFrom("", "", "", "x:"), empty: fc.boolean() })
  .map(({ attrs, body, prefix, empty }) =>
    empty && body === "" ? `<${prefix}c${attrs}/>` : `<${prefix}c${attrs}>${body}</${prefix}c>`,
  );

const rowAttrs = fc.constantFrom(
  "",
  ' r="1"',
  ' r="2"',
  ' r="3"',
  ' r="7"',
  ' r="30"',
  " r='4'",
  ' r="abc"',
  ' r="0x10"',
  ' r=" 5 "',
  ' r="1e1"',
  ' r=""',
  ' r="&#50;"',
  ' spans="1:3" r="6"',
  ' junk r="9"',
  ' r="-1"',
  ' r="0"',
);

const row = fc
  .record({
    attrs: rowAttrs,
    cells: fc.array(cell, { maxLength: 5 }),
    prefix: fc.constantFrom("", "", "x:"),
    empty: fc.boolean(),
  })
  .map(({ attrs, cells, prefix, empty }) =>
    empty && cells.length === 0
      ? `<${prefix}row${attrs}/>`
      : `<${prefix}row${attrs}>${cells.join("")}</${prefix}row>`,
  );

const tail = fc.constantFrom(
  "",
  '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
  '<mergeCells><mergeCell ref="B1:B3"/><mergeCell ref="C1"/><mergeCell ref="A:A"/><mergeCell ref="junk"/></mergeCells>',
  '<dataValidations><dataValidation sqref="A1:A10 C:C"/><dataValidation sqref="B2"></dataValidation></dataValidations>',
  "<!-- <row><c><v>1</v></c></row> -->",
  "<extLst><x14:ext xmlns:x14='urn:x'/></extLst>",
);

const head = fc.constantFrom(
  "",
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  "\ufeff",
  "<!DOCTYPE worksheet>",
);

/** Ways a part gets damaged: a tag cut off, an end tag lost or wrong, text cut short. */
const damage = fc.constantFrom(
  ...Array<string>(8).fill("none"),
  "drop-close",
  "bogus-close",
  "cut",
  "unclosed",
);

const sheet = fc
  .record({ head, rows: fc.array(row, { maxLength: 8 }), tail, damage, prefixRoot: fc.boolean() })
  .map(({ head: h, rows, tail: t, damage: d, prefixRoot }) => {
    const root = prefixRoot ? "x:worksheet" : "worksheet";
    const ns = prefixRoot ? ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' : "";
    let xml = `${h}<${root}${ns}><sheetData>${rows.join("")}</sheetData>${t}</${root}>`;
    if (d === "drop-close") xml = xml.replace("</sheetData>", "");
    else if (d === "bogus-close") xml = xml.replace("</sheetData>", "</sheetData></bogus>");
    else if (d === "cut") xml = xml.slice(0, Math.floor(xml.length * 0.6));
    else if (d === "unclosed") xml = xml.replace("<sheetData>", "<sheetData><open>");
    return xml;
  });

describe("the reader reads what it read before issue 15's rewrite", () => {
  it("random sheets of odd but real pieces (property)", async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(sheet, async (xml) => {
        if (((await expectSame(xml, PARTS)) as { ok?: boolean }).ok) read++;
      }),
      // Each run reads its sheet four times; sheets with a far cell (XFD1048576) walk a million rows each time.
      { numRuns: 120 },
    );
    // Most of them are read (not refused as damaged), so that cells are compared and not only refusals.
    expect(read).toBeGreaterThan(48);
  }, 120_000);

  it.each<[string, string]>([
    [
      "a plain list",
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.32</v></c><c r="C1" s="3"><v>46000</v></c></row></sheetData></worksheet>',
    ],
    [
      "a missing shared string",
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
    ],
    ["an unterminated tag", '<worksheet><sheetData><row r="1"><c r="A1"'],
    ["a wrong end tag", "<worksheet><sheetData></sheet></worksheet>"],
    ["an element left open", "<worksheet><sheetData>"],
    [
      "nested cells",
      '<worksheet><sheetData><row><c r="A1"><c r="B1"><v>2</v></c><v>1</v></c></row></sheetData></worksheet>',
    ],
    [
      "an attribute value with < and >",
      '<worksheet><sheetData><row><c r="A1" x="a>b"><v>1</v></c></row></sheetData></worksheet>',
    ],
  ])("%s", async (_name, xml) => {
    await expectSame(xml, PARTS);
  });
});

// Cells in the shape nearly every writer gives them (r first, double quotes, single spaces), which the reader takes
// in runs without its tokenizer: their edges (far and bad references, missing styles, shared strings missing or
// empty, values that are no plain number, types read elsewhere), interleaved with the odd cells above.
const usualRef = fc.oneof(
  fc
    .tuple(fc.constantFrom("A", "B", "M", "AB", "XFD", "XFE", "ZZZ"), fc.integer({ min: 1, max: 40 }))
    .map(([c, r]) => `${c}${r}`),
  fc.constantFrom("A1048576", "A1048577", "B9999999", "A0", "a1", "AAAA1"),
  // Characters past ASCII whose low bits are a letter or a digit (±, Á, 乁): no reference, whatever bytes hold them.
  fc.constantFrom("A\u00b1", "\u00c12", "\u4e411", "B\u4e32"),
);
const usualCell = fc
  .record({
    r: usualRef,
    s: fc.option(fc.constantFrom("0", "1", "2", "3", "5", "6", "7", "8", "99", "1234567890", "x"), {
      nil: undefined,
    }),
    t: fc.option(fc.constantFrom("s", "s", "s", "n", "str", "b", "inlineStr"), { nil: undefined }),
    tFirst: fc.boolean(),
    value: fc.oneof(
      fc.integer({ min: 0, max: 105 }).map(String),
      values,
      fc.constantFrom("", "00", "1234567890", "-1", "\u00b5", "1\u00b2", "\u4e35"),
    ),
    shape: fc.constantFrom("value", "value", "value", "value", "empty", "open", "formula"),
  })
  .map(({ r, s, t, tFirst, value, shape }) => {
    const st = s === undefined ? "" : ` s="${s}"`;
    const tt = t === undefined ? "" : ` t="${t}"`;
    const attrs = ` r="${r}"${tFirst ? tt + st : st + tt}`;
    if (shape === "empty") return `<c${attrs}/>`;
    if (shape === "open") return `<c${attrs}></c>`;
    if (shape === "formula") return `<c${attrs}><f>A1</f><v>${value}</v></c>`;
    return `<c${attrs}><v>${value}</v></c>`;
  });
const usualRow = fc
  .record({
    r: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    cells: fc.array(fc.oneof({ weight: 6, arbitrary: usualCell }, { weight: 1, arbitrary: cell }), {
      maxLength: 12,
    }),
  })
  .map(({ r, cells }) => `<row${r === undefined ? "" : ` r="${r}"`}>${cells.join("")}</row>`);

describe("cells in the usual shape read as before", () => {
  it("random runs of usual cells among odd ones (property)", async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(usualRow, { maxLength: 8 }), fc.constantFrom("", "\n"), async (rows, gap) => {
        const xml = `<worksheet><sheetData>${rows.join(gap)}</sheetData></worksheet>`;
        if (((await expectSame(xml, PARTS)) as { ok?: boolean }).ok) read++;
      }),
      { numRuns: 150 },
    );
    expect(read).toBeGreaterThan(60);
  }, 120_000);
});

// The cells are read from the text's characters as bytes at the same offsets (asciiCodes): the inflated bytes
// themselves for plain ASCII, and made from the text otherwise. Sheets whose bytes are not one per character (CJK,
// a byte-order mark, UTF-16) or that hold bytes that are no UTF-8 (each read as U+FFFD) must read as before.
describe("sheets that are not plain ASCII read as before", () => {
  const encodings = fc.constantFrom("utf-8", "bom", "utf-16le", "utf-16be");
  const encode = (xml: string, how: string): Uint8Array => {
    if (how === "utf-8") return new TextEncoder().encode(xml);
    if (how === "bom") return new TextEncoder().encode(`\ufeff${xml}`);
    const out = new Uint8Array(2 + xml.length * 2);
    const le = how === "utf-16le";
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  it("usual cells among CJK text, in UTF-8 with and without a BOM and in UTF-16 (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(usualRow, { maxLength: 6 }), encodings, async (rows, how) => {
        const xml = `<worksheet><sheetData>${rows.join("")}<row><c t="inlineStr"><is><t>中文 t="s"</t></is></c><c r="B99" t="s"><v>1</v></c></row></sheetData></worksheet>`;
        await expectSame(encode(xml, how), PARTS);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("usual cells with bytes that are no UTF-8 put anywhere (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(usualRow, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0x80, max: 0xff })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (rows, strays) => {
          const bytes = [
            ...new TextEncoder().encode(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`),
          ];
          for (const [where, byte] of strays) bytes.splice(Math.floor(where * bytes.length), 0, byte);
          await expectSame(Uint8Array.from(bytes), PARTS);
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);
});

/** Shared strings as writers give them, and as damaged files do. */
const sharedItem = fc.constantFrom(
  "<si><t>项目</t></si>",
  "<si><t/></si>",
  "<si/>",
  "<si><t></t></si>",
  '<si><t xml:space="preserve"> 前后 </t></si>',
  "<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>",
  "<si><t>注</t><rPh sb='0' eb='1'><t>チュウ</t></rPh><phoneticPr fontId='1'/></si>",
  "<si><t>a_x000D_b_x005f_x0041_</t></si>",
  "<si><r><t>a_x000D_</t></r></si>",
  "<si><t>&amp;&lt;&#x4E2D;&#20013;&unknown;</t></si>",
  "<si><t><![CDATA[<b>&amp;</b>]]></t></si>",
  "<si><t>一<!-- 注释 -->二</t></si>",
  "<si><x:t>前缀</x:t></si>",
  "<x:si><x:t>全前缀</x:t></x:si>",
  "<si><t>外<t>内</t></t></si>",
  "<si>裸文本</si>",
  "<t>孤立</t>",
  "<si><t>未闭合</si>",
);

describe("shared strings read as before", () => {
  it("random shared string tables (property)", async () => {
    const sheetUsing = (n: number) => {
      const cells = Array.from({ length: n }, (_, i) => `<c r="A${i + 1}" t="s"><v>${i}</v></c>`);
      return `<worksheet><sheetData><row r="1">${cells.join("")}</row></sheetData></worksheet>`;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(sharedItem, { maxLength: 14 }), async (items) => {
        const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join("")}</sst>`;
        const parts = { "xl/sharedStrings.xml": sst, "xl/styles.xml": STYLES };
        // As many cells as the table has strings (the reference says how many), so that every string is compared.
        let n = items.length;
        for (; n > 0; n--) {
          const read = outcome(referenceRead, await rawXlsx(sheetUsing(n), { parts }), zlibInflate);
          if (!JSON.stringify(read).includes("missing")) break;
        }
        await expectSame(sheetUsing(n), parts);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe("sheets over the limits are told with TagCounter's counts", () => {
  const rows = (n: number, make: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => make(i)).join("");

  it.each<[string, () => string]>([
    [
      "rows past the limit",
      () => `<worksheet><sheetData>${rows(100_001, (i) => `<row r="${i + 1}"/>`)}</sheetData></worksheet>`,
    ],
    [
      "cells past the limit",
      () =>
        `<worksheet><sheetData>${rows(1_501, (i) => `<row r="${i + 1}">${"<c><v>1</v></c>".repeat(1000)}</row>`)}</sheetData></worksheet>`,
    ],
    // TagCounter counts tags the tokenizer skips: in a comment, in CDATA, in an attribute value.
    [
      "rows in a comment",
      () => `<worksheet><sheetData><!-- ${rows(100_001, () => "<row/>")} --></sheetData></worksheet>`,
    ],
    [
      "rows in CDATA",
      () =>
        `<worksheet><sheetData><row><c t="str"><v><![CDATA[${rows(100_001, () => "<row>")}]]></v></c></row></sheetData></worksheet>`,
    ],
    [
      "rows in an attribute value",
      () => `<worksheet><sheetData><row x="${rows(100_001, () => "<row/ ")}"/></sheetData></worksheet>`,
    ],
    // The tokenizer reads these as rows and cells; TagCounter does not (a prefix over 16 characters, \f).
    [
      "rows under a long prefix",
      () =>
        `<worksheet><sheetData>${rows(100_001, () => "<abcdefghijklmnopq:row/>")}</sheetData></worksheet>`,
    ],
    [
      "rows ended by a form feed",
      () => `<worksheet><sheetData>${rows(100_001, () => "<row\f/>")}</sheetData></worksheet>`,
    ],
    [
      "prefixed rows",
      () => `<x:worksheet><x:sheetData>${rows(100_001, () => "<x:row/>")}</x:sheetData></x:worksheet>`,
    ],
    [
      "usual cells past the limit",
      () =>
        `<worksheet><sheetData>${rows(1_501, (i) => `<row r="${i + 1}">${rows(1000, (c) => `<c r="${c < 26 ? "" : "A"}${String.fromCharCode(65 + (c % 26))}${i + 1}" t="s"><v>${c % 90}</v></c>`)}</row>`)}</sheetData></worksheet>`,
    ],
    [
      "usual cells past the limit after a comment",
      () =>
        `<worksheet><!-- <row> --><sheetData>${rows(1_501, (i) => `<row r="${i + 1}">${rows(1000, () => `<c r="A${i + 1}" s="1"><v>0.5</v></c>`)}</row>`)}</sheetData></worksheet>`,
    ],
    ["rows past the limit in a damaged part", () => `<worksheet><sheetData>${rows(100_001, () => "<row>")}`],
    [
      "rows past the limit, then a missing shared string",
      () =>
        `<worksheet><sheetData>${rows(100_001, () => "<row/>")}<row><c t="s"><v>99</v></c></row></sheetData></worksheet>`,
    ],
  ])(
    "%s",
    async (_name, make) => {
      const result = await expectSame(make(), PARTS);
      expect(result).toHaveProperty("ok", false);
    },
    60_000,
  );

  // Rows of usual cells are stepped through without the tokenizer: the count of rows still decides at the limit.
  const usualRows = (n: number) =>
    `<worksheet><sheetData>${rows(n, (i) => `<row r="${i + 1}" spans="1:1"><c r="A${i + 1}"><v>${i}</v></c></row>`)}</sheetData></worksheet>`;
  it("rows of usual cells at the limit are read", async () => {
    const result = await expectSame(usualRows(100_000), PARTS);
    expect(result).toHaveProperty("ok", true);
  }, 60_000);
  it("rows of usual cells past the limit are told", async () => {
    const result = await expectSame(usualRows(130_000), PARTS);
    expect(result).toHaveProperty("ok", false);
  }, 60_000);
});

describe("cells of plain numbers and styles read without parseFloat and String", () => {
  it("plainNumber is parseFloat wherever String gives the text back, NaN elsewhere (property)", () => {
    const text = fc.oneof(
      fc.double({ noNaN: true }).map(String),
      fc.integer().map(String),
      fc.stringMatching(/^-?\d{1,17}(\.\d{0,17})?$/),
      fc.constantFrom("0", "-0", "0.0", "0.000001", "0.0000001", "1e21", ".5", "5.", "", "-", "1.0"),
    );
    fc.assert(
      fc.property(text, (t) => {
        const n = plainNumber(t);
        if (Number.isNaN(n)) return;
        expect(Object.is(n, parseFloat(t))).toBe(true);
        expect(String(n)).toBe(t);
      }),
      { numRuns: 5000 },
    );
  });

  it.each<[string, string | undefined, unknown]>([
    ["General", undefined, 0.5],
    ["percent", "0%", 0.325],
    ["percent with decimals", "0.00%", 0.12345],
    ["percent in a custom format", "0.0%;[Red]-0.0%", -0.5],
    ["a date", "yyyy-mm-dd", new Date(Date.UTC(2026, 3, 15))],
    ["text", "@", "推荐"],
    ["a boolean", "0", true],
    ["an empty string", "0", ""],
    ["nothing", "0.00", null],
    ["a number in a text format", "@", 12],
  ])("styledCell matches rawCellOf: %s", (_name, format, value) => {
    expect(styledCell(value as never, styleInfo(format))).toEqual(rawCellOf(value as never, format));
  });
});
