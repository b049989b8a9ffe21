// The list envelope ({ data, meta, links }) and its CSV twin, shared by every collection route.

import { CSV_CONTENT_TYPE, type CsvColumn, toCsv } from '@mt0/core/csv';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { viewOf } from './data.js';
import { canonicalPathAndQuery, pathAndQuery } from './url.js';

export interface Page<T> {
  rows: readonly T[];
  /** Matching records over all pages. */
  total: number;
  /** Cursor of the next page, if any. */
  next?: string | undefined;
}

/**
 * The request's path (with any .csv suffix) and query, parameters in the canonical order the response
 * cache keys by: two requests that differ only in parameter order get the same bytes.
 */
function selfLink(c: Context): string {
  return canonicalPathAndQuery(pathAndQuery(c.req.url));
}

/** The self link with `cursor` set to `cursor` (any earlier cursor dropped). */
function withCursor(self: string, cursor: string): string {
  const q = self.indexOf('?');
  const path = q === -1 ? self : self.slice(0, q);
  const rest =
    q === -1
      ? []
      : self
          .slice(q + 1)
          .split('&')
          .filter((p) => p !== '' && !/^cursor(=|$)/.test(p));
  return canonicalPathAndQuery(`${path}?${[...rest, `cursor=${encodeURIComponent(cursor)}`].join('&')}`);
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

/** Ids for a file name, sorted: the name (like the rows) does not depend on the order they were given in. */
export const sortedJoin = (ids: readonly string[] | undefined) => ids && [...ids].sort().join('+');

/** "mt0-observations-cead.cases.drugs-CL-v0.1.0.csv": the collection, its main filters, the release. */
export function csvFilename(
  c: Context<AppEnv>,
  collection: string,
  parts: readonly (string | undefined)[],
): string {
  const filters = parts.filter((p): p is string => Boolean(p)).map(safe);
  return `mt0-${[collection, ...filters].join('-')}-v${viewOf(c).meta.version}.csv`;
}

export function listBody<T>(c: Context<AppEnv>, page: Page<T>) {
  const { meta } = viewOf(c);
  const self = selfLink(c);
  return {
    data: page.rows as T[],
    meta: {
      count: page.rows.length,
      total: page.total,
      datasetVersion: meta.version,
      contentHash: meta.contentHash,
    },
    links: { self, next: page.next === undefined ? null : withCursor(self, page.next) },
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
  if (page.next !== undefined) headers.Link = `<${withCursor(selfLink(c), page.next)}>; rel="next"`;
  return c.body(toCsv(columns, page.rows), 200, headers);
}

export const VARY_ACCEPT = { Vary: 'Accept' } as const;
