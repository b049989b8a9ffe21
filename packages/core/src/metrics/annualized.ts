import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * Compound annual rate, in percent a year, equivalent to a total relative change over `years`.
 *
 * Formula: `((1 + p/100)^(1/years) − 1) × 100`. Increasing in `p`, so an interval maps bound to bound.
 *
 * Edge cases: `undefined` when `years` is not a finite number above zero, when `p` (or its low bound) is
 * below −100 % (a fall cannot exceed everything), or when any input is not finite. A one-year span
 * returns the change itself: that is arithmetic, not evidence of a trend.
 * @example annualized(62, 4) // { value: 12.8181…, low: 12.8181…, high: 12.8181… } (+62 % over four years ≈ +12.8 % a year)
 * @example annualized(150, 1) // { value: 150, low: 150, high: 150 }
 */
export function annualized(totalPercent: Estimate, years: number): Interval | undefined {
  const p = toInterval(totalPercent);
  if (!p || !Number.isFinite(years) || years <= 0 || p.low < -100) return undefined;
  return lift((x) => ((1 + x / 100) ** (1 / years) - 1) * 100, p);
}
