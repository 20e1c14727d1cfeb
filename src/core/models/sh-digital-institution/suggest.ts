/** Levenshtein distance over UTF-16 units (the names compared here are all in the BMP). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `value`, when it is close enough to be worth suggesting: a candidate that contains the
 * value (or is contained in it) wins, then the smallest edit distance within half the candidate's length.
 * Undefined for an empty value or nothing near; ties go to the earlier candidate.
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  if (value.length < 2) return undefined;
  const containing = candidates.filter((c) => c.includes(value) || value.includes(c));
  if (containing.length > 0) {
    // The tightest fit: the candidate whose length is closest to the value's.
    return containing.reduce((best, c) =>
      Math.abs(c.length - value.length) < Math.abs(best.length - value.length) ? c : best,
    );
  }
  let best: { name: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(value, c);
    if (distance > Math.floor(c.length / 2)) continue;
    if (!best || distance < best.distance) best = { name: c, distance };
  }
  return best?.name;
}
