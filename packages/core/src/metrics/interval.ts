// Shared pieces of the metrics: the `Estimate` input type and interval arithmetic over the corners of a box.
import type { Interval } from '../qualifiers/policy.js';

export type { Interval };

/** An input to a metric: an exact number, or an interval `{ value, low, high }` from the qualifier policy. */
export type Estimate = number | Interval;

/**
 * Reads an estimate as an interval: a number `x` becomes `{ value: x, low: x, high: x }`.
 *
 * Edge cases: `undefined` when any part is not finite or when `low ≤ value ≤ high` does not hold.
 * @example toInterval(2681) // { value: 2681, low: 2681, high: 2681 }
 * @example toInterval({ value: 2681, low: 2412.9, high: 2681 }) // { value: 2681, low: 2412.9, high: 2681 } (a copy)
 */
export function toInterval(estimate: Estimate): Interval | undefined {
  if (typeof estimate === 'number') {
    return Number.isFinite(estimate) ? { value: estimate, low: estimate, high: estimate } : undefined;
  }
  if (estimate === null || typeof estimate !== 'object') return undefined;
  const { value, low, high } = estimate;
  if (!Number.isFinite(value) || !Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  if (!(low <= value && value <= high)) return undefined;
  return { value, low, high };
}

/**
 * Applies `f` to the values and takes the min and max of `f` over every corner of the box of intervals
 * (2ⁿ combinations of low and high). This is exact for functions that are monotone in each argument when
 * the others are held fixed (the direction may depend on the others: division by a base on one side of
 * zero, powers with a positive base), which is every metric here. Internal; not re-exported.
 *
 * Edge cases: `undefined` when any result is not finite. The point value takes part in the min and max,
 * so that rounding in `Math.pow` can never break `low ≤ value ≤ high`. A zero result is +0, never −0.
 */
export function lift(f: (...xs: number[]) => number, ...args: Interval[]): Interval | undefined {
  const value = f(...args.map((a) => a.value));
  if (!Number.isFinite(value)) return undefined;
  let low = value;
  let high = value;
  const n = args.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const y = f(...args.map((a, i) => ((mask >> i) & 1 ? a.high : a.low)));
    if (!Number.isFinite(y)) return undefined;
    if (y < low) low = y;
    if (y > high) high = y;
  }
  // −0 (e.g. 0 × −5) prints as "-0" in places; a result of zero is plain 0.
  const z = (x: number) => (x === 0 ? 0 : x);
  return { value: z(value), low: z(low), high: z(high) };
}
