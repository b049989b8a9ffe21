// The preconditions metrics share, each returning a refusal (a value naming the parameter) or nothing:
// units of one dimension, the same place, periods in order and of one kind and length, no partial period
// set against a full one, no silent crossing of a series break or use of an undated record. Also the
// pieces every result carries: its inputs, the lowest grade among them, the common parameters.
import { parsePeriod, periodEnd, periodStart } from '../periods/index.js';
import { resolvePlace } from '../places/index.js';
import type { Confidence } from '../schemas/common.js';
import {
  breaksBetween,
  type ChangeRecord,
  changeRef,
  type LevelRecord,
  observationRef,
  periodKind,
  periodWords,
  placeHint,
  type RefOptions,
  resolvePlaceId,
} from '../select/index.js';
import { dimensionOf, unitWords } from '../units/index.js';
import type { MetricInput, MetricQuery, ParamDescriptor, Refusal, Sel, Warning } from './unit.js';
import { unitOf } from './unit.js';

export const refuse = (
  code: Refusal['code'],
  refused: string,
  params: Refusal['params'],
  extra?: Record<string, unknown>,
): Refusal => ({ refused, code, params, ...(extra ? { extra } : {}) });

// --- parameters every metric shares -------------------------------------------------------------------

const GEO: ParamDescriptor = {
  name: 'geo',
  kind: 'geo',
  description:
    'Place of the indicator@period form: an id (CL, CL-RM) or an alias such as a region CUT number (13 = CL-RM). Default CL.',
  example: 'CL',
};
const SOURCE: ParamDescriptor = {
  name: 'source',
  kind: 'source',
  description: 'Source id, to choose among records from several sources.',
  example: 'pdi.via.insightcrime.2022',
};
const CONFIDENCE: ParamDescriptor = {
  name: 'confidence',
  kind: 'confidence',
  description:
    'Grades every input may have: A (primary source quoted), B (secondary source quoting the primary), C (unclear). Default A,B; C only when asked.',
  example: 'A,B',
};
export const ALLOW_BREAK: ParamDescriptor = {
  name: 'allowBreak',
  kind: 'boolean',
  description:
    'Compute across a series break (a reclassification) anyway; the result then names the break in `warnings`. Default false: a 422.',
};
export const ALLOW_UNDATED: ParamDescriptor = {
  name: 'allowUndated',
  kind: 'boolean',
  description:
    'Use an input whose period the source does not give (the period filed is our reading); the result then names it in `warnings`. Default false: a 422.',
};

/** geo, source and confidence, and the opt-ins a metric takes. */
export const common = (...optIns: ParamDescriptor[]): ParamDescriptor[] => [
  GEO,
  SOURCE,
  CONFIDENCE,
  ...optIns,
];

const REF =
  'An observation: its id (indicator:geo:period:source) or `indicator@period`, read with `geo` (default CL) and `source` when given.';
const CHANGE_REF =
  'A reported change: its id (indicator:geo:from/to:source), `indicator@from/to`, or the indicator alone when it has one change for `geo`.';

export const observationParam = (
  name: string,
  what: string,
  example: string,
  required = true,
): ParamDescriptor => ({ name, kind: 'observation-ref', required, description: `${what} ${REF}`, example });

export const changeParam = (
  name: string,
  what: string,
  example: string,
  required = true,
): ParamDescriptor => ({
  name,
  kind: 'change-ref',
  required,
  description: `${what ? `${what} ` : ''}${CHANGE_REF}`,
  example,
});

// --- reading the common parameters ---------------------------------------------------------------------

const GRADES: readonly Confidence[] = ['A', 'B', 'C'];

export interface Common {
  geo: string;
  source?: string | undefined;
  confidence: ReadonlySet<Confidence>;
  allowBreak: boolean;
  allowUndated: boolean;
}

export const str = (q: MetricQuery, k: string): string | undefined => {
  const v = q[k];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] as string | undefined) : undefined;
};

/** A list parameter: `a,b` and repeated keys, trimmed, duplicates dropped. */
export function listOf(q: MetricQuery, k: string): string[] | undefined {
  const v = q[k];
  if (v === undefined || typeof v === 'number' || typeof v === 'boolean') return undefined;
  const raw = (Array.isArray(v) ? (v as string[]) : [v as string]).flatMap((x) => x.split(','));
  return [...new Set(raw.map((x) => x.trim()))];
}

const flag = (q: MetricQuery, k: string) => q[k] === true || q[k] === 'true';

/** The common parameters, or a refusal naming the one that is wrong. */
export function readCommon(sel: Sel, q: MetricQuery): Common | Refusal {
  const geoText = str(q, 'geo') ?? 'CL';
  const geo = resolvePlaceId(sel, geoText);
  if (!geo) {
    const reason = `unknown place ${JSON.stringify(geoText.slice(0, 80))}; ${placeHint(sel, geoText)}`;
    // A short did-you-mean (or the places a shared name stands for), never the list of every place.
    const r = resolvePlace(sel.places, geoText);
    const near = r.ok
      ? []
      : r.reason === 'ambiguous'
        ? r.candidates
        : r.reason === 'unknown'
          ? r.suggestions
          : [];
    return refuse('invalid', `Query parameter "geo": ${reason}.`, [{ name: 'geo', reason }], {
      suggestions: near
        .slice(0, 5)
        .map((p) => ({ id: p.id, level: p.level, name: { es: p.name.es, en: p.name.en } })),
    });
  }
  const source = listOf(q, 'source');
  if (source?.some((s) => s === '')) {
    const reason = 'has an empty value';
    return refuse('invalid', `Query parameter "source": ${reason}.`, [{ name: 'source', reason }]);
  }
  const known = sel.records.sources;
  const unknown = known && source?.find((s) => !known.some((k) => k.id === s));
  if (known && unknown !== undefined) {
    const reason = `unknown source ${JSON.stringify(unknown.slice(0, 80))}; see the allowed values`;
    return refuse('invalid', `Query parameter "source": ${reason}.`, [{ name: 'source', reason }], {
      allowed: known.map((k) => k.id).sort(),
    });
  }
  const grades = listOf(q, 'confidence');
  const confidence = new Set<Confidence>(grades ? [] : ['A', 'B']);
  for (const g of grades ?? []) {
    const up = g.toUpperCase() as Confidence;
    if (!GRADES.includes(up)) {
      const reason = `unknown grade ${JSON.stringify(g.slice(0, 20))}`;
      return refuse('invalid', `Query parameter "confidence": ${reason}.`, [{ name: 'confidence', reason }], {
        allowed: [...GRADES],
      });
    }
    confidence.add(up);
  }
  return {
    geo,
    source: source?.[0],
    confidence,
    allowBreak: flag(q, 'allowBreak'),
    allowUndated: flag(q, 'allowUndated'),
  };
}

export const refOptions = (c: Common, name: string): RefOptions => ({
  name,
  geo: c.geo,
  source: c.source,
  confidence: c.confidence,
});

export type Level = LevelRecord & { confidence?: Confidence };

/** The observation a parameter names, or a refusal. */
export function level(sel: Sel, q: MetricQuery, c: Common, name: string): Level | Refusal {
  const v = str(q, name);
  if (v === undefined)
    return refuse('invalid', `Query parameter "${name}" is required.`, [{ name, reason: 'is required' }]);
  const p = observationRef(sel, v, refOptions(c, name));
  return p.refused === undefined ? p.record : { ...p };
}

/** The reported change a parameter names, or a refusal. */
export function reported(
  sel: Sel,
  q: MetricQuery,
  c: Common,
  name: string,
  value?: string,
): ChangeRecord | Refusal {
  const v = value ?? str(q, name);
  if (v === undefined)
    return refuse('invalid', `Query parameter "${name}" is required.`, [{ name, reason: 'is required' }]);
  const p = changeRef(sel, v, refOptions(c, name));
  return p.refused === undefined ? p.record : { ...p };
}

export const refused = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && typeof (x as Refusal).refused === 'string';

// --- inputs and grades ----------------------------------------------------------------------------------

export function observationInput(sel: Sel, o: Level): MetricInput {
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
    unit: unitOf(sel, o.indicator),
    source: o.source,
    confidence: o.confidence ?? 'C',
    ...(o.periodStatus ? { periodStatus: o.periodStatus } : {}),
  };
}

export function changeInput(c: ChangeRecord): MetricInput {
  return {
    id: c.id,
    kind: 'change',
    indicator: c.indicator,
    geo: c.geo,
    from: c.from,
    to: c.to,
    value: c.percent,
    low: c.low,
    high: c.high,
    qualifier: c.qualifier,
    unit: 'percent',
    source: c.source,
    confidence: c.confidence ?? 'C',
    ...(c.periodStatus ? { periodStatus: c.periodStatus } : {}),
  };
}

/**
 * The lowest grade among the inputs: C below B below A.
 * @example lowestGrade([{ confidence: 'A' }, { confidence: 'B' }]) // "B"
 */
export function lowestGrade(inputs: readonly { confidence: string }[]): Confidence {
  return inputs.reduce<Confidence>(
    (worst, i) =>
      i.confidence > worst && GRADES.includes(i.confidence as Confidence)
        ? (i.confidence as Confidence)
        : worst,
    'A',
  );
}

export const metaOf = (sel: Sel) => ({
  datasetVersion: sel.records.meta?.version ?? '',
  qualifierPolicy: sel.records.meta?.qualifierPolicy ?? '',
});

// --- the guards -------------------------------------------------------------------------------------------

const isProportion = (sel: Sel, indicator: string) => dimensionOf(unitOf(sel, indicator)) === 'proportion';

export { isProportion };

/** Two inputs of one place. */
export function samePlace(
  a: { geo: string },
  b: { geo: string },
  names: [string, string],
): Refusal | undefined {
  if (a.geo === b.geo) return undefined;
  return refuse(
    'places',
    `"${names[0]}" is for ${a.geo} and "${names[1]}" for ${b.geo}: a ${names[0]}–${names[1]} comparison needs one place.`,
    [{ name: names[1], reason: `is for ${b.geo}, not ${a.geo} like "${names[0]}"` }],
  );
}

/** Two periods of one kind and length: 12 months against 12 months, a year against a year. */
export function sameShape(a: string, b: string, names: [string, string]): Refusal | undefined {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return undefined;
  const months = (p: NonNullable<typeof pa>) => Math.round((periodEnd(p) - periodStart(p)) * 12);
  if (periodKind(pa) === periodKind(pb) && months(pa) === months(pb)) return undefined;
  return refuse(
    'periods',
    `"${names[0]}" covers ${periodWords(a)} and "${names[1]}" ${periodWords(b)}: periods of different kinds or lengths are not comparable.`,
    [
      {
        name: names[1],
        reason: `covers ${periodWords(b)}, not the ${periodWords(a).replace(/^\S+ \(|\)$/g, '')} of "${names[0]}"`,
      },
    ],
  );
}

/** `from` strictly before `to`. */
export function inOrder(a: string, b: string, names: [string, string]): Refusal | undefined {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb || periodStart(pa) < periodStart(pb)) return undefined;
  return refuse('periods', `"${names[0]}" (${a}) must come before "${names[1]}" (${b}).`, [
    { name: names[1], reason: `is not after "${names[0]}" (${a})` },
  ]);
}

/** A record that covers only part of its period, refused where it would be set against a full one. */
export function notPartial(
  r: { periodStatus?: string | undefined; id: string },
  name: string,
): Refusal | undefined {
  if (r.periodStatus !== 'partial') return undefined;
  return refuse(
    'periods',
    `"${name}" (${r.id}) covers only part of its period (a year to date, as its source says): it is never compared with a full period or with another partial one.`,
    [{ name, reason: 'covers only part of its period (year to date)' }],
  );
}

/** Partial and full records mixed (a share of a year to date by a full year). */
export function sameCoverage(
  a: { periodStatus?: string | undefined },
  b: { periodStatus?: string | undefined; id: string },
  names: [string, string],
): Refusal | undefined {
  if ((a.periodStatus === 'partial') === (b.periodStatus === 'partial')) return undefined;
  const partial = a.periodStatus === 'partial' ? names[0] : names[1];
  return refuse(
    'periods',
    `"${partial}" covers only part of its period (a year to date) and the other input the whole of it: they are not comparable.`,
    [{ name: partial, reason: 'covers only part of its period (year to date)' }],
  );
}

/** An undated input: refused, or used with a warning when the caller opted in. */
export function undated(
  r: { periodStatus?: string | undefined; id: string; period?: string; from?: string; to?: string },
  name: string,
  allow: boolean,
  warnings: Warning[],
): Refusal | undefined {
  if (r.periodStatus !== 'undated') return undefined;
  const filed = r.period ?? `${r.from}/${r.to}`;
  if (allow) {
    warnings.push({
      code: 'undated',
      record: r.id,
      message: `The source gives no period for "${name}" (${r.id}); ${filed} is the period we filed it under, not the source's.`,
    });
    return undefined;
  }
  return refuse(
    'undated',
    `The source gives no period for "${name}" (${r.id}); ${filed} is only our reading, so it is not set against dated figures unless asked: add allowUndated=true.`,
    [
      { name, reason: 'the source gives no period for this record' },
      { name: 'allowUndated', reason: 'needed to use an undated record' },
    ],
  );
}

/** The series breaks between two periods: refused, or crossed with warnings when the caller opted in. */
export function noBreak(
  sel: Sel,
  indicator: string,
  geo: string,
  from: string,
  to: string,
  allow: boolean,
  warnings: Warning[],
  name: string,
): Refusal | undefined {
  const crossed = breaksBetween(sel, indicator, geo, from, to);
  if (crossed.length === 0) return undefined;
  const ids = crossed.map((e) => e.id);
  if (allow) {
    for (const e of crossed)
      warnings.push({
        code: 'series_break',
        event: e.id,
        message: `${from}→${to} crosses the series break ${e.id} (${e.date}): values on either side are not comparable without care.`,
      });
    return undefined;
  }
  return refuse(
    'series_break',
    `Refused: ${indicator} from ${from} to ${to} straddles a series break (${ids.join(', ')}). Values on either side of a break (a reclassification) are not comparable without care; choose periods on one side, or pass allowBreak=true to compute anyway.`,
    [
      { name, reason: `crosses the series break ${ids.join(', ')}` },
      { name: 'allowBreak', reason: 'needed to compare across a break' },
    ],
    { breaks: ids },
  );
}

/** A proportion where a quantity is needed (a rate of a percent, kilograms per percent). */
export function unitRefusal(sel: Sel, name: string, indicator: string, needs: string): Refusal {
  const unit = unitOf(sel, indicator);
  return refuse('units', `"${name}" (${indicator}) is in ${unitWords(unit)}; ${needs}.`, [
    { name, reason: `is in ${unitWords(unit)}; ${needs}` },
  ]);
}

/** The same indicator at both ends (a change compares one indicator's levels). */
export function sameIndicator(a: { indicator: string }, b: { indicator: string }, names: [string, string]) {
  if (a.indicator === b.indicator) return undefined;
  return refuse(
    'not_computable',
    `"${names[0]}" (${a.indicator}) and "${names[1]}" (${b.indicator}) are different indicators; a change compares one indicator's levels.`,
    [
      { name: names[0], reason: 'cannot give this metric' },
      { name: names[1], reason: `is ${b.indicator}, not ${a.indicator}` },
    ],
  );
}

/** An input whose interval has an open end (a "more than X" record: high null). */
type MaybeOpen = { id: string; value?: number; percent?: number; low: number | null; high: number | null };

/**
 * Where the arithmetic of a metric has no answer because inputs are open-ended (∞ − ∞: the difference
 * of two "more than" levels; ∞ / ∞): a refusal naming each open input, or `undefined` when none is open
 * (then the failure has another cause). The kit never closes an open end with an invented ceiling.
 */
export function openEnded(inputs: readonly [string, MaybeOpen][], what: string): Refusal | undefined {
  const open = inputs.filter(([, r]) => r.low === null || r.high === null);
  if (open.length === 0) return undefined;
  const named = open.map(([name, r]) => `"${name}" (${r.id})`).join(' and ');
  const one = open.length === 1;
  return refuse(
    'not_computable',
    `${named} ${one ? 'has' : 'have'} an open end (the source says "more than" or "at least", with no upper bound): ${what} has no answer from ${one ? 'it' : 'them'} without inventing a bound.`,
    open.map(([name]) => ({ name, reason: 'is open-ended ("more than" / "at least"): no upper bound' })),
  );
}

export const notComputable = (detail: string, params: string[]): Refusal =>
  refuse(
    'not_computable',
    detail,
    params.map((name) => ({ name, reason: 'cannot give this metric' })),
  );

export type { ChangeRecord };
