// Numbers as the pane shows them: shares as percentages with at most one decimal, counts and scores with thousands
// separators (20,000, not 20000; zh-CN and en both group by three with a comma).

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, useGrouping: true });

/** 0.3333 → "33.3%", 0.5 → "50%"; "—" when there is no share. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  const tenths = Math.round(share * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}

/** A count or score for display, with thousands separators and at most two decimals; "—" when missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return NUMBER.format(Math.round(value * 100) / 100);
}

/** A count (of findings, rows, files) with thousands separators. */
export function formatCount(value: number): string {
  return NUMBER.format(value);
}
