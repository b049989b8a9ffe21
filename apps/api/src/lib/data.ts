// Indexes over the compiled dataset, built once at module load: nothing here runs per request, and
// nothing parses data files (the records come validated from @mt0/core/dataset).
import {
  collections,
  type ExpandedStatement,
  type IndicatorSummary,
  type SourceSummary,
} from '@mt0/core/csv';
import { dataset } from '@mt0/core/dataset';
import type {
  Event,
  GeoEntry,
  Indicator,
  Observation,
  ReportedChange,
  Source,
  Statement,
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

/** The collections in the order the API lists them (and the downloads hold them), with their summaries. */
const lists = collections(dataset);

/** Observations in a stable order: indicator, geo, period (earlier first), source. */
export const observations: readonly Observation[] = lists.observations;

export const changes: readonly ReportedChange[] = lists.changes;

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

export type { EvidenceRecord, ExpandedStatement, IndicatorSummary, SourceSummary } from '@mt0/core/csv';

/** Each indicator with the geographies and periods it has observations for, and its record counts. */
export const indicatorSummaries: readonly IndicatorSummary[] = lists.indicators;
export const indicatorSummaryById = byId(indicatorSummaries);

/** Each source with the number of records (observations, changes, statements, events) citing it. */
export const sourceSummaries: readonly SourceSummary[] = lists.sources;
export const sourceSummaryById = byId(sourceSummaries);

/** Statements with each evidence id replaced by the record it names (the build checks that they exist). */
export const statements: readonly ExpandedStatement[] = lists.statements;
export const statementById = byId(statements);

export const eventList: readonly Event[] = lists.events;
