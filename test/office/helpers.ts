import type { Finding, Severity } from "../../src/core/findings";
import { OfficeWorkbookPort } from "../../src/adapters/office";
import type { SimWorkbook } from "../support/excel-sim";

/** A port over a simulated workbook: the simulator's run and requirement sets are injected. */
export function portFor(wb: SimWorkbook, lang: "zh" | "en" = "zh"): OfficeWorkbookPort {
  return new OfficeWorkbookPort({ run: wb.run, isSetSupported: wb.isSetSupported, lang });
}

/** A finding at a 0-based cell. */
export function finding(
  sheet: string,
  row: number,
  col: number,
  severity: Severity = "error",
  rule: Finding["rule"] = "required",
): Finding {
  return {
    sheet,
    row,
    col,
    severity,
    rule,
    message: { zh: `第${row + 1}行必须填写`, en: `Row ${row + 1} must be filled in` },
    clause: "沪人社专〔2026〕82号 二（一）",
  };
}

/** Rows of a two-column list: a name and a number, as staff type them. */
export function listRows(rows: number): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [["姓名", "课时"]];
  const names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"];
  for (let i = 1; i < rows; i++) out.push([names[i % names.length] ?? "某某", 8 + (i % 40)]);
  return out;
}

/** Every 10th data row: an error on the name in odd tens, a warning on the number in even tens. */
export function everyTenthRow(sheet: string, rows: number): Finding[] {
  const out: Finding[] = [];
  for (let r = 10; r < rows; r += 10)
    out.push(
      r % 20 === 0 ? finding(sheet, r, 1, "warning", "number.precision-lost") : finding(sheet, r, 0, "error"),
    );
  return out;
}

/**
 * A two-column summary list the engine recognises and checks (项目名称, 学员人数); every tenth project has too few
 * trainees, an error it marks. Titles are short, so that 100,000 rows are still "ordinary content" for one read.
 */
export function traineeList(rows: number): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [["项目名称", "学员人数"]];
  for (let i = 1; i < rows; i++) out.push([`研修班${i}`, i % 10 === 0 ? 40 : 60 + (i % 30)]);
  return out;
}
