// The list envelope ({ data, meta, links }) and its CSV twin, shared by every collection route.

import { CSV_CONTENT_TYPE, type CsvColumn, toCsv } from '@mt0/core/csv';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { meta } from './data.js';

export interface Page<T> {
  rows: readonly T[];
  /** Matching records over all pages. */
  total: number;
  /** Cursor of the next page, if any. */
  next?: string | undefined;
}

/** The request's path and query as the client sent them (with any .csv suffix). */
function selfLink(c: Context): URL {
  const url = new URL(c.req.url);
  return url;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

/** "mt0-observations-cead.cases.drugs-CL-v0.1.0.csv": the collection, its main filters, the release. */
export function csvFilename(collection: string, parts: readonly (string | undefined)[]): string {
  const filters = parts.filter((p): p is string => Boolean(p)).map(safe);
  return `mt0-${[collection, ...filters].join('-')}-v${meta.version}.csv`;
}

export function listBody<T>(c: Context, page: Page<T>) {
  const self = selfLink(c);
  let next: string | null = null;
  if (page.next !== undefined) {
    const u = new URL(self);
    u.searchParams.set('cursor', page.next);
    next = `${u.pathname}${u.search}`;
  }
  return {
    data: page.rows as T[],
    meta: {
      count: page.rows.length,
      total: page.total,
      datasetVersion: meta.version,
      contentHash: meta.contentHash,
    },
    links: { self: `${self.pathname}${self.search}`, next },
  };
}

/**
 * A collection page as CSV, with a download filename and a `Link: rel=next` header when paged.
 * Routes return it `as never` so the typed client's `.json()` stays the JSON envelope's type.
 */
export function csvResponse<T>(
  c: Context<AppEnv>,
  columns: readonly CsvColumn<T>[],
  page: Page<T>,
  filename: string,
): Response {
  const headers: Record<string, string> = {
    'Content-Type': CSV_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${filename}"`,
    Vary: 'Accept',
  };
  if (page.next !== undefined) {
    const u = selfLink(c);
    u.searchParams.set('cursor', page.next);
    headers.Link = `<${u.pathname}${u.search}>; rel="next"`;
  }
  return c.body(toCsv(columns, page.rows), 200, headers);
}

export const VARY_ACCEPT = { Vary: 'Accept' } as const;
