// Property: any table written as WordprocessingML (texts with markup characters, several lines, horizontal spans,
// vertical merges in the first column) reads back as the same texts at the same grid cells with the same merges.
import fc from "fast-check";
import { readWorkbookBytes } from "../../src/adapters/xlsx/workbook-file";
import type { Grid, MergeArea } from "../../src/core/grid/types";
import { docxPackage } from "./support/wordml";

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Words of a cell line: letters, CJK, digits, XML's special characters, ticks; no blanks at either end.
const word = fc.stringMatching(/^[A-Za-z0-9项目名称办班时间地点<>&"'☑□√：（）-]{1,8}$/);
const cellText = fc
  .array(
    fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
    {
      minLength: 0,
      maxLength: 3,
    },
  )
  .map((lines) => lines.join("\n"));

interface Table {
  cols: number;
  rows: Array<{ cells: string[]; spans: number[] }>;
  /** Rows (after the first) whose first cell continues the vertical merge above. */
  continues: boolean[];
}

const table: fc.Arbitrary<Table> = fc.integer({ min: 2, max: 5 }).chain((cols) =>
  fc.record({
    cols: fc.constant(cols),
    rows: fc.array(
      fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: cols }).chain((raw) => {
        // Spans that fill the row exactly.
        const spans: number[] = [];
        let left = cols;
        for (const s of raw) {
          if (left === 0) break;
          const span = Math.min(s, left);
          spans.push(span);
          left -= span;
        }
        if (left > 0) spans.push(left);
        return fc.record({
          cells: fc.array(cellText, { minLength: spans.length, maxLength: spans.length }),
          spans: fc.constant(spans),
        });
      }),
      { minLength: 1, maxLength: 6 },
    ),
    continues: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  }),
);

function documentOf(t: Table): string {
  const rows = t.rows.map((row, r) => {
    const cont = r > 0 && t.continues[r] === true && t.rows[r - 1]?.spans[0] === row.spans[0];
    const tcs = row.cells.map((text, i) => {
      const span = row.spans[i] as number;
      const vm = i === 0 ? (cont ? "<w:vMerge/>" : '<w:vMerge w:val="restart"/>') : "";
      const body =
        cont && i === 0
          ? "<w:p/>"
          : text === ""
            ? "<w:p/>"
            : text
                .split("\n")
                .map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`)
                .join("");
      return `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${vm}</w:tcPr>${body}</w:tc>`;
    });
    return `<w:tr>${tcs.join("")}</w:tr>`;
  });
  return `<w:document ${W}><w:body><w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(t.cols)}</w:tblGrid>${rows.join("")}</w:tbl></w:body></w:document>`;
}

/** The texts and merges the table should read as. */
function expected(t: Table): { texts: Map<string, string>; merges: MergeArea[] } {
  const texts = new Map<string, string>();
  const merges: MergeArea[] = [];
  let open: MergeArea | undefined;
  t.rows.forEach((row, r) => {
    const cont = r > 0 && t.continues[r] === true && t.rows[r - 1]?.spans[0] === row.spans[0];
    let col = 0;
    row.cells.forEach((text, i) => {
      const span = row.spans[i] as number;
      if (i === 0 && cont && open) open.bottom = r;
      else {
        if (text !== "") texts.set(`${r}:${col}`, text);
        const area = { top: r, left: col, bottom: r, right: col + span - 1 };
        if (i === 0) open = area;
        merges.push(area);
      }
      col += span;
    });
  });
  return { texts, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

const sortMerges = (m: readonly MergeArea[]) =>
  [...m].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);

it("a table reads back cell for cell, with its merges", async () => {
  await fc.assert(
    fc.asyncProperty(table, async (t) => {
      const read = await readWorkbookBytes(docxPackage(documentOf(t)), "t.docx");
      const want = expected(t);
      if (want.texts.size === 0 && !read.ok) return; // a table with nothing in it is an empty document
      if (!read.ok) throw new Error(read.problem.kind);
      const grid = read.workbook.grids[0] as Grid;
      const got = new Map<string, string>();
      for (let r = 0; r < grid.rowCount; r++)
        for (let c = 0; c < grid.rowWidth(r); c++)
          if (grid.cell(r, c).text !== "") got.set(`${r}:${c}`, grid.cell(r, c).text);
      expect(got).toEqual(want.texts);
      expect(sortMerges(grid.merges)).toEqual(sortMerges(want.merges));
    }),
    { numRuns: 150 },
  );
});
