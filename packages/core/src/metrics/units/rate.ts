// The rate metric: a count of people or events per 100,000 inhabitants, with the INE population of the
// same place and period.
import { intervalNote, num } from '../../format/formula.js';
import type { Confidence } from '../../schemas/common.js';
import { POPULATION, populationFor } from '../../select/index.js';
import { isPerCapita } from '../../units/index.js';
import {
  ALLOW_UNDATED,
  common,
  type Level,
  level,
  lowestGrade,
  metaOf,
  notComputable,
  notPartial,
  observationInput,
  observationParam,
  openEnded,
  readCommon,
  refuse,
  refused,
  undated,
  unitRefusal,
} from '../guards.js';
import { ratePer100k } from '../ratePer100k.js';
import { smallCountWarning } from '../small.js';
import type { MetricOutcome, MetricUnit, Sel, Warning } from '../unit.js';
import { unitOf } from '../unit.js';

/**
 * The rate per 100,000 of one level, with its guards: a count of people or events, not a year to date,
 * an undated level only when allowed, INE population of the same place and period. The unit's `run`
 * and the widget's series both call it, so neither re-derives a rate.
 */
export function rateOf(
  sel: Sel,
  n: Level,
  options: { confidence?: ReadonlySet<Confidence>; allowUndated?: boolean } = {},
): MetricOutcome {
  const warnings: Warning[] = [];
  const guard =
    (isPerCapita(unitOf(sel, n.indicator))
      ? undefined
      : unitRefusal(
          sel,
          'count',
          n.indicator,
          'only counts of people or events are put per 100,000 inhabitants',
        )) ??
    notPartial(n, 'count') ??
    undated(n, 'count', options.allowUndated === true, warnings);
  if (guard) return guard;
  const pops = populationFor(sel, n, { confidence: options.confidence });
  if (pops.length === 0)
    return notComputable(
      `No INE population (${POPULATION}) for ${n.geo} in ${n.period}, the place and period of "count".`,
      ['count'],
    );
  if (pops.length > 1)
    return refuse(
      'ambiguous',
      `Several population records for ${n.geo} in ${n.period}.`,
      [{ name: 'count', reason: 'population ambiguous' }],
      { candidates: pops.map((o) => o.id) },
    );
  const p = pops[0] as (typeof pops)[number];
  const r = ratePer100k(n, p);
  if (!r)
    return (
      openEnded([['count', n]], 'count / population') ??
      notComputable('The population is zero or below.', ['count'])
    );
  const inputs = [observationInput(sel, n), observationInput(sel, p)];
  const small = smallCountWarning(n.value, 'count');
  if (small) warnings.push(small);
  return {
    metric: 'rate',
    ...r,
    unit: 'per 100,000 inhabitants',
    formula: `count / population × 100000 = ${num(n.value)} / ${num(p.value)} × 100000 = ${num(r.value)}${intervalNote(r)}`,
    inputs,
    confidence: lowestGrade(inputs),
    warnings,
    meta: metaOf(sel),
  };
}

export const rate: MetricUnit = {
  name: 'rate',
  title: 'Rate per 100,000 inhabitants',
  summary:
    'A count of people or events per 100,000 inhabitants, with the INE population of the same place and period.',
  description:
    'Only counts of people or events (cases, arrests, operations): never a percent, a mass or money. Example: /v1/metrics/rate?count=cead.cases.drugs@2019&geo=13.',
  params: [
    observationParam(
      'count',
      'A count to put per 100,000 inhabitants (INE population of the same place and period).',
      'cead.cases.drugs@2019',
    ),
    ...common(ALLOW_UNDATED),
  ],
  result: [],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const n = level(sel, q, c, 'count');
    if (refused(n)) return n;
    return rateOf(sel, n, c);
  },
};
