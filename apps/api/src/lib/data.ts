// Indexes over the compiled dataset, built once at module load: nothing here runs per request, and
// nothing parses data files (the records come validated from @mt0/core/dataset).
import { dataset } from '@mt0/core/dataset';
import {
  comparePeriods,
  type Event,
  type GeoEntry,
  type Indicator,
  type Observation,
  type ReportedChange,
  type Source,
  type Statement,
} from '@mt0/core/schemas';

export { dataset };
export const meta = dataset.meta;

/** Version of the API's representation; part of every ETag so a new API release is never served stale. */
export const API_VERSION = '0.1.0';

const byId = <T extends { id: string }>(xs: readonly T[]): ReadonlyMap<string, T> =>
  new Map(xs.map((x) => [x.id, x]));

export const geos: ReadonlyMap<string, GeoEntry> = byId(dataset.geos);
export const indicators: ReadonlyMap<string, Indicator> = byId(dataset.indicators);
export const sources: ReadonlyMap<string, Source> = byId(dataset.sources);
export const observationsById: ReadonlyMap<string, Observation> = byId(dataset.observations);
export const changesById: ReadonlyMap<string, ReportedChange> = byId(dataset.changes);
export const events: ReadonlyMap<string, Event> = byId(dataset.events);
export const statementsById: ReadonlyMap<string, Statement> = byId(dataset.statements);

/** Observations in a stable order: indicator, geo, period (earlier first), source. */
export const observations: readonly Observation[] = [...dataset.observations].sort(
  (a, b) =>
    cmp(a.indicator, b.indicator) ||
    cmp(a.geo, b.geo) ||
    comparePeriods(a.period, b.period) ||
    cmp(a.source, b.source),
);

export const changes: readonly ReportedChange[] = [...dataset.changes].sort(
  (a, b) =>
    cmp(a.indicator, b.indicator) ||
    cmp(a.geo, b.geo) ||
    comparePeriods(a.from, b.from) ||
    comparePeriods(a.to, b.to) ||
    cmp(a.source, b.source),
);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Observations by indicator (in the order above). */
export const observationsByIndicator = groupBy(observations, (o) => o.indicator);
/** Observations by `indicator|geo` (in the order above). */
export const observationsBySeries = groupBy(observations, (o) => `${o.indicator}|${o.geo}`);
/** Observations by `indicator|geo|period`: more than one when several sources give the figure. */
export const observationsByKey = groupBy(observations, (o) => `${o.indicator}|${o.geo}|${o.period}`);
/** Reported changes by `indicator|geo`. */
export const changesBySeries = groupBy(changes, (c) => `${c.indicator}|${c.geo}`);

/** Position of each observation in `observations`, for merging filtered lists back into order. */
export const observationIndex: ReadonlyMap<Observation, number> = new Map(observations.map((o, i) => [o, i]));

const unique = (xs: Iterable<string>, sort: (a: string, b: string) => number = cmp) =>
  [...new Set(xs)].sort(sort);

export interface IndicatorSummary extends Indicator {
  geos: string[];
  periods: string[];
  observations: number;
  changes: number;
}

/** Each indicator with the geographies and periods it has observations for, and its record counts. */
export const indicatorSummaries: readonly IndicatorSummary[] = dataset.indicators
  .map((i) => {
    const obs = observationsByIndicator.get(i.id) ?? [];
    const chg = dataset.changes.filter((c) => c.indicator === i.id);
    return {
      ...i,
      geos: unique([...obs.map((o) => o.geo), ...chg.map((c) => c.geo)]),
      periods: unique(
        obs.map((o) => o.period),
        comparePeriods,
      ),
      observations: obs.length,
      changes: chg.length,
    };
  })
  .sort((a, b) => cmp(a.id, b.id));
export const indicatorSummaryById = byId(indicatorSummaries);

export interface SourceSummary extends Source {
  records: number;
}

const recordsPerSource = new Map<string, number>();
for (const r of [...dataset.observations, ...dataset.changes, ...dataset.statements, ...dataset.events]) {
  recordsPerSource.set(r.source, (recordsPerSource.get(r.source) ?? 0) + 1);
}

/** Each source with the number of records (observations, changes, statements, events) citing it. */
export const sourceSummaries: readonly SourceSummary[] = dataset.sources
  .map((s) => ({ ...s, records: recordsPerSource.get(s.id) ?? 0 }))
  .sort((a, b) => cmp(a.id, b.id));
export const sourceSummaryById = byId(sourceSummaries);

export type EvidenceRecord =
  | { id: string; kind: 'observation'; record: Observation }
  | { id: string; kind: 'change'; record: ReportedChange };

export interface ExpandedStatement extends Omit<Statement, 'evidence'> {
  evidence: EvidenceRecord[];
}

/** Statements with each evidence id replaced by the record it names (the build checks that they exist). */
export const statements: readonly ExpandedStatement[] = [...dataset.statements]
  .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id))
  .map((s) => ({
    ...s,
    evidence: s.evidence.flatMap((id): EvidenceRecord[] => {
      const o = observationsById.get(id);
      if (o) return [{ id, kind: 'observation', record: o }];
      const c = changesById.get(id);
      return c ? [{ id, kind: 'change', record: c }] : [];
    }),
  }));
export const statementById = byId(statements);

export const eventList: readonly Event[] = [...dataset.events].sort(
  (a, b) => cmp(a.date, b.date) || cmp(a.id, b.id),
);
