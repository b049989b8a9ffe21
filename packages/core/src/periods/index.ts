// Periods as the sources state them: a year (`2020`), a month (`2020-03`) or a span (`2015/2019`).
// Pure and dependency-free (no zod), so the widget's bundle can use it; the zod schemas that accept
// periods live in schemas/period.ts.

export const YEAR = /^(19|20)\d{2}$/;
export const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
export const POINT = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;

/**
 * How a record's period is to be read, beyond its text: `partial` when the record covers only part of it
 * (a year to date), `undated` when the source gives no period at all and the one filed is our reading.
 */
export const PERIOD_STATUSES = ['partial', 'undated'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** A single period: a year or a month. */
export type PeriodPoint = { kind: 'year'; year: number } | { kind: 'month'; year: number; month: number };

/** A parsed period: a point, or a span between two points (inclusive). */
export type ParsedPeriod = PeriodPoint | { kind: 'span'; start: PeriodPoint; end: PeriodPoint };

function parsePoint(text: string): PeriodPoint | undefined {
  if (YEAR.test(text)) return { kind: 'year', year: Number(text) };
  if (MONTH.test(text))
    return { kind: 'month', year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) };
  return undefined;
}

/**
 * Parses a period string; `undefined` when it is not one.
 * @example parsePeriod('2015/2019') // { kind: 'span', start: { kind: 'year', year: 2015 }, end: { kind: 'year', year: 2019 } }
 */
export function parsePeriod(text: string): ParsedPeriod | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return parsePoint(text);
  const start = parsePoint(text.slice(0, slash));
  const end = parsePoint(text.slice(slash + 1));
  if (!start || !end || start.kind !== end.kind) return undefined;
  if (periodStart({ kind: 'span', start, end }) > periodStart(end)) return undefined;
  return { kind: 'span', start, end };
}

/** Decimal year at which a period starts (2020-03 → 2020 + 2/12). */
export function periodStart(p: ParsedPeriod): number {
  if (p.kind === 'span') return periodStart(p.start);
  return p.kind === 'year' ? p.year : p.year + (p.month - 1) / 12;
}

/** Decimal year at which a period ends (exclusive): 2020 → 2021, 2020-03 → 2020 + 3/12. */
export function periodEnd(p: ParsedPeriod): number {
  if (p.kind === 'span') return periodEnd(p.end);
  return p.kind === 'year' ? p.year + 1 : p.year + p.month / 12;
}

/**
 * Years elapsed between two periods, measured point to point (start of `from` to start of `to`), which is
 * how a change "from 2015 to 2019" is read: four years.
 * @example yearsBetween('2015', '2019') // 4
 * @example yearsBetween('2020-01', '2020-07') // 0.5
 */
export function yearsBetween(from: string, to: string): number | undefined {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b) return undefined;
  return periodStart(b) - periodStart(a);
}

/** Sort key for periods: earlier first, then shorter first. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return periodStart(pa) - periodStart(pb) || periodEnd(pa) - periodEnd(pb);
}

/** True when the two periods overlap or `a` lies inside [from, to] bounds given as points (inclusive). */
export function periodWithin(period: string, from?: string, to?: string): boolean {
  const p = parsePeriod(period);
  if (!p) return false;
  const f = from === undefined ? undefined : parsePeriod(from);
  const t = to === undefined ? undefined : parsePeriod(to);
  if (f && periodStart(p) < periodStart(f)) return false;
  if (t && periodEnd(p) > periodEnd(t)) return false;
  return true;
}
