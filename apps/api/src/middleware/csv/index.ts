// Content negotiation for collections: CSV when the path ends in `.csv`, when `format=csv`, or when
// `Accept` prefers text/csv over JSON; JSON otherwise. Handlers read `c.var.format`; responses carry
// `Vary: Accept`. The `.csv` suffix is stripped before routing by `stripCsvSuffix` (app getPath).
import { COLLECTION_NAMES } from '@mt0/core/csv';
import type { MiddlewareHandler } from 'hono';
import { getPath } from 'hono/utils/url';
import type { AppEnv, Format } from '../../env.js';
import { invalidParam } from '../../lib/problem.js';

/** Collections that answer a `.csv` suffix: the downloadable collections, and the places. */
export const CSV_PATHS: ReadonlySet<string> = new Set([...COLLECTION_NAMES, 'geos'].map((x) => `/v1/${x}`));

/** Hono `getPath` that routes `/v1/observations.csv` as `/v1/observations`. */
export function stripCsvSuffix(request: Request): string {
  const path = getPath(request);
  if (path.endsWith('.csv')) {
    const bare = path.slice(0, -4);
    if (CSV_PATHS.has(bare)) return bare;
  }
  return path;
}

function hasCsvSuffix(url: string): boolean {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return path.endsWith('.csv');
}

/** q-value of the best Accept entry matching `type`, or -1 when none does. */
function quality(accept: string, type: string, sub: string): number {
  let best = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const [t, s] = range.trim().toLowerCase().split('/');
    if (!(t === type || t === '*') || !(s === sub || s === '*')) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k === 'q' && v !== undefined) q = Number(v);
    }
    if (Number.isFinite(q) && q > best) best = q;
  }
  return best;
}

/** True when Accept names text/csv and ranks it at least as high as application/json. */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept || accept.indexOf('csv') === -1) return false;
  const csv = quality(accept, 'text', 'csv');
  return csv > 0 && csv >= quality(accept, 'application', 'json');
}

export const negotiate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const param = c.req.query('format');
  let format: Format = 'json';
  if (hasCsvSuffix(c.req.url)) {
    if (param === 'json') throw invalidParam('format', 'json conflicts with the .csv suffix of the path');
    format = 'csv';
  } else if (param === 'csv') format = 'csv';
  else if (param === undefined && prefersCsv(c.req.header('accept'))) format = 'csv';
  c.set('format', format);
  await next();
};
