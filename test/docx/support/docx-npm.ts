// The golden forms as the docx npm package writes them: Table/TableRow/TableCell with columnSpan and rowSpan (the
// package writes the w:vMerge continuation cells itself), content-control check boxes or Wingdings 2 symbols.
import { CheckBox, Document, Packer, Paragraph, SymbolRun, Table, TableCell, TableRow, TextRun } from "docx";
import type { FormSheet } from "./form-sheet";
import { splitForm } from "./wordml";

export type NpmTicks = "checkbox" | "symbol";

function children(text: string, ticks: NpmTicks) {
  return text
    .split(/([☑□])/)
    .filter((piece) => piece !== "")
    .map((piece) => {
      if (piece !== "☑" && piece !== "□") return new TextRun(piece);
      if (ticks === "checkbox") return new CheckBox({ checked: piece === "☑" });
      return new SymbolRun({ char: piece === "☑" ? "F052" : "F0A3", symbolfont: "Wingdings 2" });
    });
}

function paragraphs(text: string, ticks: NpmTicks): Paragraph[] {
  if (text === "") return [new Paragraph({})];
  return text.split("\n").map((line) => new Paragraph({ children: children(line, ticks) }));
}

export async function npmDocx(sheet: FormSheet, ticks: NpmTicks = "checkbox"): Promise<Uint8Array> {
  const { lines, table, after, width, merges } = splitForm(sheet);
  const body: Array<Paragraph | Table> = lines.flatMap((l) => paragraphs(l, ticks));
  if (table.length > 0) {
    const rows = table.map(({ r, cells }) => {
      const tcs: TableCell[] = [];
      for (let c = 0; c < width; c++) {
        const m = merges.find((a) => a.top <= r && r <= a.bottom && a.left <= c && c <= a.right);
        // Covered cells are not written: the package adds the vMerge continuations of a rowSpan itself.
        if (m && (m.top !== r || m.left !== c)) continue;
        tcs.push(
          new TableCell({
            children: paragraphs(cells[c] ?? "", ticks),
            ...(m && m.right > m.left ? { columnSpan: m.right - m.left + 1 } : {}),
            ...(m && m.bottom > m.top ? { rowSpan: m.bottom - m.top + 1 } : {}),
          }),
        );
      }
      return new TableRow({ children: tcs });
    });
    body.push(
      new Table({ rows, columnWidths: Array.from({ length: width }, () => Math.floor(9000 / width)) }),
    );
  }
  body.push(...after.flatMap((l) => paragraphs(l, ticks)));
  const doc = new Document({ sections: [{ children: body }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
