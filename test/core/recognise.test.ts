import { gridFromValues } from "../../src/core/grid/grid";
import { normaliseLabel, stripHint } from "../../src/core/recognise/labels";
import { LIST_COLUMNS } from "../../src/core/recognise/columns";
import { readList } from "../../src/core/recognise/list";
import { readForm } from "../../src/core/recognise/form";
import { findLabelledLine } from "../../src/core/recognise/lines";

describe("normaliseLabel", () => {
  it.each([
    ["办班时间 (X 天)", "办班时间"],
    ["是否提供学员 住宿 (单选)", "是否提供学员住宿"],
    ["传 真", "传真"],
    ["申报项目\n类别\n（仅单选）", "申报项目类别"],
    ["资助经费（万元）", "资助经费"],
    ["单位名称（盖章）：", "单位名称"],
    ["近 5 年 培训规模 (人次)", "近5年培训规模"],
    ["＊项目名称", "项目名称"],
  ])("%j → %j", (input, expected) => expect(normaliseLabel(input)).toBe(expected));
});

describe("stripHint", () => {
  it.each([
    ["(100字以内, 突出特色、言简意赅)", ""],
    ["(X 天)", ""],
    ["上海市 XX 区", ""],
    ["（参考附件 1）", ""],
    ["（如有院士或省部级领导出席，请重点阐述）院士：张三", "院士：张三"],
    ["（一）聚焦大模型应用", "（一）聚焦大模型应用"],
    ["数字技术", "数字技术"],
  ])("%j → %j", (input, expected) => expect(stripHint(input)).toBe(expected));
});

describe("readList", () => {
  const sheet = gridFromValues("推荐表", [
    ["专业技术人员知识更新工程高级研修项目推荐表"],
    ["推荐单位：市科委（盖章）"],
    ["填写时间：2026年4月20日"],
    [" 推荐 排序 ", "项目名称", "承办单位", "备注"],
    [1, "甲", "单位A", "重点推荐"],
    [],
    [2, "乙", "单位B", ""],
    ["合计", "", "", ""],
    [3, "", "", ""],
    ["推荐单位联系人：王老师"],
    ["联系方式：021-32511306"],
    ["注：原则上不超过推荐项目总数的15%"],
  ]);

  it("finds the header under the title lines and maps aliases", () => {
    const list = readList(sheet, LIST_COLUMNS);
    expect(list?.headerRow).toBe(3);
    expect([...(list?.columns.keys() ?? [])]).toEqual(["rank", "title", "host", "remark"]);
  });

  it("reads project rows, skipping blank, 合计 and pre-printed rank-only rows, and stops at the footer", () => {
    const list = readList(sheet, LIST_COLUMNS);
    expect(list?.rows).toEqual([4, 6]);
    expect(list?.below.map((l) => l.text)).toEqual([
      "推荐单位联系人：王老师",
      "联系方式：021-32511306",
      "注：原则上不超过推荐项目总数的15%",
    ]);
  });

  it("keeps the template's numbered rows while the whole list is blank", () => {
    const blank = gridFromValues("推荐表", [
      ["推荐排序", "项目名称", "承办单位", "备注"],
      [1, "", "", "重点推荐"],
      [2],
      [3],
    ]);
    expect(readList(blank, LIST_COLUMNS)?.rows).toEqual([1, 2, 3]);
  });

  it("reads the unit from the header's brackets", () => {
    const g = gridFromValues("汇总", [
      ["项目名称", "资助经费（万元）"],
      ["甲", 7],
    ]);
    expect(readList(g, LIST_COLUMNS)?.columns.get("funding")?.unit).toBe("万元");
  });

  it("finds the lines above and below by their labels", () => {
    const list = readList(sheet, LIST_COLUMNS);
    expect(findLabelledLine(list?.above ?? [], ["推荐单位"])?.value).toBe("市科委");
    expect(findLabelledLine(list?.below ?? [], ["推荐单位联系人"])?.value).toBe("王老师");
    expect(findLabelledLine(list?.below ?? [], ["联系方式"])?.value).toBe("021-32511306");
  });

  it("is not fooled by a form row that has one known word", () => {
    expect(
      readList(
        gridFromValues("表", [
          ["项目名称", "某研修班"],
          ["办班时间", "5天"],
        ]),
        LIST_COLUMNS,
      ),
    ).toBeUndefined();
  });
});

describe("readForm", () => {
  const spec = {
    blocks: [
      { key: "recommender", labels: ["推荐单位信息"] },
      { key: "applicant", labels: ["申报单位信息"] },
    ],
    fields: [
      { key: "date", labels: ["申报时间"] },
      { key: "title", labels: ["项目名称"] },
      { key: "recName", labels: ["单位名称"], block: "recommender" },
      { key: "appName", labels: ["单位名称"], block: "applicant" },
      { key: "appPhone", labels: ["办公电话"], block: "applicant" },
      { key: "purpose", labels: ["研修目的和作用"] },
    ],
  } as const;
  const grid = gridFromValues(
    "申报表",
    [
      ["申报时间：2026年4月1日"],
      ["项目名称", "大模型研修班"],
      ["推荐单位信息", "单位名称", "市科委"],
      [null, "联系人", "王"],
      ["申报单位信息", "单位名称", "示范大学"],
      [null, "办公电话", "021-64251234"],
      ["研修目的和作用"],
      ["提升能力"],
    ],
    [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 4, left: 0, bottom: 5, right: 0 },
      { top: 6, left: 0, bottom: 6, right: 2 },
    ],
  );
  const form = readForm(grid, spec);

  it("tells 单位名称 of one block from the other", () => {
    expect(form.fields.get("recName")?.text).toBe("市科委");
    expect(form.fields.get("appName")?.text).toBe("示范大学");
    expect(form.fields.get("appPhone")).toMatchObject({ valueRow: 5, valueCol: 2, text: "021-64251234" });
  });

  it("reads a value written in the label's own cell after a colon", () => {
    expect(form.fields.get("date")).toMatchObject({ valueRow: 0, valueCol: 0, text: "2026年4月1日" });
  });

  it("reads the value below a label that spans the width", () => {
    expect(form.fields.get("purpose")).toMatchObject({ valueRow: 7, valueCol: 0, text: "提升能力" });
  });

  it("counts what it found", () => {
    expect(form.found).toBe(6);
  });
});

describe("readForm regressions", () => {
  it("a label in the last row and column gets an empty answer at the label, not a cell outside the sheet", () => {
    const grid = gridFromValues("表", [
      ["项目名称", "甲"],
      [null, "研修目的和作用"],
    ]);
    const form = readForm(grid, { fields: [{ key: "purpose", labels: ["研修目的和作用"] }] });
    expect(form.fields.get("purpose")).toMatchObject({ valueRow: 1, valueCol: 1, text: "" });
  });
});
