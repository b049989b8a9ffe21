import { decimalDifference } from './decimal.js';
import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * Difference between two levels, in the levels' unit.
 *
 * Formula: `to − from`; with intervals, `[to.low − from.high, to.high − from.low]`.
 *
 * Decimal arithmetic: `6.1 → 4.8` is −1.3, not −1.2999999999999998 (a difference has no more
 * decimal places than its inputs).
 *
 * Edge cases: `undefined` when any input is not finite.
 * @example absoluteChange(2681, { value: 2681, low: 2412.9, high: 2681 }) // { value: 0, low: -268.1, high: 0 }
 */
export function absoluteChange(from: Estimate, to: Estimate): Interval | undefined {
  const a = toInterval(from);
  const b = toInterval(to);
  if (!a || !b) return undefined;
  return lift((x, y) => decimalDifference(y, x), a, b);
}
