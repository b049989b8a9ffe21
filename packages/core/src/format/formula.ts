// Numbers as formulas print them: machine-readable (no grouping, "." for decimals), at most six
// significant digits so a formula stays legible, integers as they are. Not for readers: see number.ts.
import { roundingHalfUnit } from '../qualifiers/policy.js';

/**
 * A number as a formula prints it.
 * @example num(0.3666666666666667) // "0.366667"
 * @example num(2681) // "2681"
 * @example num(-12.5) // "-12.5"
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const p = Number(x.toPrecision(6));
  if (Math.abs(p) >= 1e21 || (p !== 0 && Math.abs(p) < 1e-6)) return p.toExponential();
  return String(p);
}

/**
 * "[804.3, 983.033]", or the single value when the bounds coincide; an open (infinite or null) end as
 * ∞ with an open bracket: "[40, ∞)" is "at least 40".
 * @example bounds(804.3, 983.0333333) // "[804.3, 983.033]"
 * @example bounds(5, 5) // "5"
 * @example bounds(40, Infinity) // "[40, ∞)"
 */
export function bounds(low: number | null, high: number | null): string {
  const lo = low === null || low === Number.NEGATIVE_INFINITY ? '(-∞' : `[${num(low)}`;
  const hi = high === null || high === Number.POSITIVE_INFINITY ? '∞)' : `${num(high)}]`;
  return low === high && low !== null ? num(low) : `${lo}, ${hi}`;
}

/**
 * The interval a reported percent is applied with, and why: its source rounded it to its last written
 * digit (qualifier policy 1.2), joined with its qualifier's interval.
 * @example roundingNote(62, { low: 61.5, high: 62.5 }) // "; p in [61.5, 62.5] (62 % as its source rounded it: ±0.5)"
 */
export function roundingNote(percent: number, used: { low: number | null; high: number | null }): string {
  return `; p in ${bounds(used.low, used.high)} (${num(percent)} % as its source rounded it: ±${num(roundingHalfUnit(percent))})`;
}

/**
 * "; interval from the inputs' bounds: [a, b]" when a result is uncertain, else "".
 * @example intervalNote({ value: 1, low: 1, high: 1 }) // ""
 */
export function intervalNote(r: { low: number | null; high: number | null }): string {
  return r.low === r.high ? '' : `; interval from the inputs' bounds: ${bounds(r.low, r.high)}`;
}
