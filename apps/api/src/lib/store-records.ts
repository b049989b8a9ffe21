// The store's values as level records, so that core's metric units (@mt0/core/registry) run over a
// comuna's series, or a place's months, with exactly the selection and guards they apply to the
// dataset: the same place, period kind and length, year-to-date and series-break checks. One set of
// records per place, made on first use and kept for the most recent places (bounded).
import { resolvePlace } from '@mt0/core/places';
import type { Observation } from '@mt0/core/schemas';
import { type LevelRecord, type RecordsLike, select } from '@mt0/core/select';
import { dataset } from './data.js';
import { placeIndex } from './places.js';
import { store } from './store.js';

type Level = LevelRecord & Pick<Observation, 'confidence'>;

/** Most places whose records are kept at once (each is ~1,100 records and their indexes). */
const KEEP = 64;
const kept = new Map<string, RecordsLike>();

/** A month in a record reference or a period parameter: `cead.cases.drugs@2019-03`, `2019-03`. */
const MONTH = /(^|[@/:])\d{4}-(0[1-9]|1[0-2])(?![\d])/;

/**
 * The place a metric query is about when the store must answer it — a comuna, or any place with a
 * month in its references — or `undefined` (the dataset alone answers).
 */
export function storePlaceOf(query: Readonly<Record<string, unknown>>): string | undefined {
  const geoText = typeof query.geo === 'string' ? query.geo : 'CL';
  const r = resolvePlace(placeIndex, geoText);
  if (!r.ok || !store().places.some((p) => p.id === r.place.id)) return undefined;
  if (r.place.level === 'comuna') return r.place.id;
  const values = Object.values(query).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return values.some((v) => typeof v === 'string' && MONTH.test(v)) ? r.place.id : undefined;
}

/**
 * The dataset with the store's values of `geo` added as level records: every month of its monthly
 * indicators, and the yearly sums (partial when under 12 months) and population the dataset does not
 * already hold for it.
 */
export function recordsWithStore(geo: string): RecordsLike {
  const hit = kept.get(geo);
  if (hit) {
    kept.delete(geo);
    kept.set(geo, hit);
    return hit;
  }
  const s = store();
  const have = select(dataset).levels;
  const extra: Level[] = [];
  for (const ind of s.indicators) {
    const confidence = (ind.confidence ?? 'B') as Level['confidence'];
    const add = (period: string, value: number, months?: number) => {
      if (have.has(`${ind.id}|${geo}|${period}`)) return;
      extra.push({
        id: `${ind.id}:${geo}:${period}:${ind.source}`,
        indicator: ind.id,
        geo,
        period,
        value,
        low: value,
        high: value,
        qualifier: 'exact',
        source: ind.source,
        confidence,
        ...(months !== undefined && months < 12 ? { periodStatus: 'partial' as const } : {}),
      });
    };
    if (ind.resolution === 'month')
      for (const pt of s.series(geo, ind.id, { resolution: 'month' })?.points ?? []) add(pt.period, pt.value);
    for (const pt of s.series(geo, ind.id, { resolution: 'year' })?.points ?? [])
      add(pt.period, pt.value, pt.months);
  }
  const records: RecordsLike = {
    ...dataset,
    observations: [...dataset.observations, ...extra],
  } as RecordsLike;
  kept.set(geo, records);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
  return records;
}
