import {
  CellError,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type SimpleRangeValue,
} from "hyperformula";
import type { CellValue as HfValue } from "hyperformula";
import type { CellRef, Grid } from "../../src/core/grid/types";
import type { SheetLayout } from "../../src/core/templates/layout";

/**
 * RANK for HyperFormula, which (3.x) implements neither RANK nor RANK.EQ. Excel's definition: 1 + the count of numbers in the
 * range greater than x (order 0) or smaller (order ≠ 0); #N/A when x is not in the range; text and blanks ignored.
 * A test checks it against HyperFormula's native COUNTIF(range, ">"&x) + 1 on the same cells.
 */
class ExcelRankPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    RANK: {
      method: "rankEq",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };

  rankEq(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("RANK"),
      (x: number, range: SimpleRangeValue, order: number) => {
        const numbers = range.valuesFromTopLeftCorner().filter((v): v is number => typeof v === "number");
        if (!numbers.includes(x)) return new CellError("NA" as never);
        return 1 + numbers.filter((v) => (order === 0 ? v > x : v < x)).length;
      },
    );
  }
}
HyperFormula.registerFunctionPlugin(ExcelRankPlugin, { enGB: { RANK: "RANK" } });

export type Evaluated = (ref: CellRef) => HfValue;

/** The grid's values as HyperFormula raw content (text that looks like a formula stays text). */
function sourceContent(grid: Grid): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const v = grid.cell(r, c).value;
      if (v === null || v === undefined) row.push(null);
      else if (v instanceof Date) row.push(v.toISOString().slice(0, 10));
      else if (typeof v === "string" && /^[=+\-@']/.test(v)) row.push(`'${v}`);
      else row.push(v);
    }
    rows.push(row);
  }
  return rows;
}

function layoutContent(layout: SheetLayout): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const cell of layout.cells) {
    while (rows.length <= cell.row) rows.push([]);
    const row = rows[cell.row] as (string | number | null)[];
    while (row.length <= cell.col) row.push(null);
    row[cell.col] = cell.formula ?? cell.value ?? null;
  }
  return rows;
}

/**
 * A HyperFormula workbook with the source sheet's values and the statistics sheet's formulas, evaluated. Array
 * arithmetic is on because Excel evaluates SUMPRODUCT's arguments as arrays in every version.
 */
export function evaluateLayout(
  grid: Grid,
  layout: SheetLayout,
): { value: Evaluated; errors: string[]; hf: HyperFormula } {
  const statsName = grid.name === layout.name ? `${layout.name} (2)` : layout.name;
  const hf = HyperFormula.buildFromSheets(
    { [grid.name]: sourceContent(grid), [statsName]: layoutContent(layout) },
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
  );
  const sheet = hf.getSheetId(statsName) as number;
  const value: Evaluated = (ref) => hf.getCellValue({ sheet, row: ref.row, col: ref.col });
  const errors: string[] = [];
  for (const cell of layout.cells) {
    if (!cell.formula) continue;
    const v = value(cell);
    if (v !== null && typeof v === "object" && "type" in v)
      errors.push(`${cell.row},${cell.col} ${cell.formula} → ${v.value} ${v.message}`);
  }
  return { value, errors, hf };
}
