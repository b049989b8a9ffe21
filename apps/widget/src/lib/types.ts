// The slim record shapes the widget draws. They are structural subsets of @mt0/core/schemas (the server
// passes full dataset records; the bundle's snapshot and the API pass these fields at least), so the
// browser bundle never needs zod. Type-only: nothing here ships.
import type { Qualifier } from '@mt0/core/qualifiers';

export type Lang = 'es' | 'en';
export type Theme = 'light' | 'dark' | 'auto';
export const VIEWS = ['stat', 'series', 'compare', 'statement', 'table'] as const;
export type ViewName = (typeof VIEWS)[number];
export type { Qualifier };

export interface Bilingual {
  es: string;
  en: string;
}

export interface Obs {
  id: string;
  indicator: string;
  geo: string;
  period: string;
  value: number;
  qualifier: Qualifier;
  low: number;
  high: number;
  source: string;
}

export interface Change {
  id: string;
  indicator: string;
  geo: string;
  from: string;
  to: string;
  percent: number;
  qualifier: Qualifier;
  low: number;
  high: number;
  source: string;
}

export interface StatementRec {
  id: string;
  who: { name: string; role: string; organisation: string };
  date: string;
  claim: string;
  lang: Lang;
  source: string;
  indicators: string[];
  evidence: string[];
}

export interface EventRec {
  id: string;
  date: string;
  kind: string;
  title: Bilingual;
  geo: string[];
  breaksSeries: boolean;
  indicators: string[];
}

export interface IndicatorRec {
  id: string;
  name: Bilingual;
  unit: string;
  unitShort: Bilingual;
  role: 'output' | 'outcome' | 'context';
}

export interface SourceRec {
  id: string;
  publisher: string;
  url?: string | undefined;
  via?: string | undefined;
  published?: string | undefined;
}

export interface GeoRec {
  id: string;
  name: Bilingual;
}

/** A comparison as @mt0/core's `compare` (or the API's /v1/metrics/compare) computes it, for the changes in `key`. */
export interface ComparisonRec {
  /** The compared change ids, joined by commas, in order. */
  key: string;
  sentence: Bilingual;
  caveats: { es: string[]; en: string[] };
  /** Annual rate of each change, in `key` order. */
  rates: { value: number; low: number; high: number }[];
}

/** Everything one widget draws: a subset of the dataset (or of the API's answers) plus its version. */
export interface Bundle {
  version: string;
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
  lang: Lang;
  theme: Theme;
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
