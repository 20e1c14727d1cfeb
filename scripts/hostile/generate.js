#!/usr/bin/env node
// Generates the hostile-input suite (issue 12): zip bombs, lying zip directories, cells far away, huge merges and
// data validations, XXE and entity expansion, control characters, formula-injection payloads, 1904 dates and the
// reader gaps Excel tolerates. Every file is built here from the project's own example workbook or from scratch,
// so the suite needs nothing from outside. Bombs are deflated as a stream: the generator never holds a bomb's
// uncompressed bytes.
//
//   node scripts/hostile/generate.js DIR [--bomb-mb N]
//
// Writes DIR/<name> for every case and DIR/manifest.json (name, kind, what a safe reader must do). The jest suite
// (test/hostile) and the before/after table (scripts/hostile/measure.js) both read the manifest.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { unzipSync, strFromU8 } = require("fflate");

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "sh-recommendation.xlsx");
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// ---- a minimal zip writer (stored or deflated entries; sizes may be made to lie on purpose) -------------------

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/**
 * @param {Array<{name: string, compressed: Buffer, method: number, crc: number, size: number, claimedSize?: number}>} entries
 */
function zipOf(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const claimed = e.claimedSize ?? e.size;
    const common = Buffer.concat([
      u16(20), // version needed
      u16(0x0800), // flags: UTF-8 names
      u16(e.method),
      u16(0), // time
      u16(0x21), // date
      u32(e.crc),
      u32(e.compressed.length),
      u32(claimed),
      u16(name.length),
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, u16(0), name, e.compressed]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20), // version made by
        common,
        u16(0), // extra
        u16(0), // comment
        u16(0), // disk
        u16(0), // internal attrs
        u32(0), // external attrs
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(dir.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, dir, end]);
}

function entry(name, text) {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  return { name, compressed: zlib.deflateRawSync(data), method: 8, crc: zlib.crc32(data), size: data.length };
}

/**
 * An entry whose content is head + unit × count + tail. Deflate with a full flush leaves the stream byte-aligned and
 * free of back-references, so one deflated megabyte of units can be repeated as it is: the generator never holds
 * (or compresses) the bomb's uncompressed bytes, and a gigabyte takes a second.
 */
function bombEntry(name, head, unit, count, tail, claimedSize) {
  const unitBuf = Buffer.from(unit, "utf8");
  const perChunk = Math.max(1, Math.floor((1 << 20) / unitBuf.length));
  const chunk = Buffer.concat(Array(perChunk).fill(unitBuf));
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const headBuf = Buffer.from(head, "utf8");
  const restCount = count % perChunk;
  const rest = Buffer.concat([Buffer.concat(Array(restCount).fill(unitBuf)), Buffer.from(tail, "utf8")]);
  const chunks = Math.floor(count / perChunk);
  const deflatedChunk = zlib.deflateRawSync(chunk, full);
  let crc = zlib.crc32(headBuf);
  for (let i = 0; i < chunks; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(rest, crc);
  const size = headBuf.length + chunks * chunk.length + rest.length;
  const compressed = Buffer.concat([
    zlib.deflateRawSync(headBuf, full),
    ...Array(chunks).fill(deflatedChunk),
    zlib.deflateRawSync(rest),
  ]);
  return { name, compressed, method: 8, crc, size: size > 0xffffffff ? 0xffffffff : size, claimedSize };
}

// ---- the example workbook, opened and patched --------------------------------------------------------------

function example() {
  const files = unzipSync(fs.readFileSync(EXAMPLE));
  const text = {};
  for (const [name, data] of Object.entries(files)) if (!name.endsWith("/")) text[name] = strFromU8(data);
  return text;
}

function packageOf(parts, overrides = {}) {
  return zipOf(
    Object.entries(parts).map(([name, content]) =>
      overrides[name] ? overrides[name] : entry(name, content),
    ),
  );
}

function patchSheet(parts, fn) {
  const copy = { ...parts };
  copy["xl/worksheets/sheet1.xml"] = fn(copy["xl/worksheets/sheet1.xml"]);
  return copy;
}

/** Add XML after </sheetData> (mergeCells, dataValidations go there in schema order). */
function afterSheetData(xml, extra) {
  return xml.replace("</sheetData>", `</sheetData>${extra}`);
}

function addRow(xml, rowXml) {
  return xml.replace("</sheetData>", `${rowXml}</sheetData>`);
}

function withMerges(xml, refs) {
  const cleared = xml.replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, "");
  return afterSheetData(
    cleared,
    `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`,
  );
}

function withValidations(xml, sqrefs) {
  const body = sqrefs
    .map((s) => `<dataValidation type="list" allowBlank="1" sqref="${s}"><formula1>"是,否"</formula1></dataValidation>`)
    .join("");
  // dataValidations follows mergeCells (and phoneticPr, conditionalFormatting) in the schema.
  const at = xml.includes("</mergeCells>") ? "</mergeCells>" : "</sheetData>";
  return xml.replace(at, `${at}<dataValidations count="${sqrefs.length}">${body}</dataValidations>`);
}

function inlineCell(ref, text) {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}


// ---- the cases ---------------------------------------------------------------------------------------------

/**
 * expect: what a safe reader must do with the file.
 *   refuse: the problem kind the check must report ("over-limit", "too-large", "old-format" …);
 *   check: the file is checked (exit 0 or 1);
 *   maxSeconds/maxMB: bounds for the whole `yanxiu check` (and with --out when out is true).
 */
function cases(bombMb) {
  const base = example();
  const bombBytes = bombMb * 1024 * 1024;
  const list = [];
  const add = (name, kind, bytes, expect) => list.push({ name, kind, bytes, expect });

  // Bombs: every kind of part, not only worksheets.
  const sstHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS_MAIN}" count="8" uniqueCount="8">`;
  const sst = base["xl/sharedStrings.xml"];
  const sstItems = sst.slice(sst.indexOf("<si>"), sst.lastIndexOf("</sst>"));
  add(
    "bomb-shared-strings.xlsx",
    "zip bomb: shared strings",
    packageOf(base, {
      "xl/sharedStrings.xml": bombEntry(
        "xl/sharedStrings.xml",
        `${sstHead}${sstItems}<si><t>`,
        "A",
        bombBytes,
        "</t></si></sst>",
      ),
    }),
    { refuse: "over-limit" },
  );
  const sheet = base["xl/worksheets/sheet1.xml"];
  const sheetHead = sheet.slice(0, sheet.indexOf("</sheetData>"));
  const sheetTail = sheet.slice(sheet.indexOf("</sheetData>"));
  add(
    "bomb-sheet-rows.xlsx",
    "zip bomb: millions of rows",
    packageOf(base, {
      "xl/worksheets/sheet1.xml": bombEntry(
        "xl/worksheets/sheet1.xml",
        sheetHead,
        "<row><c><v>1</v></c></row>",
        Math.floor(bombBytes / 26),
        sheetTail,
      ),
    }),
    { refuse: "too-large" },
  );
  add(
    "bomb-sheet-one-cell.xlsx",
    "zip bomb: one cell of 1 GB text",
    packageOf(base, {
      "xl/worksheets/sheet1.xml": bombEntry(
        "xl/worksheets/sheet1.xml",
        `${sheetHead}<row r="14"><c r="A14" t="inlineStr"><is><t>`,
        "B",
        bombBytes,
        `</t></is></c></row>${sheetTail}`,
      ),
    }),
    { refuse: "over-limit" },
  );
  add(
    "bomb-lying-directory.xlsx",
    "zip bomb: directory says 1 KB",
    packageOf(base, {
      "xl/worksheets/sheet1.xml": bombEntry(
        "xl/worksheets/sheet1.xml",
        `${sheetHead}<row r="14"><c r="A14" t="inlineStr"><is><t>`,
        "C",
        bombBytes,
        `</t></is></c></row>${sheetTail}`,
        1000,
      ),
    }),
    { refuse: "over-limit" },
  );
  add(
    "bomb-webextension.xlsx",
    "zip bomb: add-in part",
    packageOf(
      { ...base, "xl/webextensions/webextension1.xml": "" },
      {
        "xl/webextensions/webextension1.xml": bombEntry(
          "xl/webextensions/webextension1.xml",
          `<?xml version="1.0" encoding="UTF-8"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"><we:properties><we:property name="x" value="`,
          "D",
          bombBytes,
          `"/></we:properties></we:webextension>`,
        ),
      },
    ),
    { refuse: "over-limit" },
  );
  add(
    "bomb-media.xlsx",
    "zip bomb: image part (read only by the copy writer)",
    packageOf(
      { ...base, "xl/media/image1.png": "" },
      { "xl/media/image1.png": bombEntry("xl/media/image1.png", "", "\0", bombBytes, "") },
    ),
    { refuse: "over-limit" },
  );
  const many = { ...base };
  const overrides = {};
  const pieces = 24;
  for (let i = 0; i < pieces; i++) {
    const name = `customXml/item${i + 1}.xml`;
    many[name] = "";
    overrides[name] = bombEntry(name, "<a>", "E", Math.floor((bombBytes * 2) / pieces), "</a>");
  }
  add("bomb-many-parts.xlsx", "zip bomb: many parts each under a per-part cap", packageOf(many, overrides), {
    refuse: "over-limit",
  });

  // Far cells and references beyond the grid.
  add(
    "far-cell.xlsx",
    "one cell at XFD1048576",
    packageOf(
      patchSheet(base, (x) =>
        addRow(x, `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远</t></is></c></row>`),
      ),
    ),
    { check: true },
  );
  add(
    "beyond-grid.xlsx",
    "references beyond the grid",
    packageOf(
      patchSheet(base, (x) =>
        withMerges(
          addRow(
            x,
            `<row r="20"><c r="XFE20" t="inlineStr"><is><t>x</t></is></c><c r="ZZZZ20"><v>1</v></c></row><row r="9999999"><c r="A9999999"><v>2</v></c></row>`,
          ),
          ["B14:C14", "A1048570:XFZ1048999"],
        ),
      ),
    ),
    { check: true },
  );
  add(
    "merge-whole-sheet.xlsx",
    "a merge over the whole sheet",
    packageOf(patchSheet(base, (x) => withMerges(x, ["A1:XFD1048576"]))),
    { check: true },
  );
  add(
    "merge-whole-columns.xlsx",
    "whole-column merges",
    packageOf(patchSheet(base, (x) => withMerges(x, ["E1:E1048576", "F1:H1048576", "A20:XFD20"]))),
    { check: true },
  );
  add(
    "validation-whole-sheet.xlsx",
    "data validations over whole sheet and columns",
    packageOf(
      patchSheet(base, (x) => withValidations(x, ["A1:XFD1048576", "B:B", "C1:C1048576 D1:D1048576"])),
    ),
    { check: true },
  );
  {
    const rows = [];
    const refs = [];
    for (let i = 0; i < 25000; i++) {
      const r = 20 + i;
      rows.push(`<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="C${r}"><v>${i}</v></c></row>`);
      refs.push(`A${r}:B${r}`, `C${r}:D${r}`);
    }
    add(
      "merges-50000.xlsx",
      "50,000 merges",
      packageOf(patchSheet(base, (x) => withMerges(addRow(x, rows.join("")), refs))),
      { check: true, out: true },
    );
  }

  // XML attacks: an external entity and an entity expansion ("billion laughs").
  add(
    "xxe.xlsx",
    "external entity (XXE)",
    packageOf({
      ...base,
      "xl/sharedStrings.xml": sst.replace(
        "<sst ",
        '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst ',
      ).replace("<si><t>", "<si><t>&xxe;"),
    }),
    { check: true, notContains: "root:x:0:0" },
  );
  {
    const ents = ['<!ENTITY l0 "lollollollollollollollollollol">'];
    for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    add(
      "entity-expansion.xlsx",
      "entity expansion (billion laughs)",
      packageOf({
        ...base,
        "xl/sharedStrings.xml": sst
          .replace("<sst ", `<!DOCTYPE sst [${ents.join("")}]><sst `)
          .replace("<si><t>", "<si><t>&l9;"),
      }),
      { check: true },
    );
  }

  // Control characters (terminal escapes) and characters XML 1.0 cannot hold, in cells and sheet names.
  {
    const rows = [
      `<row r="14">${inlineCell("A14", "_x001B_]0;pwned_x0007_标题")}${inlineCell("B14", "&#x1B;[2J清屏")}</row>`,
      `<row r="15"><c r="A15" t="inlineStr"><is><r><t>_x001B_[31m红_xFFFE_</t></r></is></c>${inlineCell("B15", "响铃&#7;_x0000_")}</row>`,
    ];
    const parts = patchSheet(base, (x) => addRow(x, rows.join("")));
    parts["xl/sharedStrings.xml"] = sst.replace("<si><t>", "<si><t>_x001B_[2J_xFFFE__xD800_");
    parts["xl/workbook.xml"] = base["xl/workbook.xml"].replace('name="推荐表"', 'name="推荐表&#x1B;[2J"');
    add("control-chars.xlsx", "control characters and _xFFFE_ escapes", packageOf(parts), {
      check: true,
      out: true,
      noRawControl: true,
    });
  }

  // Formula-injection payloads in cells that end up in the outputs.
  add(
    "formula-injection.xlsx",
    "formula-injection payloads",
    packageOf(
      patchSheet(base, (x) =>
        x
          .replace(/<c r="B5"[^>]*>.*?<\/c>/s, inlineCell("B5", "=HYPERLINK(&quot;http://x.invalid&quot;,&quot;点击&quot;)"))
          .replace(/<c r="B6"[^>]*>.*?<\/c>/s, inlineCell("B6", "+cmd|' /C calc'!A0"))
          .replace(/<c r="C5"[^>]*>.*?<\/c>/s, inlineCell("C5", "@SUM(1+1)*cmd|' /C calc'!A0"))
          .replace(/<c r="C6"[^>]*>.*?<\/c>/s, inlineCell("C6", "-2+3+cmd|' /C calc'!A0")),
      ),
    ),
    { check: true, out: true, summary: true },
  );

  // 1904 dates as Excel 2013+ writes them: the date system on <workbookPr>, a second x15:workbookPr in extLst.
  {
    const parts = { ...base };
    parts["xl/workbook.xml"] = base["xl/workbook.xml"]
      .replace(/<workbookPr [^>]*\/>/, '<workbookPr date1904="1" defaultThemeVersion="164011"/>')
      .replace(
        "</workbook>",
        '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
      );
    add("date1904.xlsx", "1904 date system with x15:workbookPr", packageOf(parts), { check: true });
  }

  // Reader gaps and package shapes Excel accepts.
  {
    const parts = { ...base };
    delete parts["xl/worksheets/sheet1.xml"];
    parts["xl/worksheets/Sheet1.xml"] = base["xl/worksheets/sheet1.xml"];
    parts["xl/_rels/workbook.xml.rels"] = base["xl/_rels/workbook.xml.rels"].replace(
      "worksheets/sheet1.xml",
      "worksheets/Sheet1.xml",
    );
    parts["[Content_Types].xml"] = base["[Content_Types].xml"].replace(
      "/xl/worksheets/sheet1.xml",
      "/xl/worksheets/Sheet1.xml",
    );
    add("sheet-part-capitalised.xlsx", "worksheet part named worksheets/Sheet1.xml", packageOf(parts), {
      check: true,
      out: true,
    });
  }
  {
    const parts = {};
    for (const [name, content] of Object.entries(base)) {
      const moved = name.startsWith("xl/") ? `book/${name.slice(3)}` : name;
      parts[moved] = content;
    }
    parts["book/_rels/main.xml.rels"] = parts["book/_rels/workbook.xml.rels"];
    delete parts["book/_rels/workbook.xml.rels"];
    parts["book/main.xml"] = parts["book/workbook.xml"];
    delete parts["book/workbook.xml"];
    parts["_rels/.rels"] = base["_rels/.rels"].replace(/Target="\/?xl\/workbook\.xml"/, 'Target="book/main.xml"');
    parts["[Content_Types].xml"] = base["[Content_Types].xml"]
      .replace(/\/xl\/workbook\.xml/g, "/book/main.xml")
      .replace(/\/xl\//g, "/book/");
    add("workbook-elsewhere.xlsx", "workbook part found through _rels/.rels", packageOf(parts), { check: true });
  }
  {
    const parts = { ...base };
    parts["xl/workbook.xml"] = base["xl/workbook.xml"]
      .replace(`xmlns:r="${NS_R}"`, `xmlns:rel="${NS_R}"`)
      .replace("r:id=", "rel:id=");
    add("rid-prefix.xlsx", "non-standard prefix on the sheet relationship id", packageOf(parts), {
      check: true,
      sheets: ["推荐表"],
    });
  }
  add(
    "inline-cdata.xlsx",
    "inline strings with CDATA and with <v>",
    packageOf(
      patchSheet(base, (x) =>
        addRow(
          x,
          `<row r="14"><c r="A14" t="inlineStr"><is><t><![CDATA[甲<乙>]]></t></is></c><c r="B14" t="inlineStr"><v>丙</v></c></row>`,
        ),
      ),
    ),
    { check: true },
  );

  // Other formats' words.
  add(
    "binary-workbook.xlsb",
    "an .xlsb",
    zipOf([
      entry("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
      entry(
        "_rels/.rels",
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      ),
      entry("xl/workbook.bin", Buffer.from([0x83, 0x01, 0x00])),
    ]),
    { refuse: "xlsb" },
  );
  add(
    "flat.fods",
    "a flat OpenDocument spreadsheet",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet" office:version="1.3"><office:body><office:spreadsheet/></office:body></office:document>\n`,
    ),
    { refuse: "fods" },
  );
  return list;
}

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir) {
    process.stderr.write("usage: node scripts/hostile/generate.js DIR [--bomb-mb N]\n");
    process.exit(2);
  }
  const mbAt = args.indexOf("--bomb-mb");
  const bombMb = mbAt >= 0 ? Number(args[mbAt + 1]) : 1024;
  fs.mkdirSync(dir, { recursive: true });
  const manifest = [];
  for (const c of cases(bombMb)) {
    fs.writeFileSync(path.join(dir, c.name), c.bytes);
    manifest.push({ name: c.name, kind: c.kind, bytes: c.bytes.length, expect: c.expect });
  }
  fs.writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify({ bombMb, cases: manifest }, null, 2)}\n`);
  process.stdout.write(`${manifest.length} hostile files in ${dir}\n`);
}

if (require.main === module) main();
module.exports = { cases, zipOf, entry, bombEntry };
