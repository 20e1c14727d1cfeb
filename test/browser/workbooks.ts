// Workbooks for the browser tests beyond the three examples: the golden cases (other notices, other sheet names),
// written as .xlsx files into a temporary folder, plus a few shapes staff send (a cover sheet first).

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { buildGoldenWorkbook } from "../golden/build-workbook";
import { GOLDEN_CASES } from "../golden/cases";
import type { GoldenCase } from "../golden/types";
import { tempDir } from "./harness";

export function goldenCase(id: string): GoldenCase {
  const found = GOLDEN_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`No golden case ${id}`);
  return found;
}

/** Writes the golden case `id` as `<dir>/<name>`; returns the path. */
export async function writeGolden(dir: string, id: string, name = `${id}.xlsx`): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await buildGoldenWorkbook(goldenCase(id))));
  return file;
}

/** A golden case with a 填表说明 sheet in front, saved with that sheet active (as many offices send them). */
export async function writeWithCover(dir: string, id: string, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildGoldenWorkbook(goldenCase(id)));
  const cover = wb.addWorksheet("填表说明");
  cover.getCell("A1").value = "填表说明：请按通知要求填写各项内容。";
  // ExcelJS appends; move the cover to the front by its order id and make it the active tab.
  const sheets = wb.worksheets as Array<ExcelJS.Worksheet & { orderNo: number }>;
  sheets.forEach((ws, i) => (ws.orderNo = ws === cover ? 0 : i + 1));
  wb.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export function workbookDir(): string {
  return tempDir("yanxiu-browser-books-");
}

/** A city summary list of `rows` projects (Shanghai 汇总表) with a problem every few rows: long lists of findings. */
export async function writeLongList(
  dir: string,
  rows: number,
  name = `汇总表-${rows}.xlsx`,
): Promise<string> {
  const { SUMMARY_HEADER, summaryListRows } = await import("../../scripts/build-examples");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("汇总表");
  ws.addRow(["2026年度上海市专业技术人员知识更新工程高级研修项目汇总表"]);
  ws.addRow(SUMMARY_HEADER);
  for (const row of summaryListRows(rows, { shortEvery: 3, keyRanks: 10 })) ws.addRow(row);
  ws.getColumn(7).numFmt = "0%";
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
