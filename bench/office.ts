/**
 * The Office adapter against the Excel simulator: validate-and-mark, then clear, on 2-column lists of 1,000,
 * 10,000 and 100,000 rows (one row in ten marked: errors on names, warnings on numbers), then the same on
 * 13-column summary lists checked by the real engine (checkGrid), whose findings are marked.
 *
 * One line per sheet:
 *   office rows=N cells=N marks=N syncs=N clearSyncs=N maxRequestBytes=N ms=N [maxResponseBytes refused engineMs excelMs clearMs]
 * syncs: requests to read and mark (a refused request counts: it was a round trip); maxResponseBytes: the largest
 * answer delivered; refused: requests Excel on the web would refuse as over 5 MB (the first, optimistic read of a
 * sheet too large for one request); ms: the adapter's own time to read and mark (wall time less the simulated
 * Excel's and the engine's); excelMs: what the simulator spent answering (says nothing of real Excel's speed).
 */
import { OfficeWorkbookPort } from "../src/adapters/office";
import { checkGrid } from "../src/core/check";
import type { Finding } from "../src/core/findings";
import type { Grid } from "../src/core/grid/types";
import { createWorkbook } from "../test/support/excel-sim";

type Row = Array<string | number | null>;

const NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"];

function twoColumnList(rows: number): Row[] {
  const out: Row[] = [["姓名", "课时"]];
  for (let i = 1; i < rows; i++) out.push([NAMES[i % NAMES.length] ?? "某某", 8 + (i % 40)]);
  return out;
}

function syntheticFindings(sheet: string, grid: Grid): Finding[] {
  const out: Finding[] = [];
  for (let row = 10; row < grid.rowCount; row += 10) {
    const error = row % 20 !== 0;
    out.push({
      sheet,
      row,
      col: error ? 0 : 1,
      severity: error ? "error" : "warning",
      rule: error ? "required" : "number.precision-lost",
      message: error
        ? { zh: "姓名必须填写", en: "The name is required" }
        : { zh: "课时数有误", en: "The hours look wrong" },
      clause: "沪人社专〔2026〕82号 二（一）",
    });
  }
  return out;
}

const SUMMARY_HEADER = [
  "序号",
  "推荐单位",
  "推荐排序",
  "项目名称",
  "承办单位",
  "领域",
  "专业范围",
  "学员人数",
  "基层人数",
  "办班时间",
  "是否住宿",
  "资助经费（万元）",
  "备注",
];

/** A summary list as recommenders send it: 50 units, one host per project, one row in twenty with too few trainees. */
function summaryList(rows: number): Row[] {
  const out: Row[] = [["上海市专业技术人才知识更新工程高级研修项目汇总表"], SUMMARY_HEADER];
  const perUnit = Math.ceil(rows / 50);
  for (let i = 0; i < rows; i++) {
    const rank = (i % perUnit) + 1;
    const slip = i % 20 === 11;
    const trainees = slip ? 40 : 50 + (i % 30);
    const month = 3 + (i % 8);
    const day = 2 + (i % 20);
    out.push([
      i + 1,
      `推荐单位${Math.floor(i / perUnit) + 1}`,
      rank,
      `第${i + 1}期数字技术高级研修班`,
      `承办单位${i + 1}`,
      "数字技术",
      "人工智能",
      trainees,
      Math.ceil(trainees * 0.4),
      `2026年${month}月${day}日-${day + 3}日`,
      i % 3 === 0 ? "否" : "是",
      i % 3 === 0 ? 6 : 12,
      rank === 1 ? "重点推荐" : null,
    ]);
  }
  return out;
}

async function measure(
  rows: number,
  cols: number,
  values: Row[],
  findingsOf: (sheet: string, grid: Grid) => Finding[],
): Promise<void> {
  const sheet = "名单";
  const wb = createWorkbook({ sheets: [{ name: sheet, values }] });
  const port = new OfficeWorkbookPort({ run: wb.run, isSetSupported: wb.isSetSupported });
  const excel = (from: number) => wb.requests.slice(from).reduce((t, r) => t + r.ms, 0);

  const t0 = performance.now();
  const grid = await port.readSheet(sheet);
  const e0 = performance.now();
  const findings = findingsOf(sheet, grid);
  const engineMs = performance.now() - e0;
  await port.applyMarks(sheet, findings);
  const markWall = performance.now() - t0;
  const markRequests = wb.requests.length;
  const excelMs = excel(0);
  const marks = Object.keys(wb.sheet(sheet).notes()).length;

  const c0 = performance.now();
  await port.clearMarks(sheet);
  const clearWall = performance.now() - c0;
  const clearRequests = wb.requests.slice(markRequests);
  const fields = {
    rows,
    cells: rows * cols,
    marks,
    syncs: markRequests,
    clearSyncs: clearRequests.length,
    maxRequestBytes: wb.maxRequestBytes,
    ms: Math.round(markWall - excelMs - engineMs),
    maxResponseBytes: Math.max(0, ...wb.requests.filter((r) => !r.error).map((r) => r.responseBytes)),
    refused: wb.requests.filter((r) => r.error).length,
    engineMs: Math.round(engineMs),
    excelMs: Math.round(excelMs),
    clearMs: Math.round(clearWall - excel(markRequests)),
  };
  console.log(
    `office ${Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
}

async function main(): Promise<void> {
  for (const rows of [1_000, 10_000, 100_000]) await measure(rows, 2, twoColumnList(rows), syntheticFindings);
  for (const rows of [1_000, 10_000, 100_000])
    await measure(rows, SUMMARY_HEADER.length, summaryList(rows), (_sheet, grid) => checkGrid(grid).findings);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
