// Observations read from the columnar store: any place (the country, a region, a comuna), month by
// month or year by year (yearly points are sums of the stored months; a year is whole only with its
// 12 months), with the place's INE population and, when asked, the rate per 100,000. Pages are cut
// from counts worked out from the index (no row is read before it is needed), and CSV streams series
// by series, so no filter, however wide, is built in memory.

import { type CsvColumn, csvField } from '@mt0/core/csv';
import { smallCountWarning } from '@mt0/core/metrics';
import type { PlaceLevel } from '@mt0/core/places';
import type { SeriesPoint, StoreIndicator } from '@mt0/store';
import { sources } from './data.js';
import { placeIndex } from './places.js';
import { store } from './store.js';

export type Resolution = 'month' | 'year';

/** One stored value as the API returns it: the value, its place and period, and where it comes from. */
export interface StoreObservation {
  id: string;
  indicator: string;
  geo: string;
  level: PlaceLevel;
  period: string;
  resolution: Resolution;
  value: number;
  /** Months summed into a yearly value of a monthly indicator (12: a whole year). */
  months?: number;
  /** `partial` when a yearly value has fewer than 12 months: never compare it with whole years. */
  periodStatus?: 'partial';
  /** INE population of the place that year. */
  population?: number;
  /** value / population × 100,000, when asked (`per100k=true`) for a count. */
  per100k?: number;
  source: string;
  /** The source the figures came through (the extraction), as the source record names it. */
  via?: string;
  confidence: string;
  /** Upstream file of the cells (A, B, C; `B+C` when a sum spans both); the store's meta says what each is. */
  vintage?: string;
  /** A comuna's own monthly value: the row of the data package's table it is (file and key columns). */
  row?: string;
  /** A value made at build: the sum of a region's comunas, or of a year's months. */
  derivation?: string;
  warnings?: { code: 'small_count'; message: string }[];
}

export interface StoreQuery {
  indicators: readonly StoreIndicator[];
  /** Place ids, in the order rows are wanted. */
  geos: readonly string[];
  /** `undefined`: each indicator's own resolution. */
  resolution: Resolution | undefined;
  from: string | undefined;
  to: string | undefined;
  per100k: boolean;
}

const COUNT_SOURCES_POPULATION = 'ine.population';

/** The store's indicators by id. */
export function storeIndicators(): ReadonlyMap<string, StoreIndicator> {
  return new Map(store().indicators.map((i) => [i.id, i]));
}

/** Months since year 0 at the start (`end` false) or end of a bound such as 2018 or 2018-03. */
function monthOf(text: string | undefined, end: boolean): number | undefined {
  if (text === undefined) return undefined;
  const y = Number(text.slice(0, 4));
  if (text.length > 4) return y * 12 + Number(text.slice(5, 7)) - 1;
  return end ? y * 12 + 11 : y * 12;
}

interface Part {
  indicator: StoreIndicator;
  geo: string;
  resolution: Resolution;
  count: number;
}

/** Each indicator × place of the query with its number of rows, worked out from the index alone. */
export function plan(q: StoreQuery): Part[] {
  const s = store();
  const { year, month } = s.columns;
  const from = monthOf(q.from, false);
  const to = monthOf(q.to, true);
  const parts: Part[] = [];
  for (const indicator of q.indicators) {
    const resolution = q.resolution ?? indicator.resolution;
    if (resolution === 'month' && indicator.resolution === 'year') continue;
    for (const geo of q.geos) {
      const run = s.run(geo, indicator.id);
      if (!run || run.end <= run.start) continue;
      const at = (i: number) => (year[i] as number) * 12 + Math.max(0, (month[i] as number) - 1);
      let first = at(run.start);
      let last = at(run.end - 1);
      let lo = from ?? first;
      let hi = to ?? last;
      if (resolution === 'year') {
        // Rows (monthly or yearly) are dense, so whole years from the first to the last row's year;
        // month bounds select the years they fall in, as the store's series() does.
        first = Math.floor(first / 12);
        last = Math.floor(last / 12);
        lo = Math.floor(lo / 12);
        hi = Math.floor(hi / 12);
      }
      const count = Math.max(0, Math.min(last, hi) - Math.max(first, lo) + 1);
      if (count > 0) parts.push({ indicator, geo, resolution, count });
    }
  }
  return parts;
}

const isCount = (indicator: StoreIndicator) => indicator.id !== COUNT_SOURCES_POPULATION;

function toRow(part: Part, pt: SeriesPoint, summed: number, per100k: boolean): StoreObservation {
  const { indicator, geo, resolution } = part;
  const place = placeIndex.byId.get(geo);
  const via = sources.get(indicator.source)?.via;
  const row: StoreObservation = {
    id: `${indicator.id}:${geo}:${pt.period}:${indicator.source}`,
    indicator: indicator.id,
    geo,
    level: place?.level ?? 'comuna',
    period: pt.period,
    resolution,
    value: pt.value,
    source: indicator.source,
    ...(via ? { via } : {}),
    confidence: indicator.confidence ?? 'B',
  };
  if (pt.months !== undefined) {
    row.months = pt.months;
    if (pt.months < 12) row.periodStatus = 'partial';
  }
  if (pt.population !== undefined) row.population = pt.population;
  if (per100k && isCount(indicator) && pt.population) {
    row.per100k = (pt.value / pt.population) * 100_000;
    const small = smallCountWarning(pt.value, `${indicator.id} ${geo} ${pt.period}`);
    if (small) row.warnings = [{ code: 'small_count', message: small.message }];
  }
  if (pt.vintage !== undefined) row.vintage = pt.vintage;
  const file = indicator.file?.split('/').pop();
  const [y, m] = pt.period.split('-');
  if (summed > 0) {
    row.derivation = `The sum of the rows of the ${summed} ${place?.level === 'country' ? 'comunas of the country' : 'comunas in it'}, made when the store was built${pt.months !== undefined ? `, over ${pt.months} month${pt.months === 1 ? '' : 's'}` : ''}.`;
  } else if (pt.months !== undefined) {
    row.derivation = `The sum of ${pt.months} monthly row${pt.months === 1 ? '' : 's'} of ${file} (year=${y}, comuna_code=${place?.cut}${indicator.category ? `, category=${indicator.category}` : ''}).`;
  } else if (file) {
    const key =
      m === undefined
        ? `year=${y}, comuna_code=${place?.cut}`
        : `year=${y}, month=${Number(m)}, comuna_code=${place?.cut}`;
    row.row = `${file}: the row ${key}${indicator.category ? `, category=${indicator.category}` : ''}`;
  }
  return row;
}

/** The rows `[offset, offset + limit)` of the planned parts, reading only the series they fall in. */
export function pageOf(
  q: StoreQuery,
  parts: readonly Part[],
  offset: number,
  limit: number,
): StoreObservation[] {
  const out: StoreObservation[] = [];
  let skip = offset;
  for (const part of parts) {
    if (out.length >= limit) break;
    if (skip >= part.count) {
      skip -= part.count;
      continue;
    }
    const rows = seriesRows(q, part);
    for (let i = skip; i < rows.length && out.length < limit; i++) out.push(rows[i] as StoreObservation);
    skip = 0;
  }
  return out;
}

function seriesRows(q: StoreQuery, part: Part): StoreObservation[] {
  const series = store().series(part.geo, part.indicator.id, {
    resolution: part.resolution,
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  });
  if (!series) return [];
  return series.points.map((pt) => toRow(part, pt, series.summed, q.per100k));
}

export const storeColumns: readonly CsvColumn<StoreObservation>[] = [
  ['id', (r) => r.id],
  ['indicator', (r) => r.indicator],
  ['geo', (r) => r.geo],
  ['level', (r) => r.level],
  ['period', (r) => r.period],
  ['resolution', (r) => r.resolution],
  ['value', (r) => r.value],
  ['months', (r) => r.months],
  ['period_status', (r) => r.periodStatus],
  ['population', (r) => r.population],
  ['per100k', (r) => r.per100k],
  ['source', (r) => r.source],
  ['via', (r) => r.via],
  ['confidence', (r) => r.confidence],
  ['vintage', (r) => r.vintage],
  ['row', (r) => r.row],
  ['derivation', (r) => r.derivation],
  ['warnings', (r) => r.warnings?.map((w) => w.message).join(' | ')],
];

const line = (cells: readonly unknown[]) => `${cells.map((c) => csvField(c as never)).join(',')}\r\n`;

/**
 * The rows `[offset, offset + limit)` as a CSV stream: the header, then one chunk per series, each made
 * when the reader asks for it, so memory holds one series (at most 192 rows) whatever the filter.
 */
export function csvStream(
  q: StoreQuery,
  parts: readonly Part[],
  offset: number,
  limit: number,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let k = 0;
  let skip = offset;
  let left = limit;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(line(storeColumns.map(([h]) => h))));
        return;
      }
      while (k < parts.length && left > 0) {
        const part = parts[k++] as Part;
        if (skip >= part.count) {
          skip -= part.count;
          continue;
        }
        const rows = seriesRows(q, part).slice(skip, skip + left);
        skip = 0;
        left -= rows.length;
        let text = '';
        for (const r of rows) text += line(storeColumns.map(([, cell]) => cell(r)));
        controller.enqueue(encoder.encode(text));
        return;
      }
      controller.close();
    },
  });
}
