// The implied metric: the part of a total that a share stands for (only of the total the share is
// declared a share of), or the level at the other end of a reported change.
import { bounds, intervalNote, num, roundingNote } from '../../format/formula.js';
import { policyAtLeast, ROUNDED_PERCENTS_SINCE, roundedPercent } from '../../qualifiers/policy.js';
import {
  ALLOW_UNDATED,
  type Common,
  changeInput,
  changeParam,
  common,
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
  reported,
  sameCoverage,
  str,
  undated,
  unitRefusal,
} from '../guards.js';
import { impliedBase } from '../impliedBase.js';
import { impliedLevel } from '../impliedLevel.js';
import { impliedPart } from '../impliedPart.js';
import { endsOf } from '../interval.js';
import type { MetricOutcome, MetricQuery, MetricUnit, Sel, Warning } from '../unit.js';
import { unitOf } from '../unit.js';

function byShare(sel: Sel, q: MetricQuery, c: Common): MetricOutcome {
  for (const [k, pair] of [
    ['share', 'total'],
    ['total', 'share'],
  ] as const)
    if (str(q, k) === undefined)
      return refuse('invalid', `Query parameter "${k}" is required with "${pair}".`, [
        { name: k, reason: `is required with "${pair}"` },
      ]);
  const s = level(sel, q, c, 'share');
  if (refused(s)) return s;
  const sUnit = unitOf(sel, s.indicator);
  if (sUnit !== 'share' && sUnit !== 'percent')
    return unitRefusal(sel, 'share', s.indicator, 'a share must be measured as a share (0–1) or a percent');
  const ind = sel.indicators.get(s.indicator);
  // The total is read at the place the share is a share of (a region's share of the national total).
  const t = level(sel, q, { ...c, geo: ind?.shareOfGeo ?? c.geo }, 'total');
  if (refused(t)) return t;
  if (ind?.shareOf === undefined) {
    return refuse(
      'units',
      `The data does not say what ${s.indicator} is a share of, so it is applied to no total.`,
      [{ name: 'share', reason: 'its indicator names no total it is a share of' }],
    );
  }
  if (t.indicator !== ind.shareOf) {
    return refuse(
      'units',
      `${s.indicator} is a share of ${ind.shareOf}, not of ${t.indicator}: a share applies only to the total it is a share of.`,
      [{ name: 'total', reason: `must be ${ind.shareOf}, the total ${s.indicator} is a share of` }],
    );
  }
  const place = ind.shareOfGeo ?? s.geo;
  if (t.geo !== place)
    return refuse('places', `"share" is a share of the total in ${place}; "total" is for ${t.geo}.`, [
      { name: 'total', reason: `is for ${t.geo}, not ${place}` },
    ]);
  const warnings: Warning[] = [];
  const guard =
    undated(s, 'share', c.allowUndated, warnings) ??
    undated(t, 'total', c.allowUndated, warnings) ??
    sameCoverage(s, t, ['share', 'total']) ??
    (s.periodStatus === 'undated' || s.period === t.period
      ? undefined
      : refuse(
          'periods',
          `"share" is for ${s.period} and "total" for ${t.period}: a share applies to the total of its own period.`,
          [{ name: 'total', reason: `is for ${t.period}, not ${s.period}` }],
        ));
  if (guard) return guard;
  // A percent is a share × 100.
  const k = sUnit === 'percent' ? 100 : 1;
  const si = endsOf(s.value, s);
  const share = { value: si.value / k, low: si.low / k, high: si.high / k };
  const r = impliedPart(share, t);
  if (!r)
    return (
      openEnded(
        [
          ['share', s],
          ['total', t],
        ],
        'share × total',
      ) ?? notComputable('The share or the total is not a finite number.', ['share', 'total'])
    );
  const shown = k === 1 ? num(share.value) : `${num(s.value)}/100`;
  const sBounds =
    s.low === s.high ? '' : `; with the share's interval: ${bounds(share.low, share.high)} × ${num(t.value)}`;
  const inputs = [observationInput(sel, s), observationInput(sel, t)];
  return {
    metric: 'implied',
    ...r,
    unit: unitOf(sel, t.indicator),
    formula: `share × total = ${shown} × ${num(t.value)} = ${num(r.value)}${sBounds}${intervalNote(r) ? ` = ${bounds(r.low, r.high)}` : ''}`,
    inputs,
    confidence: lowestGrade(inputs),
    warnings,
    meta: metaOf(sel),
  };
}

/** level × (1 + p/100) forward from the change's start, level / (1 + p/100) back from its end. */
function byChange(sel: Sel, q: MetricQuery, c: Common): MetricOutcome {
  for (const [k, pair] of [
    ['level', 'change'],
    ['change', 'level'],
  ] as const)
    if (str(q, k) === undefined)
      return refuse('invalid', `Query parameter "${k}" is required with "${pair}".`, [
        { name: k, reason: `is required with "${pair}"` },
      ]);
  const l = level(sel, q, c, 'level');
  if (refused(l)) return l;
  const ch = reported(sel, q, c, 'change');
  if (refused(ch)) return ch;
  if (ch.indicator !== l.indicator || ch.geo !== l.geo) {
    return refuse(
      ch.geo !== l.geo && ch.indicator === l.indicator ? 'places' : 'not_computable',
      `The level (${l.indicator}, ${l.geo}) and the change (${ch.indicator}, ${ch.geo}) are not of the same indicator and place.`,
      [
        { name: 'level', reason: 'cannot give this metric' },
        { name: 'change', reason: `is ${ch.indicator} in ${ch.geo}, not ${l.indicator} in ${l.geo}` },
      ],
    );
  }
  const forward = l.period === ch.from;
  if (!forward && l.period !== ch.to) {
    return notComputable(
      `The level is for ${l.period}, but the change runs from ${ch.from} to ${ch.to}: the level must be at one of its ends.`,
      ['level', 'change'],
    );
  }
  const warnings: Warning[] = [];
  const guard =
    notPartial(l, 'level') ??
    notPartial(ch, 'change') ??
    undated(l, 'level', c.allowUndated, warnings) ??
    undated({ ...ch }, 'change', c.allowUndated, warnings);
  if (guard) return guard;
  // A reported percent is rounded to its last written digit: applied to a level, that is an interval.
  // (Qualifier policy 1.2; a pinned release of an earlier policy answers as it always did.)
  const rounded = policyAtLeast(metaOf(sel).qualifierPolicy, ROUNDED_PERCENTS_SINCE);
  const p = rounded ? roundedPercent(endsOf(ch.percent, ch)) : endsOf(ch.percent, ch);
  const r = forward ? impliedLevel(l, p) : impliedBase(l, p);
  if (!r)
    return (
      openEnded(
        [
          ['level', l],
          ['change', ch],
        ],
        'the level at the other end',
      ) ?? notComputable('The change is a fall of 100 % or more: no level before it.', ['change'])
    );
  const formula = forward
    ? `level × (1 + p/100) = ${num(l.value)} × (1 + ${num(ch.percent)}/100) = ${num(r.value)} in ${ch.to}`
    : `level / (1 + p/100) = ${num(l.value)} / (1 + ${num(ch.percent)}/100) = ${num(r.value)} in ${ch.from}`;
  const inputs = [observationInput(sel, l), changeInput(ch)];
  return {
    metric: 'implied',
    ...r,
    unit: unitOf(sel, l.indicator),
    period: forward ? ch.to : ch.from,
    formula: `${formula}${rounded ? roundingNote(ch.percent, p) : ''}${intervalNote(r)}`,
    inputs,
    confidence: lowestGrade(inputs),
    warnings,
    meta: metaOf(sel),
  };
}

export const implied: MetricUnit = {
  name: 'implied',
  title: 'Implied part of a total, or implied level',
  summary:
    'The part of a total that a share stands for (hotline ≈ ⅓ of arrests), only of the total the share is declared a share of; or the level at the other end of a reported change. As an interval.',
  description:
    'Examples: /v1/metrics/implied?share=mt0.arrests.hotline_share@2022&total=mt0.arrests@2020&allowUndated=true (the source gives the hotline share no period) and /v1/metrics/implied?level=pdi.seizures.cocaine_hcl@2015&change=pdi.seizures.cocaine_hcl@2015/2016.',
  params: [
    observationParam(
      'share',
      'A share (0–1) or percent of a total, with `total`: the part it stands for.',
      'mt0.arrests.hotline_share@2022',
      false,
    ),
    observationParam(
      'total',
      'The total the share is of (the indicator the share declares; a regional share reads the national total).',
      'mt0.arrests@2020',
      false,
    ),
    observationParam(
      'level',
      'A level at one end of `change`: the level at its other end.',
      'pdi.seizures.cocaine_hcl@2015',
      false,
    ),
    changeParam('change', 'With `level`.', 'pdi.seizures.cocaine_hcl@2015/2016', false),
    ...common(ALLOW_UNDATED),
  ],
  result: [
    {
      name: 'period',
      type: 'string',
      optional: true,
      description: 'With level and change: the period of the implied level (the other end of the change).',
    },
  ],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const has = (k: string) => str(q, k) !== undefined;
    const shareForm = has('share') || has('total');
    const changeForm = has('level') || has('change');
    if (shareForm === changeForm) {
      const given = ['share', 'total', 'level', 'change'].filter(has);
      return refuse(
        'invalid',
        'Give "share" and "total" (the part a share stands for), or "level" and "change" (the level at the other end of a change).',
        (given.length ? given : ['share', 'level']).map((name) => ({
          name,
          reason: given.length ? 'cannot be combined with the other pair' : 'one pair is required',
        })),
      );
    }
    return shareForm ? byShare(sel, q, c) : byChange(sel, q, c);
  },
};
