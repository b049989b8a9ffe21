// The API side of a metric: run core's metric unit over the dataset (indexes built once, at load) and
// turn a refusal into a problem naming the parameter. No selection, guard or formula text lives here:
// those are the core's (@mt0/core/registry).

import type { MetricResult, Refusal } from '@mt0/core/metrics';
import { METRIC_UNITS, type MetricQuery, type MetricUnit } from '@mt0/core/registry';
import { select } from '@mt0/core/select';
import type { ReleaseView } from './data.js';
import { ProblemError, type ProblemSlug } from './problem.js';
import { recordsWithStore, storePlaceOf } from './store-records.js';

/** Every metric, in the order /v1/metrics lists them. */
export const METRICS: readonly string[] = METRIC_UNITS.map((m) => m.name);

const SLUG: Record<Refusal['code'], ProblemSlug> = {
  invalid: 'invalid-parameter',
  ambiguous: 'ambiguous-selection',
  no_record: 'no-matching-record',
  confidence: 'confidence-excluded',
  not_computable: 'not-computable',
  units: 'incompatible-units',
  places: 'incompatible-places',
  periods: 'incompatible-periods',
  series_break: 'series-break',
  undated: 'undated-period',
};

/** A core refusal as the problem the API answers with (422 for inputs that do not belong together). */
export function refusalProblem(r: Refusal): ProblemError {
  return new ProblemError(SLUG[r.code], r.refused, { invalidParams: r.params, ...(r.extra ?? {}) });
}

/** The result of `unit` for a validated query, or a thrown ProblemError for the middleware to render. */
export function runMetric(d: ReleaseView, unit: MetricUnit, query: MetricQuery): MetricResult {
  // A comuna, or a place's months, are in the store: the same unit runs over the dataset plus them.
  const geo = storePlaceOf(query);
  const sel = geo === undefined ? d.selection : select(recordsWithStore(geo));
  const out = unit.run(sel as unknown as Parameters<MetricUnit['run']>[0], query);
  if (out.metric === undefined) throw refusalProblem(out);
  return out;
}
