import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * Relative change from one level to another, in percent.
 *
 * Formula: `(to − from) / from × 100`. With intervals, the bounds are the min and max over the corners.
 *
 * Edge cases: `undefined` when `from` is zero or its interval contains zero (no base to divide by), or
 * when any input is not finite. A negative base follows the formula as written (−10 → −5 is −50 %).
 * @example percentChange(100, 250) // { value: 150, low: 150, high: 150 }
 * @example percentChange(2681, { value: 2681, low: 2412.9, high: 2681 }) // { value: 0, low: -10, high: 0 }
 */
export function percentChange(from: Estimate, to: Estimate): Interval | undefined {
  const a = toInterval(from);
  const b = toInterval(to);
  if (!a || !b || (a.low <= 0 && a.high >= 0)) return undefined;
  // Multiplying before dividing keeps round inputs round ((93 − 100) × 100 / 100 is exactly −7).
  return lift((x, y) => ((y - x) * 100) / x, a, b);
}
