// The record shapes the widget draws: core's types (type-only imports, so the browser bundle never
// needs zod), narrowed to the fields the views use. Type-only: nothing here ships.
import type { Qualifier } from '@mt0/core/qualifiers';
import type {
  Event,
  GeoEntry,
  Indicator,
  Observation,
  ReportedChange,
  Source,
  Statement,
} from '@mt0/core/schemas';

export type Lang = 'es' | 'en';
export type Theme = 'light' | 'dark' | 'auto';

import type { ViewName } from './views.js';

export type { Qualifier, ViewName };

export interface Bilingual {
  es: string;
  en: string;
}

// Record shapes: core's own types, narrowed to what the views draw (type-only imports: nothing ships).
export type Obs = Pick<
  Observation,
  'id' | 'indicator' | 'geo' | 'period' | 'value' | 'qualifier' | 'low' | 'high' | 'source'
> &
  Partial<Pick<Observation, 'periodStatus'>>;

export type Change = Pick<
  ReportedChange,
  'id' | 'indicator' | 'geo' | 'from' | 'to' | 'percent' | 'qualifier' | 'low' | 'high' | 'source'
> &
  Partial<Pick<ReportedChange, 'periodStatus'>>;

export type StatementRec = Pick<
  Statement,
  'id' | 'who' | 'date' | 'claim' | 'lang' | 'source' | 'indicators' | 'evidence'
>;

export type EventRec = Pick<Event, 'id' | 'date' | 'kind' | 'title' | 'geo' | 'breaksSeries' | 'indicators'>;

export type IndicatorRec = Pick<Indicator, 'id' | 'name' | 'unit' | 'unitShort' | 'role'> &
  Partial<Pick<Indicator, 'countedBy' | 'roleReason' | 'shareOf' | 'partOf' | 'description'>>;

export type SourceRec = Pick<Source, 'id' | 'publisher'> & Partial<Pick<Source, 'url' | 'via' | 'published'>>;

/** A place as core's place resolver reads it (level, and the codes and spellings it answers to). */
export type GeoRec = Pick<GeoEntry, 'id' | 'name' | 'level'> &
  Partial<Pick<GeoEntry, 'cut' | 'roman' | 'parent' | 'variants'>>;

/** A comparison as @mt0/core's `compare` (or the API's /v1/metrics/compare) computes it, for the changes in `key`. */
export interface ComparisonRec {
  /** The compared change ids, joined by commas, in order. */
  key: string;
  sentence: Bilingual;
  caveats: { es: string[]; en: string[] };
  /** Annual rate of each change, in `key` order. */
  /** Each change's annual rate; a null end is open (a change reported as "more than X"). */
  rates: { value: number; low: number | null; high: number | null }[];
}

/** Everything one widget draws: a subset of the dataset (or of the API's answers) plus its version. */
export interface Bundle {
  version: string;
  /** The release date of `version` (ISO), when the records are a kept release. */
  released?: string | undefined;
  indicators: IndicatorRec[];
  sources: SourceRec[];
  geos: GeoRec[];
  observations: Obs[];
  changes: Change[];
  statements: StatementRec[];
  events: EventRec[];
  comparisons: ComparisonRec[];
}

/** A widget's request, parsed and checked: what every view is computed from. */
export interface Params {
  view: ViewName;
  /** One indicator id; for `compare`, one or several joined by commas. */
  indicator?: string | undefined;
  geo: string;
  from?: string | undefined;
  to?: string | undefined;
  /** Read from the place's stored series: months, or years summed from them (a comuna: years by default). */
  resolution?: 'month' | 'year' | undefined;
  /** A monthly series drawn as the sum of the last 12 months (never where fewer than 12 exist). */
  rolling?: boolean | undefined;
  /** The series drawn per 100,000 inhabitants from the start (its toggle checked). */
  per100k?: boolean | undefined;
  lang: Lang;
  theme: Theme;
  /** The kept release the widget is pinned to (`release="0.4.0"`, `?v=0.4.0`); absent: the latest. */
  release?: string | undefined;
}

/** Where the numbers on screen came from: the API, the server's dataset, or the snapshot baked into mt0.js. */
export type Origin = 'live' | 'snapshot';

/** A data table every view can show as its twin (and the `table` view shows alone). */
export interface TableRow {
  key: string;
  label: string;
  period: string;
  /** Sort key of the period (decimal year). */
  periodKey: number;
  value: string;
  /** Sort key of the value (the stated value). */
  sortValue: number;
  approximate: boolean;
  /** "between … and …" for approximate values; empty when exact. */
  range: string;
  source: string;
  url?: string | undefined;
}

export interface TableModel {
  caption: string;
  rows: TableRow[];
}
