// The per-place static file a widget loads instead of the API: one small JSON per place with every
// indicator's full series and the place's population, and the sources to credit. Made from the store
// at build; no Node APIs.
import type { PlaceLevel } from './layout.js';
import type { Store } from './read.js';

/** One indicator's series in a place file: consecutive values from `start`, month by month or year by year. */
export interface PlaceFileSeries {
  /** `2010-01` (monthly) or `2010` (yearly). */
  start: string;
  values: number[];
  source: string;
  /** Runs of the upstream file the values came from: `[first period, last period, code]`. */
  vintages?: [string, string, string][];
}

export interface PlaceFile {
  id: string;
  level: PlaceLevel;
  parent?: string;
  cut?: number;
  name: { es: string; en: string };
  /** Release of the data package the file was built from. */
  version: string;
  /** Places summed into this place's series at build (a region's comunas), or 0 for a comuna's own rows. */
  summed: number;
  /** Indicator id → series; `ine.population` included when known. */
  series: Record<string, PlaceFileSeries>;
  /** The sources the series cite, and those they came through (`via`), for attribution. */
  sources: { id: string; publisher: string; url?: string; via?: string }[];
}

/** What a place file needs beyond the store: the place's names and the source records. */
export interface PlaceFileContext {
  place: { id: string; level: PlaceLevel; parent?: string; cut?: number; name: { es: string; en: string } };
  sources: readonly { id: string; publisher: string; url?: string; via?: string }[];
  version: string;
}

/**
 * A place's static file: every indicator the store holds for it, whole, with runs of vintages and the
 * sources to credit. Series are dense (the store's tables have no gaps), so `start` and the values'
 * positions give every period.
 * @example placeFile(store, { place: calama, sources: dataset.sources, version: '0.1.0' }).series['cead.cases.drugs'].start // '2010-01'
 * @throws Error when a series has a gap (a period missing in the middle), which a dense file cannot say.
 */
export function placeFile(store: Store, ctx: PlaceFileContext): PlaceFile {
  const { place } = ctx;
  const { year, month, value, vintage, vintages: codes, sources } = store.columns;
  const series: Record<string, PlaceFileSeries> = {};
  let summed = 0;
  const cited = new Set<string>();
  // Straight from the columns (a run of rows each), not through series(): no object per value.
  const period = (i: number) =>
    month[i] ? `${year[i]}-${String(month[i]).padStart(2, '0')}` : String(year[i]);
  const step = (i: number) => (year[i] as number) * 12 + Math.max(0, (month[i] as number) - 1);
  for (const info of store.indicators) {
    const run = store.run(place.id, info.id);
    if (!run || run.end === run.start) continue;
    summed = Math.max(summed, run.summed);
    const stride = info.resolution === 'month' ? 1 : 12;
    /** Vintage runs as rows `[first, last, code]`, made into periods at the end. */
    const runs: [number, number, string][] = [];
    for (let i = run.start; i < run.end; i++) {
      if (i > run.start && step(i) !== step(i - 1) + stride)
        throw new Error(`${place.id} ${info.id}: no value for the period before ${period(i)}`);
      const k = vintage[i] as number;
      if (k < 0) continue;
      const last = runs.at(-1);
      if (last && last[2] === codes[k] && last[1] === i - 1) last[1] = i;
      else runs.push([i, i, codes[k] as string]);
    }
    const source = sources[store.columns.source[run.start] as number] as string;
    series[info.id] = {
      start: period(run.start),
      values: Array.from(value.subarray(run.start, run.end)),
      source,
      ...(runs.length
        ? { vintages: runs.map(([a, b, code]): [string, string, string] => [period(a), period(b), code]) }
        : {}),
    };
    cited.add(source);
  }
  const byId = new Map(ctx.sources.map((src) => [src.id, src]));
  for (const id of [...cited]) {
    const via = byId.get(id)?.via;
    if (via) cited.add(via);
  }
  return {
    id: place.id,
    level: place.level,
    ...(place.parent ? { parent: place.parent } : {}),
    ...(place.cut !== undefined ? { cut: place.cut } : {}),
    name: { es: place.name.es, en: place.name.en },
    version: ctx.version,
    summed,
    series,
    sources: [...cited].flatMap((id) => {
      const src = byId.get(id);
      if (!src) return [];
      return [
        {
          id,
          publisher: src.publisher,
          ...(src.url ? { url: src.url } : {}),
          ...(src.via ? { via: src.via } : {}),
        },
      ];
    }),
  };
}
