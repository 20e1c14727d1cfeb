import {
  CellError,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type SimpleRangeValue,
} from "hyperformula";
import type { CellValue as HfValue } from "hyperformula";
import { toA1 } from "../../src/core/grid/a1";
import type { CellRef, Grid } from "../../src/core/grid/types";
import { LIST_COLUMNS } from "../../src/core/recognise/columns";
import { readList } from "../../src/core/recognise/list";
import {
  buildStatsSheet,
  computeStats as computeStatsWith,
  statsProfileFor,
  type ListStats,
  type StatsSheetLayout,
} from "../../src/core/stats";
import type { SheetLayout } from "../../src/core/templates/layout";

/** The statistics of a Shanghai list: the tests read it with the sh-2026-gaoyan pack's profile (stats.yaml). */
const computeStats = (
  grid: Parameters<typeof computeStatsWith>[0],
  options: Parameters<typeof computeStatsWith>[1] = {},
) => computeStatsWith(grid, { profile: statsProfileFor("sh-2026-gaoyan"), ...options });

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
      // Text stays text, as in Excel: HyperFormula would otherwise parse “30%” or “60” typed as text into numbers.
      else if (typeof v === "string") row.push(`'${v}`);
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

export function build(grid: Grid): { stats: ListStats; layout: StatsSheetLayout } {
  const list = readList(grid, LIST_COLUMNS);
  const stats = computeStats(grid, list ? { list } : {});
  if (!list || !stats) throw new Error(`${grid.name}: not a list`);
  return { stats, layout: buildStatsSheet(grid.name, list, stats) };
}

const asNull = (v: unknown) => (v === "" || v === null ? null : v);

/** Every figure the sheet shows, evaluated by HyperFormula, against the core's figure. */
export function expectSheetEqualsCore(grid: Grid): void {
  const { stats, layout } = build(grid);
  const { value, errors } = evaluateLayout(grid, layout);
  expect(errors).toEqual([]);
  const f = layout.figures;
  const num = (ref: { row: number; col: number } | undefined) => (ref ? asNull(value(ref)) : undefined);
  const close = (got: unknown, want: number | null) => {
    if (want === null) expect(got).toBeNull();
    else expect(got as number).toBeCloseTo(want, 9);
  };
  // Cells a formula cannot read like the core (numbers typed as text, ranks as words): the sheet lists them on top
  // and the figures that depend on them are the only ones allowed to differ until the cells are fixed.
  const caveatKeys = new Set(stats.caveats.map((c) => c.key));
  const caveatRows = (key: string) => new Set(stats.caveats.filter((c) => c.key === key).map((c) => c.row));
  if (stats.caveats.length > 0) {
    const first = stats.caveats[0];
    const note = layout.cells.map((c) => String(c.value ?? "")).find((t) => t.startsWith("注意"));
    expect(first && note?.includes(toA1(first.row, first.col))).toBe(true);
  }
  // A 推荐排序 formula never calculated (a script's =ROW()-4): its value is unknown to the core and to this harness
  // alike (Excel computes it on opening), so the verdicts over it are not compared.
  const rankCol = readList(grid, LIST_COLUMNS)?.columns.get("rank")?.col;
  const unknownRank = (row: number) => rankCol !== undefined && grid.cell(row, rankCol).uncalculated === true;
  const figuresOf = (keys: string[]) => !keys.some((k) => caveatKeys.has(k as never));

  expect(num(f.projects)).toBe(stats.totals.projects);
  if (stats.totals.trainees !== null) {
    if (figuresOf(["trainees"])) expect(num(f.trainees)).toBe(stats.totals.trainees);
  } else expect(f.trainees).toBeUndefined();
  if (stats.totals.grassroots !== null && figuresOf(["trainees", "grassroots", "grassrootsShare"])) {
    close(num(f.grassroots), stats.totals.grassroots);
    close(num(f.grassrootsShare), stats.totals.grassrootsShare);
  }
  if (stats.totals.ai !== null) {
    expect(num(f.ai)).toBe(stats.totals.ai);
    close(num(f.aiShare), stats.totals.aiShare);
  } else expect(f.ai).toBeUndefined();

  expect(f.recommenders).toHaveLength(stats.recommenders.length);
  stats.recommenders.forEach((rec, i) => {
    const cells = f.recommenders[i];
    if (!cells) throw new Error("missing recommender line");
    expect([rec.name, num(cells.projects), num(cells.allowed)]).toEqual([
      rec.name,
      rec.projects,
      rec.allowed,
    ]);
    if (rec.key !== null) {
      expect(num(cells.key)).toBe(rec.key);
      close(num(cells.share), rec.projects === 0 ? null : rec.share);
    }
    if (
      rec.ranking.status !== "absent" &&
      !rec.rows.some((row) => caveatRows("rank").has(row) || unknownRank(row))
    )
      expect(num(cells.ranking)).toBe(rec.ranking.status === "valid" ? "有效" : "有误");
  });

  const shown = new Map(f.domains.map((d) => [d.domain, d]));
  for (const d of stats.domains) {
    const cells = shown.get(d.domain);
    expect(cells && [d.domain, num(cells.count)]).toEqual([d.domain, d.count]);
    close(num(cells?.share), d.share);
  }
  // Every other 领域 of the notice is on the sheet at 0, so one typed later is counted.
  for (const d of f.domains)
    if (!stats.domains.some((s) => s.domain === d.domain)) expect(num(d.count)).toBe(0);
  if (stats.domainUnset > 0) expect(num(f.domainUnset)).toBe(stats.domainUnset);

  expect(f.hosts.map((h) => [h.host, num(h.count)])).toEqual(stats.hosts.map((h) => [h.host, h.count]));

  expect(f.rows.map((r) => r.row)).toEqual(stats.rows.map((p) => p.row));
  stats.rows.forEach((p, i) => {
    const cells = f.rows[i];
    if (!cells) throw new Error("missing detail line");
    expect(num(cells.sourceRow)).toBe(p.row + 1);
    if (cells.rank && figuresOf(["score"]))
      expect([p.row, num(cells.rank), num(cells.tied)]).toEqual([p.row, p.rank, p.tied ? "并列" : null]);
    const group = stats.recommenders.find((rec) => rec.rows.includes(p.row));
    if (cells.rankingOk && !group?.rows.some((row) => caveatRows("rank").has(row)))
      expect([p.row, num(cells.rankingOk)]).toEqual([p.row, p.rankingOk ? 1 : 0]);
  });
}
