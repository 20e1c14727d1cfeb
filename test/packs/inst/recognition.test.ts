import { checkGrid, sheetSignals } from "../../../src/core/check";
import { gridFromValues } from "../../../src/core/grid/grid";
import type { CellValue } from "../../../src/core/grid/types";
import { recogniseInstForm } from "../../../src/core/models/sh-digital-institution/form";
import { instContext } from "../../../src/core/models/sh-digital-institution/figures";
import { builtinPackData } from "../../../src/core/packs/builtin";

const INST_CONTEXT = instContext(builtinPackData("sh-2026-digital-institution"));
import { findPack } from "../../../src/core/packs/registry";

const shDigitalInstitutionPack = findPack("sh-2026-digital-institution")!;
const shGaoyanPack = findPack("sh-2026-gaoyan")!;
import { instGrid } from "./support";

// A No. 82 附件2 申报表, just its labels and a few answers: the other Shanghai form of 2026.
const SH82_FORM: (CellValue | undefined)[][] = [
  ["专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）申报表"],
  ["申报单位：上海示范大学"],
  ["申报时间：2026年4月10日"],
  ["项目名称", "人工智能大模型应用高级研修班"],
  ["办班时间", "2026年9月14日-18日", "办班地点", "上海市闵行区"],
  ["领域", "数字技术", "专业范围", "人工智能"],
  ["申报特色班", "□是 ☑否", "特色班拟办年限", ""],
  ["申报项目类别", "☑高级研修项目 □急需紧缺人才培养项目"],
  ["是否提供学员住宿", "□提供学员住宿 ☑不提供学员住宿"],
  ["主要目标", "培养骨干人才"],
  ["培训对象", "本市中高级专业技术人员"],
  ["宣传推广计划", "公众号宣传"],
  ["申报单位信息", "单位名称", "上海示范大学", "联系人", "刘老师"],
  [undefined, "统一社会信用代码", "123100004250061179"],
];

describe("recognising the institution form", () => {
  it("recognises the attachment's layout with high confidence", () => {
    const check = checkGrid(instGrid());
    expect([check.table, check.policy, check.level]).toEqual([
      "institution",
      "sh-2026-digital-institution",
      null,
    ]);
    expect(check.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("is not taken for a No. 82 申报表", () => {
    const signals = sheetSignals(instGrid());
    const ours = shDigitalInstitutionPack.recognise(signals)?.confidence ?? 0;
    const theirs = shGaoyanPack.recognise(signals)?.confidence ?? 0;
    expect(ours).toBeGreaterThan(theirs);
  });

  it("does not take a No. 82 申报表 for itself", () => {
    const grid = gridFromValues("申报表", SH82_FORM);
    expect(recogniseInstForm(INST_CONTEXT, sheetSignals(grid))).toBeUndefined();
    const check = checkGrid(grid);
    expect([check.table, check.policy]).toEqual(["application", "sh-2026-gaoyan"]);
  });

  it.each([
    [
      "two of its own labels, no title",
      [
        ["拟申报开展培训的职业", "云计算工程技术人员"],
        ["近三年纳税情况", "年份"],
      ],
      true,
    ],
    [
      "the vertical label of 下一步培训工作规划 without its 一",
      [
        ["下 步 培 训 工 作 规 划", "……"],
        ["师资团队总人数", 3],
      ],
      true,
    ],
    ["one label only", [["拟申报开展培训的职业", "云计算工程技术人员"]], false],
    [
      "a plain list",
      [
        ["序号", "姓名", "单位"],
        [1, "张三", "某大学"],
      ],
      false,
    ],
  ] as const)("%s → recognised: %s", (_name, rows, recognised) => {
    const grid = gridFromValues("表", rows as unknown as CellValue[][]);
    expect(recogniseInstForm(INST_CONTEXT, sheetSignals(grid)) !== undefined).toBe(recognised);
  });

  it("the title adds to the confidence", () => {
    const rows: CellValue[][] = [
      ["拟申报开展培训的职业", "云计算工程技术人员"],
      ["近三年纳税情况", "年份"],
    ];
    const bare = recogniseInstForm(INST_CONTEXT, sheetSignals(gridFromValues("表", rows)))?.confidence ?? 0;
    const titled =
      recogniseInstForm(
        INST_CONTEXT,
        sheetSignals(gridFromValues("表", [["数字技术工程师培育项目培训机构申报表"], ...rows])),
      )?.confidence ?? 0;
    expect(titled).toBeGreaterThan(bare);
  });
});
