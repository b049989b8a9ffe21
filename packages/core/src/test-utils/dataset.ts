// The real data package, loaded once per test file, and a helper that runs a metric over it.
import { DATA_DIR } from '../../scripts/paths.js';
import { loadDataset } from '../loader/load.js';
import { runMetric } from '../metrics/registry.js';
import type { MetricQuery, MetricResult, Refusal } from '../metrics/unit.js';
import type { Dataset } from '../schemas/dataset.js';

const loaded = loadDataset(DATA_DIR).dataset;
if (!loaded) throw new Error('the data package does not load: run pnpm data:check');
export const dataset: Dataset = loaded;

/** The result of a metric; throws with the refusal when it refuses. */
export function result(name: string, q: MetricQuery): MetricResult {
  const out = runMetric(dataset, name, q);
  if (!out || out.metric === undefined) throw new Error(`${name} refused: ${JSON.stringify(out)}`);
  return out;
}

/** The refusal of a metric; throws when it computes. */
export function refusal(name: string, q: MetricQuery): Refusal {
  const out = runMetric(dataset, name, q);
  if (!out || out.metric !== undefined) throw new Error(`${name} computed ${JSON.stringify(out?.value)}`);
  return out;
}
