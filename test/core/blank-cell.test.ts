import fc from "fast-check";
import type { RawCell } from "../../src/core/grid/types";
import { cellText, isBlankCell } from "../../src/core/read/normalise";

// isBlankCell answers from the first character when it is plainly not space; it must agree with cellText(cell) === "".
describe("isBlankCell", () => {
  it("agrees with cellText on any cell", () => {
    const piece = fc.oneof(
      fc.constantFrom(" ", "\u3000", "\u00a0", "\ufeff", "\n", "\u200b", "甲", "A", "1", "（"),
      fc.string({ maxLength: 2 }),
    );
    const text = fc.array(piece, { maxLength: 4 }).map((p) => p.join(""));
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 2 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(text, value, (t, v) => {
        const cell = { value: v, text: t } as RawCell;
        expect(isBlankCell(cell)).toBe(cellText(cell) === "");
      }),
      { numRuns: 20000 },
    );
  });
});
