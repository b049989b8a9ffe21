// Indexes over a release's records, built once per release: nothing here runs per request, and nothing
// parses data files. The current release comes validated from @mt0/core/dataset and is indexed at module
// load; an older release pinned with ?v= is indexed when first asked for (lib/releases.ts).

import {
  collections,
  type ExpandedStatement,
  type IndicatorSummary,
  type SourceSummary,
} from '@mt0/core/csv';
import { dataset as bundled } from '@mt0/core/dataset';
import type {
  Dataset,
  DatasetMeta,
  Event,
  GeoEntry,
  Indicator,
  Observation,
  ReportedChange,
  Source,
  Statement,
} from '@mt0/core/schemas';
import { select } from '@mt0/core/select';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

export { API_VERSION } from './release-meta.js';

const byId = <T extends { id: string }>(xs: readonly T[]): ReadonlyMap<string, T> =>
  new Map(xs.map((x) => [x.id, x]));

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

export type { EvidenceRecord, ExpandedStatement, IndicatorSummary, SourceSummary } from '@mt0/core/csv';

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
  // The collections in the order the API lists them (and the downloads hold them), with their summaries.
  const {
    observations,
    changes,
    indicators: indicatorSummaries,
    sources: sourceSummaries,
    statements,
    events,
  } = collections(dataset);
  const observationsByIndicator = groupBy(observations, (o) => o.indicator);
  const selection = select(dataset);

  return {
    dataset,
    meta: dataset.meta,
    geos: byId(dataset.geos),
    indicators: byId(dataset.indicators),
    sources: byId(dataset.sources),
    observationsById: byId(dataset.observations),
    changesById: byId(dataset.changes),
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
    eventList: events,
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
