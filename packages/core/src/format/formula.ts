// Numbers as formulas print them: machine-readable (no grouping, "." for decimals), at most six
// significant digits so a formula stays legible, integers as they are. Not for readers: see number.ts.

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
 * "[804.3, 983.033]", or the single value when the bounds coincide.
 * @example bounds(804.3, 983.0333333) // "[804.3, 983.033]"
 * @example bounds(5, 5) // "5"
 */
export function bounds(low: number, high: number): string {
  return low === high ? num(low) : `[${num(low)}, ${num(high)}]`;
}

/**
 * "; interval from the inputs' bounds: [a, b]" when a result is uncertain, else "".
 * @example intervalNote({ value: 1, low: 1, high: 1 }) // ""
 */
export function intervalNote(r: { low: number; high: number }): string {
  return r.low === r.high ? '' : `; interval from the inputs' bounds: ${bounds(r.low, r.high)}`;
}
