import type { Estimate } from './interval.js';

/** One point of a series: a period as the sources state it (`2020`, `2020-03`, `2015/2019`) and its level. */
export interface SeriesPoint {
  period: string;
  value: Estimate;
}
