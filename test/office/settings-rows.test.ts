// The store's row format shared by both adapters (src/core/settings-rows.ts): pieces of at most STORE_CHUNK
// characters that join back to the value, never cut inside a character or in front of an apostrophe.

import {
  STORE_CHUNK,
  STORE_MARKER,
  STORE_VERSION,
  decodeStoreRows,
  encodeStoreRows,
  storeRowsFromValues,
} from "../../src/core/settings-rows";

/** Half of a character made of two UTF-16 units, without its other half: not valid text in an xlsx file. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string value whose JSON has `ch` at index `at` (the JSON adds a quote in front). */
function valueWith(ch: string, at: number): string {
  return "x".repeat(at - 1) + ch + "y".repeat(100);
}

describe("store rows", () => {
  it.each([
    ["a short value", { 推荐表: { level: "national" } }],
    ["a value of exactly one chunk", "z".repeat(STORE_CHUNK - 2)],
    ["a value of three chunks", "长".repeat(STORE_CHUNK * 2 + 5)],
    ["an emoji across the cut", valueWith("😀", STORE_CHUNK - 1)],
    ["an apostrophe right after the cut", valueWith("'", STORE_CHUNK)],
    ["apostrophes around the cut", valueWith("''''", STORE_CHUNK - 2)],
  ])("round-trips %s, every piece within a cell and valid text", (_what, value) => {
    const rows = encodeStoreRows(new Map([["k", value]]));
    expect(rows[0]).toEqual([STORE_MARKER, STORE_VERSION]);
    const pieces = rows.slice(1).map(([, piece]) => String(piece));
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(STORE_CHUNK);
      expect(piece.startsWith("'")).toBe(false);
      expect(LONE_SURROGATE.test(piece)).toBe(false);
    }
    const decoded = decodeStoreRows(rows.slice(1).map(([k, p]) => [k, String(p)] as const));
    expect(decoded).toEqual({ values: new Map([["k", value]]), unreadable: [] });
  });

  it("leaves out a key whose value has no JSON, and names one whose JSON does not parse", () => {
    expect(encodeStoreRows(new Map<string, unknown>([["gone", undefined]]))).toHaveLength(1);
    expect(
      decodeStoreRows([
        ["bad", "{"],
        ["", "1"],
        [" good ", "[1,"],
        ["good", "2]"],
      ]),
    ).toEqual({ values: new Map([["good", [1, 2]]]), unreadable: ["bad"] });
  });

  it("takes columns A and B below the header from a block of values wherever it starts", () => {
    const block = [
      [STORE_MARKER, 1],
      ["k", "[1"],
      ["k", ",2]"],
    ];
    expect(storeRowsFromValues(block)).toEqual([
      ["k", "[1"],
      ["k", ",2]"],
    ]);
    expect(storeRowsFromValues(block.slice(1), 1, 0)).toEqual([
      ["k", "[1"],
      ["k", ",2]"],
    ]);
    expect(storeRowsFromValues([["x"]], 3, 1)).toEqual([["", "x"]]);
  });
});
