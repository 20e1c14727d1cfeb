import fc from "fast-check";
import { gridFromValues, uncalculatedCell } from "../../src/core/grid/grid";
import type { RawCell } from "../../src/core/grid/types";
import { listText } from "../../src/core/messages/lists";
import { cellText } from "../../src/core/read/normalise";
import { isUncalculated } from "../../src/core/grid/grid";
import type { ListTable } from "../../src/core/recognise/list";
import { checkRankingSequence, ListView, readRank } from "../../src/core/rules/list";
import { FindingSink } from "../../src/core/rules/sink";

// checkRankingSequence keeps the first row of each rank 1..N in an array and only the ranks beyond N in a Map. It must
// give the findings (in order) and the ranks of the all-Map version it replaced, kept here as the reference.
function referenceRanking<K extends string>(
  sink: FindingSink,
  view: ListView<K>,
  rows: readonly number[],
  key: K,
  clause: string,
): Map<number, number> {
  const ranks = new Map<number, number>();
  const column = view.column(key);
  if (!column) return ranks;
  const n = rows.length;
  const firstRowOfRank = new Map<number, number>();
  let unknown = 0;
  for (const row of rows) {
    const cell = view.cell(row, key);
    if (isUncalculated(cell)) {
      unknown++;
      continue;
    }
    const read = readRank(cell);
    if (read.kind === "empty") {
      sink.add(view.at(row, key), "error", "ranking.sequence", listText.rankMissing(), clause);
      continue;
    }
    if (read.kind === "unreadable" || !Number.isInteger(read.value) || read.value < 1) {
      sink.add(
        view.at(row, key),
        "error",
        "ranking.sequence",
        listText.rankNotInteger(cellText(cell)),
        clause,
        { value: cellText(cell) },
      );
      continue;
    }
    const rank = read.value;
    const earlier = firstRowOfRank.get(rank);
    if (earlier !== undefined) {
      sink.add(
        view.at(row, key),
        "error",
        "ranking.sequence",
        listText.rankRepeated(rank, earlier + 1),
        clause,
        { value: String(rank) },
      );
      continue;
    }
    firstRowOfRank.set(rank, row);
    ranks.set(row, rank);
  }
  const missing: number[] = [];
  // Ranks computed by formulas never calculated may be any of the missing ones: no gap can be named then.
  if (unknown === 0) for (let r = 1; r <= n; r++) if (!firstRowOfRank.has(r)) missing.push(r);
  for (const [rank, row] of firstRowOfRank) {
    if (rank > n) {
      sink.add(
        view.at(row, key),
        "error",
        "ranking.sequence",
        listText.rankOutOfRange(rank, n, missing),
        clause,
        {
          value: String(rank),
          expected: `1-${n}`,
        },
      );
      ranks.delete(row);
    }
  }
  let previous = 0;
  for (const row of rows) {
    const rank = ranks.get(row);
    if (rank === undefined) continue;
    if (rank < previous) {
      sink.add(view.at(row, key), "warning", "ranking.sequence", listText.rankOrder(row + 1), clause, {
        value: String(rank),
      });
      break;
    }
    previous = rank;
  }
  return ranks;
}

function viewOf(values: Array<string | number | null | "=">): { view: ListView<"rank">; rows: number[] } {
  const grid = gridFromValues(
    "表",
    values.map((v) => [v === "=" ? null : v]),
  );
  // "=" stands for a formula never calculated.
  const cells: RawCell[] = values.map((v, i) => (v === "=" ? uncalculatedCell() : grid.cell(i, 0)));
  const withFormulas = {
    ...grid,
    cell: (row: number, col: number) => (col === 0 ? (cells[row] as RawCell) : grid.cell(row, col)),
  };
  const table = {
    columns: new Map([["rank", { col: 0 }]]),
    fills: new Map(),
  } as unknown as ListTable<"rank">;
  return { view: new ListView(withFormulas, table), rows: values.map((_, i) => i) };
}

function both(values: Array<string | number | null | "=">) {
  const { view, rows } = viewOf(values);
  const a = new FindingSink("表");
  const b = new FindingSink("表");
  const ranks = checkRankingSequence(a, view, rows, "rank", "clause");
  const expected = referenceRanking(b, view, rows, "rank", "clause");
  return {
    got: { findings: a.findings, ranks: rows.flatMap((row, i) => (ranks[i] ? [[row, ranks[i]]] : [])) },
    want: { findings: b.findings, ranks: [...expected] },
  };
}

describe("checkRankingSequence", () => {
  it.each([
    [[1, 2, 3]],
    [[1, 3, 3, 7]],
    [[2, 1, null, "第一名", "x", 1.5, 0, -2, 9, 9, 4]],
    [[1, "=", 5, 2]],
  ])("%j as the Map version gives it", (values) => {
    const { got, want } = both(values as Array<string | number | null | "=">);
    expect(got).toEqual(want);
  });

  it("agrees with the Map version on any rank column", () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -1, max: 14 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<string | number | null>(null, "第2名", "二", "甲", 2.5, 1e9, "="),
      },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (values) => {
        const { got, want } = both(values as Array<string | number | null | "=">);
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
