import fc from "fast-check";
import { columnLetters } from "../../src/core/grid/a1";
import type { Finding } from "../../src/core/findings";
import { type FillSeed, createWorkbook } from "../support/excel-sim";
import { finding, portFor } from "./helpers";

const ROWS = 6;
const COLS = 4;
const cellArb = fc.record({ row: fc.nat(ROWS - 1), col: fc.nat(COLS - 1) });
const addr = (c: { row: number; col: number }) => `${columnLetters(c.col)}${c.row + 1}`;

/** Prior formats people leave on cells: none, white (not the same!), colours, patterns with and without colour. */
const fillArb: fc.Arbitrary<FillSeed | null> = fc.oneof(
  fc.constant(null),
  fc.constant({ color: "#FFFFFF", pattern: "Solid" }),
  fc.constantFrom("#FFC7CE", "#FFEB9C", "#DDEBF7", "#00B050").map((color) => ({ color, pattern: "Solid" })),
  fc.record({
    color: fc.constantFrom("#FFFFFF", "#FFFF00"),
    pattern: fc.constantFrom("Gray25", "LightUp", "Checker"),
    patternColor: fc.option(fc.constantFrom("#FF0000", "#0000FF"), { nil: undefined }),
  }),
);

const findingsArb = fc.array(
  fc.record({
    cell: cellArb,
    severity: fc.constantFrom("error", "warning", "info") as fc.Arbitrary<Finding["severity"]>,
  }),
  { maxLength: 12 },
);

const scenarioArb = fc.record({
  fills: fc.dictionary(cellArb.map(addr), fillArb, { maxKeys: 12 }),
  notes: fc.dictionary(cellArb.map(addr), fc.constantFrom("请核对", "已确认", "【备注】来源：单位自报"), {
    maxKeys: 4,
  }),
  comments: fc.dictionary(cellArb.map(addr), fc.constantFrom("已联系", "待补材料"), { maxKeys: 3 }),
  rounds: fc.array(findingsArb, { minLength: 1, maxLength: 3 }),
  excelApi: fc.constantFrom("1.18", "1.12", "1.9"),
  freshPaneForClear: fc.boolean(),
});

describe("mark then clear", () => {
  it("leaves every cell's fill, pattern, values, notes and comments as they were, for any prior formats", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        // A cell holds a note or a comment, not both.
        const comments = Object.fromEntries(Object.entries(sc.comments).filter(([a]) => !(a in sc.notes)));
        const values = Array.from({ length: ROWS }, (_, r) =>
          Array.from({ length: COLS }, (_, c) =>
            r === 0 ? `列${c}` : (r * 7 + c) % 5 === 0 ? null : r * 10 + c,
          ),
        );
        const wb = createWorkbook({
          sheets: [{ name: "S", values, fills: sc.fills, notes: sc.notes, comments }],
          requirementSets: { ExcelApi: sc.excelApi },
        });
        const before = {
          cells: wb.sheet("S").cells(),
          notes: wb.sheet("S").notes(),
          comments: wb.sheet("S").comments(),
          settings: wb.settings(),
        };
        const port = portFor(wb);
        for (const round of sc.rounds) {
          await port.readSheet("S");
          await port.applyMarks(
            "S",
            round.map((f) => finding("S", f.cell.row, f.cell.col, f.severity)),
          );
        }
        await (sc.freshPaneForClear ? portFor(wb) : port).clearMarks("S");
        expect({
          cells: wb.sheet("S").cells(),
          notes: wb.sheet("S").notes(),
          comments: wb.sheet("S").comments(),
          settings: wb.settings(),
        }).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("marks exactly the cells with errors or warnings, in the colour of the worst", async () => {
    await fc.assert(
      fc.asyncProperty(
        findingsArb,
        fc.dictionary(cellArb.map(addr), fillArb, { maxKeys: 8 }),
        async (round, fills) => {
          const wb = createWorkbook({ sheets: [{ name: "S", values: [["a"]], fills }] });
          await portFor(wb).applyMarks(
            "S",
            round.map((f) => finding("S", f.cell.row, f.cell.col, f.severity)),
          );
          const worst = new Map<string, string>();
          for (const f of round) {
            if (f.severity === "info") continue;
            const a = addr(f.cell);
            if (worst.get(a) !== "error") worst.set(a, f.severity);
          }
          for (let r = 0; r < ROWS; r++)
            for (let c = 0; c < COLS; c++) {
              const a = addr({ row: r, col: c });
              const color = wb.sheet("S").cell(a).fill?.color;
              const w = worst.get(a);
              if (w) expect(color).toBe(w === "error" ? "#FFC7CE" : "#FFEB9C");
              else expect(wb.sheet("S").cell(a).fill).toEqual(before(fills[a]));
            }
        },
      ),
      { numRuns: 100 },
    );
  });
});

function before(f: FillSeed | null | undefined) {
  if (!f || f.pattern === "None") return null;
  return {
    color: f.color ?? "#FFFFFF",
    pattern: f.pattern ?? "Solid",
    ...(f.patternColor ? { patternColor: f.patternColor } : {}),
  };
}
