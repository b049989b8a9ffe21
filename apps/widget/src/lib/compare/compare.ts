// The `compare` view: enforcement outputs against outcomes on the same footing — each reported change as
// a compound annual rate over its own span, with its interval — and the core's plain-language sentence.
import { formatChangeSpan, formatSignedChange } from '@mt0/core/format';
import { comparedChanges, comparisonKey, sourceLabel } from '../data.js';
import { t } from '../i18n.js';
import type { Bundle, Params } from '../types.js';
import { changeRange, changeText, isApprox } from '../values.js';

export interface CompareRow {
  id: string;
  name: string;
  role: 'output' | 'outcome' | 'context';
  /** The annual rate as read ("+12,8%"), and its interval when approximate. */
  rate: string;
  rateRange: string;
  /** The change as published and its span ("+62% 2015→2019"). */
  total: string;
  span: string;
  value: number;
  /** null: the interval is open at this end (a change reported as "more than X"). */
  low: number | null;
  high: number | null;
  approximate: boolean;
  source: string;
  url?: string | undefined;
}

export interface CompareModel {
  title: string;
  rows: CompareRow[];
  sentence: string;
  caveats: string[];
  sources: string[];
}

/**
 * Lines up the latest reported change of each indicator (the seed's seizures, street sales and
 * convictions by default) with the comparison computed for them by @mt0/core's `compare` (on the server,
 * at build time for the snapshot, or by the API's /v1/metrics/compare). `undefined` without both.
 */
export function compareModel(b: Bundle, p: Params): CompareModel | undefined {
  const s = t(p.lang);
  const picked = comparedChanges(b, p);
  const key = comparisonKey(picked);
  const result = b.comparisons.find((x) => x.key === key);
  if (picked.length === 0 || !result || result.rates.length !== picked.length) return undefined;
  const rows: CompareRow[] = picked.map(({ ind, c }, i) => {
    const approximate = isApprox(c.qualifier);
    const a = result.rates[i] ?? { value: 0, low: 0, high: 0 };
    return {
      id: c.id,
      name: ind.name[p.lang],
      role: ind.role,
      rate: `${approximate ? `${p.lang === 'es' ? 'cerca de' : 'about'} ` : ''}${formatSignedChange(a.value, p.lang)}`,
      rateRange: approximate ? changeRange(a, p.lang) : '',
      total: changeText(c, p.lang),
      span: formatChangeSpan(c.from, c.to, p.lang),
      value: a.value,
      low: a.low,
      high: a.high,
      approximate,
      source: sourceLabel(b, c.source, p.lang),
      url: b.sources.find((x) => x.id === c.source)?.url,
    };
  });
  return {
    title: s.compareTitle,
    rows,
    sentence: result.sentence[p.lang],
    caveats: result.caveats[p.lang],
    sources: [...new Set(picked.map(({ c }) => c.source))],
  };
}
