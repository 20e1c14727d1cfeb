import { MARKS_SETTING_KEY, OfficeAdapterError, createOfficePort } from "../../src/adapters/office";
import {
  addressChunks,
  cellRects,
  chunkAddresses,
  parseAddressList,
} from "../../src/adapters/office/addresses";
import { toOfficeError } from "../../src/adapters/office/errors";
import { serialToDate } from "../../src/adapters/office/read-sheet";
import { SimError, createWorkbook, makeOfficeGlobals } from "../support/excel-sim";
import { measureSyncs } from "../support/excel-sim/syncs";
import { portFor } from "./helpers";

describe("listSheets, selectCell, settings", () => {
  const wb = () =>
    createWorkbook({
      sheets: [
        { name: "封面" },
        { name: "申报表", values: [["a"]] },
        { name: "隐藏", visibility: "Hidden" },
        { name: "_helper", visibility: "VeryHidden" },
      ],
      active: "申报表",
    });

  it("lists visible sheets in tab order with the active one flagged, in one sync", async () => {
    const w = wb();
    const m = await measureSyncs(w, () => portFor(w).listSheets());
    expect(m.result).toEqual([
      { name: "封面", active: false },
      { name: "申报表", active: true },
    ]);
    expect(m.syncs).toBe(1);
  });

  it("selects a cell on another sheet, activating it, in one sync", async () => {
    const w = wb();
    const m = await measureSyncs(w, () => portFor(w).selectCell("封面", 4, 2));
    expect(m.syncs).toBe(1);
    expect(w.activeSheet()).toBe("封面");
    expect(w.selection()).toBe("封面!C5");
  });

  it("stores, reads and removes settings in the store sheet, one sync each", async () => {
    const w = wb();
    const port = portFor(w);
    const value = {
      pack: "sh-2026-gaoyan",
      ignored: [{ sheet: "申报表", rule: "required", cell: "B3", reason: "另附说明" }],
    };
    const get = await measureSyncs(w, () => port.getSetting("yanxiu-desk.pane"));
    expect(get).toMatchObject({ syncs: 1, result: undefined });
    const set = await measureSyncs(w, () => port.setSetting("yanxiu-desk.pane", value));
    expect(set.syncs).toBe(1);
    expect(w.sheet("_yanxiu").visibility).toBe("VeryHidden");
    expect(await port.getSetting("yanxiu-desk.pane")).toEqual(value);
    await port.setSetting("yanxiu-desk.pane", undefined);
    await port.setSetting("never-set", undefined);
    expect(w.sheetNames()).not.toContain("_yanxiu");
    expect(w.settings()).toEqual({});
  });

  it("keeps the marks record out of reach of setSetting", async () => {
    const w = wb();
    await expect(portFor(w).setSetting(MARKS_SETTING_KEY, {})).rejects.toBeInstanceOf(OfficeAdapterError);
  });
});

describe("capabilities", () => {
  it.each([
    ["1.18", "note", true, []],
    ["1.13", "comment", true, ["notes"]],
    ["1.12", "comment", true, ["merged", "notes"]],
    ["1.9", "none", true, ["merged", "comments", "notes"]],
    ["1.8", "none", false, ["large", "mark", "merged", "comments", "notes", "insert"]],
    [
      "1.1",
      "none",
      false,
      ["read sheets", "large", "mark", "merged", "comments", "notes", "insert", "settings", "live check"],
    ],
  ])(
    "on ExcelApi %s: reasons as %s, insertSheet %s, missing %j",
    async (version, annotations, insert, missingWords) => {
      const w = createWorkbook({ sheets: [{ name: "S" }], requirementSets: { ExcelApi: version } });
      const caps = await portFor(w, "en").capabilities();
      expect(caps.annotations).toBe(annotations);
      expect(caps.insertSheet).toBe(insert);
      expect(caps.selectCell).toBe(true);
      expect(caps.missing).toHaveLength(missingWords.length);
      missingWords.forEach((word, i) => expect(caps.missing[i]).toContain(word));
    },
  );

  it("words what is missing in zh-CN by default", async () => {
    const w = createWorkbook({ sheets: [{ name: "S" }], requirementSets: { ExcelApi: "1.12" } });
    expect((await portFor(w).capabilities()).missing).toEqual([
      "识别合并单元格 (ExcelApi 1.13)",
      "以批注（备注）说明原因 (ExcelApi 1.18)",
    ]);
  });
});

describe("running on the Office.js globals", () => {
  it("uses Excel.run and isSetSupported from the globals by default", async () => {
    const w = createWorkbook({ sheets: [{ name: "S", values: [["x"]] }] });
    const uninstall = makeOfficeGlobals(w).install();
    try {
      const port = createOfficePort();
      expect((await port.readSheet("S")).cell(0, 0).value).toBe("x");
      expect((await port.capabilities()).annotations).toBe("note");
    } finally {
      uninstall();
    }
  });

  it("says it is not inside Excel when the globals are missing, instead of a TypeError", async () => {
    const port = createOfficePort();
    expect((await port.capabilities()).missing.length).toBeGreaterThan(0);
    await expect(port.listSheets()).rejects.toMatchObject({
      kind: "no-excel",
      text: { zh: expect.stringContaining("Excel") },
    });
  });
});

describe("errors", () => {
  it.each([
    ["AccessDenied", "protected"],
    ["RequestPayloadSizeLimitExceeded", "too-large"],
    ["ResponsePayloadSizeLimitExceeded", "too-large"],
    ["ApiNotFound", "unsupported"],
    ["GeneralException", "excel"],
    ["InvalidArgument", "excel"],
  ] as const)("turns Excel's %s into a typed %s error keeping the cause", (code, kind) => {
    const cause = new SimError(code, "boom");
    const e = toOfficeError(cause, "S");
    expect(e).toBeInstanceOf(OfficeAdapterError);
    expect(e).toMatchObject({ kind, code, cause });
    expect((e as OfficeAdapterError).text.zh).not.toBe("");
  });

  it("passes programming faults through untouched", () => {
    const bug = new TypeError("x is undefined");
    expect(toOfficeError(bug)).toBe(bug);
  });
});

describe("addresses", () => {
  it("covers cells with column runs merged across equal neighbours", () => {
    const cells = [0, 1, 2, 5]
      .flatMap((row) => [
        { row, col: 0 },
        { row, col: 1 },
      ])
      .concat([{ row: 9, col: 3 }]);
    expect(cellRects(cells)).toEqual([
      { top: 0, bottom: 2, left: 0, right: 1 },
      { top: 5, bottom: 5, left: 0, right: 1 },
      { top: 9, bottom: 9, left: 3, right: 3 },
    ]);
  });

  it("splits address lists into chunks of at most the limit", () => {
    const cells = Array.from({ length: 5000 }, (_, i) => ({ row: i * 2, col: i % 7 }));
    const chunks = addressChunks(cells);
    expect(chunks.every((c) => c.length <= 8000)).toBe(true);
    expect(chunks.join(",").split(",")).toHaveLength(5000);
    expect(chunkAddresses(["A1", "B2", "C3"], 5)).toEqual(["A1,B2", "C3"]);
  });

  it.each([
    [
      "Sheet1!A1:B2,Sheet1!D4",
      [
        { top: 0, left: 0, bottom: 1, right: 1 },
        { top: 3, left: 3, bottom: 3, right: 3 },
      ],
    ],
    ["'My, sheet'!C3", [{ top: 2, left: 2, bottom: 2, right: 2 }]],
    ["申报表!$A$1:$C$1", [{ top: 0, left: 0, bottom: 0, right: 2 }]],
    ["S!A:A", []],
  ])("parses %s", (address, rects) => {
    expect(parseAddressList(address)).toEqual(rects);
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [46082, "2026-03-01"],
  ])("reads Excel serial %s as %s", (serial, iso) => {
    expect(serialToDate(serial).toISOString().slice(0, 10)).toBe(iso);
  });
});
