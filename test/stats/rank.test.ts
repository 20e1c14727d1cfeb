import fc from "fast-check";
import { competitionRanks } from "../../src/core/stats";

describe("competitionRanks", () => {
  it.each([
    [
      [95, 90, 90, 80],
      [1, 2, 2, 4],
    ],
    [
      [80, 90, 90, 95],
      [4, 2, 2, 1],
    ],
    [
      [70, null, 70],
      [1, null, 1],
    ],
    [
      [null, null],
      [null, null],
    ],
    [[], []],
    [
      [5, 5, 5, 5],
      [1, 1, 1, 1],
    ],
    [
      [1, 2, 3, Number.NaN],
      [3, 2, 1, null],
    ],
    [
      [-1, 0, 0.5],
      [3, 2, 1],
    ],
  ])("%p → %p", (scores, ranks) => {
    expect(competitionRanks(scores as (number | null)[]).map((r) => r.rank)).toEqual(ranks);
  });

  it("marks exactly the rows that share a score as tied", () => {
    expect(competitionRanks([90, 85, 90, null, 70]).map((r) => r.tied)).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });
});

describe("property: a valid competition ranking for any scores", () => {
  const scores = fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), { maxLength: 60 });

  it("ranks every scored row and no other", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const r = competitionRanks(s);
        expect(r.map((x) => x.rank === null)).toEqual(s.map((x) => x === null));
      }),
    );
  });

  it("orders by score: higher score, smaller rank; equal score, equal rank", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const r = competitionRanks(s);
        for (let i = 0; i < s.length; i++)
          for (let j = 0; j < s.length; j++) {
            const a = s[i];
            const b = s[j];
            if (a === null || a === undefined || b === null || b === undefined) continue;
            const ra = r[i]?.rank as number;
            const rb = r[j]?.rank as number;
            if (a > b) expect(ra).toBeLessThan(rb);
            if (a === b) expect(ra).toBe(rb);
          }
      }),
    );
  });

  it("starts at 1 and skips after ties: sorted, the k-th rank is the 1-based position of its tie block's first row", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const r = competitionRanks(s);
        const ranked = r.map((x, i) => ({ rank: x.rank, score: s[i] })).filter((x) => x.rank !== null);
        ranked.sort((a, b) => (a.rank as number) - (b.rank as number));
        ranked.forEach((x, k) => {
          const prev = ranked[k - 1];
          expect(x.rank).toBe(prev && prev.score === x.score ? prev.rank : k + 1);
        });
      }),
    );
  });

  it("marks a row tied exactly when another row has its score", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const r = competitionRanks(s);
        s.forEach((x, i) => expect(r[i]?.tied).toBe(x !== null && s.some((y, j) => j !== i && y === x)));
      }),
    );
  });
});
