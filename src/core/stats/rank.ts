/** A row's place in a ranking by score: null when it has no score. */
export interface CompetitionRank {
  rank: number | null;
  /** Another row has exactly the same score (并列). */
  tied: boolean;
}

/**
 * Standard competition ranking, highest score first: equal scores share a rank and the next rank skips
 * (95, 90, 90, 80 → 1, 2, 2, 4), which is what RANK(x, range, 0) and RANK.EQ give in Excel. Rows without a score (null or
 * not a finite number) get no rank: they are unranked, not ranked last.
 */
export function competitionRanks(scores: readonly (number | null)[]): CompetitionRank[] {
  const out: CompetitionRank[] = scores.map(() => ({ rank: null, tied: false }));
  const scored: number[] = [];
  scores.forEach((s, i) => {
    if (s !== null && Number.isFinite(s)) scored.push(i);
  });
  scored.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  let start = 0;
  while (start < scored.length) {
    const value = scores[scored[start] as number] as number;
    let end = start;
    while (end + 1 < scored.length && scores[scored[end + 1] as number] === value) end++;
    const tied = end > start;
    for (let k = start; k <= end; k++) out[scored[k] as number] = { rank: start + 1, tied };
    start = end + 1;
  }
  return out;
}
