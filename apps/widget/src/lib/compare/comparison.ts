// Computes a view's comparison with @mt0/core's `compare`, for the server and the build (snapshot). Kept
// out of the browser bundles: mt0.js asks the API's /v1/metrics/compare instead, and the embed page gets
// the result in its props. Labels are the indicator names, as the API gives them.
import { compare } from '@mt0/core/metrics';
import { comparedChanges, comparisonKey } from '../data.js';
import type { Bundle, ComparisonRec, Params } from '../types.js';

/** The comparison of the changes `p` lines up, or `undefined` when the core refuses them. */
export function comparisonFor(b: Bundle, p: Params): ComparisonRec | undefined {
  const picked = comparedChanges(b, p);
  if (picked.length === 0) return undefined;
  const r = compare(
    picked.map(({ ind, c }) => ({
      id: c.id,
      label: { es: ind.name.es, en: ind.name.en },
      role: ind.role,
      from: c.from,
      to: c.to,
      percent: { value: c.percent, low: c.low, high: c.high },
      source: c.source,
    })),
    p.lang,
  );
  if (!r) return undefined;
  return {
    key: comparisonKey(picked),
    sentence: r.sentence,
    caveats: r.caveats,
    rates: r.items.map((x) => ({
      value: x.annualized.value,
      low: x.annualized.low,
      high: x.annualized.high,
    })),
  };
}

/** The bundle with the comparison `p` needs attached (no-op for other views). */
export function withComparison(b: Bundle, p: Params): Bundle {
  if (p.view !== 'compare') return b;
  const c = comparisonFor(b, p);
  return { ...b, comparisons: c ? [c] : [] };
}
