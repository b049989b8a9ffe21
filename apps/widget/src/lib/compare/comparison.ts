// Computes a view's comparison with @mt0/core (numbers from `compare`, sentences from `compareText`,
// inputs from core's selection), for the server and the build (snapshot). Kept out of the browser
// bundles: mt0.js asks the kit server instead, and the embed page gets the result in its props.
import { compareText } from '@mt0/core/format';
import { compare, jsonEnds } from '@mt0/core/metrics';
import { compareInputOf, select } from '@mt0/core/select';
import { comparedChanges, comparisonKey } from '../data.js';
import type { Bundle, ComparisonRec, Params } from '../types.js';

/** The comparison of the changes `p` lines up, or `undefined` when the core refuses them. */
export function comparisonFor(b: Bundle, p: Params): ComparisonRec | undefined {
  const picked = comparedChanges(b, p);
  if (picked.length === 0) return undefined;
  const sel = select(b);
  // The view lists each figure's source under the chart, so its sentence leaves the source names out.
  const r = compare(
    picked.map(({ c }) => {
      const { sourceName: _shownBelow, ...item } = compareInputOf(sel, c);
      return item;
    }),
  );
  if (!r) return undefined;
  const text = compareText(r);
  return {
    key: comparisonKey(picked),
    sentence: text.sentence,
    caveats: text.caveats,
    // An open end (Infinity in core's arithmetic) is null, as the API and the snapshot JSON carry it.
    rates: r.items.map((x) => {
      const { value, low, high } = jsonEnds(x.annualized);
      return { value, low, high };
    }),
  };
}

/** The bundle with the comparison `p` needs attached (no-op for other views). */
export function withComparison(b: Bundle, p: Params): Bundle {
  if (p.view !== 'compare') return b;
  const c = comparisonFor(b, p);
  return { ...b, comparisons: c ? [c] : [] };
}
