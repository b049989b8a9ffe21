// Indexes over a release's records, built once per release: nothing here runs per request, and nothing
// parses data files. The current release comes validated from @mt0/core/dataset and is indexed at module
// load; an older release pinned with ?v= is indexed when first asked for (lib/releases.ts).

import { dataset as bundled } from '@mt0/core/dataset';
import {
  comparePeriods,
  type Dataset,
  type DatasetMeta,
  type Event,
  type GeoEntry,
  type Indicator,
  type Observation,
  type ReportedChange,
  type Source,
  type Statement,
} from '@mt0/core/schemas';
import { select } from '@mt0/core/select';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

/** Version of the API's representation; part of every ETag so a new API release is never served stale. */
export const API_VERSION = '0.1.0';

const byId = <T extends { id: string }>(xs: readonly T[]): ReadonlyMap<string, T> =>
  new Map(xs.map((x) => [x.id, x]));

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

const unique = (xs: Iterable<string>, sort: (a: string, b: string) => number = cmp) =>
  [...new Set(xs)].sort(sort);

export interface IndicatorSummary extends Indicator {
  geos: string[];
  periods: string[];
  observations: number;
  changes: number;
}

export interface SourceSummary extends Source {
  records: number;
}

export type EvidenceRecord =
  | { id: string; kind: 'observation'; record: Observation }
  | { id: string; kind: 'change'; record: ReportedChange };

export interface ExpandedStatement extends Omit<Statement, 'evidence'> {
  evidence: EvidenceRecord[];
}

/** One release's records and every index the routes read, in the order the API lists them. */
export interface ReleaseView {
  dataset: Dataset;
  meta: DatasetMeta;
  geos: ReadonlyMap<string, GeoEntry>;
  indicators: ReadonlyMap<string, Indicator>;
  sources: ReadonlyMap<string, Source>;
  observationsById: ReadonlyMap<string, Observation>;
  changesById: ReadonlyMap<string, ReportedChange>;
  events: ReadonlyMap<string, Event>;
  statementsById: ReadonlyMap<string, Statement>;
  /** Observations in a stable order: indicator, geo, period (earlier first), source. */
  observations: readonly Observation[];
  changes: readonly ReportedChange[];
  /** Observations by indicator (in the order above). */
  observationsByIndicator: ReadonlyMap<string, readonly Observation[]>;
  /** Observations by `indicator|geo` (in the order above). */
  observationsBySeries: ReadonlyMap<string, readonly Observation[]>;
  /** Observations by `indicator|geo|period`: more than one when several sources give the figure. */
  observationsByKey: ReadonlyMap<string, readonly Observation[]>;
  /** Reported changes by `indicator|geo`. */
  changesBySeries: ReadonlyMap<string, readonly ReportedChange[]>;
  /** Position of each observation in `observations`, for merging filtered lists back into order. */
  observationIndex: ReadonlyMap<Observation, number>;
  /** Each indicator with the geographies and periods it has observations for, and its record counts. */
  indicatorSummaries: readonly IndicatorSummary[];
  indicatorSummaryById: ReadonlyMap<string, IndicatorSummary>;
  /** Each source with the number of records (observations, changes, statements, events) citing it. */
  sourceSummaries: readonly SourceSummary[];
  sourceSummaryById: ReadonlyMap<string, SourceSummary>;
  /** Statements with each evidence id replaced by the record it names (the build checks that they exist). */
  statements: readonly ExpandedStatement[];
  statementById: ReadonlyMap<string, ExpandedStatement>;
  eventList: readonly Event[];
  /** Core's selection indexes (metrics, places), built once per release. */
  selection: ReturnType<typeof select>;
  placeIndex: ReturnType<typeof select>['places'];
}

/** Indexes one release's records. */
export function buildView(dataset: Dataset): ReleaseView {
  const observations: readonly Observation[] = [...dataset.observations].sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) ||
      cmp(a.geo, b.geo) ||
      comparePeriods(a.period, b.period) ||
      cmp(a.source, b.source),
  );
  const changes: readonly ReportedChange[] = [...dataset.changes].sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) ||
      cmp(a.geo, b.geo) ||
      comparePeriods(a.from, b.from) ||
      comparePeriods(a.to, b.to) ||
      cmp(a.source, b.source),
  );
  const observationsById = byId(dataset.observations);
  const changesById = byId(dataset.changes);
  const observationsByIndicator = groupBy(observations, (o) => o.indicator);

  const indicatorSummaries: readonly IndicatorSummary[] = dataset.indicators
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

  const recordsPerSource = new Map<string, number>();
  for (const r of [...dataset.observations, ...dataset.changes, ...dataset.statements, ...dataset.events]) {
    recordsPerSource.set(r.source, (recordsPerSource.get(r.source) ?? 0) + 1);
  }
  const sourceSummaries: readonly SourceSummary[] = dataset.sources
    .map((s) => ({ ...s, records: recordsPerSource.get(s.id) ?? 0 }))
    .sort((a, b) => cmp(a.id, b.id));

  const statements: readonly ExpandedStatement[] = [...dataset.statements]
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
  const selection = select(dataset);

  return {
    dataset,
    meta: dataset.meta,
    geos: byId(dataset.geos),
    indicators: byId(dataset.indicators),
    sources: byId(dataset.sources),
    observationsById,
    changesById,
    events: byId(dataset.events),
    statementsById: byId(dataset.statements),
    observations,
    changes,
    observationsByIndicator,
    observationsBySeries: groupBy(observations, (o) => `${o.indicator}|${o.geo}`),
    observationsByKey: groupBy(observations, (o) => `${o.indicator}|${o.geo}|${o.period}`),
    changesBySeries: groupBy(changes, (c) => `${c.indicator}|${c.geo}`),
    observationIndex: new Map(observations.map((o, i) => [o, i])),
    indicatorSummaries,
    indicatorSummaryById: byId(indicatorSummaries),
    sourceSummaries,
    sourceSummaryById: byId(sourceSummaries),
    statements,
    statementById: byId(statements),
    eventList: [...dataset.events].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id)),
    selection,
    placeIndex: selection.places,
  };
}

/** The release this server was built with: what URLs without ?v= answer. */
export const current: ReleaseView = buildView(bundled);

/** The release a request reads: the one ?v= pins (set by the releases middleware), else the current. */
export const viewOf = (c: Context<AppEnv>): ReleaseView => c.get('view') ?? current;

// The current release's indexes by name, for code that runs outside a request (and tests).
export const {
  dataset,
  meta,
  geos,
  indicators,
  sources,
  observationsById,
  changesById,
  events,
  statementsById,
  observations,
  changes,
  observationsByIndicator,
  observationsBySeries,
  observationsByKey,
  changesBySeries,
  observationIndex,
  indicatorSummaries,
  indicatorSummaryById,
  sourceSummaries,
  sourceSummaryById,
  statements,
  statementById,
  eventList,
} = current;
