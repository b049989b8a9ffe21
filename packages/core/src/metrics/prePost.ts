import { type ParsedPeriod, parsePeriod, periodEnd, periodStart } from '../periods/index.js';
import { absoluteChange } from './absoluteChange.js';
import { type Interval, toInterval } from './interval.js';
import { percentChange } from './percentChange.js';
import type { SeriesPoint } from './series.js';

/** An event as `prePost` needs it: a date as precise as the source (`2014`, `2014-07`, `2014-07-13`). */
export interface PrePostEvent {
  id?: string;
  date: string;
  /** True when values before and after are not comparable (a reclassification). */
  breaksSeries?: boolean;
}

export interface PrePostOptions {
  /** Level of each side: the mean of its periods (default) or their total. */
  aggregate?: 'mean' | 'total';
  /** Years on each side of the event to use; all periods when absent. */
  window?: number;
  /** Events that break the series; a break with `breaksSeries: false` is ignored. */
  breaks?: readonly PrePostEvent[];
  /** Compare across a break anyway; the result then lists the breaks it crosses. */
  allowBreak?: boolean;
}

export interface PrePostSide {
  periods: string[];
  level: Interval;
}

export type PrePostRefusal =
  | 'invalid_input'
  | 'no_data_before'
  | 'no_data_after'
  | 'unequal_sides'
  | 'series_break';

export interface PrePostRefused {
  refused: string;
  code: PrePostRefusal;
  /** Ids (or dates) of the breaks the window straddles, when that is the reason. */
  breaks: string[];
}

export interface PrePostComparison {
  refused?: undefined;
  event: string;
  aggregate: 'mean' | 'total';
  before: PrePostSide;
  after: PrePostSide;
  /** Periods that overlap the event itself: neither before nor after, left out. */
  excluded: string[];
  /** Points left out because their period or value could not be read. */
  skipped: string[];
  /** `after − before`, in the series' unit. */
  absoluteChange: Interval;
  /** `(after − before) / before × 100`; `undefined` when the before level may be zero. */
  percentChange: Interval | undefined;
  /** Breaks crossed because `allowBreak` was set; empty otherwise. */
  breaks: string[];
}

export type PrePostResult = PrePostComparison | PrePostRefused;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A loose date as a span of decimal years [start, end), measured as `periodStart` measures months. */
function dateSpan(date: string): [number, number] | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return [year, year + 1];
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const start = year + (month - 1) / 12;
  if (m[3] === undefined) return [start, start + 1 / 12];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Number(m[3]);
  if (day < 1 || day > days) return undefined;
  const width = 1 / 12 / days;
  return [start + (day - 1) * width, start + day * width];
}

const refuse = (code: PrePostRefusal, refused: string, breaks: string[] = []): PrePostRefused => ({
  refused,
  code,
  breaks,
});

function level(points: readonly { v: Interval }[], aggregate: 'mean' | 'total'): Interval {
  const n = aggregate === 'mean' ? points.length : 1;
  const sum = (k: keyof Interval) => points.reduce((s, p) => s + p.v[k], 0) / n;
  return { value: sum('value'), low: sum('low'), high: sum('high') };
}

/**
 * The level of a series before an event against its level after, with the periods used on each side.
 *
 * Formula: before = mean (or total) of the periods that end by the event's start; after = mean (or total)
 * of those that start after the event's end; change = after − before and (after − before) / before × 100.
 * A period that contains the event (the launch year itself) belongs to neither side and is listed in
 * `excluded`. With `window`, only periods within that many years of the event are used.
 *
 * Refuses, with a result `{ refused: reason, code }` rather than a throw, when a side has no data, when
 * the event date or the window cannot be read, when periods are of mixed kinds or repeat, when totals
 * would add up a different number of periods on each side, and when a series break (the event itself if
 * it `breaksSeries`, or any of `options.breaks`) falls inside the periods used, unless `allowBreak`.
 * Points whose period or value cannot be read are skipped and listed in `skipped`.
 * @example prePost([{ period: '2012', value: 10 }, { period: '2013', value: 20 }, { period: '2015', value: 30 }],
 *   { id: 'mt0.launch', date: '2014' })
 * // { event: 'mt0.launch', aggregate: 'mean', before: { periods: ['2012', '2013'], level: { value: 15, … } },
 * //   after: { periods: ['2015'], level: { value: 30, … } }, excluded: [], skipped: [], absoluteChange: { value: 15, … },
 * //   percentChange: { value: 100, … }, breaks: [] }
 */
export function prePost(
  series: readonly SeriesPoint[],
  event: PrePostEvent,
  options: PrePostOptions = {},
): PrePostResult {
  const aggregate = options.aggregate ?? 'mean';
  const eventName = event.id ?? event.date;
  const at = dateSpan(event.date);
  if (!at)
    return refuse(
      'invalid_input',
      `the event date "${event.date}" is not a date (2014, 2014-07, 2014-07-13)`,
    );
  const window = options.window;
  if (window !== undefined && !(Number.isFinite(window) && window > 0)) {
    return refuse('invalid_input', `the window must be a number of years above zero, got ${window}`);
  }

  const points: { period: string; start: number; end: number; v: Interval; p: ParsedPeriod }[] = [];
  const skipped: string[] = [];
  for (const point of series) {
    const p = parsePeriod(point.period);
    const v = toInterval(point.value);
    if (!p || !v) skipped.push(point.period);
    else points.push({ period: point.period, start: periodStart(p), end: periodEnd(p), v, p });
  }
  const kinds = new Set(points.map((x) => (x.p.kind === 'span' ? `span:${x.p.start.kind}` : x.p.kind)));
  if (kinds.size > 1)
    return refuse('invalid_input', `the series mixes periods of different kinds (${[...kinds].join(', ')})`);
  const seen = new Set<string>();
  for (const x of points) {
    if (seen.has(x.period)) return refuse('invalid_input', `the period ${x.period} appears more than once`);
    seen.add(x.period);
  }

  const [eventStart, eventEnd] = at;
  const byStart = [...points].sort((a, b) => a.start - b.start);
  const before = byStart.filter(
    (x) => x.end <= eventStart && (window === undefined || x.start >= eventStart - window),
  );
  const after = byStart.filter(
    (x) => x.start >= eventEnd && (window === undefined || x.end <= eventEnd + window),
  );
  const excluded = byStart.filter((x) => x.start < eventEnd && x.end > eventStart).map((x) => x.period);
  if (before.length === 0)
    return refuse('no_data_before', `no period of the series ends before ${eventName}`);
  if (after.length === 0) return refuse('no_data_after', `no period of the series starts after ${eventName}`);
  if (aggregate === 'total' && before.length !== after.length) {
    return refuse(
      'unequal_sides',
      `totals over ${before.length} period(s) before and ${after.length} after are not comparable; use the mean`,
    );
  }

  // The window runs from the first period used to the end of the last; a break inside it, or touching a
  // period in it, mixes incomparable values.
  const used = [...before, ...after];
  const windowStart = Math.min(...used.map((x) => x.start));
  const windowEnd = Math.max(...used.map((x) => x.end));
  const candidates = [...(event.breaksSeries ? [event] : []), ...(options.breaks ?? [])].filter(
    (b) => b.breaksSeries !== false,
  );
  const crossed: string[] = [];
  for (const b of candidates) {
    const span = dateSpan(b.date);
    if (!span)
      return refuse('invalid_input', `the break date "${b.date}" is not a date (2025, 2025-01, 2025-01-31)`);
    if (span[0] < windowEnd && span[1] > windowStart) crossed.push(b.id ?? b.date);
  }
  if (crossed.length > 0 && !options.allowBreak) {
    return refuse(
      'series_break',
      `the periods used (${used[0]?.period}…${after[after.length - 1]?.period}) straddle a series break (${crossed.join(', ')}); pass allowBreak to compare anyway`,
      crossed,
    );
  }

  const beforeLevel = level(before, aggregate);
  const afterLevel = level(after, aggregate);
  const absolute = absoluteChange(beforeLevel, afterLevel);
  if (!absolute) return refuse('invalid_input', 'the levels are too large to compare');
  return {
    event: eventName,
    aggregate,
    before: { periods: before.map((x) => x.period), level: beforeLevel },
    after: { periods: after.map((x) => x.period), level: afterLevel },
    excluded,
    skipped,
    absoluteChange: absolute,
    percentChange: percentChange(beforeLevel, afterLevel),
    breaks: crossed,
  };
}
