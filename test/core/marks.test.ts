import type { Finding } from "../../src/core/findings";
import { MARK_PREFIX, planMarks } from "../../src/core/marks";

function finding(row: number, col: number, extra: Partial<Finding> = {}): Finding {
  return {
    sheet: "推荐表",
    row,
    col,
    severity: "warning",
    rule: "key-recommendation.quota",
    message: { zh: "重点推荐超过名额", en: "Too many key recommendations" },
    clause: "附件3 注",
    ...extra,
  };
}

describe("planMarks", () => {
  it("marks every 重点推荐 cell of a quota finding, each at its own cell with the same reason", () => {
    const marks = planMarks([
      finding(4, 3, {
        related: [
          { row: 6, col: 3 },
          { row: 9, col: 3 },
        ],
      }),
    ]);
    expect(marks.map((m) => [m.row, m.col])).toEqual([
      [4, 3],
      [6, 3],
      [9, 3],
    ]);
    for (const m of marks) expect(m.note).toBe(`${MARK_PREFIX}\n[提醒] 重点推荐超过名额（附件3 注）`);
  });

  it("joins a related cell with another finding on the same cell, worst severity first in colour", () => {
    const marks = planMarks([
      finding(4, 3, { related: [{ row: 6, col: 3 }] }),
      finding(6, 3, { severity: "error", rule: "required", message: { zh: "必填", en: "Required" } }),
    ]);
    const six = marks.find((m) => m.row === 6);
    expect(six?.severity).toBe("error");
    expect(six?.note.split("\n")).toHaveLength(3);
  });

  it("paints no info finding, related cells included", () => {
    expect(planMarks([finding(1, 1, { severity: "info", related: [{ row: 2, col: 1 }] })])).toEqual([]);
  });
});
