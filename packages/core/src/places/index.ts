// Places — the country, its regions and comunas, and the other countries figures mention — found by
// any of their names or codes: resolve an alias, search by name without regard to accents or case, and
// suggest what an unknown name may have meant. The single place that knows aliases (ids, CUT codes,
// roman numerals, names and spelling variants): the data loader, the API, embeds and the builder's
// combobox all use it. Pure and zod-free, so a browser bundle can carry it; it works over any list of
// place records (the compiled dataset's `geos`, or a places file).
import { editDistance, prefixDistance } from './distance.js';
import { foldName } from './fold.js';

export { editDistance, prefixDistance } from './distance.js';
export { foldName } from './fold.js';

export type PlaceLevel = 'country' | 'region' | 'comuna';

/** What the index needs of a place; the dataset's `GeoEntry` records have this shape. */
export interface PlaceRecord {
  /** Stable id: `CL`, a region's ISO 3166-2 code (`CL-VS`), `CL-` + a comuna's 5-digit CUT code (`CL-05101`). */
  id: string;
  level: PlaceLevel;
  /** CUT code of a Chilean region (5) or comuna (5101). */
  cut?: number;
  /** Roman numeral of a Chilean region (V). */
  roman?: string;
  /** Id of the place this one lies in (a comuna's region, a region's country). */
  parent?: string;
  name: { es: string; en: string };
  /** Other spellings found in the sources (Coihaique for Coyhaique). */
  variants?: readonly string[];
}

const LEVEL_RANK: Record<PlaceLevel, number> = { country: 0, region: 1, comuna: 2 };

/** One place as the index compares it. */
export interface PlaceEntry<P> {
  place: P;
  /** Folded es name first (the sort key), then en and the variants, without repeats. */
  names: string[];
  /** The spellings the folded names came from, in the same order. */
  shown: string[];
  /** Folded id, and the CUT code with and without leading zeros. */
  codes: string[];
}

/** Places arranged for lookups; build it once with `placeIndex` and reuse it. */
export interface PlaceIndex<P extends PlaceRecord = PlaceRecord> {
  /** The places in canonical order: countries, then regions, then comunas, each in the order given. */
  readonly places: readonly P[];
  readonly byId: ReadonlyMap<string, P>;
  /** Each place's folded names and codes, in canonical order. */
  readonly entries: readonly PlaceEntry<P>[];
  /** CUT code → places (a region and a comuna never share one). */
  readonly byCut: ReadonlyMap<number, P[]>;
  /** Folded name or variant → the places bearing it (Valparaíso: a region and a comuna). */
  readonly byName: ReadonlyMap<string, P[]>;
  /** Upper-case roman numeral → region. */
  readonly byRoman: ReadonlyMap<string, P>;
  /** Parent id → children in canonical order. */
  readonly children: ReadonlyMap<string, P[]>;
}

/** How a text resolved: the place and what it matched, or why it did not. */
export type PlaceResolution<P extends PlaceRecord = PlaceRecord> =
  | { ok: true; place: P; by: 'id' | 'cut' | 'roman' | 'name' | 'variant' }
  /** A name two places bear (Valparaíso, a region and a comuna): candidates regions first. */
  | { ok: false; reason: 'ambiguous'; candidates: P[] }
  /** A known place, but not of the level asked for. */
  | { ok: false; reason: 'level'; place: P }
  /** Nothing by that name or code; `suggestions` holds close names (did you mean…), best first. */
  | { ok: false; reason: 'unknown'; suggestions: P[] };

export interface PlaceMatch<P extends PlaceRecord = PlaceRecord> {
  place: P;
  /**
   * exact > prefix > word (a later word starts with the query) > substring > near (the start of the
   * name or of one of its words is one slip away: "valpo" for Valparaíso, "calma" for Calama).
   */
  match: 'exact' | 'prefix' | 'word' | 'substring' | 'near';
  /** The name, variant or code that matched, as written (Coihaique when the query was "coiha"). */
  matched: string;
}

export interface PlaceFilter {
  /** Only places of this level (or these levels). */
  level?: PlaceLevel | readonly PlaceLevel[];
  /** Only places directly inside this one (an id: `CL-VS` for Valparaíso's comunas). */
  parent?: string;
}

/**
 * Arranges place records for `resolvePlace`, `searchPlaces`, `suggestPlaces` and `listPlaces`.
 * @example placeIndex(dataset.geos).byId.get('CL-05101')?.name.es // 'Valparaíso'
 */
export function placeIndex<P extends PlaceRecord>(places: readonly P[]): PlaceIndex<P> {
  const sorted = places
    .map((place, i) => ({ place, i }))
    .sort((a, b) => LEVEL_RANK[a.place.level] - LEVEL_RANK[b.place.level] || a.i - b.i)
    .map((x) => x.place);
  const byId = new Map<string, P>();
  const byCut = new Map<number, P[]>();
  const byName = new Map<string, P[]>();
  const byRoman = new Map<string, P>();
  const children = new Map<string, P[]>();
  const push = <K>(map: Map<K, P[]>, key: K, p: P) => {
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  const entries = sorted.map((place): PlaceEntry<P> => {
    byId.set(place.id, place);
    if (place.cut !== undefined) push(byCut, place.cut, place);
    if (place.roman) byRoman.set(place.roman.toUpperCase(), place);
    if (place.parent) push(children, place.parent, place);
    const names: string[] = [];
    const shown: string[] = [];
    for (const written of [place.name.es, place.name.en, ...(place.variants ?? [])]) {
      const folded = foldName(written);
      if (folded && !names.includes(folded)) {
        names.push(folded);
        shown.push(written);
        push(byName, folded, place);
      }
    }
    const codes = [foldName(place.id)];
    if (place.cut !== undefined) codes.push(String(place.cut), String(place.cut).padStart(5, '0'));
    return { place, names, shown, codes };
  });
  return { places: sorted, byId, entries, byCut, byName, byRoman, children };
}

const levels = (f: PlaceFilter): readonly PlaceLevel[] | undefined =>
  f.level === undefined ? undefined : typeof f.level === 'string' ? [f.level] : f.level;

function passes(place: PlaceRecord, filter: PlaceFilter): boolean {
  const ls = levels(filter);
  if (ls && !ls.includes(place.level)) return false;
  return filter.parent === undefined || place.parent === filter.parent;
}

/**
 * The folded query as typed, and without a leading "región de" / "comuna de" (how people name places),
 * which then only matches places of that level: "Región de Antofagasta" is the region.
 */
function queries(text: string): { q: string; level?: PlaceLevel }[] {
  const q = foldName(text);
  const m = /^(region|comuna) (?:(?:de|del) )?(.+)$/.exec(q);
  return m?.[2] ? [{ q }, { q: m[2], level: m[1] as PlaceLevel }] : [{ q }];
}

/**
 * Resolves a text to one place: an id in any case (`cl-vs`, `CL-05101`), a CUT code with or without
 * leading zeros (`5`, `05`, `5101`, `05101`), a region's roman numeral (`V`), or an exact name or
 * spelling variant regardless of accents and case (`valparaiso`, `Coihaique`). With `names: false`
 * only ids and codes are accepted (data files). A name two places share is `ambiguous` unless `level`
 * tells them apart; an unknown text comes back with did-you-mean suggestions.
 * @example resolvePlace(index, '5101') // { ok: true, place: { id: 'CL-05101', … }, by: 'cut' }
 * @example resolvePlace(index, 'calama') // { ok: true, place: { id: 'CL-02201', … }, by: 'name' }
 * @example resolvePlace(index, 'Valparaíso') // { ok: false, reason: 'ambiguous', candidates: [{ id: 'CL-VS', … }, { id: 'CL-05101', … }] }
 * @example resolvePlace(index, 'Valparaíso', { level: 'comuna' }) // { ok: true, place: { id: 'CL-05101', … }, by: 'name' }
 * @example resolvePlace(index, 'Calma') // { ok: false, reason: 'unknown', suggestions: [{ id: 'CL-02201', …, name: { es: 'Calama', en: 'Calama' } }] }
 */
export function resolvePlace<P extends PlaceRecord>(
  index: PlaceIndex<P>,
  text: string,
  options: { level?: PlaceFilter['level']; names?: boolean } = {},
): PlaceResolution<P> {
  const t = text.trim();
  const filter: PlaceFilter = options.level === undefined ? {} : { level: options.level };
  const found = (place: P, by: 'id' | 'cut' | 'roman' | 'name' | 'variant'): PlaceResolution<P> =>
    passes(place, filter) ? { ok: true, place, by } : { ok: false, reason: 'level', place };
  if (!t) return { ok: false, reason: 'unknown', suggestions: [] };
  const byId = index.byId.get(t.toUpperCase());
  if (byId) return found(byId, 'id');
  if (/^\d{1,6}$/.test(t)) {
    const atCut = index.byCut.get(Number(t)) ?? [];
    const fit = atCut.filter((p) => passes(p, filter));
    if (fit[0]) return { ok: true, place: fit[0], by: 'cut' };
    if (atCut[0]) return { ok: false, reason: 'level', place: atCut[0] };
  }
  const roman = index.byRoman.get(t.toUpperCase());
  if (roman) return found(roman, 'roman');
  if (options.names !== false) {
    for (const { q, level } of queries(t)) {
      const named = (index.byName.get(q) ?? []).filter((p) => !level || p.level === level);
      const fit = named.filter((p) => passes(p, filter));
      if (fit.length > 1) return { ok: false, reason: 'ambiguous', candidates: fit };
      const place = fit[0];
      if (place) {
        const entry = index.entries.find((e) => e.place === place);
        const written = entry?.shown[entry.names.indexOf(q)];
        const by = written === place.name.es || written === place.name.en ? 'name' : 'variant';
        return { ok: true, place, by };
      }
      if (named[0]) return { ok: false, reason: 'level', place: named[0] };
    }
  }
  return { ok: false, reason: 'unknown', suggestions: suggestPlaces(index, t, filter) };
}

const TIER = { exact: 0, prefix: 1, word: 2, substring: 3, near: 4 } as const;

/**
 * Whether the start of `name`, or of one of its words, is within one edit of `q` (two from eight
 * letters). Only for queries of four letters or more: shorter ones would match half the country.
 */
function near(name: string, q: string): boolean {
  if (q.length < 4) return false;
  const max = q.length >= 8 ? 2 : 1;
  for (let start = 0; start >= 0; ) {
    if (prefixDistance(q, name, start, max) <= max) return true;
    const space = name.indexOf(' ', start);
    start = space < 0 ? -1 : space + 1;
  }
  return false;
}

/** How well `name` matches `q`, if at all. */
function matchOf(name: string, q: string): PlaceMatch['match'] | undefined {
  if (name === q) return 'exact';
  if (name.startsWith(q)) return 'prefix';
  const at = name.indexOf(q);
  if (at < 0) return undefined;
  return name[at - 1] === ' ' ? 'word' : 'substring';
}

/**
 * Places whose name, variant, id or CUT code contains the query, regardless of accents and case, best
 * first: exact before prefix before a later word's prefix before any substring, and last the names
 * whose start is one slip away ("valpo", "calma"); on a tie countries before regions before comunas,
 * then alphabetically. Roman numerals are not searched (typing "vi"
 * means Victoria or Vichuquén, not O'Higgins); `resolvePlace` accepts them. An empty query finds nothing.
 * @example searchPlaces(index, 'valpo').map((m) => m.place.id) // ['CL-VS', 'CL-05101']
 * @example searchPlaces(index, '5101')[0] // { place: { id: 'CL-05101', … }, match: 'exact', matched: '5101' }
 * @example searchPlaces(index, 'coiha')[0] // { place: { id: 'CL-11101', … }, match: 'prefix', matched: 'Coihaique' }
 */
export function searchPlaces<P extends PlaceRecord>(
  index: PlaceIndex<P>,
  query: string,
  options: PlaceFilter & { limit?: number } = {},
): PlaceMatch<P>[] {
  const qs = queries(query);
  if (!qs[0]?.q) return [];
  const hits: (PlaceMatch<P> & { order: number; key: string })[] = [];
  index.entries.forEach((e, order) => {
    if (!passes(e.place, options)) return;
    let best: PlaceMatch<P> | undefined;
    const consider = (candidate: string, written: string, q: string) => {
      const m = matchOf(candidate, q);
      if (m && (!best || TIER[m] < TIER[best.match])) best = { place: e.place, match: m, matched: written };
    };
    for (const { q, level } of qs) {
      if (level && e.place.level !== level) continue;
      for (const [i, n] of e.names.entries()) consider(n, e.shown[i] as string, q);
      if (!best)
        for (const [i, n] of e.names.entries())
          if (near(n, q)) {
            best = { place: e.place, match: 'near', matched: e.shown[i] as string };
            break;
          }
      // Codes match whole or as a prefix: "510" is on its way to 5101, not a substring of 15101.
      for (const c of e.codes)
        if (c === q || c.startsWith(q)) consider(c, c === e.codes[0] ? e.place.id : c, q);
    }
    if (best) hits.push({ ...best, order, key: e.names[0] ?? '' });
  });
  hits.sort(
    (a, b) =>
      TIER[a.match] - TIER[b.match] ||
      LEVEL_RANK[a.place.level] - LEVEL_RANK[b.place.level] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      a.order - b.order,
  );
  return hits.slice(0, options.limit ?? 10).map(({ place, match, matched }) => ({ place, match, matched }));
}

/**
 * Did you mean…: places whose folded name, variant, id or code is within a few edits of the text
 * (one edit for up to six letters, two up to nine, three up to twelve…), closest first; on a tie
 * countries before regions before comunas.
 * @example suggestPlaces(index, 'Calma').map((p) => p.id) // ['CL-02201'] (Calama, one letter missing)
 * @example suggestPlaces(index, 'valparaizo').map((p) => p.id) // ['CL-VS', 'CL-05101']
 */
export function suggestPlaces<P extends PlaceRecord>(
  index: PlaceIndex<P>,
  text: string,
  options: PlaceFilter & { limit?: number } = {},
): P[] {
  const q = foldName(text);
  if (!q) return [];
  const max = Math.max(1, Math.floor((q.length - 1) / 3));
  const scored: { place: P; d: number; order: number }[] = [];
  index.entries.forEach((e, order) => {
    if (!passes(e.place, options)) return;
    let d = max + 1;
    for (const n of [...e.names, ...e.codes]) d = Math.min(d, editDistance(q, n, max));
    if (d <= max) scored.push({ place: e.place, d, order });
  });
  scored.sort(
    (a, b) => a.d - b.d || LEVEL_RANK[a.place.level] - LEVEL_RANK[b.place.level] || a.order - b.order,
  );
  return scored.slice(0, options.limit ?? 5).map((s) => s.place);
}

/**
 * The places that pass a filter, in canonical order (countries, regions, comunas; each as listed).
 * @example listPlaces(index, { level: 'comuna', parent: 'CL-AN' }).length // 9 (Antofagasta's comunas)
 */
export function listPlaces<P extends PlaceRecord>(index: PlaceIndex<P>, filter: PlaceFilter = {}): P[] {
  const pool = filter.parent === undefined ? index.places : (index.children.get(filter.parent) ?? []);
  return pool.filter((p) => passes(p, filter));
}
