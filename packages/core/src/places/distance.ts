// Edit distance for did-you-mean suggestions. Pure; no dependencies.

/**
 * Optimal string alignment distance: the fewest insertions, deletions, substitutions and swaps of two
 * neighbouring characters that turn `a` into `b`. Stops early and returns `max + 1` once the distance
 * is known to exceed `max`, since suggestions only care about close names.
 * @example editDistance('calma', 'calama') // 1 (insert "a")
 * @example editDistance('vlaparaiso', 'valparaiso') // 1 (swap "l" and "a")
 * @example editDistance('arica', 'temuco', 2) // 3 (more than 2)
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rows of the dynamic-programming table: two back (for swaps), previous and current.
  let before = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  const d = prev[n] as number;
  return d > max ? max + 1 : d;
}
