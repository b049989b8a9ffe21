// The share metric: the share of a total that a part makes, only for a part and total in one unit of a
// quantity, one place and period, where the total is not itself a part of the part.
import { intervalNote, num } from '../../format/formula.js';
import { dimensionOf, unitWords } from '../../units/index.js';
import {
  ALLOW_UNDATED,
  common,
  level,
  lowestGrade,
  metaOf,
  notComputable,
  observationInput,
  observationParam,
  openEnded,
  readCommon,
  refuse,
  refused,
  sameCoverage,
  samePlace,
  undated,
  unitRefusal,
} from '../guards.js';
import { share as shareOf } from '../share.js';
import type { MetricOutcome, MetricUnit, Sel, Warning } from '../unit.js';
import { unitOf } from '../unit.js';

/** Whether `part` is, through `partOf`, a part of `whole`. */
function isPartOf(sel: Sel, part: string, whole: string): boolean {
  const seen = new Set<string>();
  for (
    let up = sel.indicators.get(part)?.partOf;
    up !== undefined && !seen.has(up);
    up = sel.indicators.get(up)?.partOf
  ) {
    if (up === whole) return true;
    seen.add(up);
  }
  return false;
}

export const share: MetricUnit = {
  name: 'share',
  title: 'Share of a total',
  summary:
    'The share of a total that a part makes (0–1), for a part and total in one unit, place and period.',
  description:
    'Refuses a percent or share as either input, two units (kg and persons, kg and tonnes), two places or periods, a total that is a part of the part, and a part larger than the total. Example: /v1/metrics/share?part=cead.cases.microtrafficking@2019&total=cead.cases.drugs@2019.',
  params: [
    observationParam('part', 'The part.', 'cead.cases.microtrafficking@2019'),
    observationParam('total', 'The total.', 'cead.cases.drugs@2019'),
    ...common(ALLOW_UNDATED),
  ],
  result: [],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const p = level(sel, q, c, 'part');
    if (refused(p)) return p;
    const t = level(sel, q, c, 'total');
    if (refused(t)) return t;
    const pu = unitOf(sel, p.indicator);
    const tu = unitOf(sel, t.indicator);
    const warnings: Warning[] = [];
    const guard =
      (dimensionOf(pu) === 'proportion'
        ? unitRefusal(sel, 'part', p.indicator, 'a share is taken of quantities, not of a percent or share')
        : undefined) ??
      (dimensionOf(tu) === 'proportion'
        ? unitRefusal(sel, 'total', t.indicator, 'a share is taken of quantities, not of a percent or share')
        : undefined) ??
      (pu === tu
        ? undefined
        : refuse(
            'units',
            `"part" is in ${unitWords(pu)} and "total" in ${unitWords(tu)}: a share divides a quantity by a total of the same unit (units are never converted here).`,
            [{ name: 'total', reason: `is in ${unitWords(tu)}, not ${unitWords(pu)} like "part"` }],
          )) ??
      (isPartOf(sel, t.indicator, p.indicator)
        ? refuse(
            'units',
            `${t.indicator} is a part of ${p.indicator}: the total is a subset of the part, so this is not a share.`,
            [{ name: 'total', reason: `is a part of ${p.indicator}, not a total of it` }],
          )
        : undefined) ??
      samePlace(p, t, ['part', 'total']) ??
      (p.period === t.period
        ? undefined
        : refuse(
            'periods',
            `"part" is for ${p.period} and "total" for ${t.period}: a share needs one period.`,
            [{ name: 'total', reason: `is for ${t.period}, not ${p.period}` }],
          )) ??
      sameCoverage(p, t, ['part', 'total']) ??
      undated(p, 'part', c.allowUndated, warnings) ??
      undated(t, 'total', c.allowUndated, warnings) ??
      (p.low !== null && t.high !== null && p.low > t.high
        ? refuse(
            'units',
            `The part (${num(p.value)}) is larger than the total (${num(t.value)}): not a share of it.`,
            [{ name: 'total', reason: 'is smaller than the part' }],
          )
        : undefined);
    if (guard) return guard;
    const r = shareOf(p, t);
    if (!r)
      return (
        openEnded(
          [
            ['part', p],
            ['total', t],
          ],
          'the share part / total',
        ) ?? notComputable(`The total (${num(t.value)}) may be zero or below: no share.`, ['total'])
      );
    const inputs = [observationInput(sel, p), observationInput(sel, t)];
    return {
      metric: 'share',
      ...r,
      unit: 'share',
      formula: `part / total = ${num(p.value)} / ${num(t.value)} = ${num(r.value)}${intervalNote(r)}`,
      inputs,
      confidence: lowestGrade(inputs),
      warnings,
      meta: metaOf(sel),
    };
  },
};
