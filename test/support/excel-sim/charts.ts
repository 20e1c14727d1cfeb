import { type RangeT, checkWritable } from "./cells";
import { SimError } from "./errors";
import type { ChartModel, SheetModel } from "./model";
import { type ClassSpec, type Env, SimObject, defineProps } from "./proxy";
import { rectOn } from "./range";

const CHART_TYPES = new Set([
  "ColumnClustered",
  "BarClustered",
  "ColumnStacked",
  "BarStacked",
  "Line",
  "Pie",
]);

function rangeArg(sheet: SheetModel, arg: unknown, env: Env): RangeT {
  if (typeof arg === "string") return { sheet, rect: rectOn(sheet, arg) };
  const t = arg instanceof SimObject ? arg._target<RangeT>(env) : undefined;
  if (!t || !("rect" in t)) throw new SimError("InvalidArgument", "Expected a Range or an address.");
  return t;
}

interface ChartT {
  sheet: SheetModel;
  chart: ChartModel;
}

function live(t: ChartT): ChartModel {
  if (!t.sheet.charts.includes(t.chart)) throw new SimError("ItemNotFound", "The chart no longer exists.");
  return t.chart;
}

const CHARTS_SPEC: ClassSpec<SheetModel> = {
  type: "ChartCollection",
  props: {},
  collection: {
    list: (s) => s.charts.map((chart) => ({ sheet: s, chart })),
    make: (owner, item) => new Chart(owner.context, owner, () => item, { bound: item }),
  },
};

/** Office.js `Excel.ChartCollection`: enough to add a chart from a range and place it. */
export class ChartCollection extends SimObject {
  protected readonly _spec = CHARTS_SPEC as ClassSpec<never>;

  add(type: string, sourceData: unknown, seriesBy = "Auto"): Chart {
    let created: ChartT | undefined;
    this._act(
      "add",
      [type, typeof sourceData === "string" ? sourceData : "ref", seriesBy],
      (s: SheetModel, env) => {
        checkWritable(s);
        if (!CHART_TYPES.has(type))
          throw new SimError("InvalidArgument", `Chart type ${type} is not simulated.`);
        const source = rangeArg(s, sourceData, env);
        const chart: ChartModel = {
          id: env.model.newObjectId("CHART"),
          name: `Chart ${s.charts.length + 1}`,
          type,
          source: { ...source.rect },
          seriesBy,
          title: "",
          legendVisible: true,
        };
        s.charts.push(chart);
        created = { sheet: s, chart };
      },
    );
    return new Chart(
      this.context,
      this,
      () => {
        if (!created) throw new SimError("ItemNotFound", "The chart was not added.");
        return created;
      },
      { wire: ["add", [type]] },
    );
  }

  getCount() {
    return this._result("getCount", [], (s: SheetModel) => s.charts.length);
  }
}

const CHART_SPEC: ClassSpec<ChartT> = {
  type: "Chart",
  navs: ["title", "legend", "series"],
  props: {
    id: { get: (t) => live(t).id },
    name: { get: (t) => live(t).name, set: (t, v) => void (live(t).name = String(v)) },
    chartType: { get: (t) => live(t).type },
  },
};

export class Chart extends SimObject {
  protected readonly _spec = CHART_SPEC as ClassSpec<never>;

  get title(): ChartTitle {
    return this._nav("title", () => new ChartTitle(this.context, this, (p) => p));
  }

  get legend(): ChartLegend {
    return this._nav("legend", () => new ChartLegend(this.context, this, (p) => p));
  }

  get series(): ChartSeriesCollection {
    return this._nav("series", () => new ChartSeriesCollection(this.context, this, (p) => p));
  }

  setPosition(startCell: unknown, endCell?: unknown): void {
    this._act(
      "setPosition",
      [String(startCell), endCell === undefined ? null : String(endCell)],
      (t: ChartT) => {
        live(t);
        if (typeof startCell !== "string")
          throw new SimError("InvalidArgument", "The simulator takes cell addresses here.");
        rectOn(t.sheet, startCell);
        if (typeof endCell === "string") rectOn(t.sheet, endCell);
        t.chart.position =
          typeof endCell === "string" ? { start: startCell, end: endCell } : { start: startCell };
      },
    );
  }

  delete(): void {
    this._act("delete", [], (t: ChartT) => {
      live(t);
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}
defineProps(Chart, CHART_SPEC);

const TITLE_SPEC: ClassSpec<ChartT> = {
  type: "ChartTitle",
  props: { text: { get: (t) => live(t).title, set: (t, v) => void (live(t).title = String(v)) } },
};
export class ChartTitle extends SimObject {
  protected readonly _spec = TITLE_SPEC as ClassSpec<never>;
}
defineProps(ChartTitle, TITLE_SPEC);

const LEGEND_SPEC: ClassSpec<ChartT> = {
  type: "ChartLegend",
  props: {
    visible: { get: (t) => live(t).legendVisible, set: (t, v) => void (live(t).legendVisible = Boolean(v)) },
  },
};
export class ChartLegend extends SimObject {
  protected readonly _spec = LEGEND_SPEC as ClassSpec<never>;
}
defineProps(ChartLegend, LEGEND_SPEC);

const SERIES_COLLECTION_SPEC: ClassSpec<ChartT> = { type: "ChartSeriesCollection", props: {} };

export class ChartSeriesCollection extends SimObject {
  protected readonly _spec = SERIES_COLLECTION_SPEC as ClassSpec<never>;

  getItemAt(index: number): ChartSeries {
    return new ChartSeries(
      this.context,
      this,
      (p) => {
        const t = p as ChartT;
        const c = live(t);
        const count =
          c.seriesBy === "Rows" ? c.source.bottom - c.source.top + 1 : c.source.right - c.source.left + 1;
        if (index < 0 || index >= count) throw new SimError("ItemNotFound", `No series at index ${index}.`);
        return t;
      },
      { wire: ["getItemAt", [index]] },
    );
  }
}

const SERIES_SPEC: ClassSpec<ChartT> = { type: "ChartSeries", props: {} };

export class ChartSeries extends SimObject {
  protected readonly _spec = SERIES_SPEC as ClassSpec<never>;

  setXAxisValues(sourceData: unknown): void {
    this._act(
      "setXAxisValues",
      [typeof sourceData === "string" ? sourceData : "ref"],
      (t: ChartT, env) => {
        live(t).xValues = { ...rangeArg(t.sheet, sourceData, env).rect };
      },
      "1.7",
    );
  }
}

interface BreaksT {
  sheet: SheetModel;
}

const BREAKS_SPEC: ClassSpec<SheetModel> = { type: "PageBreakCollection", since: "1.9", props: {} };

/** Office.js `Excel.PageBreakCollection` (horizontal breaks): a new page starts at the given cell's row. */
export class PageBreakCollection extends SimObject {
  protected readonly _spec = BREAKS_SPEC as ClassSpec<never>;

  add(pageBreakRange: unknown): void {
    this._act("add", [typeof pageBreakRange === "string" ? pageBreakRange : "ref"], (s: SheetModel, env) => {
      checkWritable(s);
      const row = rangeArg(s, pageBreakRange, env).rect.top;
      if (!s.rowBreaks.includes(row)) s.rowBreaks.push(row);
      s.rowBreaks.sort((a, b) => a - b);
    });
  }

  getCount() {
    return this._result("getCount", [], (s: SheetModel) => s.rowBreaks.length);
  }

  removePageBreaks(): void {
    this._act("removePageBreaks", [], (s: SheetModel) => {
      checkWritable(s);
      s.rowBreaks = [];
    });
  }
}

export type { BreaksT };
