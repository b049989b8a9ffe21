// Shared pieces of the metrics: the `Estimate` input type and interval arithmetic over the corners of a
// box, open ends included (an infinite bound: see the qualifier policy's `Interval`).
import type { Interval } from '../qualifiers/policy.js';

export type { Interval };

/**
 * An input to a metric: an exact number, an interval `{ value, low, high }` from the qualifier policy, or
 * a record's interval, whose open end is `null` (JSON has no Infinity).
 */
export type Estimate = number | Interval | { value: number; low: number | null; high: number | null };

/**
 * Reads an estimate as an interval: a number `x` becomes `{ value: x, low: x, high: x }`; an open end
 * (`null`, or an infinite bound on its own side) becomes `-Infinity` / `Infinity`.
 *
 * Edge cases: `undefined` when the value is not finite, a bound is NaN or infinite on the wrong side, or
 * `low ≤ value ≤ high` does not hold.
 * @example toInterval(2681) // { value: 2681, low: 2681, high: 2681 }
 * @example toInterval({ value: 156259, low: 156259, high: null }) // { value: 156259, low: 156259, high: Infinity }
 */
export function toInterval(estimate: Estimate): Interval | undefined {
  if (typeof estimate === 'number') {
    return Number.isFinite(estimate) ? { value: estimate, low: estimate, high: estimate } : undefined;
  }
  if (estimate === null || typeof estimate !== 'object') return undefined;
  const { value } = estimate;
  const low = estimate.low === null ? Number.NEGATIVE_INFINITY : estimate.low;
  const high = estimate.high === null ? Number.POSITIVE_INFINITY : estimate.high;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (typeof low !== 'number' || typeof high !== 'number' || low === Infinity || high === -Infinity)
    return undefined;
  if (!(low <= value && value <= high)) return undefined;
  return { value, low, high };
}

/**
 * A record's figure and interval as metrics compute with them: an open (null) end is infinite.
 * @example endsOf(40, { low: 40, high: null }) // { value: 40, low: 40, high: Infinity }
 */
export const endsOf = (value: number, r: { low: number | null; high: number | null }): Interval => ({
  value,
  low: r.low ?? Number.NEGATIVE_INFINITY,
  high: r.high ?? Number.POSITIVE_INFINITY,
});

/** True when the interval has an open end (an infinite bound). */
export const isOpen = (i: { low: number | null; high: number | null }): boolean =>
  i.low === null || i.high === null || !Number.isFinite(i.low) || !Number.isFinite(i.high);

/**
 * Applies `f` to the values and takes the min and max of `f` over every corner of the box of intervals
 * (2ⁿ combinations of low and high). This is exact for functions that are monotone in each argument when
 * the others are held fixed (the direction may depend on the others: division by a base on one side of
 * zero, powers with a positive base), which is every metric here. Internal; not re-exported.
 *
 * Open ends: a corner at an infinite bound is evaluated in IEEE arithmetic, which gives the limit for
 * every metric here as written (x × ∞ = ∞, c / ∞ = 0); an infinite result is an open end of the result.
 * Where the arithmetic has no answer (∞ − ∞, ∞ / ∞, 0 × ∞: NaN) the result is `undefined`, and the
 * metric refuses, naming the open input: never an invented bound.
 *
 * Edge cases: `undefined` when the value is not finite or a corner is NaN. The point value takes part in
 * the min and max, so that rounding in `Math.pow` can never break `low ≤ value ≤ high`. A zero result is
 * +0, never −0.
 */
export function lift(f: (...xs: number[]) => number, ...args: Interval[]): Interval | undefined {
  const value = f(...args.map((a) => a.value));
  if (!Number.isFinite(value)) return undefined;
  let low = value;
  let high = value;
  const n = args.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const y = f(...args.map((a, i) => ((mask >> i) & 1 ? a.high : a.low)));
    if (Number.isNaN(y)) return undefined;
    if (y < low) low = y;
    if (y > high) high = y;
  }
  // −0 (e.g. 0 × −5) prints as "-0" in places; a result of zero is plain 0.
  const z = (x: number) => (x === 0 ? 0 : x);
  return { value: z(value), low: z(low), high: z(high) };
}

/**
 * An interval as JSON carries it: an open (infinite) end as `null`.
 * @example jsonEnds({ value: 40, low: 40, high: Infinity }) // { value: 40, low: 40, high: null }
 */
export function jsonEnds<T extends { low: number | null; high: number | null }>(
  i: T,
): T & { low: number | null; high: number | null } {
  const end = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);
  return { ...i, low: end(i.low), high: end(i.high) };
}
