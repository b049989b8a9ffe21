// The change metric: percent and absolute change between two levels of one indicator, one place, two
// periods of one kind and length in order; percentage points for percents and shares.
import { bounds, intervalNote, num } from '../../format/formula.js';
import { yearsBetween } from '../../periods/index.js';
import { isPerCapita } from '../../units/index.js';
import { absoluteChange } from '../absoluteChange.js';
import { decimalShift } from '../decimal.js';
import {
  ALLOW_BREAK,
  ALLOW_UNDATED,
  type Common,
  common,
  inOrder,
  isProportion,
  type Level,
  level,
  lowestGrade,
  metaOf,
  noBreak,
  notComputable,
  notPartial,
  observationInput,
  observationParam,
  openEnded,
  readCommon,
  refused,
  sameIndicator,
  samePlace,
  sameShape,
  undated,
} from '../guards.js';
import { percentChange } from '../percentChange.js';
import { smallCountWarning } from '../small.js';
import type { MetricOutcome, MetricQuery, MetricUnit, Refusal, Sel, Warning } from '../unit.js';
import { unitOf } from '../unit.js';

/** The two ends' names, for messages (one array, not one per check). */
const FROM_TO: [string, string] = ['from', 'to'];

/** The checks and arithmetic of a change between two levels, shared with annualized's from/to form. */
export function levelChange(sel: Sel, q: MetricQuery, c: Common, warnings: Warning[]) {
  const a = level(sel, q, c, 'from');
  if (refused(a)) return a;
  const b = level(sel, q, c, 'to');
  if (refused(b)) return b;
  const guard =
    sameIndicator(a, b, FROM_TO) ??
    samePlace(a, b, FROM_TO) ??
    inOrder(a.period, b.period, FROM_TO) ??
    sameShape(a.period, b.period, FROM_TO) ??
    notPartial(a, 'from') ??
    notPartial(b, 'to') ??
    undated(a, 'from', c.allowUndated, warnings) ??
    undated(b, 'to', c.allowUndated, warnings) ??
    noBreak(sel, a.indicator, a.geo, a.period, b.period, c.allowBreak, warnings, 'to');
  if (guard) return guard;
  return { a, b } as { a: Level; b: Level };
}

export const change: MetricUnit = {
  name: 'change',
  title: 'Change between two levels',
  summary:
    'Percent (and absolute) change between two levels of one indicator, one place, periods of one kind and length; percentage points for percents.',
  description:
    'Refuses two places, two indicators, periods out of order or of different kinds or lengths, a year to date, and a series break between the two (unless allowBreak=true). Example: /v1/metrics/change?from=cead.cases.drugs@2015&to=cead.cases.drugs@2019.',
  params: [
    observationParam('from', 'Earlier level.', 'cead.cases.drugs@2015'),
    observationParam('to', 'Later level.', 'cead.cases.drugs@2019'),
    ...common(ALLOW_BREAK, ALLOW_UNDATED),
  ],
  result: [
    { name: 'absolute', type: 'quantity', description: 'to − from, in the indicator unit.' },
    { name: 'years', type: 'nullable-number', description: 'Years between the starts of the two periods.' },
  ],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const warnings: Warning[] = [];
    const pair = levelChange(sel, q, c, warnings);
    if (refused(pair)) return pair as Refusal;
    const { a, b } = pair;
    const inputs = [observationInput(sel, a), observationInput(sel, b)];
    const unit = unitOf(sel, a.indicator);
    const abs = absoluteChange(a, b);
    if (!abs)
      return (
        openEnded(
          [
            ['from', a],
            ['to', b],
          ],
          'the difference to − from',
        ) ?? notComputable('The levels are not finite numbers.', ['from'])
      );
    const confidence = lowestGrade(inputs);
    const years = yearsBetween(a.period, b.period) ?? null;
    const meta = metaOf(sel);
    if (isProportion(sel, a.indicator)) {
      // A difference of percents is in percentage points, never a percent of a percent.
      const k = unit === 'share' ? 2 : 0; // a share × 10², a percent as it is
      const pts = {
        value: decimalShift(abs.value, k),
        low: decimalShift(abs.low, k),
        high: decimalShift(abs.high, k),
      };
      const scale = k === 0 ? '' : ' × 100';
      return {
        metric: 'change',
        value: pts.value,
        low: pts.low,
        high: pts.high,
        unit: 'percentage points',
        formula: `(to − from)${scale} = (${num(b.value)} − ${num(a.value)})${scale} = ${num(pts.value)} percentage points${intervalNote(pts)}`,
        inputs,
        confidence,
        warnings,
        absolute: { ...pts, unit: 'percentage points' },
        years,
        meta,
      };
    }
    // A percent change of a few cases is mostly chance: say so (see ../small.ts for the threshold).
    if (isPerCapita(unit)) {
      const small = smallCountWarning(a.value, 'from') ?? smallCountWarning(b.value, 'to');
      if (small) warnings.push(small);
    }
    const r = percentChange(a, b);
    if (!r)
      return notComputable(`The earlier level (${num(a.value)}) may be zero: no base to divide by.`, [
        'from',
      ]);
    // Built field by field (no spread of a shared base): the hot path of the API's commonest metric.
    return {
      metric: 'change',
      value: r.value,
      low: r.low,
      high: r.high,
      unit: 'percent',
      formula: `(to − from) / from × 100 = (${num(b.value)} − ${num(a.value)}) / ${num(a.value)} × 100 = ${num(r.value)} %${intervalNote(r)}`,
      inputs,
      confidence,
      warnings,
      absolute: { value: abs.value, low: abs.low, high: abs.high, unit },
      years,
      meta,
    };
  },
};

export { bounds };
