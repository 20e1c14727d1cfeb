import fc from "fast-check";
import { gridFromValues } from "../../src/core/grid/grid";
import {
  ColumnHashes,
  groupRows,
  hashIfCompact,
  ListView,
  repeatedHashedRows,
  repeatedRows,
  RowGrouping,
  stringHash,
} from "../../src/core/rules/list";
import { compactText, isBlankCell } from "../../src/core/read/normalise";
import type { ListTable } from "../../src/core/recognise/list";

// repeatedRows is the fast path of the duplicate-title and one-project-per-host rules: it must give exactly the
// groups of groupRows that hold two rows or more, in the same order (the order findings are reported in).
function viewOf(values: string[]): { view: ListView<"title">; rows: number[] } {
  const grid = gridFromValues(
    "表",
    values.map((v) => [v]),
  );
  const table = {
    columns: new Map([["title", { col: 0 }]]),
    fills: new Map(),
  } as unknown as ListTable<"title">;
  return { view: new ListView(grid, table), rows: values.map((_, i) => i) };
}

describe("repeatedRows", () => {
  it.each([
    [
      ["甲", "乙", "乙", "甲"],
      [
        [0, 3],
        [1, 2],
      ],
    ],
    [["甲", "乙", "丙"], []],
    [["甲", " 甲 ", "甲\u3000", ""], [[0, 1, 2]]],
    [["", "", "乙", "丙", "乙"], [[2, 4]]],
    [
      ["ＡＢ", "AB", "丙", "丙", "A B"],
      [
        [0, 1, 4],
        [2, 3],
      ],
    ],
  ])("%j → %j, as groupRows keeps them", (values, expected) => {
    const { view, rows } = viewOf(values);
    expect(repeatedRows(view, rows, "title")).toEqual(expected);
    const fromGroups = [...groupRows(view, rows, "title").values()].filter((g) => g.length > 1);
    expect(repeatedRows(view, rows, "title")).toEqual(fromGroups);
  });

  it("gives groupRows' repeated groups on any column (many repeats, blanks, full-width and spaced forms)", () => {
    const text = fc.constantFrom(
      "甲",
      "乙",
      " 甲",
      "ＡＢ",
      "AB",
      "A B",
      "",
      "丙丁",
      "研修班1",
      "研修班2",
      "x",
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), (values) => {
        const { view, rows } = viewOf(values);
        const fromGroups = [...groupRows(view, rows, "title").values()].filter((g) => g.length > 1);
        expect(repeatedRows(view, rows, "title")).toEqual(fromGroups);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same groups split into partitions of any size, and the blank rows of the column", () => {
    const text = fc.constantFrom("甲", "乙", " 甲", "ＡＢ", "AB", "", " ", "\u3000", "丙丁", "研修班1", "x");
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 80 }),
        fc.integer({ min: 1, max: 8 }),
        (values, partitionRows) => {
          const { view, rows } = viewOf(values);
          const fromGroups = [...groupRows(view, rows, "title").values()].filter((g) => g.length > 1);
          const blanks: number[] = [];
          expect(repeatedRows(view, rows, "title", { blanks, partitionRows })).toEqual(fromGroups);
          expect(blanks).toEqual(rows.filter((row) => isBlankCell(view.cell(row, "title"))));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("tells apart texts whose hashes collide, in a table of one partition and of many", () => {
    // Two titles with the same FNV-1a hash, found by search: equal hashes must still compare the texts.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const title = `研修项目${i}号`;
      const h = stringHash(title);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, title];
      else seen.set(h, title);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    const values = [a, "丙", b, b, "丙", a, "丁", b];
    for (const partitionRows of [1, 2, 2048]) {
      const { view, rows } = viewOf(values);
      expect(repeatedRows(view, rows, "title", { partitionRows })).toEqual([
        [0, 5],
        [1, 4],
        [2, 3, 7],
      ]);
    }
  });

  it("finds the repeats of a 30,000-row column as groupRows does", () => {
    const values = Array.from({ length: 30_000 }, (_, i) =>
      i % 997 === 0 ? `重复项目${i % 5}` : i % 1500 === 3 ? "" : `研修项目${i}号`,
    );
    const { view, rows } = viewOf(values);
    const fromGroups = [...groupRows(view, rows, "title").values()].filter((g) => g.length > 1);
    expect(fromGroups.length).toBe(5);
    expect(repeatedRows(view, rows, "title")).toEqual(fromGroups);
  });

  it("hashes a compact text as stringHash does, and says when a text is not compact", () => {
    const piece = fc.oneof(
      fc.constantFrom("甲", "A", " ", "\u3000", "Ａ", "\u200b", "\t", "１"),
      fc.string({ maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join("");
        const h = hashIfCompact(s);
        if (compactText(s) === s) expect(h).toBe(stringHash(s) | 0);
        else expect(Number.isInteger(h)).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });
});

/** groupRows as it was first written: a Map of arrays, pushed row by row. */
function naiveGroups(view: ListView<"title">, rows: number[], keepEmpty: boolean): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const text = compactText(view.text(row, "title"));
    if (text === "" && !keepEmpty) continue;
    groups.set(text, [...(groups.get(text) ?? []), row]);
  }
  return groups;
}

/** Cuts 0..n into blocks at the given (unsorted, repeated) places, as a caller reading rows block by block would. */
function blocksOf(n: number, cuts: number[]): Array<[number, number]> {
  const at = [...new Set([0, ...cuts.map((c) => c % (n + 1)), n])].sort((a, b) => a - b);
  return at.slice(1).map((to, i) => [at[i] as number, to]);
}

describe("groupRows and the block-by-block passes", () => {
  const text = fc.constantFrom("甲", "乙", " 甲", "ＡＢ", "AB", "", " ", "\u3000", "丙丁", "研修班1", "x");

  it("groupRows gives a Map of arrays pushed row by row, with and without the empty group", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 80 }), fc.boolean(), (values, keepEmpty) => {
        const { view, rows } = viewOf(values);
        const groups = groupRows(view, rows, "title", keepEmpty);
        expect([...groups]).toEqual([...naiveGroups(view, rows, keepEmpty)]);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same groups, repeats and blanks whatever blocks the rows are added in", () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (values, cuts, partitionRows) => {
          const { view, rows } = viewOf(values);
          const grouping = new RowGrouping(view, rows, "title", true);
          const hashes = new ColumnHashes(view, rows, "title");
          for (const [from, to] of blocksOf(rows.length, cuts)) {
            grouping.add(from, to);
            hashes.add(from, to);
          }
          expect([...grouping.groups()]).toEqual([...groupRows(view, rows, "title", true)]);
          const blanks: number[] = [];
          expect(repeatedHashedRows(hashes, partitionRows)).toEqual(
            repeatedRows(view, rows, "title", { blanks, partitionRows }),
          );
          expect(hashes.blanks).toEqual(blanks);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
