// The pane's logic without React: what it stores in the workbook, how it checks a sheet through a port, the □ groups
// of the 勾选 helper, the rule headings and the figures' formatting.

import { readIgnores, writeIgnores, IGNORES_KEY } from "../../src/adapters/xlsx/ignores";
import { gridFromValues } from "../../src/core/grid/grid";
import { RULE_IDS } from "../../src/core/rules/ids";
import {
  choiceOptions,
  findChoiceCells,
  guessChoiceLayout,
  tickedText,
} from "../../src/taskpane/choice-cells";
import { describeError } from "../../src/taskpane/errors";
import { formatNumber, formatShare } from "../../src/taskpane/format";
import { ruleTitle } from "../../src/core/messages/rule-titles";
import {
  IGNORES_SETTING,
  OVERRIDE_SETTING,
  loadIgnores,
  loadOverrides,
  readOverrides,
  saveIgnores,
  saveOverrides,
  withIgnore,
  withOverride,
  withoutIgnore,
} from "../../src/taskpane/settings";
import { checkSheetThroughPort } from "../../src/taskpane/workbook-check";
import { cityList } from "../stats/fixtures";
import { FakeWorkbookPort } from "../support/fake-port";
import ExcelJS from "exceljs";

describe("settings kept in the workbook", () => {
  it("uses the CLI store's key for ignores, so the pane and `yanxiu check` share them", () => {
    expect(IGNORES_SETTING).toBe(IGNORES_KEY);
    expect(OVERRIDE_SETTING).not.toBe(IGNORES_SETTING);
  });

  it("writes ignores in the shape the CLI reads back from a file", async () => {
    const entries = [{ sheet: "推荐表", rule: "ranking.sequence" as const, cell: "A9", reason: "并列" }];
    const port = new FakeWorkbookPort([cityList()]);
    await saveIgnores(port, entries);
    const wb = new ExcelJS.Workbook();
    writeIgnores(wb, port.setting(IGNORES_SETTING) as typeof entries);
    expect(readIgnores(wb).ignores).toEqual(entries);
    expect(await loadIgnores(port)).toEqual(entries);
  });

  it("drops malformed stored ignores instead of failing", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    await port.setSetting(IGNORES_SETTING, [
      { sheet: "a", rule: "required", cell: "B2", reason: "ok" },
      { sheet: "a", rule: "no-such-rule", cell: "B2", reason: "x" },
      { sheet: "a", rule: "required", cell: "2B", reason: "x" },
      "junk",
    ]);
    expect(await loadIgnores(port)).toEqual([{ sheet: "a", rule: "required", cell: "B2", reason: "ok" }]);
    await port.setSetting(IGNORES_SETTING, { not: "a list" });
    expect(await loadIgnores(port)).toEqual([]);
  });

  it.each<[string, unknown, ReturnType<typeof readOverrides>]>([
    ["nothing stored", undefined, {}],
    ["a list", [1, 2], {}],
    [
      "a good record",
      { 表1: { policy: "fj-2026-gaoyan", level: "national" } },
      { 表1: { policy: "fj-2026-gaoyan", level: "national" } },
    ],
    [
      "an unknown pack",
      { 表1: { policy: "gd-2026", level: "provincial" } },
      { 表1: { level: "provincial" } },
    ],
    ["an unknown level", { 表1: { level: "city" } }, {}],
    ["a sheet of junk", { 表1: "national", 表2: { level: "national" } }, { 表2: { level: "national" } }],
  ])("reads overrides: %s", (_label, stored, expected) => {
    expect(readOverrides(stored)).toEqual(expected);
  });

  it("adds, replaces and removes one sheet's override, and stores nothing once all are automatic", async () => {
    const one = withOverride({}, "表1", { level: "national" });
    const two = withOverride(one, "表2", { policy: "hb-2026-gaoyan" });
    expect(two).toEqual({ 表1: { level: "national" }, 表2: { policy: "hb-2026-gaoyan" } });
    expect(withOverride(two, "表1", {})).toEqual({ 表2: { policy: "hb-2026-gaoyan" } });
    const port = new FakeWorkbookPort([cityList()]);
    await saveOverrides(port, two);
    expect(await loadOverrides(port)).toEqual(two);
    await saveOverrides(port, withOverride(withOverride(two, "表1", {}), "表2", {}));
    expect(port.settings.has(OVERRIDE_SETTING)).toBe(false);
  });

  it("keeps one ignore per finding: a new reason replaces the old, restoring removes it", () => {
    const a = { sheet: "s", rule: "required" as const, cell: "B2", reason: "旧" };
    const b = { sheet: "s", rule: "required" as const, cell: "B3", reason: "b" };
    const list = withIgnore(withIgnore([], a), b);
    expect(withIgnore(list, { ...a, reason: "新" })).toEqual([b, { ...a, reason: "新" }]);
    expect(withoutIgnore(list, { sheet: "s", rule: "required", cell: "B2" })).toEqual([b]);
  });
});

describe("checkSheetThroughPort", () => {
  const unfinished = gridFromValues("2025未完成单位", [
    ["2025年度未完成单位"],
    ["单位名称"],
    ["福建某某学院"],
  ]);

  it("reads the sheet and the workbook's reference lists, checks, and marks only when asked", async () => {
    const port = new FakeWorkbookPort([cityList(), unfinished]);
    const quiet = await checkSheetThroughPort(port, "城市 汇总表", { mark: false });
    expect(quiet.check.findings.length).toBeGreaterThan(0);
    expect(port.calls.filter((c) => c === "readSheet")).toHaveLength(2);
    expect(port.calls).not.toContain("applyMarks");
    await checkSheetThroughPort(port, "城市 汇总表", { mark: true, sheetNames: ["城市 汇总表"] });
    expect(port.markedCells("城市 汇总表")).toEqual(["E7", "F9", "I9", "K10", "K11", "C15"]);
  });

  it("honours the ignores and the chosen pack", async () => {
    const port = new FakeWorkbookPort([cityList()]);
    const { check } = await checkSheetThroughPort(port, "城市 汇总表", {
      mark: true,
      ignores: [{ sheet: "城市 汇总表", rule: "grassroots.share", cell: "I9", reason: "r" }],
    });
    expect(check.ignored.map((f) => f.rule)).toEqual(["grassroots.share"]);
    expect(port.markedCells("城市 汇总表")).not.toContain("I9");
    const forced = await checkSheetThroughPort(port, "城市 汇总表", {
      mark: false,
      override: { policy: "hb-2026-gaoyan" },
    });
    expect(forced.check.table).toBe("unknown");
  });
});

describe("□ groups for the 勾选 helper", () => {
  it.each([
    ["☑是  □否", "box-before"],
    ["初级□ 中级□ 高级□（请打√）", "box-after"],
    ["拟申报等级：初级□  中级☑", "box-after"],
    ["（包括但不限于主题报告）\n□主题报告：\n□专题研讨：", "box-before"],
  ] as const)("%s has its boxes %s the options", (text, layout) => {
    expect(guessChoiceLayout(text)).toBe(layout);
  });

  it("reads the options line by line, without the brackets that close a group", () => {
    expect(
      choiceOptions("□提供学员住宿（自筹：☑是  □否）\n□不提供学员住宿\n备注：原则上在市郊", "box-before"),
    ).toEqual([
      { label: "提供学员住宿", marked: false, detail: expect.any(String) },
      { label: "是", marked: true, detail: "" },
      { label: "否", marked: false, detail: "" },
      { label: "不提供学员住宿", marked: false, detail: "" },
    ]);
  });

  it("finds the cells holding a group of two or more options, merged areas once", () => {
    const grid = gridFromValues(
      "表",
      [
        ["特色班", "□是  □否", null],
        ["只有一个", "□同意", null],
        ["说明", "请在□内打√", null],
        ["等级", "初级□ 中级□", null],
      ],
      [{ top: 0, left: 1, bottom: 0, right: 2 }],
    );
    expect(findChoiceCells(grid).map((c) => [c.row, c.col, c.options.map((o) => o.label)])).toEqual([
      [0, 1, ["是", "否"]],
      [3, 1, ["初级", "中级"]],
    ]);
  });

  it.each([
    ["☑是  □否", "否", true, "□是  ☑否"],
    ["☑主题报告 □现场教学", "现场教学", false, "☑主题报告 ☑现场教学"],
    ["初级□ 中级☑ 高级□", "初级", true, "初级☑ 中级□ 高级□"],
    ["  ☑是  □否  ", "否", true, "  □是  ☑否  "],
  ])("ticks %s → %s (single %s)", (text, option, single, expected) => {
    const [cell] = findChoiceCells(gridFromValues("表", [[text]]));
    expect(cell && tickedText(cell, option, single)).toBe(expected);
  });
});

describe("words for the user", () => {
  it("has a heading for every rule the engine reports, in both languages", () => {
    for (const rule of RULE_IDS) {
      expect({ rule, zh: ruleTitle(rule, "zh") === rule }).toEqual({ rule, zh: false });
      expect({ rule, en: ruleTitle(rule, "en") === rule }).toEqual({ rule, en: false });
    }
  });

  it.each<[unknown, string, string]>([
    [{ text: { zh: "找不到工作表。", en: "Sheet not found." } }, "找不到工作表。", "Sheet not found."],
    [new Error("boom"), "出现错误：boom", "Something went wrong: boom"],
    ["plain", "出现错误：plain", "Something went wrong: plain"],
    [{ text: { zh: 1 } }, "出现错误：[object Object]", "Something went wrong: [object Object]"],
  ])("describes %p", (error, zh, en) => {
    expect(describeError(error, "zh")).toBe(zh);
    expect(describeError(error, "en")).toBe(en);
  });

  it.each<[number | null, string]>([
    [0.3333, "33.3%"],
    [0.5, "50%"],
    [0, "0%"],
    [1, "100%"],
    [0.0833333, "8.3%"],
    [null, "—"],
    [Number.NaN, "—"],
  ])("shows the share %p as %s", (share, text) => {
    expect(formatShare(share)).toBe(text);
  });

  it.each<[number | null, string]>([
    [88.5, "88.5"],
    [90, "90"],
    [1 / 3, "0.33"],
    [null, "—"],
  ])("shows the number %p as %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
