// Hand-written validation of a view's data fetched by mt0.js (zod is too big for the bundle): the shape
// each component reads, finite numbers, bounded sizes, and http(s)-only links. `undefined` = reject.
import type { Params } from './types.js';
import type { ViewData } from './viewdata.js';

type R = Record<string, unknown>;
const obj = (x: unknown): x is R => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === 'string';
const num = (x: unknown): x is number => typeof x === 'number';
const arr = (x: unknown, each: (y: unknown) => boolean) =>
  Array.isArray(x) && x.length < 5000 && x.every(each);

/** Any JSON value whose numbers are finite, strings bounded, `url`s http(s), nesting shallow. */
function sane(x: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (x === null || typeof x === 'boolean') return true;
  if (num(x)) return Number.isFinite(x);
  if (str(x)) return x.length < 20000;
  if (Array.isArray(x)) return x.length < 5000 && x.every((y) => sane(y, depth + 1));
  if (!obj(x)) return false;
  return Object.entries(x).every(
    ([k, v]) => (k !== 'url' || v === undefined || (str(v) && /^https?:\/\//.test(v))) && sane(v, depth + 1),
  );
}

const row = (r: unknown) =>
  obj(r) && str(r.key) && str(r.label) && str(r.period) && str(r.value) && num(r.sortValue);
const table = (t: unknown) => obj(t) && str(t.caption) && arr(t.rows, row);
const series = (m: unknown) =>
  obj(m) &&
  str(m.title) &&
  str(m.name) &&
  arr(m.srcs, (x) => obj(x) && str(x.label)) &&
  arr(
    m.points,
    (p) =>
      obj(p) &&
      num(p.key) &&
      (p.value === null || num(p.value)) &&
      str(p.plabel) &&
      str(p.label) &&
      str(p.range),
  ) &&
  arr(m.ticks, (t) => obj(t) && num(t.value) && str(t.label)) &&
  arr(m.events, (e) => obj(e) && num(e.key) && str(e.label));

const MODELS: Record<Params['view'], (d: R) => boolean> = {
  stat: (d) => obj(d.stat) && str(d.stat.big) && str(d.stat.title) && table(d.stat.table),
  series: (d) => series(d.series) && (d.rate === undefined || series(d.rate)),
  compare: (d) =>
    obj(d.compare) &&
    str(d.compare.sentence) &&
    arr(d.compare.caveats, str) &&
    arr(
      d.compare.rows,
      (r) =>
        obj(r) &&
        str(r.id) &&
        str(r.name) &&
        str(r.rate) &&
        str(r.rateRange) &&
        num(r.value) &&
        (r.low === null || num(r.low)) &&
        (r.high === null || num(r.high)),
    ),
  statement: (d) =>
    obj(d.statement) && str(d.statement.claim) && str(d.statement.who) && arr(d.statement.evidence, row),
  table: (d) => table(d.table),
};

/**
 * The fetched data for `p`, when it is exactly what the view draws; else `undefined`.
 * @example checkViewData({ view: 'stat' }, params) // undefined
 */
export function checkViewData(x: unknown, p: Params): ViewData | undefined {
  if (!obj(x) || x.view !== p.view || x.lang !== p.lang || !str(x.version) || !str(x.title) || !str(x.cite))
    return undefined;
  if (!str(x.image) || !x.image.startsWith('/embed/')) return undefined;
  if (!str(x.csv) || !x.csv.startsWith('/v1/') || !obj(x.ui) || !Object.values(x.ui).every(str))
    return undefined;
  if (!arr(x.sources, (s) => obj(s) && str(s.label)) || !MODELS[p.view](x) || !sane(x)) return undefined;
  if (!arr(x.notes, (n) => obj(n) && str(n.name) && str(n.text))) return undefined;
  return x as unknown as ViewData;
}
