import { type Estimate, type Interval, lift, toInterval } from './interval.js';

/**
 * The level after a change: a starting level and a relative change give the other level.
 *
 * Formula: `level × (1 + p/100)`; with intervals, min and max over the corners.
 *
 * Edge cases: `undefined` when `p` (or its low bound) is below −100 % or any input is not finite.
 * Use it only where the source gives the level: never to invent levels behind a reported change.
 * @example impliedLevel(2681, 10) // { value: 2949.1, low: 2949.1, high: 2949.1 } (2681 × 1.1)
 */
export function impliedLevel(level: Estimate, changePercent: Estimate): Interval | undefined {
  const l = toInterval(level);
  const p = toInterval(changePercent);
  if (!l || !p || p.low < -100) return undefined;
  return lift((x, c) => x * (1 + c / 100), l, p);
}
