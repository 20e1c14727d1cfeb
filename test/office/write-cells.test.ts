// writeCells over the simulator with Excel's reading of typed text switched on: what is written is what the cell
// holds (never a formula, a number made of text, a date), in one request, and no other cell is touched.

import { OfficeAdapterError } from "../../src/adapters/office";
import { CellValueError, cellInput, needsTextMark, planWrites } from "../../src/adapters/office/write-cells";
import { toA1 } from "../../src/core/grid/a1";
import type { CellWrite } from "../../src/core/port";
import { createWorkbook } from "../support/excel-sim";
import { measureSyncs } from "../support/excel-sim/syncs";
import { portFor } from "./helpers";

const FIVE_MB = 5 * 1024 * 1024;

function typedWorkbook(values: Array<Array<string | number>> = [["项目名称", "学员人数"]]) {
  return createWorkbook({ sheets: [{ name: "名单", values }], parsesTypedText: true });
}

describe("the simulator reads typed text as Excel does (so the tests below can fail)", () => {
  it.each([
    ["001", 1],
    ["=SUM(A1)", ""],
    ["TRUE", true],
    ["50%", 0.5],
  ])("writing %j through values without a text mark gives %j", async (text, value) => {
    const wb = typedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("名单").getRange("C1").values = [[text]];
      await context.sync();
    });
    expect(wb.sheet("名单").cell("C1").value).toEqual(value);
  });
});

describe("writeCells", () => {
  it.each<[string, string | number | null]>([
    ["text with leading zeros", "001"],
    ["a formula's text", "=SUM(A1:A9)"],
    ["a phone with a plus", "+86 138 0000 0000"],
    ["a dash", "-"],
    ["a minus sign and words", "-无-"],
    ["an at sign", "@主办"],
    ["a boolean's name", "TRUE"],
    ["a percentage's text", "50%"],
    ["a date's text", "2025-3-1"],
    ["a Chinese date", "3月1日"],
    ["an error's text", "#N/A"],
    ["text starting with an apostrophe", "'引用"],
    ["two apostrophes", "''"],
    ["full-width digits", "１２"],
    ["a header", "评分排名"],
    ["a ticked option", "☑同意 □不同意"],
    ["a number", 3],
    ["zero", 0],
    ["a negative decimal", -2.5],
  ])("keeps %s exactly: %j", async (_what, value) => {
    const wb = typedWorkbook();
    await portFor(wb).writeCells("名单", [{ row: 4, col: 2, value }]);
    const cell = wb.sheet("名单").cell("C5");
    expect(cell.value).toBe(value);
    expect(cell.formula).toBeUndefined();
    expect(cell.numberFormat).toBe("General");
  });

  it("empties a cell for null and for the empty string, formula and all", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "名单", cells: { B2: { value: 7 }, B3: { formula: "=B2*2", value: 14 } } }],
    });
    await portFor(wb).writeCells("名单", [
      { row: 1, col: 1, value: null },
      { row: 2, col: 1, value: "" },
    ]);
    expect(wb.sheet("名单").cells()).toEqual({});
  });

  it("writes a 10,000-row rank column with gaps in one sync, touching nothing else", async () => {
    const rows = 10_000;
    const values: Array<Array<string | number>> = [["项目名称", "学员人数", "备注"]];
    for (let r = 1; r <= rows; r++)
      values.push([`第${r}期高级研修班`, 50 + (r % 30), r % 7 === 0 ? "重点" : ""]);
    const wb = createWorkbook({
      sheets: [
        {
          name: "名单",
          values,
          fills: { "D1:D20": "#FFFF00" },
          numberFormats: { "D2:D10001": "0" },
          notes: { D5: "用户的批注" },
        },
      ],
      parsesTypedText: true,
    });
    const before = wb.sheet("名单").cells();
    // Rows without a score get no rank: every 13th row is left out, and one stale rank is cleared.
    const writes: CellWrite[] = [{ row: 0, col: 3, value: "评分排名" }];
    for (let r = 1; r <= rows; r++) if (r % 13 !== 0) writes.push({ row: r, col: 3, value: r });
    writes.push({ row: 26, col: 3, value: null });
    const m = await measureSyncs(wb, () => portFor(wb).writeCells("名单", writes));
    expect(m.syncs).toBe(1);
    expect(m.maxRequestBytes).toBeLessThan(FIVE_MB);

    const after = wb.sheet("名单").cells();
    const written = new Set(writes.map((w) => toA1(w.row, w.col)));
    for (const [address, state] of Object.entries(before))
      if (!written.has(address)) expect([address, after[address]]).toEqual([address, state]);
    for (const address of Object.keys(after))
      if (!written.has(address)) expect(before[address]).toBeDefined();
    for (const w of writes) {
      const cell = wb.sheet("名单").cell(toA1(w.row, w.col));
      expect([toA1(w.row, w.col), cell.value]).toEqual([toA1(w.row, w.col), w.value ?? ""]);
      // Formats stay the user's: the fill of D1:D20 and the number format of the column.
      expect(cell.fill).toEqual(before[toA1(w.row, w.col)]?.fill ?? null);
      expect(cell.numberFormat).toBe(before[toA1(w.row, w.col)]?.numberFormat ?? "General");
    }
    expect(wb.sheet("名单").notes()).toEqual({ D5: "用户的批注" });
  }, 60_000);

  it("writes a checkerboard without touching the cells in between", async () => {
    const values = Array.from({ length: 20 }, (_, r) => Array.from({ length: 6 }, (__, c) => `原${r}-${c}`));
    const wb = createWorkbook({ sheets: [{ name: "名单", values }], parsesTypedText: true });
    const writes: CellWrite[] = [];
    for (let r = 0; r < 20; r++)
      for (let c = 0; c < 6; c++)
        if ((r + c) % 2 === 0) writes.push({ row: r, col: c, value: `新${r}-${c}` });
    await portFor(wb).writeCells("名单", writes);
    for (let r = 0; r < 20; r++)
      for (let c = 0; c < 6; c++)
        expect(wb.sheet("名单").cell(toA1(r, c)).value).toBe(
          (r + c) % 2 === 0 ? `新${r}-${c}` : `原${r}-${c}`,
        );
  });

  it("keeps the last value of a cell written twice", async () => {
    const wb = typedWorkbook();
    await portFor(wb).writeCells("名单", [
      { row: 3, col: 0, value: "先" },
      { row: 3, col: 0, value: "后" },
    ]);
    expect(wb.sheet("名单").cell("A4").value).toBe("后");
  });

  it("splits more than 5 MB of text over as few requests as fit, each under the limit", async () => {
    const wb = typedWorkbook();
    const long = (r: number) => `${r}`.padEnd(30_000, "长");
    const writes = Array.from({ length: 200 }, (_, r) => ({ row: r, col: 4, value: long(r) }));
    const m = await measureSyncs(wb, () => portFor(wb).writeCells("名单", writes));
    // 200 cells of 90 kB each (three UTF-8 bytes a character): 18 MB; 49 cells fill a request of 4.5 MB.
    expect(m.syncs).toBe(5);
    expect(m.maxRequestBytes).toBeLessThan(FIVE_MB);
    for (const w of writes) expect(wb.sheet("名单").cell(toA1(w.row, 4)).value).toBe(w.value);
  }, 60_000);

  it("costs no request for no writes", async () => {
    const wb = typedWorkbook();
    expect((await measureSyncs(wb, () => portFor(wb).writeCells("名单", []))).syncs).toBe(0);
  });

  it("says the sheet is protected instead of failing obscurely", async () => {
    const wb = createWorkbook({ sheets: [{ name: "名单", protected: true }] });
    const e = await portFor(wb)
      .writeCells("名单", [{ row: 0, col: 0, value: 1 }])
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OfficeAdapterError);
    expect(e).toMatchObject({ kind: "protected" });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("refuses %s, which no cell can hold", async (n) => {
    const wb = typedWorkbook();
    await expect(portFor(wb).writeCells("名单", [{ row: 0, col: 0, value: n }])).rejects.toBeInstanceOf(
      CellValueError,
    );
    expect(wb.requests).toHaveLength(0);
  });
});

describe("planning writes", () => {
  it("covers cells with column runs, one range write each", () => {
    const writes: CellWrite[] = [0, 1, 2, 5].flatMap((row) => [
      { row, col: 3, value: row },
      { row, col: 4, value: `${row}` },
    ]);
    const [request, ...more] = planWrites(writes);
    expect(more).toEqual([]);
    expect(request?.map((b) => [b.rect, b.values])).toEqual([
      [
        { top: 0, bottom: 2, left: 3, right: 4 },
        [
          [0, "'0"],
          [1, "'1"],
          [2, "'2"],
        ],
      ],
      [{ top: 5, bottom: 5, left: 3, right: 4 }, [[5, "'5"]]],
    ]);
  });

  it("cuts a column too large for one request into bands that fill each request", () => {
    // Each row is about 300 bytes of values: three fit a request of 1,300 bytes with the write's own 300.
    const writes = Array.from({ length: 8 }, (_, r) => ({ row: r, col: 0, value: "字".repeat(100) }));
    const requests = planWrites(writes, 1_300);
    expect(requests.map((r) => r.map((b) => [b.rect.top, b.rect.bottom]))).toEqual([
      [[0, 2]],
      [[3, 5]],
      [[6, 7]],
    ]);
    expect(requests.every((r) => r.reduce((n, b) => n + b.bytes, 0) <= 1_300)).toBe(true);
  });

  it("halves a row too large for any request by columns", () => {
    const wide = planWrites(
      Array.from({ length: 4 }, (_, c) => ({ row: 0, col: c, value: "字".repeat(100) })),
      800,
    );
    expect(wide.map((r) => r.map((b) => [b.rect.left, b.rect.right]))).toEqual([
      [[0, 0]],
      [[1, 1]],
      [[2, 2]],
      [[3, 3]],
    ]);
  });

  it("refuses a cell outside the sheet", () => {
    expect(() => planWrites([{ row: -1, col: 0, value: 1 }])).toThrow(CellValueError);
  });

  it.each([
    ["评分排名", false],
    ["☑同意 □不同意", false],
    ["上海大学", false],
    ["true", true],
    [" FALSE ", true],
    ["第3名", true],
    ["＝A1", true],
    ["#REF!", true],
  ])("marks %j as text only where Excel could read it otherwise: %s", (text, mark) => {
    expect(needsTextMark(text)).toBe(mark);
    expect(cellInput(text)).toBe(mark ? `'${text}` : text);
  });
});
