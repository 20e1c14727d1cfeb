// Numbers as the pane shows them: shares as percentages with at most one decimal, counts as they are.

/** 0.3333 → "33.3%", 0.5 → "50%"; "—" when there is no share. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  const tenths = Math.round(share * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}

/** A count or score for display; "—" when missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return String(Math.round(value * 100) / 100);
}
