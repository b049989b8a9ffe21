// Places the dataset holds only as figures of the columnar store — comunas, and any place's months —
// drawn from the place's static file (@mt0/store's per-place JSON, ≤ 2 KB gzip): its series become
// level records of the bundle, so every view computes from them with core's functions, as from the
// dataset. Server-side (the kit handler is given a way to read place files); no copy of period logic:
// the file's periods are read by @mt0/store's placeFileSeries.
import { resolvePlace } from '@mt0/core/places';
import { select } from '@mt0/core/select';
import type { PlaceFile } from '@mt0/store/place-file';
import { placeFileSeries } from '@mt0/store/place-series';
import type { Bundle, Obs, Params } from './types.js';

/** Reads a place's static file by id; `undefined` when there is none. */
export type PlaceFiles = (id: string) => PlaceFile | undefined;

/**
 * The bundle with the place's stored series when the params ask for what only the store holds — a
 * comuna, or a `resolution` — at that resolution (default: years); otherwise the bundle as it is.
 * The dataset's own records of those indicators at that place are replaced, not doubled.
 */
export function withPlace(full: Bundle, p: Params, files: PlaceFiles | undefined): Bundle {
  if (!files) return full;
  const r = resolvePlace(select(full).places, p.geo);
  if (!r.ok || (r.place.level !== 'comuna' && p.resolution === undefined)) return full;
  const file = files(r.place.id);
  if (!file) return full;
  const geo = r.place.id;
  const resolution = p.resolution ?? 'year';
  const obs: Obs[] = [];
  for (const [indicator, s] of Object.entries(file.series)) {
    const points = placeFileSeries(file, indicator, resolution) ?? placeFileSeries(file, indicator, 'year');
    for (const pt of points ?? [])
      obs.push({
        id: `${indicator}:${geo}:${pt.period}:${s.source}`,
        indicator,
        geo,
        period: pt.period,
        value: pt.value,
        low: pt.value,
        high: pt.value,
        qualifier: 'exact',
        source: s.source,
        ...(pt.months !== undefined && pt.months < 12 ? { periodStatus: 'partial' as const } : {}),
      });
  }
  const replaced = new Set(Object.keys(file.series));
  return {
    ...full,
    observations: [...full.observations.filter((o) => !(o.geo === geo && replaced.has(o.indicator))), ...obs],
  };
}
