import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * Total relative change, in percent, of an annual rate kept up for `years`; the inverse of `annualized`.
 *
 * Formula: `((1 + r/100)^years − 1) × 100`. Increasing in `r`, so an interval maps bound to bound.
 *
 * Edge cases: `undefined` when `years` is negative or not finite, when `r` (or its low bound) is below
 * −100 %, or when any input is not finite. Zero years give a change of 0.
 * @example compound(12.8181, 4) // { value: 62.0000…, … } (1.128181⁴ − 1 ≈ 0.62)
 * @example compound(10, 2) // { value: 21.0000…, … } (1.1² − 1 = 0.21)
 */
export function compound(annualPercent: Estimate, years: number): Interval | undefined {
  const r = toInterval(annualPercent);
  if (!r || !Number.isFinite(years) || years < 0 || r.low < -100) return undefined;
  return lift((x) => ((1 + x / 100) ** years - 1) * 100, r);
}
