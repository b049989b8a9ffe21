// The six collections as the API lists them and the downloads hold them: records in a stable order,
// indicators and sources with their record counts, statements with their evidence expanded. Computed
// once from the compiled dataset (at build for the downloads, at load in the API). Zod-free: types only.
import { comparePeriods } from '../periods/index.js';
import type {
  Dataset,
  Event,
  Indicator,
  Observation,
  ReportedChange,
  Source,
  Statement,
} from '../schemas/index.js';

export interface IndicatorSummary extends Indicator {
  /** Geographies with observations or changes of this indicator. */
  geos: string[];
  /** Periods with observations, earlier first. */
  periods: string[];
  observations: number;
  changes: number;
}

export interface SourceSummary extends Source {
  /** Observations, changes, statements and events citing the source. */
  records: number;
}

export type EvidenceRecord =
  | { id: string; kind: 'observation'; record: Observation }
  | { id: string; kind: 'change'; record: ReportedChange };

export interface ExpandedStatement extends Omit<Statement, 'evidence'> {
  evidence: EvidenceRecord[];
}

export interface Collections {
  /** By indicator, geography, period (earlier first), source. */
  observations: readonly Observation[];
  /** By indicator, geography, from, to, source. */
  changes: readonly ReportedChange[];
  /** By id. */
  indicators: readonly IndicatorSummary[];
  /** By id. */
  sources: readonly SourceSummary[];
  /** By date, then id. */
  statements: readonly ExpandedStatement[];
  /** By date, then id. */
  events: readonly Event[];
}

export type CollectionName = keyof Collections;

/** The collections' names, in the order the API's index lists them. */
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'indicators',
  'sources',
  'observations',
  'changes',
  'statements',
  'events',
];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const unique = (xs: Iterable<string>, sort: (a: string, b: string) => number = cmp) =>
  [...new Set(xs)].sort(sort);

/**
 * Every collection of a dataset, ordered and summarised.
 * @example collections(dataset).indicators[0] // { id: 'carabineros.arrests.all_crimes', …, geos: ['CL'], periods: ['2020'], observations: 1, changes: 0 }
 */
export function collections(dataset: Dataset): Collections {
  const observations = [...dataset.observations].sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) ||
      cmp(a.geo, b.geo) ||
      comparePeriods(a.period, b.period) ||
      cmp(a.source, b.source),
  );
  const changes = [...dataset.changes].sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) ||
      cmp(a.geo, b.geo) ||
      comparePeriods(a.from, b.from) ||
      comparePeriods(a.to, b.to) ||
      cmp(a.source, b.source),
  );

  const obsBy = new Map<string, Observation[]>();
  for (const o of observations) obsBy.set(o.indicator, [...(obsBy.get(o.indicator) ?? []), o]);
  const indicators = dataset.indicators
    .map((i): IndicatorSummary => {
      const obs = obsBy.get(i.id) ?? [];
      const chg = changes.filter((c) => c.indicator === i.id);
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

  const perSource = new Map<string, number>();
  for (const r of [...dataset.observations, ...dataset.changes, ...dataset.statements, ...dataset.events])
    perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
  const sources = dataset.sources
    .map((s): SourceSummary => ({ ...s, records: perSource.get(s.id) ?? 0 }))
    .sort((a, b) => cmp(a.id, b.id));

  const obsById = new Map(dataset.observations.map((o) => [o.id, o]));
  const chgById = new Map(dataset.changes.map((c) => [c.id, c]));
  const statements = [...dataset.statements]
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id))
    .map(
      (s): ExpandedStatement => ({
        ...s,
        // The build checks that every evidence id names a record.
        evidence: s.evidence.flatMap((id): EvidenceRecord[] => {
          const o = obsById.get(id);
          if (o) return [{ id, kind: 'observation', record: o }];
          const c = chgById.get(id);
          return c ? [{ id, kind: 'change', record: c }] : [];
        }),
      }),
    );

  const events = [...dataset.events].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
  return { observations, changes, indicators, sources, statements, events };
}
