// Hand-written validators that read API-shaped records (the dataset's, or /v1's) into the slim records the
// views compute from, or `undefined` when anything is off. Server and build side; the browser bundles
// check the computed view data instead (check.ts).
import type { Change, EventRec, GeoRec, IndicatorRec, Obs, SourceRec, StatementRec } from './types.js';

type R = Record<string, unknown>;
const QUALIFIERS = ['exact', 'approximately', 'nearly', 'more_than', 'at_least', 'less_than', 'at_most'];
const PERIOD = /^\d{4}(-\d{2})?(\/\d{4}(-\d{2})?)?$/;

const obj = (x: unknown): x is R => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length < 5000;
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const bi = (x: unknown): x is { es: string; en: string } => obj(x) && str(x.es) && str(x.en);
const strs = (x: unknown): x is string[] => Array.isArray(x) && x.every(str);
const interval = (x: R, v: string) => {
  // An exact value may leave out its degenerate interval (the snapshot does, to stay small).
  if (x.qualifier === 'exact' && x.low === undefined && x.high === undefined) {
    x.low = x.high = x[v];
  }
  return (
    num(x[v]) &&
    num(x.low) &&
    num(x.high) &&
    (x.low as number) <= (x[v] as number) &&
    (x[v] as number) <= (x.high as number)
  );
};
const qual = (x: unknown): x is Obs['qualifier'] => typeof x === 'string' && QUALIFIERS.includes(x);
const httpUrl = (x: unknown) => x === undefined || (typeof x === 'string' && /^https?:\/\//.test(x));

export function checkObs(x: unknown): Obs | undefined {
  if (!obj(x) || !str(x.indicator) || !str(x.geo) || !str(x.period) || !PERIOD.test(x.period))
    return undefined;
  if (x.confidence === 'C') return undefined;
  if (!interval(x, 'value') || !qual(x.qualifier) || !str(x.source)) return undefined;
  const id = str(x.id) ? x.id : `${x.indicator}:${x.geo}:${x.period}:${x.source}`;
  const { indicator, geo, period, value, qualifier, low, high, source } = x as unknown as Obs;
  return { id, indicator, geo, period, value, qualifier, low, high, source };
}

export function checkChange(x: unknown): Change | undefined {
  if (!obj(x) || !str(x.indicator) || !str(x.geo) || !str(x.from) || !str(x.to)) return undefined;
  if (
    !PERIOD.test(x.from) ||
    !PERIOD.test(x.to) ||
    !interval(x, 'percent') ||
    !qual(x.qualifier) ||
    !str(x.source)
  ) {
    return undefined;
  }
  const id = str(x.id) ? x.id : `${x.indicator}:${x.geo}:${x.from}/${x.to}:${x.source}`;
  const { indicator, geo, from, to, percent, qualifier, low, high, source } = x as unknown as Change;
  return { id, indicator, geo, from, to, percent, qualifier, low, high, source };
}

export function checkStatement(x: unknown): StatementRec | undefined {
  if (
    !obj(x) ||
    !str(x.id) ||
    !obj(x.who) ||
    !str(x.who.name) ||
    !str(x.who.role) ||
    !str(x.who.organisation)
  ) {
    return undefined;
  }
  if (!str(x.date) || !str(x.claim) || (x.lang !== 'es' && x.lang !== 'en') || !str(x.source))
    return undefined;
  if (!strs(x.indicators) || !Array.isArray(x.evidence)) return undefined;
  // The API may give evidence as ids or as the records themselves.
  const evidence = x.evidence.map((e) => (obj(e) ? e.id : e));
  if (!strs(evidence)) return undefined;
  const { id, who, date, claim, lang, source, indicators } = x as unknown as StatementRec;
  return {
    id,
    who: { name: who.name, role: who.role, organisation: who.organisation },
    date,
    claim,
    lang,
    source,
    indicators,
    evidence,
  };
}

export function checkEvent(x: unknown): EventRec | undefined {
  if (
    !obj(x) ||
    !str(x.id) ||
    !str(x.date) ||
    !str(x.kind) ||
    !bi(x.title) ||
    !strs(x.geo) ||
    typeof x.breaksSeries !== 'boolean'
  ) {
    return undefined;
  }
  if (!Array.isArray(x.indicators) || !x.indicators.every(str)) return undefined;
  const { id, date, kind, title, geo, breaksSeries, indicators } = x as unknown as EventRec;
  return { id, date, kind, title: { es: title.es, en: title.en }, geo, breaksSeries, indicators };
}

export function checkIndicator(x: unknown): IndicatorRec | undefined {
  if (!obj(x) || !str(x.id) || !bi(x.name) || !str(x.unit) || !bi(x.unitShort)) return undefined;
  if (x.role !== 'output' && x.role !== 'outcome' && x.role !== 'context') return undefined;
  const { id, name, unit, unitShort, role } = x as unknown as IndicatorRec;
  return {
    id,
    name: { es: name.es, en: name.en },
    unit,
    unitShort: { es: unitShort.es, en: unitShort.en },
    role,
  };
}

export function checkSource(x: unknown): SourceRec | undefined {
  if (!obj(x) || !str(x.id) || !str(x.publisher) || !httpUrl(x.url)) return undefined;
  if (x.via !== undefined && !str(x.via)) return undefined;
  const { id, publisher, url, via } = x as unknown as SourceRec;
  return { id, publisher, url, via };
}

export function checkGeo(x: unknown): GeoRec | undefined {
  if (!obj(x) || !str(x.id)) return undefined;
  // A name the same in both languages may come as one string.
  const name = str(x.name) ? { es: x.name, en: x.name } : x.name;
  return bi(name) ? { id: x.id, name: { es: name.es, en: name.en } } : undefined;
}

/**
 * Checks every item of an API list answer (`{ data: [...] }`); `undefined` when the answer is not a list
 * or any item fails.
 * @example checkList({ data: [{ id: 'x' }] }, checkGeo) // undefined (no name)
 */
export function checkList<T>(answer: unknown, check: (x: unknown) => T | undefined): T[] | undefined {
  const data = obj(answer) ? answer.data : undefined;
  if (!Array.isArray(data) || data.length > 10000) return undefined;
  const out: T[] = [];
  for (const item of data) {
    const ok = check(item);
    if (ok === undefined) return undefined;
    out.push(ok);
  }
  return out;
}
