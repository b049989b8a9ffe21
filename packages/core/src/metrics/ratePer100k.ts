import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * A count per 100,000 inhabitants.
 *
 * Formula: `count / population × 100 000`; with intervals, min and max over the corners.
 *
 * Edge cases: `undefined` when `population` (or its low bound) is zero or below, or any input is not finite.
 * @example ratePer100k(2681, 19_458_310) // { value: 13.778…, … } (2,681 arrests, INE's 2020 projection)
 */
export function ratePer100k(count: Estimate, population: Estimate): Interval | undefined {
  const c = toInterval(count);
  const p = toInterval(population);
  if (!c || !p || p.low <= 0) return undefined;
  return lift((x, y) => (x * 100_000) / y, c, p);
}
