// The registry of metrics: every metric unit, in the order the API lists them. The API generates its
// routes, OpenAPI entries, /v1 links and property-test parameters from this list; the widget and any
// other caller run a metric with `runMetric`. zod-free. Adding a metric: a unit in ./units/, its test,
// and its entry here (see CONTRIBUTING.md).

import type { RecordsLike } from '../select/index.js';
import { select } from '../select/index.js';
import { jsonOutcome, type MetricOutcome, type MetricQuery, type MetricUnit, type Sel } from './unit.js';
import { annualized as annualizedUnit } from './units/annualized.js';
import { change as changeUnit } from './units/change.js';
import { compare as compareUnit } from './units/compare.js';
import { implied as impliedUnit } from './units/implied.js';
import { index as indexUnit } from './units/index.js';
import { prepost as prepostUnit } from './units/prepost.js';
import { rate as rateUnit } from './units/rate.js';
import { share as shareUnit } from './units/share.js';

/** A unit whose results carry open ends as null, as every caller (API, widget) reads them. */
const asJson = <U extends MetricUnit>(u: U): U => ({ ...u, run: (sel, q) => jsonOutcome(u.run(sel, q)) });

const change = asJson(changeUnit);
const annualized = asJson(annualizedUnit);
const implied = asJson(impliedUnit);
const share = asJson(shareUnit);
const index = asJson(indexUnit);
const rate = asJson(rateUnit);
const prepost = asJson(prepostUnit);
const compare = asJson(compareUnit);

export const METRIC_UNITS = [
  change,
  annualized,
  implied,
  share,
  index,
  rate,
  prepost,
  compare,
] as const satisfies readonly MetricUnit[];

export type MetricName = (typeof METRIC_UNITS)[number]['name'];

/** The names of every metric, in order. */
export const METRIC_NAMES: readonly string[] = METRIC_UNITS.map((m) => m.name);

/** The metric unit of a name, or `undefined`. */
export const metricUnit = (name: string): MetricUnit | undefined => METRIC_UNITS.find((m) => m.name === name);

/**
 * Runs a metric over a dataset (indexes built once per dataset): the result, or a refusal naming the
 * parameter and the reason.
 * @example runMetric(dataset, 'annualized', { change: 'fiscalia.street_sales' }).value // 12.818…
 */
export function runMetric(records: RecordsLike, name: string, query: MetricQuery): MetricOutcome | undefined {
  const unit = metricUnit(name);
  return unit?.run(select(records) as unknown as Sel, query);
}

export { rateOf } from './units/rate.js';
export type { MetricOutcome, MetricQuery, MetricUnit };
export { annualized, change, compare, implied, index, prepost, rate, share };
