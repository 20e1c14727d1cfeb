// Hand-assembled WordprocessingML: a form as rows of texts and merged areas written as a .docx the way Word writes
// one (paragraphs above and below a table, w:gridSpan / w:vMerge, one w:p per line of a cell), with the tick boxes in
// any of the ways Word stores them. One of the three producers of the golden Word forms (the others: LibreOffice
// and the docx npm package), so the reader is not tuned to one writer's habits.
import { strToU8, zipSync } from "fflate";
import { decodeA1Range, type FormSheet } from "./form-sheet";

/** How ☑ and □ in the texts are written. */
export type TickStyle =
  /** As the characters themselves. */
  | "unicode"
  /** w:sym in Wingdings (F0FE / F0A8). */
  | "wingdings-sym"
  /** The letters R and £ typed in a Wingdings 2 run. */
  | "wingdings2-letters"
  /** Content-control check boxes (w14:checkbox), showing MS Gothic ☒ / ☐ as Word does. */
  | "content-control"
  /** Legacy form-field check boxes (FORMCHECKBOX with w:ffData). */
  | "formcheckbox";

export interface WordMlOptions {
  ticks?: TickStyle;
  /** Write each cell's text as a tracked insertion next to a tracked deletion of other text (both must read right). */
  tracked?: boolean;
  /** Blank cells as underlined spaces and ____ (how people draw a blank to fill in). */
  underlinedBlanks?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function tickRun(marked: boolean, style: TickStyle): string {
  switch (style) {
    case "unicode":
      return `<w:r><w:t>${marked ? "☑" : "□"}</w:t></w:r>`;
    case "wingdings-sym":
      return `<w:r><w:sym w:font="Wingdings" w:char="${marked ? "F0FE" : "F0A8"}"/></w:r>`;
    case "wingdings2-letters":
      return `<w:r><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr><w:t>${marked ? "R" : "&#163;"}</w:t></w:r>`;
    case "content-control":
      return (
        `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${marked ? 1 : 0}"/>` +
        `<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>` +
        `</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>` +
        `<w:t>${marked ? "☒" : "☐"}</w:t></w:r></w:sdtContent></w:sdt>`
      );
    case "formcheckbox":
      return (
        `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/>` +
        `<w:checkBox><w:sizeAuto/><w:default w:val="0"/>${marked ? "<w:checked/>" : ""}</w:checkBox></w:ffData></w:fldChar></w:r>` +
        `<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
      );
  }
}

let revision = 0;

function runs(text: string, options: WordMlOptions): string {
  const style = options.ticks ?? "unicode";
  let out = "";
  for (const piece of text.split(/([☑□])/)) {
    if (piece === "") continue;
    if (piece === "☑" || piece === "□") out += tickRun(piece === "☑", style);
    else if (options.tracked) {
      revision++;
      out +=
        `<w:del w:id="${revision}" w:author="审核人" w:date="2026-04-01T10:00:00Z"><w:r><w:delText>旧内容</w:delText></w:r></w:del>` +
        `<w:ins w:id="${revision + 10000}" w:author="审核人" w:date="2026-04-01T10:00:00Z"><w:r><w:t xml:space="preserve">${esc(piece)}</w:t></w:r></w:ins>`;
    } else out += `<w:r><w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`;
  }
  return out;
}

function paragraphs(text: string, options: WordMlOptions): string {
  if (text === "") {
    if (options.underlinedBlanks)
      return `<w:p><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">        </w:t></w:r><w:r><w:t>____</w:t></w:r></w:p>`;
    return "<w:p/>";
  }
  return text
    .split("\n")
    .map((line) => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${runs(line, options)}</w:p>`)
    .join("");
}

/** The document.xml of a form sheet. */
export function documentXml(sheet: FormSheet, options: WordMlOptions = {}): string {
  const { lines, table, after, width, merges } = splitForm(sheet);
  const body: string[] = [];
  for (const line of lines) body.push(paragraphs(line, options));
  if (table.length > 0) {
    const grid = Array.from({ length: width }, () => `<w:gridCol w:w="${Math.floor(9000 / width)}"/>`).join(
      "",
    );
    const rows = table.map(({ r, cells }) => {
      const tcs: string[] = [];
      for (let c = 0; c < width; c++) {
        const m = merges.find((a) => a.top <= r && r <= a.bottom && a.left <= c && c <= a.right);
        if (m && m.left !== c) continue;
        const span = m ? m.right - m.left + 1 : 1;
        const props =
          (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
          (m && m.bottom > m.top ? (m.top === r ? `<w:vMerge w:val="restart"/>` : "<w:vMerge/>") : "");
        const text = m && m.top !== r ? "" : (cells[c] ?? "");
        tcs.push(
          `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${props}</w:tcPr>${m && m.top !== r ? "<w:p/>" : paragraphs(text, options)}</w:tc>`,
        );
      }
      return `<w:tr>${tcs.join("")}</w:tr>`;
    });
    body.push(
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`,
    );
  }
  for (const line of after) body.push(paragraphs(line, options));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
    `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
    `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">` +
    `<w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
  );
}

/** A complete .docx around a document.xml. */
export function docxPackage(document: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(document),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

/** A form sheet as a hand-assembled .docx. */
export function wordMlDocx(sheet: FormSheet, options: WordMlOptions = {}): Uint8Array {
  return docxPackage(documentXml(sheet, options));
}

/** The lines above the table, the table's rows (grid row index and texts), the lines below, and its width. */
export function splitForm(sheet: FormSheet) {
  const merges = (sheet.merges ?? []).map(decodeA1Range);
  const rows = sheet.rows.map((row) =>
    (row ?? []).map((v) => (v === null || v === undefined ? "" : String(v))),
  );
  const width = Math.max(1, ...rows.map((r) => r.length), ...merges.map((m) => m.right + 1));
  const isLine = (r: number) => {
    const cells = rows[r] ?? [];
    const filled = cells.filter((t) => t !== "").length;
    return filled <= 1 && (cells[0] ?? "") === cells.find((t) => t !== "") && !cellsInTable(r);
  };
  // A row is in the table when it has more than one cell or a cell not merged across the whole width.
  const cellsInTable = (r: number) => {
    const cells = rows[r] ?? [];
    if (cells.filter((t) => t !== "").length > 1) return true;
    // A merged area in the row that does not span the whole width is a table's cell (项目名称 with its value merged).
    return merges.some((a) => a.top <= r && r <= a.bottom && (a.left > 0 || a.right < width - 1));
  };
  let first = 0;
  while (first < rows.length && isLine(first)) first++;
  let last = rows.length - 1;
  while (last >= first && isLine(last)) last--;
  return {
    lines: rows.slice(0, first).map((r) => r.join("")),
    table: rows.slice(first, last + 1).map((cells, i) => ({ r: first + i, cells })),
    after: rows.slice(last + 1).map((r) => r.join("")),
    width,
    merges,
  };
}
