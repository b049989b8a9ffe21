// Query values turned into dataset terms: lists (comma-separated or repeated), geographies (ISO code or
// CUT alias), confidence grades, record references and opaque cursors. Every failure is a
// ProblemError naming the parameter; nothing here can throw anything else.
import type { Confidence } from '@mt0/core/schemas';
import { parsePeriod } from '@mt0/core/schemas';
import type { ReleaseView } from './data.js';
import { placeParam } from './places.js';
import { echo, invalidParam } from './problem.js';

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

export const indicatorList = (d: ReleaseView, name: string, v: QueryValue) => {
  const ids = list(name, v);
  return ids && checkIds(name, ids, d.indicators, 'indicator');
};

export const sourceList = (d: ReleaseView, name: string, v: QueryValue) => {
  const ids = list(name, v);
  return ids && checkIds(name, ids, d.sources, 'source');
};

/** A place id, an alias such as a CUT number (`13`), any case → the id (core's resolver), or a problem naming `name`. */
export function geoId(d: ReleaseView, name: string, value: string): string {
  return placeParam(d, name, value).id;
}

export const geoList = (d: ReleaseView, name: string, v: QueryValue) =>
  list(name, v)?.map((g) => geoId(d, name, g));

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

export function encodeCursor(d: ReleaseView, offset: number, queryKey: string): string {
  return b64url(`${offset}.${fnv1a(`${d.meta.contentHash}|${queryKey}`)}`);
}

export function decodeCursor(
  d: ReleaseView,
  name: string,
  cursor: string | undefined,
  queryKey: string,
): number {
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
  if (m[2] !== fnv1a(`${d.meta.contentHash}|${queryKey}`)) {
    throw invalidParam(name, 'belongs to another query or dataset release; start again without a cursor');
  }
  return Number(m[1]);
}
