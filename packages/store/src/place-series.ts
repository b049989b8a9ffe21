// A place file's series read back as points: month by month, or summed into years. The one reader of
// the place file format's periods, for anything drawing from a place file (the widget's server). No
// dependencies.
import type { PlaceFile } from './place-file.js';

export interface PlacePoint {
  /** `2024-03` or `2024`. */
  period: string;
  value: number;
  /** Months summed into a yearly point of a monthly series: 12 for a whole year, fewer for a partial one. */
  months?: number;
}

const pad = (m: number) => String(m).padStart(2, '0');

/**
 * An indicator's points from a place file at a resolution: the months as stored, or each year's months
 * summed (`months` says how many: under 12 the year is partial). `undefined` when the file has no such
 * series, or for months of a yearly one.
 * @example placeFileSeries({ series: { x: { start: '2024-11', values: [1, 2, 3], source: 's' } } }, 'x', 'year') // [{ period: '2024', value: 3, months: 2 }, { period: '2025', value: 3, months: 1 }]
 * @example placeFileSeries({ series: { x: { start: '2024-11', values: [1, 2, 3], source: 's' } } }, 'x', 'month')?.map((p) => p.period) // ['2024-11', '2024-12', '2025-01']
 */
export function placeFileSeries(
  file: Pick<PlaceFile, 'series'>,
  indicator: string,
  resolution: 'month' | 'year',
): PlacePoint[] | undefined {
  const s = file.series[indicator];
  if (!s) return undefined;
  const y0 = Number(s.start.slice(0, 4));
  if (s.start.length === 4)
    return resolution === 'month'
      ? undefined
      : s.values.map((value, i) => ({ period: String(y0 + i), value }));
  const m0 = Number(s.start.slice(5, 7)) - 1;
  if (resolution === 'month')
    return s.values.map((value, i) => {
      const k = m0 + i;
      return { period: `${y0 + Math.floor(k / 12)}-${pad((k % 12) + 1)}`, value };
    });
  const out: PlacePoint[] = [];
  s.values.forEach((value, i) => {
    const period = String(y0 + Math.floor((m0 + i) / 12));
    const last = out[out.length - 1];
    if (last && last.period === period) {
      last.value += value;
      last.months = (last.months ?? 0) + 1;
    } else out.push({ period, value, months: 1 });
  });
  return out;
}
