// Edit distances for did-you-mean suggestions and typo-tolerant search. Pure; no dependencies.

// Three rows of the dynamic-programming table (two back, for swaps), reused between calls: a search
// compares the query with hundreds of names per keystroke.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance between `a` and `b[from, to)`; when `prefix` is set, the least
 * distance between `a` and any prefix of that stretch of `b`. Gives up with `max + 1` once every
 * path is over `max`.
 */
function osa(a: string, b: string, from: number, to: number, max: number, prefix: boolean): number {
  const n = to - from;
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, prev, row] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(from + j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(from + j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  // `prev` now holds the last row: a's distance to each prefix of the stretch.
  let d = prev[n] as number;
  if (prefix) for (let j = Math.max(0, a.length - max); j < n; j++) d = Math.min(d, prev[j] as number);
  return d > max ? max + 1 : d;
}

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
  return osa(a, b, 0, b.length, max, false);
}

/**
 * The least edit distance between `a` and the start of `b` from position `from` (any prefix of
 * `b.slice(from)`), or `max + 1` when none is within `max`: how far "valpo" is from the start of
 * "valparaiso".
 * @example prefixDistance('valpo', 'valparaiso', 0, 1) // 1 ("valpa": o → a)
 * @example prefixDistance('mra', 'vina del mar', 9, 1) // 1 ("mar": swap "r" and "a")
 */
export function prefixDistance(a: string, b: string, from: number, max: number): number {
  return osa(a, b, from, Math.min(b.length, from + a.length + max), max, true);
}
