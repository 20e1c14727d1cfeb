import { MARK_FILL, MARK_PREFIX } from "../../src/core/marks";
import { MARKS_SETTING_KEY } from "../../src/adapters/office";
import { type FillSeed, type SimWorkbook, createWorkbook } from "../support/excel-sim";
import { measureSyncs } from "../support/excel-sim/syncs";
import { finding, listRows, portFor } from "./helpers";

function book(
  extra: Partial<Parameters<typeof createWorkbook>[0]["sheets"][number]> = {},
  requirementSets?: Record<string, string>,
): SimWorkbook {
  return createWorkbook({
    sheets: [{ name: "S", values: listRows(30), ...extra }],
    ...(requirementSets ? { requirementSets } : {}),
  });
}

describe("applyMarks", () => {
  it("paints by severity and attaches every reason, zh-CN first, starting with the product's marker", async () => {
    const wb = book();
    const port = portFor(wb);
    await port.applyMarks("S", [
      finding("S", 3, 0, "warning", "text.max-length"),
      finding("S", 3, 0, "error", "required"),
      finding("S", 4, 1, "warning"),
      finding("S", 5, 1, "info", "funding.cap"),
    ]);
    const s = wb.sheet("S");
    expect(s.cell("A4").fill).toEqual({ color: MARK_FILL.error, pattern: "Solid" });
    expect(s.cell("B5").fill).toEqual({ color: MARK_FILL.warning, pattern: "Solid" });
    expect(s.cell("B6").fill).toBeNull();
    const note = s.notes().A4 ?? "";
    expect(note.startsWith(MARK_PREFIX)).toBe(true);
    expect(note).toContain("[错误] 第4行必须填写（沪人社专〔2026〕82号 二（一））");
    expect(note).toContain("[提醒]");
    expect(Object.keys(s.notes())).toEqual(["A4", "B5"]);
  });

  it("writes English reasons when the port is told to", async () => {
    const wb = book();
    await portFor(wb, "en").applyMarks("S", [finding("S", 3, 0)]);
    expect(wb.sheet("S").notes().A4).toContain("[Error] Row 4 must be filled in");
  });

  it("marks only the findings of the sheet it is given", async () => {
    const wb = createWorkbook({
      sheets: [
        { name: "S", values: listRows(5) },
        { name: "T", values: listRows(5) },
      ],
    });
    await portFor(wb).applyMarks("S", [finding("S", 1, 0), finding("T", 2, 0)]);
    expect(wb.sheet("S").cell("A3").fill).toBeNull();
    expect(wb.sheet("S").cell("A2").fill).not.toBeNull();
  });

  it("never writes values", async () => {
    const wb = book();
    const before = JSON.stringify(
      Object.entries(wb.sheet("S").cells()).map(([a, c]) => [a, c.value, c.formula]),
    );
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 1, 0), finding("S", 2, 1, "warning")]);
    await port.clearMarks("S");
    expect(
      JSON.stringify(Object.entries(wb.sheet("S").cells()).map(([a, c]) => [a, c.value, c.formula])),
    ).toBe(before);
  });

  it("paints thousands of scattered cells through getRanges in chunks within 8,000 characters", async () => {
    const rows = 6_000;
    const wb = createWorkbook({
      sheets: [{ name: "S", values: listRows(rows) }],
      requirementSets: { ExcelApi: "1.9" },
    });
    const findings = Array.from({ length: rows / 2 }, (_, i) =>
      finding("S", 2 * i + 1, i % 2, i % 3 === 0 ? "warning" : "error"),
    );
    const port = portFor(wb);
    await port.readSheet("S");
    const m = await measureSyncs(wb, () => port.applyMarks("S", findings));
    // No notes on a 1.9 host, so the write request holds only the painting: a handful of calls, not 3,000.
    const write = m.requests.at(-1);
    expect(write?.actions).toBeLessThan(40);
    expect(wb.sheet("S").cell("B6000").fill?.color).toBe(MARK_FILL.error);
    expect(wb.sheet("S").cell("B5996").fill?.color).toBe(MARK_FILL.warning);
    expect(wb.sheet("S").cell("A5998").fill?.color).toBe(MARK_FILL.error);
  });

  it("re-validating takes the previous marks back first", async () => {
    const wb = book({ fills: { A3: "#00B050" } });
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 2, 0), finding("S", 3, 0)]);
    await port.applyMarks("S", [finding("S", 3, 0, "warning"), finding("S", 4, 0)]);
    const s = wb.sheet("S");
    expect(s.cell("A3").fill).toEqual({ color: "#00B050", pattern: "Solid" });
    expect(s.cell("A4").fill?.color).toBe(MARK_FILL.warning);
    expect(Object.keys(s.notes())).toEqual(["A4", "A5"]);
    expect(s.notes().A4).toContain("[提醒]");
    await port.clearMarks("S");
    expect(s.cell("A3").fill).toEqual({ color: "#00B050", pattern: "Solid" });
    expect(s.cell("A4").fill).toBeNull();
    expect(s.notes()).toEqual({});
  });

  it("keeps the user's own note and comment, and adds none of ours on their cells", async () => {
    const wb = book({ notes: { A2: "请核对" }, comments: { A3: "已联系申报单位" } });
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 1, 0), finding("S", 2, 0), finding("S", 3, 0)]);
    const s = wb.sheet("S");
    expect(s.notes()).toEqual({ A2: "请核对", A4: expect.stringMatching(/^【研修申报助手】/) });
    expect(s.comments()).toEqual({ A3: "已联系申报单位" });
    expect([s.cell("A2").fill?.color, s.cell("A3").fill?.color]).toEqual([MARK_FILL.error, MARK_FILL.error]);
    await port.clearMarks("S");
    expect(s.notes()).toEqual({ A2: "请核对" });
    expect(s.comments()).toEqual({ A3: "已联系申报单位" });
  });

  it("keeps a note the user put in place of ours, and skips ours there", async () => {
    const wb = book();
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 1, 0), finding("S", 2, 0)]);
    wb.edit(({ sheet }) => {
      const s = sheet("S");
      const ours = s.notes.get(1 * 16384 + 0);
      if (ours) ours.content = "我已改正，见附件";
    });
    await port.readSheet("S");
    await port.applyMarks("S", [finding("S", 1, 0), finding("S", 2, 0), finding("S", 3, 0)]);
    const s = wb.sheet("S");
    expect(s.notes().A2).toBe("我已改正，见附件");
    expect(s.notes().A3?.startsWith(MARK_PREFIX)).toBe(true);
    expect(s.notes().A4?.startsWith(MARK_PREFIX)).toBe(true);
    await port.clearMarks("S");
    expect(s.notes()).toEqual({ A2: "我已改正，见附件" });
  });

  it("clips long reasons in the note (the pane has them all)", async () => {
    const wb = book();
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...finding("S", 1, 0),
      rule: "required" as const,
      message: { zh: `第${i}条很长的说明，`.repeat(3), en: "x" },
    }));
    await portFor(wb).applyMarks("S", many);
    const note = wb.sheet("S").notes().A2 ?? "";
    expect(note.length).toBeLessThanOrEqual(600);
    expect(note.endsWith("…")).toBe(true);
  });

  it("leaves a cell alone on clearing when the user has recoloured it since it was marked", async () => {
    const wb = book();
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 1, 0), finding("S", 2, 0)]);
    wb.edit(({ sheet }) => {
      sheet("S").cell(1, 0).fill = { color: "#92D050", pattern: "Solid" };
    });
    await port.clearMarks("S");
    expect(wb.sheet("S").cell("A2").fill).toEqual({ color: "#92D050", pattern: "Solid" });
    expect(wb.sheet("S").cell("A3").fill).toBeNull();
  });

  it.each<[string, FillSeed | null]>([
    ["no fill", null],
    ["white", { color: "#FFFFFF", pattern: "Solid" }],
    ["a colour", { color: "#DDEBF7", pattern: "Solid" }],
    ["a pattern", { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" }],
    ["a pattern with automatic colour", { color: "#FFFFFF", pattern: "LightDown" }],
  ])("restores %s exactly", async (_label, fill) => {
    const wb = book({ fills: { B2: fill } });
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 1, 1)]);
    expect(wb.sheet("S").cell("B2").fill).toEqual({
      color: MARK_FILL.error,
      pattern: "Solid",
      ...(fill?.patternColor ? { patternColor: fill.patternColor } : {}),
    });
    await port.clearMarks("S");
    expect(wb.sheet("S").cell("B2").fill).toEqual(fill);
  });

  it("remembers the originals in the workbook, so a new pane (no cache) can still take the marks back", async () => {
    const wb = book({ fills: { A2: "#FFFFFF" } });
    await portFor(wb).applyMarks("S", [finding("S", 1, 0), finding("S", 2, 0)]);
    expect(Object.keys(wb.settings())).toEqual([MARKS_SETTING_KEY]);
    const m = await measureSyncs(wb, () => portFor(wb).clearMarks("S"));
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(wb.sheet("S").cell("A2").fill).toEqual({ color: "#FFFFFF", pattern: "Solid" });
    expect(wb.sheet("S").cell("A3").fill).toBeNull();
    expect(wb.sheet("S").notes()).toEqual({});
    expect(wb.settings()).toEqual({});
  });

  it("finds its marks again after the sheet was renamed (the record is keyed by sheet id)", async () => {
    const wb = book();
    await portFor(wb).applyMarks("S", [finding("S", 1, 0)]);
    wb.edit(({ sheet }) => {
      sheet("S").name = "改名后";
    });
    await portFor(wb).clearMarks("改名后");
    expect(wb.sheet("改名后").cell("A2").fill).toBeNull();
    expect(wb.sheet("改名后").notes()).toEqual({});
  });

  it("keeps other sheets' records when one sheet is cleared", async () => {
    const wb = createWorkbook({
      sheets: [
        { name: "S", values: listRows(5) },
        { name: "T", values: listRows(5) },
      ],
    });
    const port = portFor(wb);
    await port.applyMarks("S", [finding("S", 1, 0)]);
    await port.applyMarks("T", [finding("T", 2, 0)]);
    await port.clearMarks("S");
    expect(wb.sheet("T").cell("A3").fill?.color).toBe(MARK_FILL.error);
    await portFor(wb).clearMarks("T");
    expect(wb.sheet("T").cell("A3").fill).toBeNull();
    expect(wb.settings()).toEqual({});
  });

  it("clearing a sheet that was never marked changes nothing", async () => {
    const wb = book({ notes: { A1: "x" }, fills: { A2: "#FFFFFF" } });
    const before = wb.sheet("S").cells();
    await portFor(wb).clearMarks("S");
    expect(wb.sheet("S").cells()).toEqual(before);
    expect(wb.sheet("S").notes()).toEqual({ A1: "x" });
    expect(wb.settings()).toEqual({});
  });

  it("throws a typed error on a protected sheet, in both languages", async () => {
    const wb = book({ protected: true });
    await expect(portFor(wb).applyMarks("S", [finding("S", 1, 0)])).rejects.toMatchObject({
      kind: "protected",
      text: { zh: expect.stringContaining("受保护"), en: expect.stringContaining("protected") },
    });
  });
});

describe("fallbacks by requirement set", () => {
  it("attaches comments where notes (ExcelApi 1.18) are missing but comments (1.10) exist", async () => {
    const wb = book({ comments: { A3: "用户评论" } }, { ExcelApi: "1.17" });
    const port = portFor(wb);
    expect((await port.capabilities()).annotations).toBe("comment");
    await port.applyMarks("S", [finding("S", 1, 0), finding("S", 2, 0)]);
    const s = wb.sheet("S");
    expect(s.notes()).toEqual({});
    expect(s.comments()).toEqual({ A2: expect.stringMatching(/^【研修申报助手】/), A3: "用户评论" });
    await port.applyMarks("S", [finding("S", 4, 0)]);
    expect(Object.keys(s.comments())).toEqual(["A3", "A5"]);
    await port.clearMarks("S");
    expect(s.comments()).toEqual({ A3: "用户评论" });
    expect(s.cell("A2").fill).toBeNull();
  });

  it("skips the cells holding a note it cannot see (no ExcelApi 1.18) and comments the rest", async () => {
    const wb = book({ notes: { A3: "用户批注", A6: "另一条" } }, { ExcelApi: "1.17" });
    const port = portFor(wb);
    const m = await measureSyncs(wb, () =>
      port.applyMarks(
        "S",
        [2, 3, 5, 6].map((r) => finding("S", r - 1, 0)),
      ),
    );
    const s = wb.sheet("S");
    expect(s.notes()).toEqual({ A3: "用户批注", A6: "另一条" });
    expect(Object.keys(s.comments())).toEqual(["A2", "A5"]);
    expect([s.cell("A3").fill?.color, s.cell("A6").fill?.color]).toEqual([MARK_FILL.error, MARK_FILL.error]);
    // The probe; then per note in the way a refused batch and a count (the last is the last cell: nothing left after).
    expect(m.syncs).toBe(1 + 2 * 2);
    await port.clearMarks("S");
    expect(s.comments()).toEqual({});
    expect(s.notes()).toEqual({ A3: "用户批注", A6: "另一条" });
  });

  it("paints without notes or comments where neither exists (1.9 to 1.9x)", async () => {
    const wb = book({}, { ExcelApi: "1.9" });
    const port = portFor(wb);
    expect(await port.capabilities()).toMatchObject({
      annotations: "none",
      missing: expect.arrayContaining([expect.stringContaining("ExcelApi 1.10")]),
    });
    await port.applyMarks("S", [finding("S", 1, 0)]);
    expect(wb.sheet("S").cell("A2").fill?.color).toBe(MARK_FILL.error);
    expect(wb.sheet("S").notes()).toEqual({});
    await port.clearMarks("S");
    expect(wb.sheet("S").cell("A2").fill).toBeNull();
  });

  it("refuses to mark before ExcelApi 1.9 with a typed error pointing to file mode", async () => {
    const wb = book({}, { ExcelApi: "1.8" });
    const port = portFor(wb);
    await expect(port.applyMarks("S", [finding("S", 1, 0)])).rejects.toMatchObject({ kind: "unsupported" });
    await expect(port.clearMarks("S")).rejects.toMatchObject({ kind: "unsupported" });
    expect(wb.sheet("S").cell("A2").fill).toBeNull();
  });
});
