import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * The level before a change: a later level and the relative change that led to it give the base.
 *
 * Formula: `level / (1 + p/100)`; with intervals, min and max over the corners.
 *
 * Edge cases: `undefined` when `p` (or its low bound) is −100 % or below (nothing can grow from zero),
 * or any input is not finite.
 * @example impliedBase(250, 150) // { value: 100, low: 100, high: 100 } (250 / 2.5)
 */
export function impliedBase(level: Estimate, changePercent: Estimate): Interval | undefined {
  const l = toInterval(level);
  const p = toInterval(changePercent);
  if (!l || !p || p.low <= -100) return undefined;
  return lift((x, c) => x / (1 + c / 100), l, p);
}
