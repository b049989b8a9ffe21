import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * The share of a total that a part makes, as a fraction (⅓ is 0.333…, not 33.3).
 *
 * Formula: `part / total`; with intervals, min and max over the corners.
 *
 * Edge cases: `undefined` when `total` (or its low bound) is zero or below, or any input is not finite.
 * A part larger than the total is returned as computed (a share above 1), not clipped.
 * @example share(893.67, 2681) // { value: 0.33333…, low: 0.33333…, high: 0.33333… }
 */
export function share(part: Estimate, total: Estimate): Interval | undefined {
  const p = toInterval(part);
  const t = toInterval(total);
  if (!p || !t || t.low <= 0) return undefined;
  return lift((x, y) => x / y, p, t);
}
