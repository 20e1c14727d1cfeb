import { checkGrid } from "../../../src/core/check";
import type { Level, PackId, TableKind } from "../../../src/core/packs/types";
import {
  CLEAN_NATIONAL,
  CLEAN_PROVINCIAL,
  CLEAN_SUMMARY_ROWS,
  SIGNER,
  nationalSheet,
  provincialSheet,
  summarySheet,
} from "../../golden/cases/fj-2026-gaoyan";
import { CLEAN_HB, hbSheet } from "../../golden/cases/hb-2026-gaoyan";
import { shCases } from "../../golden/cases/sh-2026-gaoyan";
import type { GoldenSheet } from "../../golden/types";
import { confidences, gridOf } from "./support";

/** A sheet with one row replaced. */
function withRow(sheet: GoldenSheet, index: number, row: readonly (string | undefined)[]): GoldenSheet {
  return { ...sheet, rows: sheet.rows.map((r, i) => (i === index ? row : r)) };
}

/** A sheet without the rows that name the province or the choice rule: what is left is the template itself. */
function withoutRows(sheet: GoldenSheet, drop: (row: readonly unknown[]) => boolean): GoldenSheet {
  return { ...sheet, rows: sheet.rows.map((row) => (drop(row) ? [] : row)) };
}

// A Fujian 附件1 whose host and venue are outside Fujian and whose 类别 label lost its （仅单选） note.
const bareNational = withRow(
  nationalSheet("国家级", {
    ...CLEAN_NATIONAL,
    location: "北京市海淀区",
    host: { ...CLEAN_NATIONAL.host, name: "北京海洋工程技术研究院", address: "北京市海淀区学院路1号" },
  }),
  8,
  ["申报项目类别", CLEAN_NATIONAL.category],
);

// A Hubei form with no 湖北 anywhere and no （可多选） note: only 近5年支撑知识更新工程工作情况 tells it apart.
const bareHubei = withRow(
  withoutRows(
    hbSheet("湖北", {
      ...CLEAN_HB,
      applicantLine: "申报单位：示范大学（盖章）",
      location: "武汉市",
      applicant: { ...CLEAN_HB.applicant, name: "示范大学", address: "武汉市武昌区中北路1号" },
      host: { ...CLEAN_HB.host, address: "武汉市东湖新技术开发区光谷大道100号" },
      scope: "☑服务国家战略: 服务创新驱动发展战略",
      purpose: "聚焦光电子信息产业关键核心技术攻关，提升专业技术人员创新能力。",
    }),
    (row) => typeof row[0] === "string" && row[0].startsWith("注"),
  ),
  7,
  ["申报项目 类别", CLEAN_HB.category],
);

// A Fujian 附件1 filled by a host in Wuhan: the word 湖北 must not outweigh （仅单选） and the missing 近5年 row.
const wuhanHostedNational = nationalSheet("国家级", {
  ...CLEAN_NATIONAL,
  location: "湖北省武汉市",
  host: { ...CLEAN_NATIONAL.host, name: "武汉船舶工程技术研究院", address: "湖北省武汉市洪山区珞喻路1号" },
});

// 附件3 without its title row (no 福建 in the head): its columns alone still beat Shanghai's summary reading.
const untitledSummary = withoutRows(
  summarySheet("汇总表", CLEAN_SUMMARY_ROWS, SIGNER, "填表日期：2026年1月12日"),
  (row) => typeof row[0] === "string" && row[0].includes("汇总表"),
);

const CASES: ReadonlyArray<readonly [string, GoldenSheet, PackId, TableKind, Level | null]> = [
  ["Fujian 附件1", nationalSheet("国家级", CLEAN_NATIONAL), "fj-2026-gaoyan", "application", "national"],
  ["Fujian 附件2", provincialSheet("省级", CLEAN_PROVINCIAL), "fj-2026-gaoyan", "application", "provincial"],
  [
    "Fujian 附件3",
    summarySheet("汇总表", CLEAN_SUMMARY_ROWS, SIGNER, "填表日期：2026年1月12日"),
    "fj-2026-gaoyan",
    "summary",
    null,
  ],
  ["Hubei 申报表", hbSheet("湖北", CLEAN_HB), "hb-2026-gaoyan", "application", null],
  ["Fujian 附件1 without （仅单选） or 福建", bareNational, "fj-2026-gaoyan", "application", "national"],
  ["Hubei 申报表 without （可多选） or 湖北", bareHubei, "hb-2026-gaoyan", "application", null],
  ["Fujian 附件1 hosted in Wuhan", wuhanHostedNational, "fj-2026-gaoyan", "application", "national"],
  ["Fujian 附件3 without its title", untitledSummary, "fj-2026-gaoyan", "summary", null],
];

describe("recognition of the Fujian and Hubei tables", () => {
  it("the look-alike variants really lost their province words", () => {
    for (const sheet of [bareNational, bareHubei])
      expect(JSON.stringify(sheet.rows)).not.toMatch(/福建|湖北|仅单选|可多选/);
  });

  it.each(CASES)("%s → its pack, table and level", (_name, sheet, policy, table, level) => {
    const result = checkGrid(gridOf(sheet));
    expect({ policy: result.policy, table: result.table, level: result.level }).toEqual({
      policy,
      table,
      level,
    });
  });

  it.each(CASES)("%s: the winning pack is strictly surer than every other pack", (_name, sheet, policy) => {
    const all = confidences(sheet);
    const winner = all[policy] ?? 0;
    expect(winner).toBeGreaterThan(0.5);
    for (const [id, confidence] of Object.entries(all))
      if (id !== policy) expect(confidence ?? 0).toBeLessThan(winner);
  });

  it("tells Fujian's national form and Hubei's apart by a wide margin", () => {
    const fj = confidences(nationalSheet("国家级", CLEAN_NATIONAL));
    const hb = confidences(hbSheet("湖北", CLEAN_HB));
    expect((fj["fj-2026-gaoyan"] ?? 0) - (fj["hb-2026-gaoyan"] ?? 0)).toBeGreaterThan(0.3);
    expect((hb["hb-2026-gaoyan"] ?? 0) - (hb["fj-2026-gaoyan"] ?? 0)).toBeGreaterThan(0.3);
  });

  it("a forced level overrides the detected one", () => {
    const result = checkGrid(gridOf(nationalSheet("国家级", CLEAN_NATIONAL)), { level: "provincial" });
    expect(result.level).toBe("provincial");
  });
});

describe("the Shanghai pack keeps its own tables", () => {
  const sheets = shCases.flatMap((c) => c.sheets.map((s) => [`${c.id} / ${s.name}`, s] as const));
  it.each(sheets)("%s is Shanghai's, and Fujian/Hubei are less sure", (_name, sheet) => {
    const all = confidences(sheet);
    const sh = all["sh-2026-gaoyan"] ?? 0;
    expect(checkGrid(gridOf(sheet)).policy).toBe("sh-2026-gaoyan");
    expect(all["fj-2026-gaoyan"] ?? 0).toBeLessThan(sh);
    expect(all["hb-2026-gaoyan"] ?? 0).toBeLessThan(sh);
  });
});
