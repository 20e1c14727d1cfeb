// A form sheet (rows of texts and merged areas) as a flat OpenDocument text (.fodt): LibreOffice converts it to the
// .docx golden forms of test/golden/docx (soffice --headless --convert-to docx), a producer other than Word's own
// markup written by hand or by the docx npm package.
import { splitForm } from "../../../test/docx/support/wordml";
import type { FormSheet } from "../../../test/docx/support/form-sheet";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface FodtOptions {
  /** Write ☑ / □ as R / £ in Wingdings 2 (the way Word's symbol dialog inserts them) instead of the characters. */
  wingdings2?: boolean;
}

function spans(text: string, options: FodtOptions): string {
  if (!options.wingdings2) return esc(text);
  return text
    .split(/([☑□])/)
    .map((piece) =>
      piece === "☑"
        ? `<text:span text:style-name="W2">R</text:span>`
        : piece === "□"
          ? `<text:span text:style-name="W2">£</text:span>`
          : esc(piece),
    )
    .join("");
}

function paragraphs(text: string, options: FodtOptions): string {
  if (text === "") return "<text:p/>";
  return text
    .split("\n")
    .map((line) => `<text:p>${spans(line, options)}</text:p>`)
    .join("");
}

export function formAsFodt(sheet: FormSheet, options: FodtOptions = {}): string {
  const { lines, table, after, width, merges } = splitForm(sheet);
  const body: string[] = lines.map((l) => paragraphs(l, options));
  if (table.length > 0) {
    const rows = table.map(({ r, cells }) => {
      const out: string[] = [];
      for (let c = 0; c < width; c++) {
        const m = merges.find((a) => a.top <= r && r <= a.bottom && a.left <= c && c <= a.right);
        if (m && (m.top !== r || m.left !== c)) {
          out.push("<table:covered-table-cell/>");
          continue;
        }
        const attrs =
          (m && m.right > m.left ? ` table:number-columns-spanned="${m.right - m.left + 1}"` : "") +
          (m && m.bottom > m.top ? ` table:number-rows-spanned="${m.bottom - m.top + 1}"` : "");
        out.push(
          `<table:table-cell table:style-name="Cell"${attrs} office:value-type="string">${paragraphs(cells[c] ?? "", options)}</table:table-cell>`,
        );
      }
      return `<table:table-row>${out.join("")}</table:table-row>`;
    });
    body.push(
      `<table:table table:name="表1"><table:table-column table:number-columns-repeated="${width}"/>${rows.join("")}</table:table>`,
    );
  }
  body.push(...after.map((l) => paragraphs(l, options)));
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Wingdings 2" svg:font-family="'Wingdings 2'" style:font-charset="x-symbol"/><style:font-face style:name="SimSun" svg:font-family="SimSun"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="W2" style:family="text"><style:text-properties style:font-name="Wingdings 2"/></style:style>
</office:automatic-styles>
<office:body><office:text>
${body.join("\n")}
</office:text></office:body></office:document>
`;
}
