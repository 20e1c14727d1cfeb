/**
 * @jest-environment jsdom
 */
// 统计 on a city list of many recommenders: the quota bars are drawn a page at a time (a list compiled from 400
// recommenders drew 400 bars at once when the tab opened), and 显示更多 draws the next page.

import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { gridFromValues } from "../../src/core/grid/grid";
import { QUOTA_PAGE, QuotaPanel } from "../../src/taskpane/components/stats/QuotaPanel";
import { figuresOf } from "../../src/taskpane/components/stats/figures";
import { SUMMARY_HEADER, summaryListRows } from "../../scripts/build-examples";

afterEach(cleanup);

it("draws the first page of recommenders and the next on 显示更多, until all are drawn", () => {
  // 50 projects per recommender: 2,000 rows are 40 recommenders.
  const grid = gridFromValues("汇总表", [
    ["2026年度上海市专业技术人员知识更新工程高级研修项目汇总表"],
    SUMMARY_HEADER,
    ...summaryListRows(2_000, { shortEvery: 3, keyRanks: 10 }),
  ] as never);
  const { stats } = figuresOf(grid, {});
  const recommenders = stats!.recommenders;
  expect(recommenders.length).toBeGreaterThan(QUOTA_PAGE);
  render(<QuotaPanel recommenders={recommenders} />);
  const region = screen.getByRole("region", { name: "重点推荐名额" });
  expect(within(region).getAllByRole("listitem")).toHaveLength(QUOTA_PAGE);
  const left = recommenders.length - QUOTA_PAGE;
  fireEvent.click(within(region).getByRole("button", { name: `显示更多 ${left} 项（还有 ${left} 项）` }));
  expect(within(region).getAllByRole("listitem")).toHaveLength(recommenders.length);
  expect(within(region).queryByRole("button", { name: /^显示更多/ })).toBeNull();
});
