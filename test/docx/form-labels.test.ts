// A Word form's places quote the label the form reader matched, not whatever text stands left of the cell: on the
// national form an empty 办班地点 sits right of the 办班时间 value, which is a value, not a label.
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbookBytes } from "../../src/adapters/xlsx/workbook-file";
import { checkGrid } from "../../src/core/check";
import type { Grid } from "../../src/core/grid/types";

const FILE = path.join(
  __dirname,
  "..",
  "golden",
  "docx",
  "files",
  "libreoffice",
  "fj-national-violations--国家级申报表.docx",
);

it("names the field of each finding by its own label (value cell or label cell)", async () => {
  const read = await readWorkbookBytes(new Uint8Array(fs.readFileSync(FILE)), FILE);
  if (!read.ok) throw new Error("not read");
  const grid = read.workbook.grids[0] as Grid;
  const check = checkGrid(grid);
  const place = (rule: string, message: RegExp) => {
    const f = check.findings.find((x) => x.rule === rule && message.test(x.message.zh));
    if (!f) throw new Error(`no ${rule} finding`);
    return read.workbook.locate?.(grid.name, f.row, f.col)?.text.zh;
  };
  expect(place("required", /办班地点/)).toBe("表1 第2行 第3格 “办班地点”");
  expect(place("required", /承办单位 联系人/)).toBe("表1 第13行 第4格 “联系人”");
  expect(place("course.finish-by", /./)).toBe("表1 第2行 第2格 “办班时间”");
  expect(place("trainees.min", /./)).toBe("表1 第9行 第2格 “研修对象”");
});
