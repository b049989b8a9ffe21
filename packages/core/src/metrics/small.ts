// Small numbers: a count of a few cases is noisy (a comuna's month of 3 cases may be 1 or 7 the next,
// by chance alone), so rates and changes over small counts say so. The threshold is the usual one for
// counts of events: below 20 a rate is flagged as unreliable (the convention of the US National Center
// for Health Statistics), because a Poisson count n has a relative standard error of 1/√n, over 22 %
// below 20, and a 95 % interval of roughly ±1.96/√n, wider than ±44 % below 20 (1.96/√20 = 0.438).
import type { Warning } from './unit.js';

/** Counts below this carry a `small_count` warning when a rate or a change is made of them. */
export const SMALL_COUNT = 20;

/**
 * Half the width of the approximate 95 % interval of a Poisson count, as a share of the count
 * (1.96/√n); `Infinity` for zero.
 * @example poissonHalfWidth(20) // 0.4382693235899…
 * @example poissonHalfWidth(100) // 0.196
 */
export function poissonHalfWidth(n: number): number {
  return n > 0 ? 1.96 / Math.sqrt(n) : Number.POSITIVE_INFINITY;
}

/**
 * The warning a rate or change over `count` cases carries when the count is below `SMALL_COUNT`, else
 * `undefined`. `what` names the input (`"count"`, `"from"`, a period).
 * @example smallCountWarning(5, 'from')?.message // 'Only 5 cases in "from": with fewer than 20 the count is too small for a reliable rate or change (by chance alone its 95 % interval is about ±88 %: 1.96/√5).'
 * @example smallCountWarning(20, 'from') // undefined
 */
export function smallCountWarning(count: number, what: string): Warning | undefined {
  if (!(count < SMALL_COUNT)) return undefined;
  const pm = Math.round(poissonHalfWidth(count) * 100);
  const spread = Number.isFinite(pm)
    ? `about ±${pm} %: 1.96/√${count}`
    : 'unbounded: there is no case to scale from';
  return {
    code: 'small_count',
    message: `Only ${count} case${count === 1 ? '' : 's'} in ${JSON.stringify(what)}: with fewer than ${SMALL_COUNT} the count is too small for a reliable rate or change (by chance alone its 95 % interval is ${spread}).`,
  };
}
