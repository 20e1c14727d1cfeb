// Regression: some Excel builds read RangeFill.pattern as null for no fill and for a white (or any solid) fill alike
// (office-js #4900), and fill.color as #FFFFFF for no fill (#6218). The adapter recorded pattern null, which the record
// could not hold, so the whole sheet's record was dropped and 清除标记 left the marks behind. It now tells no fill by
// tintAndShade (Microsoft's advice on #4900), knows its own fills whatever the pattern reads, and a bad entry of the
// record costs only that entry.

import { MARKS_SETTING_KEY } from "../../src/adapters/office";
import { decodeStored, stateOf } from "../../src/adapters/office/marks-store";
import { MARK_FILL } from "../../src/core/marks";
import { createWorkbook } from "../support/excel-sim";
import { finding, listRows, portFor } from "./helpers";

describe.each([false, true])("mark, then clear (pattern reads null: %s)", (ambiguousFillPattern) => {
  it("puts back exactly no fill, white, a colour and a pattern", async () => {
    const wb = createWorkbook({
      sheets: [
        {
          name: "S",
          values: listRows(8),
          fills: {
            A3: "#FFFFFF",
            A4: "#FFEB9C",
            A5: { color: "#DDEBF7", pattern: "Gray25", patternColor: "#808080" },
          },
        },
      ],
      ambiguousFillPattern,
    });
    const before = wb.sheet("S").cells();
    const port = portFor(wb);
    const cells = [1, 2, 3, 4].map((r) => finding("S", r, 0));
    await port.applyMarks("S", cells);
    const s = wb.sheet("S");
    for (const a of ["A2", "A3", "A4", "A5"])
      expect(s.cell(a).fill).toMatchObject({ color: MARK_FILL.error, pattern: "Solid" });
    // Marked again (the second check of a sheet): last time's cells are known as ours whatever the pattern reads.
    await port.applyMarks("S", cells.slice(1));
    await port.clearMarks("S");
    expect(s.cells()).toEqual(before);
    expect(wb.settings()[MARKS_SETTING_KEY]).toBeUndefined();
  });
});

it("drops a bad entry of the record, not the sheet's whole record", () => {
  const stored = decodeStored({
    version: 1,
    sheets: {
      "{S}": {
        name: "S",
        painted: [
          { color: MARK_FILL.error, cells: "A2:A4" },
          { color: 7, cells: "B2" },
        ],
        originals: [
          { fill: null, cells: "A2" },
          { fill: { color: "#FFFFFF", pattern: null }, cells: "A3" },
          { fill: { color: "#FFFFFF", pattern: "Solid" }, cells: "A4" },
        ],
        annotated: { cells: "A2:A4", bytes: "many" },
      },
    },
  });
  const state = stateOf(stored, "{S}");
  expect([...state.painted.keys()]).toHaveLength(3);
  expect([...state.original.values()]).toEqual([null, { color: "#FFFFFF", pattern: "Solid" }]);
  expect(state.annotated.size).toBe(0);
});
