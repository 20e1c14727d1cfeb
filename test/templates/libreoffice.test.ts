import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fillFormFromRecord } from "../../src/core/templates/fill";
import type { SheetLayout } from "../../src/core/templates/layout";
import { TEMPLATES } from "../../src/core/templates/registry";
import { CLEAN_RECORDS } from "./examples";
import { convertToPdf, findSoffice, isA4, pdfPages, pdfTextRuns, runPlacement } from "./libreoffice";
import { writeWorkbook } from "./support";

/*
 * The real-world check of issue 6: every template, written as xlsx, opened by LibreOffice and printed to PDF, is A4,
 * one page wide, the expected number of pages down, and nothing is cut off. All files go through one soffice call.
 */

/**
 * Pages each template prints on (measured with LibreOffice 7.4 and the Noto CJK fonts). A sheet that LibreOffice
 * did not fit to one page wide would spill sideways and at least double its count.
 */
const PAGES: Record<string, number> = {
  "sh-82-domains": 2,
  "sh-82-application": 2,
  "sh-82-recommendation": 1,
  "fj-national-application": 2,
  "fj-provincial-application": 1,
  "fj-summary": 1,
  "fj-instructions": 1,
  "hb-application": 2,
  "sh-55-institution": 4,
};

/** Letters, digits and Chinese characters of the text the layout prints (its print area, hidden columns left out). */
function printedCharacters(layout: SheetLayout): Map<string, number> {
  const area = layout.print.printArea;
  const hidden = new Set(layout.hiddenColumns ?? []);
  const counts = new Map<string, number>();
  for (const cell of layout.cells) {
    if (cell.value === undefined || hidden.has(cell.col)) continue;
    if (cell.row < area.top || cell.row > area.bottom || cell.col < area.left || cell.col > area.right)
      continue;
    for (const ch of String(cell.value).match(/[\p{Script=Han}\p{L}\p{N}]/gu) ?? [])
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/** Characters the layout prints that the PDF does not show (with how many are missing). */
function missingCharacters(wanted: Map<string, number>, printed: string): string[] {
  const have = new Map<string, number>();
  for (const ch of printed) have.set(ch, (have.get(ch) ?? 0) + 1);
  return [...wanted]
    .filter(([ch, n]) => (have.get(ch) ?? 0) < n)
    .map(([ch, n]) => `${ch}×${n - (have.get(ch) ?? 0)}`);
}

const soffice = findSoffice();

if (!soffice) {
  describe("templates printed by LibreOffice", () => {
    it("cannot run here: LibreOffice (soffice) is not installed — apt-get install -y libreoffice-calc fonts-noto-cjk", () => {
      console.warn(
        "LibreOffice (soffice) is not installed: the xlsx → PDF checks of the templates did not run.",
      );
      expect(soffice).toBeUndefined();
    });
  });
} else {
  const cases: Array<{
    name: string;
    layout: SheetLayout;
    pages: number;
    orientation: "portrait" | "landscape";
  }> = [
    ...TEMPLATES.map((t) => {
      const layout = t.build();
      return { name: t.id, layout, pages: PAGES[t.id] ?? 0, orientation: layout.print.orientation };
    }),
    // Filled forms print on as many pages as the blank ones: the answers fit the rows.
    ...Object.entries(CLEAN_RECORDS).map(([id, record]) => {
      const layout = fillFormFromRecord(id, record);
      return { name: `${id}-filled`, layout, pages: PAGES[id] ?? 0, orientation: layout.print.orientation };
    }),
  ];
  const pdfs = new Map<string, Buffer>();

  describe("templates printed by LibreOffice", () => {
    beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-templates-"));
      try {
        const files: string[] = [];
        for (const c of cases) {
          const file = path.join(dir, `${c.name}.xlsx`);
          fs.writeFileSync(file, Buffer.from(await writeWorkbook([c.layout])));
          files.push(file);
        }
        convertToPdf(soffice, files, dir).forEach((pdf, i) =>
          pdfs.set(cases[i]?.name ?? "", fs.readFileSync(pdf)),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 240_000);

    it("knows the page count of every template", () => {
      expect(TEMPLATES.filter((t) => !PAGES[t.id]).map((t) => t.id)).toEqual([]);
    });

    describe.each(cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
      it(`prints on ${c.pages} A4 ${c.orientation} page(s), one page wide`, () => {
        const pages = pdfPages(pdfs.get(name) as Buffer);
        expect(pages.length).toBe(c.pages);
        expect(pages.filter((p) => !isA4(p, c.orientation))).toEqual([]);
      });

      it("cuts nothing off: no run of text crosses a page edge and every character is printed on a page", () => {
        const pdf = pdfs.get(name) as Buffer;
        const pages = pdfPages(pdf);
        const runs = pdfTextRuns(pdf).flatMap((list, i) =>
          list.map((run) => ({
            run,
            page: i,
            where: runPlacement(run, pages[i] ?? { width: 0, height: 0 }),
          })),
        );
        expect(runs.filter((r) => r.where === "cut").map((r) => `p${r.page + 1} ${r.run.text}`)).toEqual([]);
        const printed = runs
          .filter((r) => r.where === "in")
          .map((r) => r.run.text)
          .join("");
        expect(missingCharacters(printedCharacters(c.layout), printed)).toEqual([]);
      });
    });
  });
}
