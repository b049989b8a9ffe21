// Lookups over a Bundle and the selection of records each view needs. Pure; used at build time to bake
// the snapshot, on the server to cut the dataset down to one embed page, and in the browser.
import { parsePeriod, periodStart } from '@mt0/core/periods';
import { eventsMarking, POPULATION, resolvePlaceId, select, seriesOf } from '@mt0/core/select';
import type {
  Bundle,
  Change,
  EventRec,
  IndicatorRec,
  Lang,
  Obs,
  Params,
  SourceRec,
  StatementRec,
} from './types.js';
import { indicatorDefault } from './views.js';

export { POPULATION };

/** Indicator ids the view shows. */
export function indicatorIds(p: Params): string[] {
  if (p.indicator) return p.indicator.split(',').map((s) => s.trim());
  const d = indicatorDefault(p.view);
  return typeof d === 'string' ? (p.view === 'statement' ? [] : [d]) : [...d];
}

/** Start of a period string as a sortable decimal year ("2015/2019" → 2015, "2020-03" → 2020.17); core's reading. */
export function periodKey(period: string): number {
  const p = parsePeriod(period);
  return p ? periodStart(p) : Number.NaN;
}

/** Start of a period's last point as a sortable decimal year ("2015/2019" → 2019). */
export function periodEndKey(period: string): number {
  const p = parsePeriod(period);
  return p ? periodStart(p.kind === 'span' ? p.end : p) : Number.NaN;
}

const inRange = (period: string, p: Params) =>
  (!p.from || periodKey(period) >= periodKey(p.from)) && (!p.to || periodEndKey(period) <= periodKey(p.to));

/** Observations of one indicator and geo within the params' range, earliest first (core's selection). */
export function observationsOf(b: Bundle, indicator: string, geo: string, p?: Params): Obs[] {
  return seriesOf(select(b), indicator, geo).filter((o) => !p || inRange(o.period, p));
}

/** Reported changes of one indicator and geo, latest span first (core's selection). */
export function changesOf(b: Bundle, indicator: string, geo: string): Change[] {
  return [...(select(b).changes.get(`${indicator}|${geo}`) ?? [])].sort(
    (a, c) => periodKey(c.to) - periodKey(a.to) || periodKey(c.from) - periodKey(a.from),
  );
}

/** The changes a `compare` lines up: the latest at the geo for each indicator, with its indicator. */
export function comparedChanges(b: Bundle, p: Params): { ind: IndicatorRec; c: Change }[] {
  return indicatorIds(p).flatMap((id) => {
    const ind = b.indicators.find((i) => i.id === id);
    const c = changesOf(b, id, p.geo)[0];
    return ind && c ? [{ ind, c }] : [];
  });
}

/** The key a comparison of these changes is stored under. */
export const comparisonKey = (xs: { c: Change }[]): string => xs.map((x) => x.c.id).join(',');

/** The statement a params asks for: by id, else the first about the indicator, else the seed's. */
export function statementFor(b: Bundle, p: Params): StatementRec | undefined {
  const want = p.indicator;
  if (!want) return b.statements.find((s) => s.id === indicatorDefault('statement')) ?? b.statements[0];
  return b.statements.find((s) => s.id === want) ?? b.statements.find((s) => s.indicators.includes(want));
}

export const findSource = (b: Bundle, id: string): SourceRec | undefined =>
  b.sources.find((s) => s.id === id);
export const findIndicator = (b: Bundle, id: string) => b.indicators.find((i) => i.id === id);
export const geoName = (b: Bundle, id: string, lang: Lang) =>
  b.geos.find((g) => g.id === id)?.name[lang] ?? id;

/** "Policía de Investigaciones de Chile (PDI) vía InSight Crime". */
export function sourceLabel(b: Bundle, id: string, lang: Lang): string {
  const s = findSource(b, id);
  if (!s) return id;
  const via = s.via ? findSource(b, s.via) : undefined;
  return via ? `${s.publisher} ${lang === 'es' ? 'vía' : 'via'} ${via.publisher}` : s.publisher;
}

/**
 * The params with `geo` read by core's place resolver (`13` → `CL-RM`, any case, CUT aliases), so an
 * embed says a place the way the API does. An unknown place is left as given (the view then has no data).
 */
export function resolveGeo(full: Bundle, p: Params): Params {
  const geo = resolvePlaceId(select(full), p.geo);
  return geo === undefined || geo === p.geo ? p : { ...p, geo };
}

/** Every record the view needs out of a larger bundle (the dataset, or the API's answers). */
export function subsetFor(full: Bundle, p: Params): Bundle {
  let ids = indicatorIds(p);
  let obs: Obs[] = [];
  let changes: Change[] = [];
  const statements: StatementRec[] = [];
  if (p.view === 'statement') {
    const s = statementFor(full, p);
    if (s) {
      statements.push(s);
      ids = [...s.indicators];
      obs = full.observations.filter((o) => s.evidence.includes(o.id));
      changes = full.changes.filter((c) => s.evidence.includes(c.id));
    }
  } else {
    const geos = new Set([p.geo]);
    const wanted = new Set(ids);
    if (p.view === 'series') wanted.add(POPULATION);
    obs = full.observations.filter((o) => wanted.has(o.indicator) && geos.has(o.geo));
    changes = full.changes.filter((c) => wanted.has(c.indicator) && geos.has(c.geo));
    if (p.view === 'series') ids.push(POPULATION);
  }
  const sourceIds = new Set([...obs, ...changes, ...statements].map((r) => r.source));
  for (const id of [...sourceIds]) {
    const via = full.sources.find((s) => s.id === id)?.via;
    if (via) sourceIds.add(via);
  }
  const geoIds = new Set([...obs, ...changes].map((r) => r.geo).concat(p.geo));
  return {
    version: full.version,
    released: full.released,
    indicators: full.indicators.filter((i) => ids.includes(i.id)),
    sources: full.sources.filter((s) => sourceIds.has(s.id)),
    geos: full.geos.filter((g) => geoIds.has(g.id)),
    observations: obs,
    changes,
    statements,
    // The bundle's own events, picked by core (so typed as the bundle's records).
    events:
      p.view === 'series' || p.view === 'stat'
        ? (eventsMarking(select(full), indicatorIds(p)[0] ?? '', p.geo) as EventRec[])
        : [],
    comparisons: p.view === 'compare' ? full.comparisons : [],
  };
}

/** The API URL of the CSV behind a view ("Descargar datos / Get the data"). */
export function csvUrl(api: string, p: Params): string {
  const base = api.replace(/\/+$/, '');
  const ids = indicatorIds(p);
  // A pinned widget's data come from its release (the API's ?v=), like everything it draws.
  const v = p.release ? `&v=${p.release}` : '';
  if (p.view === 'compare' || p.view === 'statement' || (p.view === 'stat' && !p.indicator)) {
    return `${base}/v1/changes?format=csv${v}`;
  }
  const q = new URLSearchParams({ indicator: ids[0] ?? '', geo: p.geo });
  if (p.from) q.set('from', p.from);
  if (p.to) q.set('to', p.to);
  q.set('format', 'csv');
  return `${base}/v1/observations?${q}${v}`;
}

/** A citation line for the figures in a view. */
export function citation(b: Bundle, sourceIds: string[], lang: Lang, url: string): string {
  const who = [...new Set(sourceIds)].map((id) => sourceLabel(b, id, lang)).join('; ');
  const kit = `MT-0 Data Kit v${b.version}`;
  return lang === 'es' ? `${who}. Compilado en ${kit}. ${url}` : `${who}. Compiled in ${kit}. ${url}`;
}
