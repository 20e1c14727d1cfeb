// Regressions for Excel's refusals and limits that the simulator did not show before:
// - a note or comment refused on a cell (one the add-in cannot see before ExcelApi 1.18) comes with whatever error code
//   the host chooses, not only InvalidArgument; the cell is skipped and the rest annotated;
// - a request refused as too large (the byte estimates were wrong for this Excel) is sent again in halves.

import { MARK_FILL, MARK_PREFIX } from "../../src/core/marks";
import { createWorkbook, type SimErrorCode } from "../support/excel-sim";
import { finding, listRows, portFor } from "./helpers";

describe("a refused note or comment", () => {
  it.each<SimErrorCode>(["InvalidArgument", "InvalidOperation", "GeneralException"])(
    "refused with %s: that cell is skipped and the rest are commented",
    async (code) => {
      const wb = createWorkbook({
        sheets: [{ name: "S", values: listRows(8), notes: { A3: "用户批注", A6: "另一条" } }],
        requirementSets: { ExcelApi: "1.17" },
        annotationRefusal: code,
      });
      const port = portFor(wb);
      await port.applyMarks(
        "S",
        [2, 3, 5, 6].map((r) => finding("S", r - 1, 0)),
      );
      const s = wb.sheet("S");
      expect(s.notes()).toEqual({ A3: "用户批注", A6: "另一条" });
      expect(Object.keys(s.comments())).toEqual(["A2", "A5"]);
      expect(Object.values(s.comments()).every((c) => c.startsWith(MARK_PREFIX))).toBe(true);
      expect(s.cell("A6").fill?.color).toBe(MARK_FILL.error);
      await port.clearMarks("S");
      expect(s.comments()).toEqual({});
      expect(s.cell("A6").fill).toBeNull();
    },
  );

  it("still fails on a protected sheet instead of taking the refusal for a note's", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", values: listRows(8), protected: true }],
      requirementSets: { ExcelApi: "1.17" },
      annotationRefusal: "AccessDenied",
    });
    await expect(portFor(wb).applyMarks("S", [finding("S", 1, 0)])).rejects.toMatchObject({
      kind: "protected",
    });
  });
});

describe("a request refused as too large", () => {
  it("writeCells sends it again in halves until Excel takes it", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S" }],
      limits: { requestBytes: 60_000 },
    });
    const writes = Array.from({ length: 4_000 }, (_, i) => ({
      row: i,
      col: 0,
      value: `第${i}行的说明文字，足够长以便请求超过上限`,
    }));
    await portFor(wb).writeCells("S", writes);
    expect(wb.sheet("S").cell("A1").value).toBe(writes[0]!.value);
    expect(wb.sheet("S").cell("A4000").value).toBe(writes[3_999]!.value);
    expect(wb.requests.some((r) => r.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(wb.requests.every((r) => r.requestBytes <= 60_000 || r.error)).toBe(true);
  });

  it("applyMarks starts again with smaller requests, and clearMarks takes everything back", async () => {
    const wb = createWorkbook({
      sheets: [{ name: "S", values: listRows(3_000), fills: { B2: "#FFFFFF" } }],
      limits: { requestBytes: 400_000 },
    });
    const before = wb.sheet("S").cells();
    const port = portFor(wb);
    // Long reasons: the notes alone are 2 MB, which Excel here refuses in one request.
    const findings = Array.from({ length: 2_500 }, (_, i) => {
      const f = finding("S", i + 1, i % 2);
      return { ...f, message: { zh: `${f.message.zh}：${"说明".repeat(150)}`, en: f.message.en } };
    });
    await port.applyMarks("S", findings);
    const s = wb.sheet("S");
    expect(Object.keys(s.notes())).toHaveLength(2_500);
    expect(s.cell("A2").fill?.color).toBe(MARK_FILL.error);
    expect(wb.requests.some((r) => r.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    await port.clearMarks("S");
    expect(s.notes()).toEqual({});
    expect(s.cells()).toEqual(before);
  });
});
