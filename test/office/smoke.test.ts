import { MARK_FILL, MARK_PREFIX } from "../../src/core/marks";
import { createWorkbook } from "../support/excel-sim";
import { finding, portFor } from "./helpers";

it("reads, marks and clears a small sheet", async () => {
  const wb = createWorkbook({
    sheets: [
      {
        name: "名单",
        values: [
          ["姓名", "年龄"],
          ["张三", 30],
          ["", 41],
        ],
        notes: { A1: "用户的备注" },
      },
    ],
  });
  const port = portFor(wb);
  const grid = await port.readSheet("名单");
  expect(grid.cell(1, 1)).toEqual({ value: 30, text: "30", numberFormat: "General" });
  await port.applyMarks("名单", [finding("名单", 2, 0), finding("名单", 0, 0, "warning")]);
  const s = wb.sheet("名单");
  expect(s.cell("A3").fill).toEqual({ color: MARK_FILL.error, pattern: "Solid" });
  expect(s.notes().A3?.startsWith(MARK_PREFIX)).toBe(true);
  expect(s.notes().A1).toBe("用户的备注");
  await port.clearMarks("名单");
  expect(s.cell("A3").fill).toBeNull();
  expect(s.cell("A1").fill).toBeNull();
  expect(s.notes()).toEqual({ A1: "用户的备注" });
  expect(wb.settings()).toEqual({});
});
