// The metric computations behind /v1/metrics/*: resolve record references, call the core's pure
// metrics, and write the formula with the numbers substituted. Each returns a plain object; failures
// are ProblemErrors naming the parameter (422 when the records cannot give the metric).

import {
  absoluteChange,
  annualized,
  type CompareItem,
  compare,
  type Interval,
  impliedBase,
  impliedLevel,
  impliedPart,
  indexTo,
  percentChange,
  prePost,
  ratePer100k,
  share,
} from '@mt0/core/metrics';
import type { Language, Observation, ReportedChange } from '@mt0/core/schemas';
import { parsePeriod, yearsBetween } from '@mt0/core/schemas';
import { SEED_STORY } from '@mt0/core/story';
import { events, indicators, meta, observationsByKey, observationsBySeries } from './data.js';
import { bounds, num } from './numbers.js';
import {
  changeRef,
  confidenceSet,
  geoId,
  list,
  observationRef,
  type QueryValue,
  sourceList,
} from './params.js';
import { echo, invalidParam, ProblemError } from './problem.js';

export interface MetricInput {
  id: string;
  kind: 'observation' | 'change';
  indicator: string;
  geo: string;
  period?: string;
  from?: string;
  to?: string;
  value: number;
  low: number;
  high: number;
  qualifier: string;
  unit: string;
  source: string;
  confidence: string;
}

export interface MetricBase {
  metric: string;
  value: number;
  low: number;
  high: number;
  unit: string;
  formula: string;
  inputs: MetricInput[];
  meta: { datasetVersion: string; qualifierPolicy: string };
}

const metaBlock = () => ({ datasetVersion: meta.version, qualifierPolicy: meta.qualifierPolicy });

const unitOf = (indicator: string) => indicators.get(indicator)?.unit ?? 'count';

export function observationInput(o: Observation): MetricInput {
  return {
    id: o.id,
    kind: 'observation',
    indicator: o.indicator,
    geo: o.geo,
    period: o.period,
    value: o.value,
    low: o.low,
    high: o.high,
    qualifier: o.qualifier,
    unit: unitOf(o.indicator),
    source: o.source,
    confidence: o.confidence,
  };
}

export function changeInput(ch: ReportedChange): MetricInput {
  return {
    id: ch.id,
    kind: 'change',
    indicator: ch.indicator,
    geo: ch.geo,
    from: ch.from,
    to: ch.to,
    value: ch.percent,
    low: ch.low,
    high: ch.high,
    qualifier: ch.qualifier,
    unit: 'percent',
    source: ch.source,
    confidence: ch.confidence,
  };
}

const asInterval = (x: { value: number; low: number; high: number }): Interval => ({
  value: x.value,
  low: x.low,
  high: x.high,
});

/** " (interval from the inputs' bounds: [a, b])" when the result is uncertain. */
const intervalNote = (r: Interval) =>
  r.low === r.high ? '' : `; interval from the inputs' bounds: ${bounds(r.low, r.high)}`;

export interface CommonQuery {
  geo?: string | undefined;
  source?: string | undefined;
  confidence?: QueryValue;
}

function refOptions(q: CommonQuery) {
  const src = sourceList('source', q.source);
  return {
    geo: geoId('geo', q.geo ?? 'CL'),
    source: src?.[0],
    confidence: confidenceSet('confidence', q.confidence),
  };
}

function notComputable(detail: string, params: string[]): ProblemError {
  return new ProblemError('not-computable', detail, {
    invalidParams: params.map((name) => ({ name, reason: 'cannot give this metric' })),
  });
}

// --- change -------------------------------------------------------------------------------------

export function changeMetric(q: CommonQuery & { from: string; to: string }) {
  const opts = refOptions(q);
  const a = observationRef(q.from, { ...opts, name: 'from' });
  const b = observationRef(q.to, { ...opts, name: 'to' });
  if (a.indicator !== b.indicator) {
    throw notComputable(
      `"from" (${a.indicator}) and "to" (${b.indicator}) are different indicators; a change compares one indicator's levels.`,
      ['from', 'to'],
    );
  }
  const r = percentChange(asInterval(a), asInterval(b));
  const abs = absoluteChange(asInterval(a), asInterval(b));
  if (!r || !abs)
    throw notComputable(`The earlier level (${num(a.value)}) may be zero: no base to divide by.`, ['from']);
  const unit = unitOf(a.indicator);
  return {
    metric: 'change',
    ...r,
    unit: 'percent',
    formula: `(to − from) / from × 100 = (${num(b.value)} − ${num(a.value)}) / ${num(a.value)} × 100 = ${num(r.value)} %${intervalNote(r)}`,
    inputs: [observationInput(a), observationInput(b)],
    absolute: { ...abs, unit },
    years: yearsBetween(a.period, b.period) ?? null,
    meta: metaBlock(),
  };
}

// --- annualized ---------------------------------------------------------------------------------

export function annualizedMetric(q: CommonQuery & { change?: string; from?: string; to?: string }) {
  const opts = refOptions(q);
  if (q.change !== undefined && (q.from !== undefined || q.to !== undefined)) {
    throw new ProblemError('invalid-parameter', 'Give either "change", or "from" and "to", not both.', {
      invalidParams: [
        { name: 'change', reason: 'given with from/to' },
        ...(q.from !== undefined ? [{ name: 'from', reason: 'given with change' }] : []),
        ...(q.to !== undefined ? [{ name: 'to', reason: 'given with change' }] : []),
      ],
    });
  }
  let total: Interval;
  let years: number | undefined;
  let inputs: MetricInput[];
  let totalText: string;
  if (q.change !== undefined) {
    const ch = changeRef(q.change, { ...opts, name: 'change' });
    total = asInterval({ value: ch.percent, low: ch.low, high: ch.high });
    years = yearsBetween(ch.from, ch.to);
    inputs = [changeInput(ch)];
    totalText = `${num(ch.percent)} % from ${ch.from} to ${ch.to}`;
  } else {
    if (q.from === undefined || q.to === undefined) {
      const missing = q.from === undefined ? 'from' : 'to';
      throw new ProblemError(
        'invalid-parameter',
        `Give "change" (a reported change), or both "from" and "to" (two levels); "${missing}" is missing.`,
        {
          invalidParams: [
            { name: q.from === undefined && q.to === undefined ? 'change' : missing, reason: 'is required' },
          ],
        },
      );
    }
    const c = changeMetric({ ...q, from: q.from, to: q.to });
    total = asInterval(c);
    years = c.years ?? undefined;
    inputs = c.inputs;
    totalText = `${num(c.value)} % from ${c.inputs[0]?.period} to ${c.inputs[1]?.period} (${c.formula.split(' = ').slice(1, -1).join(' = ') || c.formula})`;
  }
  if (years === undefined || !(years > 0)) {
    throw notComputable('The span of the change is not above zero years: no annual rate.', [
      q.change !== undefined ? 'change' : 'to',
    ]);
  }
  const r = annualized(total, years);
  if (!r)
    throw notComputable('The change is a fall of more than 100 %: no annual rate.', [
      q.change !== undefined ? 'change' : 'to',
    ]);
  return {
    metric: 'annualized',
    ...r,
    unit: 'percent a year',
    formula: `((1 + p/100)^(1/years) − 1) × 100 with p = ${totalText}, years = ${num(years)}: ((1 + ${num(total.value)}/100)^(1/${num(years)}) − 1) × 100 = ${num(r.value)} % a year${intervalNote(r)}`,
    inputs,
    years,
    meta: metaBlock(),
  };
}

// --- implied (a part from a share and a total; a level from a level and a change) --------------

export function impliedMetric(
  q: CommonQuery & { share?: string; total?: string; level?: string; change?: string },
) {
  const byShare = q.share !== undefined || q.total !== undefined;
  const byChange = q.level !== undefined || q.change !== undefined;
  if (byShare === byChange) {
    const given = (['share', 'total', 'level', 'change'] as const).filter((k) => q[k] !== undefined);
    throw new ProblemError(
      'invalid-parameter',
      'Give "share" and "total" (the part a share stands for), or "level" and "change" (the level at the other end of a change).',
      {
        invalidParams: (given.length ? given : (['share', 'level'] as const)).map((name) => ({
          name,
          reason: given.length ? 'cannot be combined with the other pair' : 'one pair is required',
        })),
      },
    );
  }
  return byShare ? impliedPartMetric(q) : impliedLevelMetric(q);
}

function required(value: string | undefined, name: string, pair: string): string {
  if (value === undefined) throw invalidParam(name, `is required with "${pair}"`);
  return value;
}

function impliedPartMetric(q: CommonQuery & { share?: string; total?: string }) {
  const opts = refOptions(q);
  const s = observationRef(required(q.share, 'share', 'total'), { ...opts, name: 'share' });
  const t = observationRef(required(q.total, 'total', 'share'), { ...opts, name: 'total' });
  if (unitOf(s.indicator) !== 'share') {
    throw notComputable(
      `"share" must be an indicator measured as a share (0–1); ${s.indicator} is in ${unitOf(s.indicator)}.`,
      ['share'],
    );
  }
  const r = impliedPart(asInterval(s), asInterval(t));
  if (!r) throw notComputable('The share or the total is not a finite number.', ['share', 'total']);
  const sBounds =
    s.low === s.high ? '' : `; with the share's interval: ${bounds(s.low, s.high)} × ${num(t.value)}`;
  return {
    metric: 'implied',
    ...r,
    unit: unitOf(t.indicator),
    formula: `share × total = ${num(s.value)} × ${num(t.value)} = ${num(r.value)}${sBounds}${intervalNote(r) ? ` = ${bounds(r.low, r.high)}` : ''}`,
    inputs: [observationInput(s), observationInput(t)],
    meta: metaBlock(),
  };
}

/**
 * The level at the other end of a reported change: level × (1 + p/100) forward from the change's
 * start, level / (1 + p/100) back from its end. Never stored: the sources give the change, not both levels.
 */
function impliedLevelMetric(q: CommonQuery & { level?: string; change?: string }) {
  const opts = refOptions(q);
  const l = observationRef(required(q.level, 'level', 'change'), { ...opts, name: 'level' });
  const ch = changeRef(required(q.change, 'change', 'level'), { ...opts, name: 'change' });
  if (ch.indicator !== l.indicator || ch.geo !== l.geo) {
    throw notComputable(
      `The level (${l.indicator}, ${l.geo}) and the change (${ch.indicator}, ${ch.geo}) are not of the same indicator and geography.`,
      ['level', 'change'],
    );
  }
  const forward = l.period === ch.from;
  if (!forward && l.period !== ch.to) {
    throw notComputable(
      `The level is for ${l.period}, but the change runs from ${ch.from} to ${ch.to}: the level must be at one of its ends.`,
      ['level', 'change'],
    );
  }
  const p = asInterval({ value: ch.percent, low: ch.low, high: ch.high });
  const r = forward ? impliedLevel(asInterval(l), p) : impliedBase(asInterval(l), p);
  if (!r) throw notComputable('The change is a fall of 100 % or more: no level before it.', ['change']);
  const formula = forward
    ? `level × (1 + p/100) = ${num(l.value)} × (1 + ${num(ch.percent)}/100) = ${num(r.value)} in ${ch.to}`
    : `level / (1 + p/100) = ${num(l.value)} / (1 + ${num(ch.percent)}/100) = ${num(r.value)} in ${ch.from}`;
  return {
    metric: 'implied',
    ...r,
    unit: unitOf(l.indicator),
    period: forward ? ch.to : ch.from,
    formula: `${formula}${intervalNote(r)}`,
    inputs: [observationInput(l), changeInput(ch)],
    meta: metaBlock(),
  };
}

// --- share ----------------------------------------------------------------------------------------

export function shareMetric(q: CommonQuery & { part: string; total: string }) {
  const opts = refOptions(q);
  const p = observationRef(q.part, { ...opts, name: 'part' });
  const t = observationRef(q.total, { ...opts, name: 'total' });
  const r = share(asInterval(p), asInterval(t));
  if (!r) throw notComputable(`The total (${num(t.value)}) may be zero or below: no share.`, ['total']);
  return {
    metric: 'share',
    ...r,
    unit: 'share',
    formula: `part / total = ${num(p.value)} / ${num(t.value)} = ${num(r.value)}${intervalNote(r)}`,
    inputs: [observationInput(p), observationInput(t)],
    meta: metaBlock(),
  };
}

// --- series helpers -------------------------------------------------------------------------------

/** One observation per period for an indicator and geography; several sources for a period is ambiguous. */
function series(indicator: string, opts: ReturnType<typeof refOptions>, param: string): Observation[] {
  const all = (observationsBySeries.get(`${indicator}|${opts.geo}`) ?? []).filter(
    (o) => opts.confidence.has(o.confidence) && (opts.source === undefined || o.source === opts.source),
  );
  if (all.length === 0) {
    throw new ProblemError(
      'no-matching-record',
      `No observations of ${indicator} in ${opts.geo} with the grades and source asked for.`,
      {
        invalidParams: [{ name: param, reason: `no observations in ${opts.geo}` }],
      },
    );
  }
  const byPeriod = new Map<string, Observation[]>();
  for (const o of all) byPeriod.set(o.period, [...(byPeriod.get(o.period) ?? []), o]);
  const dup = [...byPeriod.values()].find((xs) => xs.length > 1);
  if (dup) {
    throw new ProblemError(
      'ambiguous-selection',
      `${indicator} in ${opts.geo} has ${dup.length} records for ${dup[0]?.period}; add source= to pick one series.`,
      {
        invalidParams: [{ name: 'source', reason: 'needed to pick one series' }],
        candidates: dup.map((o) => o.id),
      },
    );
  }
  return all;
}

function indicatorParam(name: string, value: string): string {
  if (!indicators.has(value))
    throw invalidParam(name, `unknown indicator ${echo(value)}`, [...indicators.keys()].sort());
  return value;
}

// --- index ----------------------------------------------------------------------------------------

export function indexMetric(q: CommonQuery & { indicator: string; base: string; at?: string | undefined }) {
  const opts = refOptions(q);
  const indicator = indicatorParam('indicator', q.indicator);
  if (!parsePeriod(q.base))
    throw invalidParam('base', `expected a period (2014, 2014-03), got ${echo(q.base)}`);
  if (q.at !== undefined && !parsePeriod(q.at))
    throw invalidParam('at', `expected a period (2019, 2019-03), got ${echo(q.at)}`);
  const obs = series(indicator, opts, 'indicator');
  const baseObs = obs.find((o) => o.period === q.base);
  if (!baseObs) {
    throw new ProblemError(
      'no-matching-record',
      `${indicator} in ${opts.geo} has no observation for the base period ${echo(q.base)}.`,
      {
        invalidParams: [{ name: 'base', reason: 'no observation for this period' }],
        allowed: obs.map((o) => o.period),
      },
    );
  }
  const at = q.at ?? obs[obs.length - 1]?.period ?? q.base;
  const atObs = obs.find((o) => o.period === at);
  if (!atObs) {
    throw new ProblemError(
      'no-matching-record',
      `${indicator} in ${opts.geo} has no observation for ${echo(at)}.`,
      {
        invalidParams: [{ name: 'at', reason: 'no observation for this period' }],
        allowed: obs.map((o) => o.period),
      },
    );
  }
  const indexed = indexTo(
    obs.map((o) => ({ period: o.period, value: asInterval(o) })),
    q.base,
  );
  if (!indexed)
    throw notComputable(`The base level (${num(baseObs.value)}) may be zero or below: no index.`, ['base']);
  const point = indexed.find((p) => p.period === at);
  if (!point) throw notComputable(`The level for ${at} is not a valid number.`, ['at']);
  const r = point.value;
  return {
    metric: 'index',
    ...r,
    unit: `index (${q.base} = 100)`,
    formula: `level(${at}) / level(${q.base}) × 100 = ${num(atObs.value)} / ${num(baseObs.value)} × 100 = ${num(r.value)}${intervalNote(r)}`,
    inputs: (baseObs === atObs ? [baseObs] : [baseObs, atObs]).map(observationInput),
    base: q.base,
    at,
    series: indexed.map((p) => ({ period: p.period, ...p.value })),
    meta: metaBlock(),
  };
}

// --- rate per 100,000 ------------------------------------------------------------------------------

export const POPULATION_INDICATOR = 'ine.population';

export function rateMetric(q: CommonQuery & { count: string }) {
  const opts = refOptions(q);
  const c = observationRef(q.count, { ...opts, name: 'count' });
  const pops = (observationsByKey.get(`${POPULATION_INDICATOR}|${c.geo}|${c.period}`) ?? []).filter((o) =>
    opts.confidence.has(o.confidence),
  );
  if (pops.length === 0) {
    throw notComputable(
      `No INE population (${POPULATION_INDICATOR}) for ${c.geo} in ${c.period}, the geography and period of "count".`,
      ['count'],
    );
  }
  if (pops.length > 1) {
    throw new ProblemError('ambiguous-selection', `Several population records for ${c.geo} in ${c.period}.`, {
      invalidParams: [{ name: 'count', reason: 'population ambiguous' }],
      candidates: pops.map((o) => o.id),
    });
  }
  const p = pops[0] as Observation;
  const r = ratePer100k(asInterval(c), asInterval(p));
  if (!r) throw notComputable('The population is zero or below.', ['count']);
  return {
    metric: 'rate',
    ...r,
    unit: 'per 100,000 inhabitants',
    formula: `count / population × 100000 = ${num(c.value)} / ${num(p.value)} × 100000 = ${num(r.value)}${intervalNote(r)}`,
    inputs: [observationInput(c), observationInput(p)],
    meta: metaBlock(),
  };
}

// --- pre/post around an event ----------------------------------------------------------------------

export const DEFAULT_EVENT = 'mt0.launch';

export function prepostMetric(
  q: CommonQuery & {
    indicator: string;
    event?: string | undefined;
    window?: number | undefined;
    aggregate?: 'mean' | 'total' | undefined;
    allowBreak?: 'true' | 'false' | undefined;
  },
) {
  const opts = refOptions(q);
  const indicator = indicatorParam('indicator', q.indicator);
  const eventId = q.event ?? DEFAULT_EVENT;
  const event = events.get(eventId);
  if (!event) {
    throw new ProblemError('no-matching-record', `No event ${echo(eventId)}; the list is at /v1/events.`, {
      invalidParams: [{ name: 'event', reason: 'unknown event' }],
      allowed: [...events.keys()].sort(),
    });
  }
  const obs = series(indicator, opts, 'indicator');
  const breaks = [...events.values()]
    .filter(
      (e) =>
        e.breaksSeries &&
        e.id !== event.id &&
        (e.indicators.length === 0 || e.indicators.includes(indicator)),
    )
    .map((e) => ({ id: e.id, date: e.date, breaksSeries: true }));
  const aggregate = q.aggregate ?? 'mean';
  const result = prePost(
    obs.map((o) => ({ period: o.period, value: asInterval(o) })),
    { id: event.id, date: event.date, breaksSeries: event.breaksSeries },
    {
      aggregate,
      ...(q.window !== undefined ? { window: q.window } : {}),
      breaks,
      allowBreak: q.allowBreak === 'true',
    },
  );
  if (result.refused !== undefined) {
    if (result.code === 'series_break') {
      throw new ProblemError(
        'series-break',
        `Refused: ${result.refused}. Values on either side of a series break (a reclassification) are not comparable without care; narrow the comparison with window=, or pass allowBreak=true to compare anyway.`,
        {
          invalidParams: [{ name: 'allowBreak', reason: 'needed to compare across a break' }],
          breaks: result.breaks,
        },
      );
    }
    const param = result.code === 'invalid_input' ? 'window' : 'event';
    throw notComputable(`Refused: ${result.refused}.`, [param]);
  }
  const pc = result.percentChange;
  if (!pc) throw notComputable('The level before the event may be zero: no relative change.', ['indicator']);
  const used = new Set([...result.before.periods, ...result.after.periods]);
  const agg = aggregate === 'mean' ? 'mean' : 'total';
  const before = result.before.level;
  const after = result.after.level;
  const span = (ps: string[]) => (ps.length > 1 ? `${ps[0]}…${ps[ps.length - 1]}` : (ps[0] ?? ''));
  return {
    metric: 'prepost',
    ...pc,
    unit: 'percent',
    formula: `(after − before) / before × 100 with before = ${agg} of ${span(result.before.periods)} = ${num(before.value)}, after = ${agg} of ${span(result.after.periods)} = ${num(after.value)}: (${num(after.value)} − ${num(before.value)}) / ${num(before.value)} × 100 = ${num(pc.value)} %${intervalNote(pc)}`,
    inputs: obs.filter((o) => used.has(o.period)).map(observationInput),
    event: event.id,
    aggregate,
    before: result.before,
    after: result.after,
    excluded: result.excluded,
    absoluteChange: { ...result.absoluteChange, unit: unitOf(indicator) },
    breaks: result.breaks,
    meta: metaBlock(),
  };
}

// --- compare (outputs against outcomes) -----------------------------------------------------------

/** The seed story: seizures (an output) against street-level sales and convictions (outcomes). */
export const DEFAULT_COMPARE: readonly string[] = SEED_STORY.compare;

export function compareMetric(q: CommonQuery & { changes?: QueryValue; lang?: Language | undefined }) {
  const opts = refOptions(q);
  const refs = list('changes', q.changes) ?? DEFAULT_COMPARE;
  const records = refs.map((ref) => changeRef(ref, { ...opts, name: 'changes' }));
  const items: CompareItem[] = records.map((ch) => {
    const ind = indicators.get(ch.indicator);
    return {
      id: ch.id,
      label: ind ? { es: ind.name.es, en: ind.name.en } : ch.indicator,
      role: ind?.role ?? 'context',
      from: ch.from,
      to: ch.to,
      percent: asInterval({ value: ch.percent, low: ch.low, high: ch.high }),
      source: ch.source,
    };
  });
  const lang = q.lang ?? 'en';
  const r = compare(items, lang);
  if (!r)
    throw notComputable(
      'These changes cannot be put on a per-year footing (a span of zero years, or a fall beyond −100 %).',
      ['changes'],
    );
  const rates = r.items.map(
    (x, i) =>
      `${records[i]?.indicator ?? x.id}: ((1 + ${num(x.total.value)}/100)^(1/${num(x.years)}) − 1) × 100 = ${num(x.annualized.value)} % a year`,
  );
  const outs = r.groups.output;
  const outc = r.groups.outcome;
  let gap: Interval | null = null;
  let gapText = 'no gap: the changes are not on both sides (outputs and outcomes)';
  if (outs.length > 0 && outc.length > 0) {
    const min = (xs: typeof outs, k: keyof Interval) => Math.min(...xs.map((x) => x.annualized[k]));
    const max = (xs: typeof outs, k: keyof Interval) => Math.max(...xs.map((x) => x.annualized[k]));
    gap = {
      value: min(outs, 'value') - max(outc, 'value'),
      low: min(outs, 'low') - max(outc, 'high'),
      high: min(outs, 'high') - max(outc, 'low'),
    };
    gapText = `gap = slowest output rate − fastest outcome rate = ${num(min(outs, 'value'))} − ${num(max(outc, 'value'))} = ${num(gap.value)} points a year${intervalNote(gap)}`;
  }
  return {
    metric: 'compare',
    value: gap?.value ?? null,
    low: gap?.low ?? null,
    high: gap?.high ?? null,
    unit: 'percentage points a year',
    formula: `annual rate = ((1 + p/100)^(1/years) − 1) × 100 for each change: ${rates.join('; ')}; ${gapText}`,
    inputs: records.map(changeInput),
    finding: r.finding,
    items: r.items.map((x) => ({
      id: x.id,
      role: x.role,
      from: x.from,
      to: x.to,
      years: x.years,
      total: x.total,
      annualized: x.annualized,
    })),
    sentence: r.sentence,
    caveats: r.caveats,
    text: r.text,
    lang,
    meta: metaBlock(),
  };
}

export const METRICS = [
  'change',
  'annualized',
  'implied',
  'share',
  'index',
  'rate',
  'prepost',
  'compare',
] as const;
