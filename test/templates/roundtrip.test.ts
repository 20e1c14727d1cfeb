import { checkGrid } from "../../src/core/check";
import type { Finding } from "../../src/core/findings";
import { toA1 } from "../../src/core/grid/a1";
import type { Level, PackId, TableKind } from "../../src/core/packs/types";
import { readForm } from "../../src/core/recognise/form";
import type { RuleId } from "../../src/core/rules/ids";
import { buildListFromForms, fillFormFromRecord, readApplicationForms } from "../../src/core/templates/fill";
import { gridFromLayout } from "../../src/core/templates/grid";
import { TEMPLATES, getTemplate } from "../../src/core/templates/registry";
import type { Grid } from "../../src/core/grid/types";
import type { ApplicationForm, Template } from "../../src/core/templates/types";
import { CLEAN_RECORDS } from "./examples";
import { roundTrip } from "./support";

interface Expected {
  table: TableKind;
  policy: PackId | null;
  level: Level | null;
  /** Rules a blank template may report: empty fields and empty choice groups. */
  empty: readonly RuleId[];
}

const EMPTY: readonly RuleId[] = ["required", "choice.single", "choice.required"];

/** What the engine must make of each blank template. */
const EXPECTED: Record<string, Expected> = {
  "sh-82-domains": { table: "reference", policy: "sh-2026-gaoyan", level: null, empty: [] },
  "sh-82-application": { table: "application", policy: "sh-2026-gaoyan", level: null, empty: EMPTY },
  "sh-82-recommendation": { table: "recommendation", policy: "sh-2026-gaoyan", level: null, empty: EMPTY },
  "fj-national-application": {
    table: "application",
    policy: "fj-2026-gaoyan",
    level: "national",
    empty: EMPTY,
  },
  "fj-provincial-application": {
    table: "application",
    policy: "fj-2026-gaoyan",
    level: "provincial",
    empty: EMPTY,
  },
  "fj-summary": { table: "summary", policy: "fj-2026-gaoyan", level: null, empty: EMPTY },
  // 附件4 is prose that goes with the Fujian tables: recognised as a reference sheet and never checked.
  "fj-instructions": { table: "reference", policy: "fj-2026-gaoyan", level: null, empty: [] },
  "hb-application": { table: "application", policy: "hb-2026-gaoyan", level: null, empty: EMPTY },
  // The institution form's empty □ group (专业技术等级) has a rule of its own: inst.level.
  "sh-55-institution": {
    table: "institution",
    policy: "sh-2026-digital-institution",
    level: null,
    empty: [...EMPTY, "inst.level"],
  },
};

const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${toA1(f.row, f.col)} ${f.severity} ${f.rule}: ${f.message.zh}`);
const recognition = (c: ReturnType<typeof checkGrid>) => ({
  table: c.table,
  policy: c.policy,
  level: c.level,
});

it("every template has an expectation (and no expectation is left without a template)", () => {
  expect(TEMPLATES.map((t) => t.id).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))(
  "blank %s, written as xlsx and read back",
  (id, template) => {
    const expected = EXPECTED[id] as Expected;
    let check: ReturnType<typeof checkGrid>;
    beforeAll(async () => {
      check = checkGrid(only(await roundTrip([template.build()])));
    });

    it("is recognised as the right table, pack and level", () => {
      expect(recognition(check)).toEqual({
        table: expected.table,
        policy: expected.policy,
        level: expected.level,
      });
    });

    it("yields only findings about empty fields", () => {
      const other = check.findings.filter((f) => f.severity !== "info" && !expected.empty.includes(f.rule));
      expect(describeFindings(other)).toEqual([]);
    });

    if (expected.table === "application" || expected.table === "institution")
      it("reports its empty required fields (a blank form is not taken for a filled one)", () => {
        expect(check.findings.filter((f) => f.rule === "required").length).toBeGreaterThan(3);
      });
  },
);

describe.each(Object.keys(CLEAN_RECORDS).map((id) => [id] as const))("%s filled with clean answers", (id) => {
  let check: ReturnType<typeof checkGrid>;
  beforeAll(async () => {
    check = checkGrid(only(await roundTrip([fillFormFromRecord(id, CLEAN_RECORDS[id] ?? {})])));
  });

  it("keeps its recognition", () => {
    const e = EXPECTED[id] as Expected;
    expect(recognition(check)).toEqual({ table: e.table, policy: e.policy, level: e.level });
  });

  it("yields no errors or warnings", () => {
    expect(describeFindings(check.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  });
});

describe("lists built from the application forms of a workbook", () => {
  const variant = (id: string, n: number, changes: Record<string, string>) =>
    fillFormFromRecord(id, {
      ...CLEAN_RECORDS[id],
      ...changes,
      项目名称: `${CLEAN_RECORDS[id]?.["项目名称"]}（第${n}期）`,
    });

  it.each([
    [
      "sh-82-recommendation",
      "sh-82-application",
      [
        { 承办单位: "上海示范大学" },
        { 承办单位: "上海第二示范学院", 收款人名称: "上海第二示范学院" },
        { 承办单位: "上海第三示范学院", 收款人名称: "上海第三示范学院" },
      ],
      { date: "2026年4月20日", contact: "王老师", phone: "021-23112311" },
    ],
    [
      "fj-summary",
      "fj-national-application",
      [{ 承办单位: "福州示范学院" }, { 承办单位: "厦门示范学院" }, { 承办单位: "泉州示范学院" }],
      { applicant: "福建省人力资源和社会保障厅", date: "2026年1月12日" },
    ],
  ] as const)(
    "%s from %s forms: recognised, and clean forms give a clean list",
    async (listId, formId, changes, lines) => {
      const forms = changes.map((c, i) => variant(formId, i + 1, c));
      // The forms are read back from a workbook, as the pane and the CLI read them; the reference sheet is skipped.
      const grids = await roundTrip([template("sh-82-domains").build(), ...forms]);
      const read = readApplicationForms(grids).map((f, i): ApplicationForm => ({
        ...f,
        rank: 3 - i,
        keyRecommended: i === 2,
      }));
      expect(read).toHaveLength(3);
      const { layout, hints } = buildListFromForms(listId, read, lines);
      expect(hints.filter((h) => h.severity !== "info")).toEqual([]);
      const check = checkGrid(only(await roundTrip([layout])));
      const e = EXPECTED[listId] as Expected;
      expect(recognition(check)).toEqual({ table: e.table, policy: e.policy, level: e.level });
      expect(describeFindings(check.findings.filter((f) => f.severity !== "info"))).toEqual([]);
    },
  );
});

describe.each(TEMPLATES.filter((t) => t.form).map((t) => [t.id, t] as const))(
  "%s: slots and the engine agree",
  (_id, template) => {
    it("every field the pack's reader finds is answered in the cell the template fills", () => {
      const draft = template.form?.draft();
      if (!draft || !template.form) throw new Error("not a form");
      const read = readForm(gridFromLayout(draft.layout), template.form.binding.spec);
      const where = [...read.fields].map(([key, f]) => [key, toA1(f.valueRow, f.valueCol)]);
      const slots = [...read.fields.keys()].map((key) => {
        const slot = draft.slots[key];
        return [key, slot ? toA1(slot.row, slot.col) : "no slot"];
      });
      expect(slots).toEqual(where);
      // And every field of the spec the template lays out is found by the reader.
      const specKeys = new Set(template.form.binding.spec.fields.map((f) => f.key));
      const laidOut = Object.keys(draft.slots).filter((k) => specKeys.has(k));
      expect(laidOut.filter((k) => !read.fields.has(k))).toEqual([]);
      expect(laidOut.length).toBeGreaterThan(10);
    });
  },
);

function only(grids: readonly Grid[]): Grid {
  if (grids.length !== 1) throw new Error(`expected one sheet, got ${grids.length}`);
  return grids[0] as Grid;
}

function template(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}
