// Writes the LibreOffice-produced golden Word forms: one .fodt per application form of the golden cases (kept here
// as the source) and the .docx LibreOffice converts it to (kept in test/golden/docx/files/libreoffice, so CI does not
// need LibreOffice). Run: npm run build:golden-docx (needs soffice on the PATH).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { goldenForms } from "../../../test/docx/support/golden-forms";
import { RESAVED_OPTIONS } from "../../../test/docx/support/resaved";
import { wordMlDocx } from "../../../test/docx/support/wordml";
import { formAsFodt } from "./fodt";

const root = process.argv[2] ?? ".";
const srcDir = path.join(root, "scripts/golden/docx/fodt");
const outDir = path.join(root, "test/golden/docx/files/libreoffice");
const resavedDir = path.join(root, "test/golden/docx/files/libreoffice-resaved");
fs.mkdirSync(srcDir, { recursive: true });
fs.mkdirSync(outDir, { recursive: true });
fs.mkdirSync(resavedDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "golden-docx-"));
const written: string[] = [];
for (const [i, form] of goldenForms().entries()) {
  const file = path.join(srcDir, `${form.stem}.fodt`);
  // Every other form writes its ticks as Wingdings 2 letters, as Word's symbol dialog inserts them.
  fs.writeFileSync(file, formAsFodt(form.sheet, { wingdings2: i % 2 === 1 }));
  written.push(file);
}
// One soffice run converts them all (starting LibreOffice is most of the cost).
execFileSync(
  "soffice",
  [
    `-env:UserInstallation=file://${work}/profile`,
    "--headless",
    "--convert-to",
    "docx",
    "--outdir",
    outDir,
    ...written,
  ],
  {
    stdio: "inherit",
  },
);
// Word's own features (content controls, FORMCHECKBOX, w:sym, symbol-font letters, tracked changes) written by hand,
// then opened and saved again by LibreOffice, which rewrites each of them its own way.
const handmade: string[] = [];
for (const [i, form] of goldenForms().entries()) {
  const file = path.join(work, `${form.stem}.docx`);
  fs.writeFileSync(file, wordMlDocx(form.sheet, RESAVED_OPTIONS(i)));
  handmade.push(file);
}
execFileSync(
  "soffice",
  [
    `-env:UserInstallation=file://${work}/profile`,
    "--headless",
    "--convert-to",
    "docx:MS Word 2007 XML",
    "--outdir",
    resavedDir,
    ...handmade,
  ],
  {
    stdio: "inherit",
  },
);
fs.rmSync(work, { recursive: true, force: true });
console.log(
  `golden docx: ${written.length} forms written to ${outDir} and ${handmade.length} to ${resavedDir}`,
);
