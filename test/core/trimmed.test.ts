import fc from "fast-check";
import { trimmed } from "../../src/core/read/normalise";

// trimmed skips String.prototype.trim when both ends are plainly not space; it must give what trim gives.
describe("trimmed", () => {
  it.each([" 甲 ", "\u3000甲", "甲\u00a0", "\ufeffA", "A\u2028", "甲乙", "", " ", "a"])(
    "%j as trim() gives it",
    (s) => {
      expect(trimmed(s)).toBe(s.trim());
    },
  );

  it("agrees with trim() on any text", () => {
    const spaces = fc.constantFrom(
      ..." \t\n\r\u000b\u000c\u00a0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u0085",
    );
    const piece = fc.oneof(
      spaces,
      fc.string({ unit: "binary", maxLength: 3 }),
      fc.constantFrom("甲", "A", "1"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join("");
        expect(trimmed(s)).toBe(s.trim());
      }),
      { numRuns: 20000 },
    );
  });
});
