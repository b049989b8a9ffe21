/**
 * Decimal places of a number as it is written (`2949.1` → 1, `2681` → 0, `1e-7` → 7).
 *
 * @example decimals(0.123) // 3
 */
export function decimals(n: number): number {
  const s = String(n);
  const e = s.indexOf('e');
  if (e >= 0) {
    // 1.25e-7: two written places, shifted seven more.
    const mantissa = s.slice(0, e);
    const dot = mantissa.indexOf('.');
    const places = dot < 0 ? 0 : mantissa.length - dot - 1;
    return Math.max(0, places - Number(s.slice(e + 1)));
  }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * `a − b` as decimal arithmetic gives it: a difference of two decimals has no more places than the
 * longer of the two, so binary noise beyond them (`4.8 − 6.1` = `-1.2999999999999998`) is removed.
 * This is not rounding: the exact decimal difference has exactly those places.
 *
 * @example decimalDifference(4.8, 6.1) // -1.3
 */
export function decimalDifference(a: number, b: number): number {
  const d = Math.max(decimals(a), decimals(b));
  const x = a - b;
  return d > 15 || !Number.isFinite(x) ? x : Number(x.toFixed(d));
}

/**
 * `n × 10^k` for a decimal `n` (a share as percentage points: k = 2), without binary noise:
 * shifting the decimal point leaves `decimals(n) − k` places.
 *
 * @example decimalShift(0.123, 2) // 12.3
 */
export function decimalShift(n: number, k: number): number {
  const d = Math.max(0, decimals(n) - k);
  const x = n * 10 ** k;
  return d > 15 || !Number.isFinite(x) ? x : Number(x.toFixed(d));
}
