/**
 * Property (issue 11): one list of projects laid out in every way staff lay it out — header over one, two or three
 * rows with parents merged or written once, 推荐单位 repeated, merged down or written once above blank cells, the
 * table at A1 or further in — gives the same findings, cell for cell once mapped back to (project, column).
 */
import fc from "fast-check";
import { checkGrid } from "../../src/core/check";
import { gridFromValues } from "../../src/core/grid/grid";
import type { CellValue, MergeArea } from "../../src/core/grid/types";

interface Project {
  recommender: number;
  rank: number;
  trainees: number;
  grassroots: number;
  startDay: number;
  days: number;
  key: boolean;
}

type Header = "one-row" | "two-merged" | "two-written-once" | "three-merged";
type Group = "repeated" | "merged" | "blank-below" | "sections";

const KEYS = [
  "serial",
  "recommender",
  "rank",
  "title",
  "host",
  "trainees",
  "grassroots",
  "start",
  "end",
  "remark",
];
const RECOMMENDERS = ["市经济信息化委", "市卫生健康委", "浦东新区人社局"];

type Extra = "none" | "units" | "numbers";

function layout(
  projects: readonly Project[],
  header: Header,
  group: Group,
  offset: { row: number; col: number },
  extra: Extra = "none",
) {
  const width = KEYS.length;
  const rows: (CellValue | undefined)[][] = [];
  const merges: MergeArea[] = [];
  const put = (r: number, c: number, v: CellValue | undefined) => {
    const row = (rows[r] ??= []);
    row[c + offset.col] = v;
  };
  const merge = (top: number, left: number, bottom: number, right: number) =>
    merges.push({ top, left: left + offset.col, bottom, right: right + offset.col });
  let r = offset.row;
  put(r, 0, "上海市2026年度高级研修项目汇总表");
  merge(r, 0, r, width - 1);
  r += 2;
  const single = [
    "序号",
    "推荐单位",
    "推荐排序",
    "项目名称",
    "承办单位",
    "学员人数",
    "基层人数",
    "开始日期",
    "结束日期",
    "备注",
  ];
  const top = r;
  if (header === "one-row") {
    single.forEach((h, c) => put(r, c, h));
    r++;
  } else {
    const depth = header === "three-merged" ? 3 : 2;
    const bottom = top + depth - 1;
    [0, 1, 2, 3, 4, 9].forEach((c) => {
      put(top, c, single[c]);
      if (header !== "two-written-once") merge(top, c, bottom, c);
    });
    let parentRow = top;
    if (header === "three-merged") {
      put(top, 5, "项目安排");
      merge(top, 5, top, 8);
      parentRow = top + 1;
    }
    put(parentRow, 5, "学员人数");
    put(parentRow, 7, "办班时间");
    if (header !== "two-written-once") {
      merge(parentRow, 5, parentRow, 6);
      merge(parentRow, 7, parentRow, 8);
    }
    ["总数", "其中基层", "开始", "结束"].forEach((h, i) => put(bottom, 5 + i, h));
    r = bottom + 1;
  }
  // Section rows instead of a 推荐单位 column: the column stays, blank, under a header the engine does not know.
  if (group === "sections") put(top, 1, "备用");
  // A row of units or of column numbers under the header, as some offices add.
  if (extra === "units") {
    put(r, 5, "（人）");
    put(r, 6, "（人）");
    r++;
  } else if (extra === "numbers") {
    single.forEach((_, c) => put(r, c, c + 1));
    r++;
  }
  const firstData = r;
  const rowOf: number[] = [];
  const sectionRows = new Map<number, number>();
  projects.forEach((p, i) => {
    if (group === "sections" && (i === 0 || projects[i - 1]?.recommender !== p.recommender)) {
      put(r, 0, `${"一二三"[sectionRows.size] ?? ""}、${RECOMMENDERS[p.recommender] ?? ""}`);
      merge(r, 0, r, width - 1);
      sectionRows.set(r, i);
      r++;
    }
    rowOf.push(r);
    const start = new Date(Date.UTC(2026, 5, 1 + p.startDay));
    const end = new Date(Date.UTC(2026, 5, p.startDay + p.days));
    const first = i === 0 || projects[i - 1]?.recommender !== p.recommender;
    const values: (CellValue | undefined)[] = [
      i + 1,
      group === "sections"
        ? undefined
        : group === "repeated" || first
          ? (RECOMMENDERS[p.recommender] ?? "")
          : undefined,
      p.rank,
      `研修班${i + 1}号`,
      `承办单位${i + 1}`,
      p.trainees,
      p.grassroots,
      start,
      end,
      p.key ? "重点推荐" : undefined,
    ];
    values.forEach((v, c) => put(r, c, v));
    r++;
  });
  if (group === "merged") {
    let from = 0;
    for (let i = 1; i <= projects.length; i++)
      if (i === projects.length || projects[i]?.recommender !== projects[from]?.recommender) {
        if (i - 1 > from) merge(firstData + from, 1, firstData + i - 1, 1);
        from = i;
      }
  }
  return { grid: gridFromValues("汇总", rows, merges), rowOf, sectionRows, top };
}

/** Findings as "project#column rule severity" (header findings as "header#column …"). */
function normalised(
  projects: readonly Project[],
  header: Header,
  group: Group,
  offset: { row: number; col: number },
  extra: Extra = "none",
) {
  const { grid, rowOf, sectionRows } = layout(projects, header, group, offset, extra);
  const check = checkGrid(grid);
  return {
    table: check.table,
    findings: check.findings
      .map((f) => {
        // A section row stands for the 推荐单位 cell of its first project.
        const section = sectionRows.get(f.row);
        if (section !== undefined) return `p${section}#recommender ${f.rule} ${f.severity}`;
        const i = rowOf.indexOf(f.row);
        const where = i >= 0 ? `p${i}` : "header";
        return `${where}#${KEYS[f.col - offset.col] ?? f.col} ${f.rule} ${f.severity}`;
      })
      .sort(),
  };
}

const projectsArb = fc
  .array(
    fc.record({
      recommender: fc.integer({ min: 0, max: 2 }),
      trainees: fc.integer({ min: 40, max: 80 }),
      grassroots: fc.integer({ min: 10, max: 30 }),
      startDay: fc.integer({ min: 0, max: 190 }),
      days: fc.integer({ min: 2, max: 7 }),
      key: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((list) => {
    // Projects of a recommender together, ranked 1..N within it, as lists are.
    const sorted = [...list].sort((a, b) => a.recommender - b.recommender);
    const next = new Map<number, number>();
    return sorted.map((p) => {
      const rank = (next.get(p.recommender) ?? 0) + 1;
      next.set(p.recommender, rank);
      return { ...p, rank };
    });
  });

describe("property: one list in every layout staff use gives the same findings", () => {
  it("headers over 1–3 rows, 推荐单位 repeated / merged / blank below, table at A1 or further in", () => {
    fc.assert(
      fc.property(
        projectsArb,
        fc.constantFrom<Header>("two-merged", "two-written-once", "three-merged"),
        fc.constantFrom<Group>("merged", "blank-below", "sections"),
        fc.record({ row: fc.integer({ min: 0, max: 3 }), col: fc.integer({ min: 0, max: 2 }) }),
        fc.constantFrom<Extra>("none", "units", "numbers"),
        (projects, header, group, offset, extra) => {
          // Section rows group only when two or more recommenders have them.
          fc.pre(group !== "sections" || new Set(projects.map((p) => p.recommender)).size >= 2);
          const reference = normalised(projects, "one-row", "repeated", { row: 0, col: 0 });
          const other = normalised(projects, header, group, offset, extra);
          expect(other.table).toBe("summary");
          // A finding about the header's cell may name another header cell in a banded header; projects' must not move.
          const body = (xs: string[]) => xs.filter((x) => !x.startsWith("header#"));
          expect(body(other.findings)).toEqual(body(reference.findings));
          expect(other.findings.length).toBe(reference.findings.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

it("the property compares real findings: a list with violations has them in every layout", () => {
  const projects: Project[] = [
    { recommender: 0, rank: 1, trainees: 45, grassroots: 20, startDay: 10, days: 7, key: true },
    { recommender: 0, rank: 2, trainees: 60, grassroots: 10, startDay: 185, days: 5, key: true },
    { recommender: 1, rank: 1, trainees: 60, grassroots: 20, startDay: 20, days: 4, key: false },
  ];
  const want = [
    "p0#remark key-recommendation.quota warning",
    "p0#start course.days error",
    "p0#trainees trainees.min error",
    "p1#end course.finish-by error",
    "p1#grassroots grassroots.share error",
    "p2#recommender key-recommendation.quota info",
  ];
  for (const header of ["one-row", "two-merged", "two-written-once", "three-merged"] as const)
    for (const group of ["repeated", "merged", "blank-below", "sections"] as const)
      expect(normalised(projects, header, group, { row: 2, col: 1 }).findings).toEqual(want);
});
