// 导入 Word 申报表 against the Excel simulator: Word forms appended as rows to an open 推荐表 (columns matched by the
// list's aliases, numbering continued, source file kept in 来源文件, nothing overwritten unless allowed), and inserted
// as filled 申报表 sheets that the engine recognises as the forms they came from.
import { checkGrid } from "../../src/core/check";
import { cellText } from "../../src/core/read/normalise";
import { shCases } from "../golden/cases/sh-2026-gaoyan";
import { createWorkbook } from "../support/excel-sim";
import { portFor } from "../office/helpers";
import {
  formSheetLayout,
  listValue,
  planAppend,
  readWordForms,
  SOURCE_COLUMN_HEADER,
  withoutConflicts,
  appendedWithoutOverwrite,
  type AppendPlan,
  type WordForm,
} from "../../src/taskpane/components/import/plan";
import { formValues, shForm } from "./support/forms";
import { wordMlDocx } from "./support/wordml";

const RECOMMENDATION = shCases.find((c) => c.id === "sh-recommendation-clean")?.sheets[0];
if (!RECOMMENDATION) throw new Error("golden 推荐表 missing");
// The golden 推荐表 with its project rows taken out, one project left: the list the office is compiling.
const header = RECOMMENDATION.rows.findIndex((r) => r[0] === "推荐排序");
const listRows = [
  ...RECOMMENDATION.rows.slice(0, header + 2),
  [],
  [],
  [],
  [],
  ["推荐单位联系人：王老师"],
].map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));

async function forms(n: number): Promise<WordForm[]> {
  return readWordForms(
    Array.from({ length: n }, (_, i) => ({
      name: `${String(i + 1).padStart(2, "0")}-${formValues(i).host}.docx`,
      bytes: wordMlDocx(shForm("申报表", formValues(i)), {
        ticks: i % 2 ? "content-control" : "wingdings-sym",
      }),
    })),
  );
}

function simWorkbook() {
  return createWorkbook({ sheets: [{ name: "推荐表", values: listRows }], parsesTypedText: true });
}

describe("appending Word forms to the open 推荐表", () => {
  it("writes each form's project under the last one, numbering on, with its file in 来源文件", async () => {
    const wb = simWorkbook();
    const port = portFor(wb);
    const read = await forms(3);
    expect(read.every((f) => f.ok)).toBe(true);
    const plan = planAppend(await port.readSheet("推荐表"), read) as AppendPlan;
    expect(plan.conflicts).toEqual([]);
    await port.writeCells("推荐表", plan.writes);
    const grid = await port.readSheet("推荐表");
    const at = (r: number, c: number) => cellText(grid.cell(r, c));
    expect(at(header, plan.source.col)).toBe(SOURCE_COLUMN_HEADER);
    read.forEach((form, i) => {
      const row = header + 2 + i;
      const v = formValues(i);
      expect([at(row, 0), at(row, 1), at(row, 2), at(row, plan.source.col)]).toEqual([
        String(i + 2),
        v.title,
        v.host,
        form.file,
      ]);
    });
    // The project already there is untouched, and the list is still a 推荐表 the engine reads.
    expect(at(header + 1, 1)).toBe(String(RECOMMENDATION.rows[header + 1]?.[1]));
    expect(at(header + 1, 1)).not.toBe("");
    expect(checkGrid(grid).table).toBe("recommendation");
  });

  it("lists every non-empty cell it would change, and leaves them when the user does not allow it", async () => {
    const wb = simWorkbook();
    const port = portFor(wb);
    const read = await forms(6);
    const plan = planAppend(await port.readSheet("推荐表"), read) as AppendPlan;
    // Six forms from the first empty row reach the 推荐单位联系人 line under the table (and the row after it).
    expect(plan.conflicts.map((c) => c.was)).toEqual(["推荐单位联系人：王老师"]);
    expect(plan.blocked).toEqual([header + 6]);
    expect(appendedWithoutOverwrite(plan)).toBe(5);
    await port.writeCells("推荐表", withoutConflicts(plan));
    const grid = await port.readSheet("推荐表");
    const footer = header + 6;
    expect([0, 1, 2, plan.source.col].map((c) => cellText(grid.cell(footer, c)))).toEqual([
      "推荐单位联系人：王老师",
      "",
      "",
      "",
    ]);
    // The sixth form goes under the line: nothing there, so it is written.
    expect(cellText(grid.cell(footer + 1, 1))).toBe(formValues(5).title);
  });

  it("refuses a sheet that is not a list, and a pick with no readable form", async () => {
    const read = await forms(1);
    const wb = createWorkbook({ sheets: [{ name: "说明", values: [["本表说明"]] }] });
    expect(planAppend(await portFor(wb).readSheet("说明"), read)).toBe("not-a-list");
    const bad = await readWordForms([{ name: "坏.docx", bytes: new Uint8Array([1, 2, 3]) }]);
    expect(bad[0]?.ok).toBe(false);
    expect(planAppend(await portFor(simWorkbook()).readSheet("推荐表"), bad)).toBe("no-forms");
  });
});

describe("inserting Word forms as 申报表 sheets", () => {
  it("each form becomes a sheet named after its file that the engine reads as the same form", async () => {
    const wb = simWorkbook();
    const port = portFor(wb);
    const read = (await forms(2)).filter((f): f is Extract<WordForm, { ok: true }> => f.ok);
    for (const form of read) {
      const name = await port.insertSheet(formSheetLayout(form));
      expect(name).toBe(form.file.replace(/\.docx$/, ""));
      const check = checkGrid(await port.readSheet(name));
      expect({ table: check.table, policy: check.policy }).toEqual({
        table: form.check.table,
        policy: form.check.policy,
      });
      expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    }
    expect((await port.listSheets()).map((s) => s.name)).toEqual([
      "推荐表",
      ...read.map((f) => f.file.replace(/\.docx$/, "")),
    ]);
  });
});

describe("a □ group's answer as a list cell", () => {
  it.each([
    ["☑高级研修项目 □急需紧缺人才培养项目", "高级研修项目"],
    ["□是 ☑否", "否"],
    ["☑甲 ☑乙", "甲、乙"],
    ["普通文字", "普通文字"],
  ])("%s → %s", (value, expected) => {
    expect(listValue(value)).toBe(expected);
  });
});
