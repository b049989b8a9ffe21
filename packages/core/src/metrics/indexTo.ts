import { type Interval, lift, toInterval } from './interval.js';
import type { SeriesPoint } from './series.js';

/**
 * A series rescaled so that its base period is 100.
 *
 * Formula: `value / base × 100` for each point. The base point itself is exactly 100 even when the base
 * is an interval (it is the same quantity on both sides of the division, not two independent ones).
 *
 * Edge cases: `undefined` when the base period is missing, appears more than once, or its value (or its
 * interval) is zero or below or not finite. Points whose value is not a valid estimate are skipped, as d3
 * skips `NaN`. Order is kept; the input is not mutated.
 * @example indexTo([{ period: '2020', value: 2681 }, { period: '2021', value: 2949.1 }], '2020')
 * // [{ period: '2020', value: { value: 100, low: 100, high: 100 } }, { period: '2021', value: { value: 110, … } }]
 */
export function indexTo(
  series: readonly SeriesPoint[],
  basePeriod: string,
): { period: string; value: Interval }[] | undefined {
  const bases = series.filter((p) => p.period === basePeriod);
  if (bases.length !== 1 || !bases[0]) return undefined;
  const base = toInterval(bases[0].value);
  if (!base || base.low <= 0) return undefined;
  const out: { period: string; value: Interval }[] = [];
  for (const point of series) {
    if (point.period === basePeriod) {
      out.push({ period: point.period, value: { value: 100, low: 100, high: 100 } });
      continue;
    }
    const v = toInterval(point.value);
    const indexed = v && lift((x, b) => (x * 100) / b, v, base);
    if (indexed) out.push({ period: point.period, value: indexed });
  }
  return out;
}
