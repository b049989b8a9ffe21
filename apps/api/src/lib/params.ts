// Query values turned into dataset terms: lists (comma-separated or repeated), geographies (ISO code or
// CUT alias), confidence grades, record references and opaque cursors. Every failure is a
// ProblemError naming the parameter; nothing here can throw anything else.
import type { Confidence, Observation, ReportedChange } from '@mt0/core/schemas';
import { parsePeriod } from '@mt0/core/schemas';
import {
  changesById,
  changesBySeries,
  geoByCut,
  geos,
  indicators,
  meta,
  observationsById,
  observationsByKey,
  sources,
} from './data.js';
import { echo, invalidParam, ProblemError } from './problem.js';

export type QueryValue = string | string[] | undefined;

/** Most distinct values one list parameter accepts (a guard against hostile input, not a data limit). */
export const MAX_LIST = 50;

/**
 * A list parameter: `a,b` and `x=a&x=b` both give `['a', 'b']` (trimmed, duplicates dropped).
 * `undefined` when absent; an empty item is an error, since it is always a typo.
 */
export function list(name: string, value: QueryValue): string[] | undefined {
  if (value === undefined) return undefined;
  const raw = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
  const items = [...new Set(raw.map((v) => v.trim()))];
  if (items.some((v) => v === ''))
    throw invalidParam(name, 'has an empty value; give one or more values separated by commas');
  if (items.length > MAX_LIST) throw invalidParam(name, `has more than ${MAX_LIST} values`);
  return items;
}

function checkIds(
  name: string,
  ids: readonly string[],
  known: ReadonlyMap<string, unknown>,
  what: string,
): string[] {
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw invalidParam(
      name,
      `unknown ${what}${unknown.length > 1 ? 's' : ''} ${unknown.map(echo).join(', ')}; see the allowed values`,
      [...known.keys()].sort(),
    );
  }
  return [...ids];
}

export const indicatorList = (name: string, v: QueryValue) => {
  const ids = list(name, v);
  return ids && checkIds(name, ids, indicators, 'indicator');
};

export const sourceList = (name: string, v: QueryValue) => {
  const ids = list(name, v);
  return ids && checkIds(name, ids, sources, 'source');
};

/** `CL`, `CL-RM`, `cl-rm` or a CUT region number (`13`) → the ISO code, or a problem naming `name`. */
export function geoId(name: string, value: string): string {
  const v = value.trim();
  const cut = /^\d{1,2}$/.test(v) ? geoByCut.get(String(Number(v))) : undefined;
  const id = cut ?? v.toUpperCase();
  if (!geos.has(id)) {
    throw invalidParam(
      name,
      `unknown geography ${echo(value)}; use an ISO code (CL, CL-RM) or a region's CUT number (13)`,
      [...geos.keys()],
    );
  }
  return id;
}

export const geoList = (name: string, v: QueryValue) => list(name, v)?.map((g) => geoId(name, g));

const GRADES: readonly Confidence[] = ['A', 'B', 'C'];

/** Confidence grades; default A and B (C only when asked). */
export function confidenceSet(name: string, v: QueryValue): ReadonlySet<Confidence> {
  const items = list(name, v);
  if (!items) return new Set<Confidence>(['A', 'B']);
  const out = new Set<Confidence>();
  for (const item of items) {
    const g = item.toUpperCase() as Confidence;
    if (!GRADES.includes(g)) throw invalidParam(name, `unknown grade ${echo(item)}`, GRADES);
    out.add(g);
  }
  return out;
}

/** A single period point (2020, 2020-03) or a problem. The zod schema has checked the shape already. */
export function periodPoint(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const p = parsePeriod(value);
  if (!p || p.kind === 'span')
    throw invalidParam(name, `expected a year (2020) or a month (2020-03), got ${echo(value)}`);
  return value;
}

export type RecordRef =
  | { kind: 'observation'; record: Observation }
  | { kind: 'change'; record: ReportedChange };

interface RefOptions {
  /** Parameter name, for messages. */
  name: string;
  /** Geography for the `indicator@period` form. */
  geo: string;
  /** Optional source to pick among several records. */
  source?: string | undefined;
  confidence: ReadonlySet<Confidence>;
}

function checkConfidence(
  name: string,
  r: Observation | ReportedChange,
  allowed: ReadonlySet<Confidence>,
): void {
  if (!allowed.has(r.confidence)) {
    throw new ProblemError(
      'confidence-excluded',
      `The record ${echo(r.id)} selected by "${name}" is graded ${r.confidence}; records graded ${r.confidence} are left out of metrics unless asked: add confidence=${[...allowed, r.confidence].sort().join(',')}.`,
      { invalidParams: [{ name, reason: `record graded ${r.confidence}` }], record: r.id },
    );
  }
}

function pick<T extends Observation | ReportedChange>(
  name: string,
  candidates: readonly T[],
  opts: RefOptions,
  described: string,
): T {
  const bySource =
    opts.source === undefined ? candidates : candidates.filter((r) => r.source === opts.source);
  if (bySource.length === 0) {
    throw new ProblemError('no-matching-record', `No record matches "${name}" (${described}).`, {
      invalidParams: [{ name, reason: `no record for ${described}` }],
    });
  }
  const graded = bySource.filter((r) => opts.confidence.has(r.confidence));
  if (graded.length === 0) {
    checkConfidence(name, bySource[0] as T, opts.confidence);
  }
  if (graded.length > 1) {
    throw new ProblemError(
      'ambiguous-selection',
      `"${name}" (${described}) matches ${graded.length} records; give a full record id, or add source=.`,
      {
        invalidParams: [{ name, reason: 'matches more than one record' }],
        candidates: graded.map((r) => r.id),
      },
    );
  }
  return graded[0] as T;
}

/**
 * An observation named by its id (`indicator:geo:period:source`) or by `indicator@period` (with the
 * request's `geo`, default CL, and optional `source`).
 */
export function observationRef(value: string, opts: RefOptions): Observation {
  const { name } = opts;
  if (value.includes(':')) {
    const o = observationsById.get(value);
    if (!o) {
      throw new ProblemError('no-matching-record', `"${name}" names no observation: ${echo(value)}.`, {
        invalidParams: [{ name, reason: 'unknown observation id' }],
      });
    }
    checkConfidence(name, o, opts.confidence);
    return o;
  }
  const at = value.indexOf('@');
  if (at === -1) {
    throw invalidParam(
      name,
      `expected an observation id (indicator:geo:period:source) or indicator@period, got ${echo(value)}`,
    );
  }
  const indicator = value.slice(0, at);
  const period = value.slice(at + 1);
  if (!indicators.has(indicator))
    throw invalidParam(name, `unknown indicator ${echo(indicator)}`, [...indicators.keys()].sort());
  if (!parsePeriod(period))
    throw invalidParam(name, `expected a period after "@" (2020, 2020-03, 2015/2019), got ${echo(period)}`);
  const candidates = observationsByKey.get(`${indicator}|${opts.geo}|${period}`) ?? [];
  return pick(name, candidates, opts, `${indicator} in ${opts.geo} for ${period}`);
}

/**
 * A reported change named by its id (`indicator:geo:from/to:source`), by `indicator@from/to`, or by the
 * indicator alone when it has exactly one change for the geography.
 */
export function changeRef(value: string, opts: RefOptions): ReportedChange {
  const { name } = opts;
  if (value.includes(':')) {
    const c = changesById.get(value);
    if (!c) {
      throw new ProblemError('no-matching-record', `"${name}" names no reported change: ${echo(value)}.`, {
        invalidParams: [{ name, reason: 'unknown change id' }],
      });
    }
    checkConfidence(name, c, opts.confidence);
    return c;
  }
  const at = value.indexOf('@');
  const indicator = at === -1 ? value : value.slice(0, at);
  const span = at === -1 ? undefined : value.slice(at + 1);
  if (!indicators.has(indicator))
    throw invalidParam(name, `unknown indicator ${echo(indicator)}`, [...indicators.keys()].sort());
  let candidates = changesBySeries.get(`${indicator}|${opts.geo}`) ?? [];
  if (span !== undefined) {
    const [from, to, extra] = span.split('/');
    if (extra !== undefined || !from || !to || !parsePeriod(from) || !parsePeriod(to)) {
      throw invalidParam(name, `expected indicator@from/to (mt0.seizures@2020/2021), got ${echo(value)}`);
    }
    candidates = candidates.filter((c) => c.from === from && c.to === to);
  }
  return pick(name, candidates, opts, `change in ${indicator} in ${opts.geo}${span ? ` for ${span}` : ''}`);
}

// Cursors are opaque to clients: an offset plus a fingerprint of the query and dataset they belong to,
// so a cursor replayed against another query or release is refused instead of paging the wrong list.

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const b64url = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');

export function encodeCursor(offset: number, queryKey: string): string {
  return b64url(`${offset}.${fnv1a(`${meta.contentHash}|${queryKey}`)}`);
}

export function decodeCursor(name: string, cursor: string | undefined, queryKey: string): number {
  if (cursor === undefined) return 0;
  let text: string;
  try {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) throw new Error('shape');
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw invalidParam(name, 'is not a cursor this API issued; follow links.next as given');
  }
  const m = /^(\d{1,9})\.([0-9a-z]+)$/.exec(text);
  if (!m) throw invalidParam(name, 'is not a cursor this API issued; follow links.next as given');
  if (m[2] !== fnv1a(`${meta.contentHash}|${queryKey}`)) {
    throw invalidParam(name, 'belongs to another query or dataset release; start again without a cursor');
  }
  return Number(m[1]);
}
