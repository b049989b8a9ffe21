// The annualized metric: the compound annual rate of a reported change, or of the change between two
// levels, over the real span of its periods.
import { intervalNote, num, roundingNote } from '../../format/formula.js';
import { yearsBetween } from '../../periods/index.js';
import { policyAtLeast, ROUNDED_PERCENTS_SINCE, roundedPercent } from '../../qualifiers/policy.js';
import { annualized as annualRate } from '../annualized.js';
import {
  ALLOW_BREAK,
  ALLOW_UNDATED,
  changeInput,
  changeParam,
  common,
  isProportion,
  lowestGrade,
  metaOf,
  noBreak,
  notComputable,
  notPartial,
  observationInput,
  openEnded,
  readCommon,
  refuse,
  refused,
  reported,
  sameShape,
  str,
  undated,
  unitRefusal,
} from '../guards.js';
import { endsOf, type Interval } from '../interval.js';
import { percentChange } from '../percentChange.js';
import type { MetricInput, MetricOutcome, MetricUnit, Warning } from '../unit.js';
import { levelChange } from './change.js';

export const annualized: MetricUnit = {
  name: 'annualized',
  title: 'Annualised (compound) rate',
  summary:
    'Compound annual rate of a reported change, or of the change between two levels, over its real span.',
  description:
    '((1 + p/100)^(1/years) − 1) × 100, so a one-year +150 % and a four-year +62 % are compared per year. The ends of the change must be of one kind and length, in order, at one place, without a series break between them (unless allowBreak=true). Example: /v1/metrics/annualized?change=fiscalia.street_sales.',
  params: [
    changeParam('change', 'Either this, or from and to.', 'fiscalia.street_sales', false),
    {
      name: 'from',
      kind: 'observation-ref',
      description:
        'Earlier level, with `to` instead of `change`: its id (indicator:geo:period:source) or `indicator@period`.',
      example: 'cead.cases.drugs@2015',
    },
    {
      name: 'to',
      kind: 'observation-ref',
      description: 'Later level, with `from`: its id or `indicator@period`.',
      example: 'cead.cases.drugs@2019',
    },
    ...common(ALLOW_BREAK, ALLOW_UNDATED),
  ],
  result: [
    {
      name: 'years',
      type: 'number',
      description: 'Years from the start of one end to the start of the other.',
    },
  ],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const given = (k: string) => str(q, k) !== undefined;
    if (given('change') && (given('from') || given('to'))) {
      return refuse('invalid', 'Give either "change", or "from" and "to", not both.', [
        { name: 'change', reason: 'given with from/to' },
        ...(given('from') ? [{ name: 'from', reason: 'given with change' }] : []),
        ...(given('to') ? [{ name: 'to', reason: 'given with change' }] : []),
      ]);
    }
    const warnings: Warning[] = [];
    let total: Interval;
    let years: number | undefined;
    let inputs: MetricInput[];
    let totalText: string;
    const param = given('change') ? 'change' : 'to';
    if (given('change')) {
      const ch = reported(sel, q, c, 'change');
      if (refused(ch)) return ch;
      const guard =
        sameShape(ch.from, ch.to, ['change', 'change']) ??
        notPartial(ch, 'change') ??
        undated({ ...ch }, 'change', c.allowUndated, warnings) ??
        noBreak(sel, ch.indicator, ch.geo, ch.from, ch.to, c.allowBreak, warnings, 'change');
      if (guard) return guard;
      // A reported percent is rounded to its last written digit (policy 1.2; a pinned earlier release
      // answers as it always did).
      const rounded = policyAtLeast(metaOf(sel).qualifierPolicy, ROUNDED_PERCENTS_SINCE);
      total = rounded ? roundedPercent(endsOf(ch.percent, ch)) : endsOf(ch.percent, ch);
      years = yearsBetween(ch.from, ch.to);
      inputs = [changeInput(ch)];
      totalText = `${num(ch.percent)} % from ${ch.from} to ${ch.to}${rounded ? roundingNote(ch.percent, total) : ''}`;
    } else {
      if (!given('from') || !given('to')) {
        const missing = given('from') ? 'to' : 'from';
        return refuse(
          'invalid',
          `Give "change" (a reported change), or both "from" and "to" (two levels); "${missing}" is missing.`,
          [{ name: !given('from') && !given('to') ? 'change' : missing, reason: 'is required' }],
        );
      }
      const pair = levelChange(sel, q, c, warnings);
      if (refused(pair)) return pair;
      const { a, b } = pair;
      if (isProportion(sel, a.indicator))
        return unitRefusal(
          sel,
          'from',
          a.indicator,
          'an annual rate of a proportion is not meaningful: use change, which gives percentage points',
        );
      const r = percentChange(a, b);
      if (!r)
        return (
          openEnded(
            [
              ['from', a],
              ['to', b],
            ],
            'the change',
          ) ??
          notComputable(`The earlier level (${num(a.value)}) may be zero: no base to divide by.`, ['from'])
        );
      total = r;
      years = yearsBetween(a.period, b.period);
      inputs = [observationInput(sel, a), observationInput(sel, b)];
      totalText = `${num(r.value)} % from ${a.period} to ${b.period} ((${num(b.value)} − ${num(a.value)}) / ${num(a.value)} × 100)`;
    }
    if (years === undefined || !(years > 0))
      return notComputable('The span of the change is not above zero years: no annual rate.', [param]);
    const r = annualRate(total, years);
    if (!r) return notComputable('The change is a fall of more than 100 %: no annual rate.', [param]);
    return {
      metric: 'annualized',
      ...r,
      unit: 'percent a year',
      formula: `((1 + p/100)^(1/years) − 1) × 100 with p = ${totalText}, years = ${num(years)}: ((1 + ${num(total.value)}/100)^(1/${num(years)}) − 1) × 100 = ${num(r.value)} % a year${intervalNote(r)}`,
      inputs,
      confidence: lowestGrade(inputs),
      warnings,
      years,
      meta: metaOf(sel),
    };
  },
};
