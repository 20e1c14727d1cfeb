// Golden Word forms: every application form of the golden workbooks written as .docx by three producers
// (LibreOffice from .fodt, committed; the docx npm package; hand-assembled WordprocessingML with each way of storing
// ticks, and with tracked changes), read and checked. Expected findings: the golden workbooks' hand-written JSON
// (test/golden/expected, from the notices), compared by rule, severity and the text of the cell found, since a Word
// form has no cell addresses; and for the sh-82 forms, hand-written Word places (表N 第R行 第C格 “label”).
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbookBytes, type ReadWorkbook } from "../../../src/adapters/xlsx/workbook-file";
import { problemText } from "../../../src/adapters/xlsx/problems";
import { checkGrid } from "../../../src/core/check";
import type { Finding } from "../../../src/core/findings";
import { parseA1 } from "../../../src/core/grid/a1";
import { gridFromValues } from "../../../src/core/grid/grid";
import type { Grid } from "../../../src/core/grid/types";
import { cellText } from "../../../src/core/read/normalise";
import { npmDocx } from "../../docx/support/docx-npm";
import { decodeA1Range } from "../../docx/support/form-sheet";
import { goldenForms, type GoldenForm } from "../../docx/support/golden-forms";
import { RESAVED_OPTIONS } from "../../docx/support/resaved";
import { wordMlDocx, type TickStyle } from "../../docx/support/wordml";
import type { GoldenExpected } from "../types";

const EXPECTED = path.join(__dirname, "..", "expected");
const DOCX_EXPECTED = path.join(__dirname, "expected");
const LIBREOFFICE = path.join(__dirname, "files", "libreoffice");
const RESAVED = path.join(__dirname, "files", "libreoffice-resaved");
const STYLES: TickStyle[] = [
  "unicode",
  "wingdings-sym",
  "wingdings2-letters",
  "content-control",
  "formcheckbox",
];
// A number in a workbook cell that Excel cannot hold exactly is a workbook's problem; in Word it is text.
const WORKBOOK_ONLY = new Set(["number.precision-lost"]);

type Producer = {
  name: string;
  make: (form: GoldenForm, i: number) => Promise<Uint8Array> | Uint8Array;
  tracked: (i: number) => boolean;
};
const PRODUCERS: Producer[] = [
  {
    name: "libreoffice",
    make: (form) => fs.readFileSync(path.join(LIBREOFFICE, `${form.stem}.docx`)),
    tracked: () => false,
  },
  {
    // Hand-written Word features saved again by LibreOffice (scripts/golden/docx/build.ts).
    name: "libreoffice-resaved",
    make: (form) => fs.readFileSync(path.join(RESAVED, `${form.stem}.docx`)),
    tracked: (i) => RESAVED_OPTIONS(i).tracked === true,
  },
  {
    name: "docx-npm",
    make: (form, i) => npmDocx(form.sheet, i % 2 === 0 ? "checkbox" : "symbol"),
    tracked: () => false,
  },
  {
    name: "wordml",
    make: (form, i) => wordMlDocx(form.sheet, { ticks: STYLES[i % STYLES.length] }),
    tracked: () => false,
  },
  {
    name: "wordml-tracked",
    make: (form, i) => wordMlDocx(form.sheet, { ticks: STYLES[(i + 2) % STYLES.length], tracked: true }),
    tracked: () => true,
  },
];

/** The text a finding points at: the cell, or the top-left cell of its merged area. */
function textAt(grid: Grid, row: number, col: number): string {
  const m = grid.mergeAt(row, col);
  // Blanks drawn with underscores read as empty in Word (the reader drops them), so they are compared without.
  return cellText(grid.cell(m ? m.top : row, m ? m.left : col)).replace(/\s+|[_＿]{2,}/g, "");
}

const key = (f: { rule: string; severity: string; text: string }) => `${f.rule} ${f.severity} @ ${f.text}`;

function expectedOf(form: GoldenForm): string[] {
  const expected = JSON.parse(
    fs.readFileSync(path.join(EXPECTED, `${form.golden.id}.json`), "utf8"),
  ) as GoldenExpected;
  const sheet = form.sheet;
  const grid = gridFromValues(sheet.name, sheet.rows, (sheet.merges ?? []).map(decodeA1Range));
  const findings = expected.sheets.find((s) => s.sheet === sheet.name)?.findings ?? [];
  return findings
    .filter((f) => !WORKBOOK_ONLY.has(f.rule))
    .map((f) => {
      const at = parseA1(f.cell) as { row: number; col: number };
      return key({ rule: f.rule, severity: f.severity, text: textAt(grid, at.row, at.col) });
    })
    .sort();
}

async function read(bytes: Uint8Array, name: string): Promise<ReadWorkbook> {
  const result = await readWorkbookBytes(bytes, name);
  if (!result.ok) throw new Error(problemText(result.problem).en);
  return result.workbook;
}

const forms = goldenForms();

describe.each(PRODUCERS.map((p) => [p.name, p] as const))("golden Word forms by %s", (_, producer) => {
  it.each(forms.map((form, i) => [form.stem, form, i] as const))("%s", async (stem, form, i) => {
    const wb = await read(await producer.make(form, i), `${stem}.docx`);
    const grid = wb.grids[0] as Grid;
    const check = checkGrid(grid, form.golden.options ?? {});
    const want = form.golden.expect.find((e) => e.sheet === form.sheet.name);
    expect({ table: check.table, policy: check.policy, level: check.level }).toEqual({
      table: want?.table,
      policy: want?.policy,
      level: want?.level,
    });
    const got = check.findings
      .filter((f: Finding) => !WORKBOOK_ONLY.has(f.rule) && f.rule !== "document.revisions-accepted")
      .map((f) => key({ rule: f.rule, severity: f.severity, text: textAt(grid, f.row, f.col) }))
      .sort();
    // The precision-lost credit code becomes a wrong check digit once typed as text (see the Word expectations).
    const extra = form.stem === "sh-application-violations--申报表2" ? ["credit-code.checksum"] : [];
    expect(got.filter((k) => !extra.some((r) => k.startsWith(`${r} `)))).toEqual(expectedOf(form));
    expect(check.findings.some((f) => f.rule === "document.revisions-accepted")).toBe(producer.tracked(i));

    const own = path.join(DOCX_EXPECTED, `${stem}.json`);
    if (fs.existsSync(own)) {
      const places = JSON.parse(fs.readFileSync(own, "utf8")) as {
        findings: Array<{ where: string; rule: string; severity: string }>;
      };
      const located = check.findings
        .filter((f) => f.rule !== "document.revisions-accepted")
        .map((f) => {
          const at = wb.locate?.(grid.name, f.row, f.col);
          // Paragraph places are compared by their number; the quoted text after it is the paragraph's own.
          const where = at?.table === null ? `正文第${at.row}段` : (at?.text.zh ?? "");
          return `${where} ${f.rule} ${f.severity}`;
        });
      expect(located.sort()).toEqual(places.findings.map((f) => `${f.where} ${f.rule} ${f.severity}`).sort());
    }
  });
});
