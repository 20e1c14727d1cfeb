// Regression: template text written through `Range.formulas` changed in real Excel. Excel reads strings there as typed
// input, so "TRUE" became a boolean, "1:30" a time, "1,234" a number. The simulator now reads `formulas` strings that
// way too; every text of a layout must arrive as the text it is.

import type { SheetLayout } from "../../src/core/templates/layout";
import { createWorkbook } from "../support/excel-sim";
import { portFor } from "./helpers";

const TEXTS = [
  "001",
  "TRUE",
  "false",
  "1:30",
  "1,234",
  "-5",
  "50%",
  "2026-03-01",
  "+86 21",
  "@home",
  "＝１",
  "第1期",
];

it.each([true, false])(
  "inserts template text as text, never as what Excel would make of it (typed %s)",
  async (typed) => {
    const wb = createWorkbook({ sheets: [{ name: "说明" }], parsesTypedText: typed });
    const layout: SheetLayout = {
      name: "申报表",
      cells: [
        ...TEXTS.map((value, row) => ({ row, col: 0, value })),
        { row: 0, col: 1, value: 7 },
        { row: 1, col: 1, formula: "=B1*2", value: 14 },
      ],
      merges: [],
      borders: [],
      columnWidths: [12, 12],
      rowHeights: {},
      validations: [],
      print: {
        orientation: "portrait",
        margins: { top: 1, bottom: 1, left: 0.75, right: 0.75, header: 0.5, footer: 0.5 },
        fitToWidth: true,
        printArea: { top: 0, left: 0, bottom: TEXTS.length - 1, right: 1 },
      },
    };
    const name = await portFor(wb).insertSheet(layout);
    const s = wb.sheet(name);
    TEXTS.forEach((text, row) => {
      const cell = s.cell(`A${row + 1}`);
      expect({ text, value: cell.value, formula: cell.formula }).toEqual({
        text,
        value: text,
        formula: undefined,
      });
    });
    expect(s.cell("B1").value).toBe(7);
    expect(s.cell("B2").formula).toBe("=B1*2");
  },
);
