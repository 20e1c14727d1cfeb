/**
 * A share rounded to 2 decimals for output edges (JSON, text): 0.3333 → 0.33. Figures stay unrounded inside the
 * core, so a sum of rounded shares is never fed back into a computation. null stays null.
 */
export function roundShare(share: number | null): number | null {
  if (share === null || !Number.isFinite(share)) return null;
  const text = String(share);
  // Tiny or huge numbers print with an exponent already; shifting it by text would not parse.
  if (text.includes("e")) return Math.round(share * 100) / 100;
  // Via the exponent, so 0.125 → 0.13 (Math.round(0.125 * 100) would see 12.499999…).
  return Number(`${Math.round(Number(`${text}e2`))}e-2`);
}
