// What a metric is, as one unit: its name and summary, its parameters as plain data (the API builds its
// query schemas, routes, OpenAPI entries and property test from them), the shape of its result, and
// `run`, which selects records, checks the preconditions and computes, returning the result or a
// refusal — a value naming the parameter and the reason in plain words, never a throw. zod-free.
import type { Confidence } from '../schemas/common.js';
import type { ChangeRecord, LevelRecord, PickRefusal, Selection } from '../select/index.js';
import type { Unit } from '../units/index.js';

/** The kinds of parameter a metric takes; the API turns each into a query schema. */
export type ParamKind =
  | 'observation-ref'
  | 'change-ref'
  | 'change-refs'
  | 'indicator'
  | 'period'
  | 'event'
  | 'enum'
  | 'integer'
  | 'boolean'
  | 'geo'
  | 'source'
  | 'confidence';

export interface ParamDescriptor {
  name: string;
  kind: ParamKind;
  required?: boolean;
  /** What it is, in one or two sentences (English, as the API documents it). */
  description: string;
  example?: string;
  /** For `enum`. */
  values?: readonly string[];
  /** For `integer`. */
  min?: number;
  max?: number;
}

/** The type of one extra field of a metric's result, for the API's OpenAPI document. */
export type ResultFieldType =
  | 'number'
  | 'nullable-number'
  | 'string'
  | 'nullable-string'
  | 'strings'
  | 'interval'
  | 'quantity'
  | 'object'
  | 'objects';

export interface ResultField {
  name: string;
  type: ResultFieldType;
  description: string;
  optional?: boolean;
}

/** Why a metric gave no number: a plain-words detail, the parameters at fault and a code. */
export interface Refusal {
  refused: string;
  code: PickRefusal['code'] | 'not_computable' | 'units' | 'places' | 'periods' | 'series_break' | 'undated';
  params: { name: string; reason: string }[];
  extra?: Record<string, unknown>;
}

/** Something a caller opted into, said in the result: the break crossed, the undated input used. */
export interface Warning {
  code: 'series_break' | 'undated' | 'partial_left_out' | 'small_count';
  message: string;
  event?: string;
  record?: string;
}

/** One input record of a result, as the result lists it. */
export interface MetricInput {
  id: string;
  kind: 'observation' | 'change';
  indicator: string;
  geo: string;
  period?: string;
  from?: string;
  to?: string;
  value: number;
  /** The record's interval; null: an open end (see the qualifier policy's OPEN_END). */
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string;
  source: string;
  confidence: string;
  periodStatus?: string;
}

/** What every metric returns: the number as an interval, its unit, formula, inputs and caveats. */
export interface MetricResult {
  metric: string;
  /** null only where a metric gives no number (compare without overlapping spans). */
  value: number | null;
  /** With a value: null is an open end (a change from "more than X" has no upper bound). */
  low: number | null;
  high: number | null;
  unit: string;
  formula: string;
  inputs: MetricInput[];
  /** The lowest grade among the inputs (C below B below A). */
  confidence: Confidence;
  warnings: Warning[];
  meta: { datasetVersion: string; qualifierPolicy: string };
  [extra: string]: unknown;
}

export type MetricOutcome = MetricResult | (Refusal & { metric?: undefined });

/** A parsed query: strings (lists as arrays), whole numbers and booleans, as the API validated them. */
export type MetricQuery = Readonly<Record<string, string | readonly string[] | number | boolean | undefined>>;

export type Sel = Selection<LevelRecord & { confidence?: Confidence }, ChangeRecord>;

export interface MetricUnit {
  name: string;
  /** A title for the docs ("Change between two levels"). */
  title: string;
  summary: string;
  /** Longer notes and an example URL. */
  description: string;
  params: readonly ParamDescriptor[];
  result: readonly ResultField[];
  /** True when `value` may be null (compare without overlapping spans). */
  nullableValue?: boolean;
  run(sel: Sel, query: MetricQuery): MetricOutcome;
}

/**
 * An outcome as JSON carries it: every infinite number (an open end of an interval, anywhere in the
 * result: `low`, `high`, `absolute.high`, a series point) becomes `null`, which JSON can hold, and which
 * a result with a number in `value` documents as an open end. Internally the metrics compute with
 * `Infinity` (see ../interval.ts); JSON.stringify would turn it into null anyway, but an in-process caller
 * (the widget) must see what an API client sees.
 * @example jsonOutcome({ value: 25, low: -100, high: Infinity }) // { value: 25, low: -100, high: null }
 */
export function jsonOutcome<T>(x: T): T {
  if (typeof x === 'number') return (Number.isFinite(x) || Number.isNaN(x) ? x : null) as T;
  if (Array.isArray(x)) return x.map(jsonOutcome) as T;
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = jsonOutcome(v);
  return out as T;
}

/** Narrows an outcome to a refusal. */
export const isRefusal = (x: MetricOutcome | { refused?: unknown }): x is Refusal =>
  typeof (x as Refusal).refused === 'string';

/** The unit of an indicator in a selection ('count' when unknown). */
export const unitOf = (sel: Sel, indicator: string): Unit | string =>
  sel.indicators.get(indicator)?.unit ?? 'count';
