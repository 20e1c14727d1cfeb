import { GOLDEN_CASES } from "../../golden/cases";
import type { GoldenCase } from "../../golden/types";
import type { FormSheet } from "./form-sheet";

export interface GoldenForm {
  /** "<case id>--<sheet>": the file stem of the form's .docx. */
  stem: string;
  golden: GoldenCase;
  sheet: FormSheet;
}

/** Every application form (申报表, and the 机构 form of sh-55) of the golden workbooks: one Word document each. */
export function goldenForms(): GoldenForm[] {
  const out: GoldenForm[] = [];
  for (const golden of GOLDEN_CASES)
    for (const sheet of golden.sheets) {
      const expect = golden.expect.find((e) => e.sheet === sheet.name);
      if (expect && (expect.table === "application" || expect.table === "institution"))
        out.push({ stem: `${golden.id}--${sheet.name}`, golden, sheet });
    }
  return out;
}
