import { createWorkbook, isSimError, type SimWorkbook } from "../support/excel-sim";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isSimError(e)) return e.code;
    throw e;
  }
  return "resolved";
}

function sheet(
  wb: SimWorkbook,
  fn: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => Promise<void>,
): Promise<void> {
  return wb.run(async (ctx) => fn(ctx.workbook.worksheets.getItem("S"), ctx));
}

describe("worksheets", () => {
  it("adds, finds, renames, hides, activates and deletes sheets", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await wb.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add("新表");
      added.load("name, id, position");
      await ctx.sync();
      expect(added.position).toBe(1);
      added.name = "改名";
      added.activate();
      await ctx.sync();
    });
    expect(wb.sheetNames()).toEqual(["S", "改名"]);
    expect(wb.activeSheet()).toBe("改名");
    expect(await codeOf(wb.run(async (ctx) => void ctx.workbook.worksheets.add("s")))).toBe(
      "ItemAlreadyExists",
    );
    expect(await codeOf(wb.run(async (ctx) => void ctx.workbook.worksheets.add("a/b")))).toBe(
      "InvalidArgument",
    );
    await wb
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").visibility = "VeryHidden";
        ctx.workbook.worksheets.getItem("改名").delete();
      })
      .catch((e: unknown) => expect(isSimError(e, "InvalidOperation")).toBe(true));
    expect(wb.sheet("S").visibility).toBe("VeryHidden");
    expect(wb.sheetNames()).toEqual(["S", "改名"]);
  });

  it("finds a sheet by id as well as by name", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }, { name: "T" }] });
    const name = await wb.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("T");
      t.load("id");
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem(t.id);
      again.load("name");
      await ctx.sync();
      return again.name;
    });
    expect(name).toBe("T");
  });

  it.each([
    [false, "A1:D5"],
    [true, "B2:C3"],
  ])("getUsedRange(valuesOnly=%s) is %s", async (valuesOnly, expected) => {
    const wb = createWorkbook({
      sheets: [
        {
          name: "S",
          origin: "B2",
          values: [
            ["a", null],
            [null, 2],
          ],
          fills: { D5: "#FF0000", A1: "#00FF00" },
        },
      ],
    });
    await sheet(wb, async (ws, ctx) => {
      const used = ws.getUsedRange(valuesOnly);
      used.load("address");
      await ctx.sync();
      expect(used.address).toBe(`S!${expected}`);
    });
  });

  it("reports a blank sheet's used range as A1, or a null object through getUsedRangeOrNullObject", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws, ctx) => {
      const a = ws.getUsedRange(true);
      const b = ws.getUsedRangeOrNullObject(true);
      a.load("address");
      await ctx.sync();
      expect(a.address).toBe("S!A1");
      expect(b.isNullObject).toBe(true);
    });
  });
});

describe("ranges", () => {
  it("navigates with getCell, getOffsetRange, getResizedRange, getRangeByIndexes and whole rows/columns", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws, ctx) => {
      const list = [
        ws.getRange("B2:C3").getCell(1, 1),
        ws.getRange("B2").getOffsetRange(2, 1),
        ws.getRange("B2").getResizedRange(1, 2),
        ws.getRangeByIndexes(9, 0, 2, 3),
        ws.getRange("C:D"),
        ws.getRange("3:4"),
        ws.getRange("B2").getEntireRow(),
      ];
      list.forEach((r) => r.load("address"));
      await ctx.sync();
      expect(list.map((r) => r.address)).toEqual([
        "S!C3",
        "S!C4",
        "S!B2:D3",
        "S!A10:C11",
        "S!C:D",
        "S!3:4",
        "S!2:2",
      ]);
    });
  });

  it("shows text through the number format and reads formulas", async () => {
    const wb = createWorkbook({
      sheets: [
        {
          name: "S",
          cells: {
            A1: { value: 46082, numberFormat: "yyyy-mm-dd" },
            A2: { value: 0.256, numberFormat: "0.0%" },
            A3: { value: 1234567.891, numberFormat: "#,##0.00" },
            A4: { value: 46082, numberFormat: 'yyyy"年"m"月"d"日"' },
            A5: { value: Number("310101199001011234") },
            A6: { value: true },
            A7: { value: 3, formula: "=1+2" },
          },
        },
      ],
    });
    await sheet(wb, async (ws, ctx) => {
      const r = ws.getRange("A1:A7");
      r.load("text, formulas, valueTypes");
      await ctx.sync();
      expect(r.text.map((x) => x[0])).toEqual([
        "2026-03-01",
        "25.6%",
        "1,234,567.89",
        "2026年3月1日",
        "3.10101E+17",
        "TRUE",
        "3",
      ]);
      expect(r.formulas[6]?.[0]).toBe("=1+2");
      expect(r.valueTypes.map((x) => x[0])).toEqual([
        "Double",
        "Double",
        "Double",
        "Double",
        "Double",
        "Boolean",
        "Double",
      ]);
    });
  });

  it("rejects input arrays of the wrong shape and leaves cells given null alone", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", values: [["keep", "old"]] }] });
    expect(await codeOf(sheet(wb, async (ws) => void (ws.getRange("A1:B1").values = [["x"]])))).toBe(
      "InvalidArgument",
    );
    await sheet(wb, async (ws) => {
      ws.getRange("A1:B1").values = [[null, "new"]];
    });
    expect([wb.sheet("S").cell("A1").value, wb.sheet("S").cell("B1").value]).toEqual(["keep", "new"]);
  });

  it("writes formulas (uncalculated) and number formats", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws) => {
      ws.getRange("A1:B1").formulas = [[5, "=A1*2"]];
      ws.getRange("A1").numberFormat = [["0.00"]];
    });
    expect(wb.sheet("S").cell("B1").formula).toBe("=A1*2");
    expect(wb.sheet("S").cell("A1").text).toBe("5.00");
  });

  it("merges, refuses partial overlaps, and reports merged areas", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", merges: ["A1:B2"] }] });
    expect(await codeOf(sheet(wb, async (ws) => ws.getRange("B2:C3").merge()))).toBe("InvalidOperation");
    await sheet(wb, async (ws, ctx) => {
      ws.getRange("D1:E2").merge(true);
      const areas = ws.getRange("A1:Z9").getMergedAreasOrNullObject();
      const none = ws.getRange("H8:H9").getMergedAreasOrNullObject();
      areas.load("address, areaCount");
      await ctx.sync();
      expect(areas.areaCount).toBe(3);
      expect(areas.address).toBe("S!A1:B2,S!D1:E1,S!D2:E2");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("finds numeric constants and formulas with getSpecialCells, as rectangles", async () => {
    const wb = createWorkbook({
      sheets: [
        {
          name: "S",
          values: [
            ["名", 1, 2],
            ["名", 3, 4],
            ["名", "x", 5],
          ],
          cells: { D1: { value: 9, formula: "=1+8" } },
        },
      ],
    });
    await sheet(wb, async (ws, ctx) => {
      const used = ws.getUsedRange(true);
      const nums = used.getSpecialCellsOrNullObject("Constants", "Numbers");
      const formulas = used.getSpecialCellsOrNullObject("Formulas", "Numbers");
      const logical = used.getSpecialCellsOrNullObject("Constants", "Logical");
      nums.load("address");
      nums.areas.load("items/address");
      formulas.load("address");
      await ctx.sync();
      expect(nums.address).toBe("S!B1:B2,S!C1:C3");
      expect(nums.areas.items.map((a) => a.address)).toEqual(["S!B1:B2", "S!C1:C3"]);
      expect(formulas.address).toBe("S!D1");
      expect(logical.isNullObject).toBe(true);
    });
  });

  it("clears contents or formats and selects a range", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", values: [["a", "b"]], fills: { A1: "#FF0000", B1: "#FF0000" } }, { name: "T" }],
    });
    await sheet(wb, async (ws) => {
      ws.getRange("A1").clear("Contents");
      ws.getRange("B1").clear("Formats");
      ws.getRange("B1").select();
    });
    expect(wb.sheet("S").cell("A1")).toMatchObject({ value: "", fill: { color: "#FF0000" } });
    expect(wb.sheet("S").cell("B1")).toMatchObject({ value: "b", fill: null });
    expect(wb.selection()).toBe("S!B1");
  });
});

describe("formats", () => {
  it("keeps 'no fill' distinct from white and reports both as #FFFFFF through fill.color", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", fills: { A2: "#FFFFFF" } }] });
    await sheet(wb, async (ws, ctx) => {
      const props = ws
        .getRange("A1:A2")
        .getCellProperties({ format: { fill: { color: true, pattern: true } } });
      const color = ws.getRange("A1:A2").format.fill;
      color.load("color");
      await ctx.sync();
      expect(props.value.map((r) => r[0]?.format?.fill)).toEqual([
        { color: "#FFFFFF", pattern: "None" },
        { color: "#FFFFFF", pattern: "Solid" },
      ]);
      expect(color.color).toBe("#FFFFFF");
    });
  });

  it("sets colour keeping an existing pattern, sets patterns, and clears to no fill", async () => {
    const wb = createWorkbook({
      sheets: [
        { name: "S", fills: { A1: { color: "#00FF00", pattern: "Gray50", patternColor: "#0000FF" } } },
      ],
    });
    await sheet(wb, async (ws) => {
      ws.getRange("A1").format.fill.color = "#FFC7CE";
      ws.getRange("A2").format.fill.color = "#ffeb9c";
      ws.getRange("A3").format.fill.pattern = "Checker";
      ws.getRange("A4").format.fill.color = "red";
      ws.getRange("A4").format.fill.clear();
    });
    const s = wb.sheet("S");
    expect(s.cell("A1").fill).toEqual({ color: "#FFC7CE", pattern: "Gray50", patternColor: "#0000FF" });
    expect(s.cell("A2").fill).toEqual({ color: "#FFEB9C", pattern: "Solid" });
    expect(s.cell("A3").fill).toEqual({ color: "#FFFFFF", pattern: "Checker" });
    expect(s.cell("A4").fill).toBeNull();
  });

  it("reports a mixed property of a multi-cell range as null", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", fills: { A1: "#FF0000" }, cells: { A1: { bold: true } } }],
    });
    await sheet(wb, async (ws, ctx) => {
      const f = ws.getRange("A1:A2").format;
      f.load("fill/color, font/bold");
      await ctx.sync();
      expect(f.fill.color).toBeNull();
      expect(f.font.bold).toBeNull();
    });
  });

  it("sets fonts, alignment, wrap, widths, heights, borders and cell properties", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws) => {
      const r = ws.getRange("A1:B2");
      r.format.font.bold = true;
      r.format.font.size = 14;
      r.format.font.name = "宋体";
      r.format.horizontalAlignment = "Center";
      r.format.wrapText = true;
      ws.getRange("B:B").format.columnWidth = 120;
      ws.getRange("2:2").format.rowHeight = 30;
      for (const side of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideHorizontal",
        "InsideVertical",
      ] as const)
        r.format.borders.getItem(side).style = "Continuous";
      ws.getRange("C1:C2").setCellProperties([
        [
          {
            format: {
              fill: { color: "#FFFF00" },
              font: { italic: true },
              borders: { top: { style: "Continuous" } },
            },
          },
        ],
        [{}],
      ]);
    });
    const s = wb.sheet("S");
    expect(s.cell("B2")).toMatchObject({
      horizontalAlignment: "Center",
      wrapText: true,
      font: { bold: true, size: 14, name: "宋体" },
    });
    expect(Object.keys(s.cell("A1").borders).sort()).toEqual(["bottom", "left", "right", "top"]);
    expect(s.columnWidth(1)).toBe(120);
    expect(s.rowHeight(1)).toBe(30);
    expect(s.cell("C1")).toMatchObject({
      fill: { color: "#FFFF00" },
      font: { italic: true },
      borders: { top: { style: "Continuous" } },
    });
    expect(s.cell("C2").fill).toBeNull();
  });

  it("refuses changes to a protected sheet with AccessDenied", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", protected: true }] });
    expect(
      await codeOf(sheet(wb, async (ws) => void (ws.getRange("A1").format.fill.color = "#FF0000"))),
    ).toBe("AccessDenied");
  });
});

describe("getRanges and RangeAreas", () => {
  it("formats and clears many areas at once", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws, ctx) => {
      const areas = ws.getRanges("A1, C3:C4, S!E5");
      areas.format.fill.color = "#FFC7CE";
      areas.load("areaCount, cellCount, address");
      await ctx.sync();
      expect([areas.areaCount, areas.cellCount, areas.address]).toEqual([3, 4, "S!A1,S!C3:C4,S!E5"]);
      ws.getRanges("C3:C4").format.fill.clear();
    });
    expect(Object.keys(wb.sheet("S").cells())).toEqual(["A1", "E5"]);
  });

  it.each([
    [8000, "resolved"],
    [8001, "InvalidArgument"],
  ])("accepts an address of %s characters: %s", async (length, expected) => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    const cells: string[] = [];
    for (let r = 1; cells.join(",").length < length; r++) cells.push(`A${r}`);
    let address = cells.join(",");
    while (address.length > length) address = address.slice(0, address.lastIndexOf(","));
    address = address.padEnd(length, " ");
    expect(address.length).toBe(length);
    expect(
      await codeOf(sheet(wb, async (ws) => void (ws.getRanges(address).format.fill.color = "#FF0000"))),
    ).toBe(expected);
  });

  it("is unavailable before ExcelApi 1.9", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }], requirementSets: { ExcelApi: "1.8" } });
    expect(
      await codeOf(sheet(wb, async (ws) => void (ws.getRanges("A1").format.fill.color = "#FF0000"))),
    ).toBe("ApiNotFound");
  });
});

describe("notes (ExcelApi 1.18)", () => {
  it("adds, finds by cell, edits, lists and deletes notes", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", notes: { B2: "用户的批注" } }] });
    await sheet(wb, async (ws, ctx) => {
      ws.notes.add("A1", "one");
      ctx.workbook.notes.add("S!C3", "three");
      const b2 = ws.notes.getItemOrNullObject("B2");
      const none = ws.notes.getItemOrNullObject("D4");
      b2.load("content");
      await ctx.sync();
      expect(b2.content).toBe("用户的批注");
      expect(none.isNullObject).toBe(true);
      ws.notes.getItem("A1").content = "ONE";
      ws.notes.getItem("C3").delete();
      const all = ctx.workbook.notes;
      all.load("items/content");
      const count = ws.notes.getCount();
      await ctx.sync();
      expect(all.items.map((n) => n.content)).toEqual(["ONE", "用户的批注"]);
      expect(count.value).toBe(2);
    });
    expect(wb.sheet("S").notes()).toEqual({ A1: "ONE", B2: "用户的批注" });
  });

  it.each([
    ["a second note on a cell", "B2"],
    ["a note on a cell with a threaded comment", "C3"],
    ["a note on several cells", "A1:A2"],
  ])("refuses %s", async (_label, address) => {
    const wb = createWorkbook({ sheets: [{ name: "S", notes: { B2: "x" }, comments: { C3: "y" } }] });
    expect(await codeOf(sheet(wb, async (ws) => void ws.notes.add(address, "z")))).toBe("InvalidArgument");
  });

  it("wants the sheet named when a note is added through workbook.notes", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    expect(await codeOf(wb.run(async (ctx) => void ctx.workbook.notes.add("A1", "x")))).toBe(
      "InvalidArgument",
    );
  });

  it("fails deleting a note that was already deleted", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", notes: { A1: "x" } }] });
    const code = await codeOf(
      sheet(wb, async (ws, ctx) => {
        const n = ws.notes.getItem("A1");
        n.delete();
        await ctx.sync();
        n.delete();
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });
});

describe("threaded comments (ExcelApi 1.10)", () => {
  it("adds by cell address, finds by cell, reads location, and deletes", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S", comments: { B2: "用户评论" } }] });
    await wb.run(async (ctx) => {
      const added = ctx.workbook.comments.add("S!A1", "新评论");
      added.load("id, content");
      const user = ctx.workbook.comments.getItemByCell("S!B2");
      const where = user.getLocation();
      where.load("address");
      user.load("content");
      await ctx.sync();
      expect(added.content).toBe("新评论");
      expect([user.content, where.address]).toEqual(["用户评论", "S!B2"]);
      ctx.workbook.comments.getItem(added.id).delete();
      await ctx.sync();
    });
    expect(wb.sheet("S").comments()).toEqual({ B2: "用户评论" });
  });

  it("throws ItemNotFound from getItemByCell on a cell without comment", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    const code = await codeOf(
      wb.run(async (ctx) => {
        ctx.workbook.comments.getItemByCell("S!A1").load("content");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });

  it("lists a sheet's comments through worksheet.comments", async () => {
    const wb = createWorkbook({
      sheets: [
        { name: "S", comments: { A2: "a", A1: "b" } },
        { name: "T", comments: { A1: "c" } },
      ],
    });
    await sheet(wb, async (ws, ctx) => {
      ws.comments.load("items/content");
      await ctx.sync();
      expect(ws.comments.items.map((c) => c.content)).toEqual(["b", "a"]);
    });
  });
});

describe("validation, conditional formats, page layout, names, settings", () => {
  it("sets a list validation with a prompt, and refuses a typed list over 255 characters", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws, ctx) => {
      const dv = ws.getRange("B2:B9").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "是,否" } };
      dv.prompt = { showPrompt: true, message: "请选择", title: "" };
      dv.load("type");
      await ctx.sync();
      expect(dv.type).toBe("List");
    });
    expect(wb.sheet("S").validations()).toEqual([
      {
        address: "B2:B9",
        rule: { list: { inCellDropDown: true, source: "是,否" } },
        prompt: { showPrompt: true, message: "请选择", title: "" },
      },
    ]);
    const long = Array.from({ length: 100 }, (_, i) => `选项${i}`).join(",");
    expect(
      await codeOf(
        sheet(
          wb,
          async (ws) =>
            void (ws.getRange("C1").dataValidation.rule = { list: { inCellDropDown: true, source: long } }),
        ),
      ),
    ).toBe("InvalidArgument");
  });

  it("adds, counts and clears conditional formats", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws, ctx) => {
      const cfs = ws.getRange("A1:A10").conditionalFormats;
      cfs.add("Custom");
      cfs.add("CellValue");
      const n = cfs.getCount();
      await ctx.sync();
      expect(n.value).toBe(2);
      cfs.clearAll();
      const m = cfs.getCount();
      await ctx.sync();
      expect(m.value).toBe(0);
    });
  });

  it("sets orientation, margins, zoom, print area and title rows", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await sheet(wb, async (ws) => {
      const p = ws.pageLayout;
      p.orientation = "Landscape";
      p.setPrintMargins("Inches", { top: 1, bottom: 0.5, left: 0.25, right: 0.25, header: 0.3, footer: 0.3 });
      p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      p.centerHorizontally = true;
      p.setPrintArea("A1:F20");
      p.setPrintTitleRows("$1:$2");
    });
    expect(wb.sheet("S").pageLayout()).toMatchObject({
      orientation: "Landscape",
      topMargin: 72,
      leftMargin: 18,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      printArea: "A1:F20",
      printTitleRows: "1:2",
    });
  });

  it("adds names referring to ranges", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    await wb.run(async (ctx) => {
      ctx.workbook.names.add("选项", ctx.workbook.worksheets.getItem("S").getRange("A1:A3"));
      const n = ctx.workbook.names.getItemOrNullObject("选项");
      n.load("formula");
      await ctx.sync();
      expect(n.formula).toBe("=S!$A$1:$A$3");
    });
  });

  it("stores settings as JSON copies and deletes them", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }], settings: { old: 1 } });
    await wb.run(async (ctx) => {
      const value = { a: [1, 2], b: "中文" };
      ctx.workbook.settings.add("k", value);
      await ctx.sync();
      value.a.push(3);
      const k = ctx.workbook.settings.getItemOrNullObject("k");
      const none = ctx.workbook.settings.getItemOrNullObject("none");
      k.load("value");
      await ctx.sync();
      expect(k.value).toEqual({ a: [1, 2], b: "中文" });
      expect(none.isNullObject).toBe(true);
      ctx.workbook.settings.getItem("old").delete();
    });
    expect(wb.settings()).toEqual({ k: { a: [1, 2], b: "中文" } });
  });
});

describe("inspection", () => {
  it("lists only cells with content or formats, for before/after comparisons", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", values: [["a"]], fills: { B2: null, C3: "#FFFFFF" } }],
    });
    expect(Object.keys(wb.sheet("S").cells())).toEqual(["A1", "C3"]);
    await sheet(wb, async (ws) => {
      ws.getRange("D4").format.fill.color = "#FF0000";
      ws.getRange("D4").format.fill.clear();
    });
    expect(Object.keys(wb.sheet("S").cells())).toEqual(["A1", "C3"]);
  });
});
