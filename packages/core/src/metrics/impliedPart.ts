import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * The part of a total that a share (a fraction, ⅓ = 0.333…) stands for.
 *
 * Formula: `share × total`; with intervals, min and max over the corners.
 *
 * Edge cases: `undefined` when any input is not finite.
 * @example impliedPart(intervalFor(1 / 3, 'approximately'), 2681) // { value: 893.67, low: 804.3, high: 983.03 } (hotline ≈ ⅓ of 2,681 arrests)
 */
export function impliedPart(shareValue: Estimate, total: Estimate): Interval | undefined {
  const s = toInterval(shareValue);
  const t = toInterval(total);
  if (!s || !t) return undefined;
  return lift((x, y) => x * y, s, t);
}
