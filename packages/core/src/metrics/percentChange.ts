import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * Relative change from one level to another, in percent.
 *
 * Formula: `(to − from) / from × 100`. With intervals, the bounds are the min and max over the corners.
 *
 * Open ends: from an open-ended level ("more than 40", `[40, ∞)`) the change has no floor but the fall
 * to nothing, −100 % (the limit of (y − x) / x as x grows); to an open-ended level it has no ceiling
 * (`high: Infinity`). Both open: the low end is −100 % and the high end open.
 *
 * Edge cases: `undefined` when `from` is zero or its interval contains zero (no base to divide by), or
 * when any input is not finite. A negative base follows the formula as written (−10 → −5 is −50 %).
 * @example percentChange(100, 250) // { value: 150, low: 150, high: 150 }
 * @example percentChange(2681, { value: 2681, low: 2412.9, high: 2681 }) // { value: 0, low: -10, high: 0 }
 * @example percentChange({ value: 40, low: 40, high: null }, 50) // { value: 25, low: -100, high: 25 }
 */
export function percentChange(from: Estimate, to: Estimate): Interval | undefined {
  const a = toInterval(from);
  const b = toInterval(to);
  if (!a || !b || (a.low <= 0 && a.high >= 0)) return undefined;
  // Multiplying before dividing keeps round inputs round ((93 − 100) × 100 / 100 is exactly −7).
  // An infinite base: the limit (−100 % for a finite end); both infinite has no limit, and 0 stands in
  // for that corner, inside the [−100, ∞) the other corners span.
  return lift((x, y) => (Number.isFinite(x) ? ((y - x) * 100) / x : Number.isFinite(y) ? -100 : 0), a, b);
}
