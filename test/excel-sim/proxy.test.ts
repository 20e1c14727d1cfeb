import { createWorkbook, isSimError, makeOfficeGlobals, type SimWorkbook } from "../support/excel-sim";
import { expectSyncsAtMost, measureSyncs } from "../support/excel-sim/syncs";

function book(): SimWorkbook {
  return createWorkbook({
    sheets: [
      {
        name: "名单",
        values: [
          ["姓名", "年龄"],
          ["张三", 30],
          ["李四", 41],
        ],
      },
      { name: "Other", values: [["x"]] },
    ],
  });
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isSimError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected the promise to reject");
}

describe("proxy objects: load, sync, read", () => {
  it("reads values once loaded and synced", async () => {
    const wb = book();
    const values = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("名单").getRange("A1:B3");
      r.load("values, address");
      await ctx.sync();
      expect(r.address).toBe("名单!A1:B3");
      return r.values;
    });
    expect(values).toEqual([
      ["姓名", "年龄"],
      ["张三", 30],
      ["李四", 41],
    ]);
  });

  it.each([
    ["before sync", true],
    ["without load", false],
  ])("throws PropertyNotLoaded when reading %s", async (_label, load) => {
    const wb = book();
    const err = await rejection(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("名单").getRange("A1");
        if (load) {
          r.load("values");
          return r.values;
        }
        await ctx.sync();
        return r.values;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
  });

  it("throws PropertyNotLoaded for a property other than the one loaded", async () => {
    const wb = book();
    const err = await rejection(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("名单").getRange("A1");
        r.load("values");
        await ctx.sync();
        return r.text;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
  });

  it("loads nested navigation properties by path and by object", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", fills: { A1: "#ff0000" }, cells: { A1: { bold: true } } }],
    });
    await wb.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("S").getRange("A1");
      a.load("format/fill/color");
      a.format.font.load({ bold: true });
      await ctx.sync();
      expect(a.format.fill.color).toBe("#FF0000");
      expect(a.format.font.bold).toBe(true);
      expect(() => a.format.font.italic).toThrow(/not available/);
    });
  });

  it("queues writes and applies them only at sync", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("名单").getRange("C1").values = [["新"]];
      expect(wb.sheet("名单").cell("C1").value).toBe("");
      await ctx.sync();
      expect(wb.sheet("名单").cell("C1").value).toBe("新");
    });
  });

  it("flushes pending writes when the batch resolves, as Excel.run does", async () => {
    const wb = book();
    const m = await measureSyncs(wb, () =>
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("名单").getRange("C1").values = [["x"]];
      }),
    );
    expect(m.syncs).toBe(1);
    expect(wb.sheet("名单").cell("C1").value).toBe("x");
  });

  it("makes no round trip for a sync with nothing queued", async () => {
    const wb = book();
    const m = await measureSyncs(wb, () => wb.run(async (ctx) => ctx.sync()));
    expect(m.syncs).toBe(0);
  });

  it("keeps writes made before a failing action and drops the rest (Excel batches are not transactions)", async () => {
    const wb = book();
    const err = await rejection(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("名单");
        ws.getRange("C1").values = [["before"]];
        ctx.workbook.worksheets.getItem("missing").getRange("A1").values = [["x"]];
        ws.getRange("C2").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(wb.sheet("名单").cell("C1").value).toBe("before");
    expect(wb.sheet("名单").cell("C2").value).toBe("");
  });

  it("refuses objects used after their Excel.run has finished", async () => {
    const wb = book();
    let leaked: Excel.Range | undefined;
    await wb.run(async (ctx) => {
      leaked = ctx.workbook.worksheets.getItem("名单").getRange("A1");
      leaked.load("values");
      await ctx.sync();
    });
    expect(() => leaked?.load("text")).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });

  it("refuses a batch that does not return a promise", async () => {
    const wb = book();
    const run = wb.run as unknown as (b: (c: unknown) => unknown) => Promise<unknown>;
    const err = await rejection(run(() => 1));
    expect(err.code).toBe("RunMustReturnPromise");
  });

  it("reports isNullObject for *OrNullObject lookups after sync, and PropertyNotLoaded before", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("Other");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("fails the action on a null object", async () => {
    const wb = book();
    const err = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("nope").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  it("delivers ClientResult values only after sync", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });

  it("loads collection items", async () => {
    const wb = book();
    const names = await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(["名单", "Other"]);
  });

  it("serialises loaded objects with toJSON", async () => {
    const wb = book();
    const json = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Other").getRange("A1");
      r.load("values");
      await ctx.sync();
      return JSON.parse(JSON.stringify(r)) as unknown;
    });
    expect(json).toEqual({ values: [["x"]] });
  });
});

describe("counting syncs", () => {
  it("counts one request per sync and sizes it", async () => {
    const wb = book();
    const m = await measureSyncs(wb, () =>
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("名单").getRange("A1:B3");
        r.load("values");
        await ctx.sync();
        r.values = [
          ["a", "b"],
          ["c", "d"],
          ["e", "f"],
        ];
        await ctx.sync();
      }),
    );
    expect(m.syncs).toBe(2);
    expect(m.requests[0]?.responseBytes).toBeGreaterThan(JSON.stringify([["姓名", "年龄"]]).length);
    expect(m.requests[1]?.requestBytes).toBeGreaterThan(
      JSON.stringify([
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
      ]).length,
    );
  });

  it("catches context.sync() in a loop through expectSyncsAtMost", async () => {
    const wb = book();
    const perCell = () =>
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("名单");
        for (let r = 0; r < 3; r++) {
          const cell = ws.getCell(r, 0);
          cell.load("values");
          // The misuse under test: one round trip per cell.
          await ctx.sync();
        }
      });
    await expect(expectSyncsAtMost(wb, 1, perCell)).rejects.toThrow(/at most 1 context.sync calls, saw 3/);
  });

  it("fails a run that exceeds maxSyncsPerRun", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }], maxSyncsPerRun: 2 });
    const err = await rejection(
      wb.run(async (ctx) => {
        for (let i = 0; i < 5; i++) {
          ctx.workbook.worksheets.getItem("S").getCell(i, 0).values = [[i]];
          // The misuse under test: one round trip per cell.
          await ctx.sync();
        }
      }),
    );
    expect(err.code).toBe("SyncBudgetExceeded");
  });
});

describe("payload limits", () => {
  it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }] });
    const big = Array.from({ length: 90_000 }, (_, i) => [
      `第${i}行的一段很长很长的文字内容，用来把请求撑大`,
    ]);
    const err = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange(`A1:A${big.length}`).values = big;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.sheet("S").cell("A1").value).toBe("");
    expect(wb.requests.at(-1)?.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("fails a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const values = Array.from({ length: 40_000 }, (_, i) => [
      `第${i}行：一段足够长的中文文本，让读回的内容超过五兆字节的限制`,
      i,
    ]);
    const wb = createWorkbook({ sheets: [{ name: "S", values }] });
    const err = await rejection(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getUsedRange();
        r.load("values, text");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses at once to read a range that could never fit (a whole sheet's values)", async () => {
    const wb = book();
    const err = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("名单").getRange().load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("accepts configurable limits", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }], limits: { requestBytes: 100 } });
    const err = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x".repeat(200)]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
  });
});

describe("requirement sets", () => {
  it.each([
    ["ExcelApi", "1.9", true],
    ["ExcelApi", "1.18", true],
    ["ExcelApi", "1.19", false],
    ["ExcelApi", undefined, true],
    ["WordApi", "1.1", false],
  ])("isSetSupported(%s, %s) = %s on a 1.18 host", (name, version, expected) => {
    expect(book().isSetSupported(name, version)).toBe(expected);
  });

  it("fails an API above the host's version with ApiNotFound at sync", async () => {
    const wb = createWorkbook({ sheets: [{ name: "S" }], requirementSets: { ExcelApi: "1.10" } });
    expect(wb.isSetSupported("ExcelApi", "1.18")).toBe(false);
    const err = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").notes.add("A1", "x");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
  });

  it("can change the host's requirement sets between runs", () => {
    const wb = book();
    wb.setRequirementSet("ExcelApi", "1.9");
    expect(wb.isSetSupported("ExcelApi", "1.10")).toBe(false);
    wb.setRequirementSet("ExcelApi", undefined);
    expect(wb.isSetSupported("ExcelApi", "1.1")).toBe(false);
  });
});

describe("makeOfficeGlobals", () => {
  it("installs Excel.run and Office.context on globalThis and restores them", async () => {
    const wb = book();
    const globals = makeOfficeGlobals(wb);
    const uninstall = globals.install();
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(true);
      const name = await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        await ctx.sync();
        return ws.name;
      });
      expect(name).toBe("名单");
      Office.context.document.settings.set("k", { a: 1 });
      expect(wb.settings()).toEqual({ k: { a: 1 } });
    } finally {
      uninstall();
    }
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });
});
