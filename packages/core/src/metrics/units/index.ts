// The index metric: a series rescaled so that its base period is 100, over points of the base's kind
// and length, on the base's side of any series break (unless allowBreak=true).
import { intervalNote, num } from '../../format/formula.js';
import { parsePeriod, periodEnd, periodStart } from '../../periods/index.js';
import { breaksBetween, dateSpan, periodKind, periodMonths, seriesOf } from '../../select/index.js';
import {
  ALLOW_BREAK,
  common,
  isProportion,
  lowestGrade,
  metaOf,
  noBreak,
  notComputable,
  observationInput,
  openEnded,
  readCommon,
  refuse,
  refused,
  sameShape,
  str,
  unitRefusal,
} from '../guards.js';
import { indexTo } from '../indexTo.js';
import type { MetricOutcome, MetricUnit, Warning } from '../unit.js';

export const index: MetricUnit = {
  name: 'index',
  title: 'Index to a base period',
  summary: 'A series indexed to a base period (= 100), over periods of the base’s kind and length.',
  description:
    'Year-to-date records and periods of another kind or length are left out of the series; a series break between the base and `at` is refused unless allowBreak=true. Example: /v1/metrics/index?indicator=cead.cases.drugs&base=2014&at=2019.',
  params: [
    {
      name: 'indicator',
      kind: 'indicator',
      required: true,
      description: 'Indicator id.',
      example: 'cead.cases.drugs',
    },
    {
      name: 'base',
      kind: 'period',
      required: true,
      description: 'Base period, indexed to 100.',
      example: '2014',
    },
    {
      name: 'at',
      kind: 'period',
      description: 'Period whose index is the result (default: the latest).',
      example: '2019',
    },
    ...common(ALLOW_BREAK),
  ],
  result: [
    { name: 'base', type: 'string', description: 'The base period.' },
    { name: 'at', type: 'string', description: 'The period of the result.' },
    {
      name: 'series',
      type: 'objects',
      description:
        'The series indexed to the base ({ period, value, low, high }): points of the base’s kind and length, on its side of any break unless allowBreak=true.',
    },
  ],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const indicator = str(q, 'indicator') ?? '';
    if (!sel.indicators.has(indicator))
      return refuse(
        'invalid',
        `Query parameter "indicator": unknown indicator ${JSON.stringify(indicator.slice(0, 80))}.`,
        [{ name: 'indicator', reason: 'unknown indicator' }],
        { allowed: [...sel.indicators.keys()].sort() },
      );
    const base = str(q, 'base') ?? '';
    const atParam = str(q, 'at');
    for (const [k, v] of [
      ['base', base],
      ['at', atParam],
    ] as const)
      if (v !== undefined && !parsePeriod(v))
        return refuse(
          'invalid',
          `Query parameter "${k}": expected a period (2014, 2014-03), got ${JSON.stringify(v.slice(0, 80))}.`,
          [{ name: k, reason: 'expected a period (2014, 2014-03)' }],
        );
    if (isProportion(sel, indicator))
      return unitRefusal(
        sel,
        'indicator',
        indicator,
        'an index of a proportion mixes relative and absolute change: use change, which gives percentage points',
      );
    const all = seriesOf(sel, indicator, c.geo, c);
    if (all.length === 0)
      return refuse(
        'no_record',
        `No observations of ${indicator} in ${c.geo} with the grades and source asked for.`,
        [{ name: 'indicator', reason: `no observations in ${c.geo}` }],
      );
    const seen = new Set<string>();
    const dup = all.find((o) => seen.size === seen.add(o.period).size);
    if (dup)
      return refuse(
        'ambiguous',
        `${indicator} in ${c.geo} has several records for ${dup.period}; add source= to pick one series.`,
        [{ name: 'source', reason: 'needed to pick one series' }],
        { candidates: all.filter((o) => o.period === dup.period).map((o) => o.id) },
      );
    const baseObs = all.find((o) => o.period === base);
    if (!baseObs)
      return refuse(
        'no_record',
        `${indicator} in ${c.geo} has no observation for the base period ${JSON.stringify(base)}.`,
        [{ name: 'base', reason: 'no observation for this period' }],
        { allowed: all.map((o) => o.period) },
      );
    if (baseObs.periodStatus === 'partial')
      return refuse(
        'periods',
        `The base ${base} covers only part of its period (a year to date): no index on it.`,
        [{ name: 'base', reason: 'covers only part of its period (year to date)' }],
      );
    const pb = parsePeriod(base);
    // Each period read once: the points of the base's kind and length, without years to date.
    const kindB = pb ? periodKind(pb) : '';
    const monthsB = periodMonths(base);
    const read = new Map(all.map((o) => [o, parsePeriod(o.period)] as const));
    const shaped = all.filter((o) => {
      const p = read.get(o);
      return (
        p !== undefined &&
        o.periodStatus !== 'partial' &&
        periodKind(p) === kindB &&
        Math.round((periodEnd(p) - periodStart(p)) * 12) === monthsB
      );
    });
    const at = atParam ?? shaped[shaped.length - 1]?.period ?? base;
    const atObs = all.find((o) => o.period === at);
    if (!atObs)
      return refuse(
        'no_record',
        `${indicator} in ${c.geo} has no observation for ${JSON.stringify(at)}.`,
        [{ name: 'at', reason: 'no observation for this period' }],
        { allowed: shaped.map((o) => o.period) },
      );
    const warnings: Warning[] = [];
    const guard =
      sameShape(base, at, ['base', 'at']) ??
      (atObs.periodStatus === 'partial'
        ? refuse('periods', `"at" (${at}) covers only part of its period (a year to date).`, [
            { name: 'at', reason: 'covers only part of its period (year to date)' },
          ])
        : undefined) ??
      noBreak(sel, indicator, c.geo, base, at, c.allowBreak, warnings, 'at');
    if (guard) return guard;
    // The breaks anywhere in the series, found once; a point is kept when none lies between it and the base.
    const first = shaped[0]?.period ?? base;
    const last = shaped[shaped.length - 1]?.period ?? base;
    const breakStarts = c.allowBreak
      ? []
      : breaksBetween(sel, indicator, c.geo, first, last).flatMap((e) => dateSpan(e.date)?.[0] ?? []);
    const baseSpan = pb ? [periodStart(pb), periodEnd(pb)] : [0, 0];
    const points = shaped.filter((o) => {
      const p = read.get(o);
      if (!p || breakStarts.length === 0) return true;
      const lo = Math.min(baseSpan[0] ?? 0, periodStart(p));
      const hi = Math.max(baseSpan[1] ?? 0, periodEnd(p));
      return !breakStarts.some((b) => b > lo && b < hi);
    });
    const indexed = indexTo(
      points.map((o) => ({ period: o.period, value: o })),
      base,
    );
    if (!indexed)
      return notComputable(`The base level (${num(baseObs.value)}) may be zero or below: no index.`, [
        'base',
      ]);
    const point = indexed.find((p) => p.period === at);
    if (!point)
      return (
        openEnded(
          [
            ['base', baseObs],
            ['at', atObs],
          ],
          'level(at) / level(base) × 100',
        ) ?? notComputable(`The level for ${at} is not a valid number.`, ['at'])
      );
    const r = point.value;
    const inputs = (baseObs === atObs ? [baseObs] : [baseObs, atObs]).map((o) => observationInput(sel, o));
    return {
      metric: 'index',
      ...r,
      unit: `index (${base} = 100)`,
      formula: `level(${at}) / level(${base}) × 100 = ${num(atObs.value)} / ${num(baseObs.value)} × 100 = ${num(r.value)}${intervalNote(r)}`,
      inputs,
      confidence: lowestGrade(inputs),
      warnings,
      base,
      at,
      series: indexed.map((p) => ({ period: p.period, ...p.value })),
      meta: metaOf(sel),
    };
  },
};
