// The store side of GET /v1/observations: comunas, months, the places inside a place (`level`) and
// rates per 100,000, read from the columnar store (lib/store-observations.ts). The route decides when
// a query is the store's; this checks the store-only parameters and answers JSON or CSV.

import { CSV_CONTENT_TYPE } from '@mt0/core/csv';
import type { PlaceLevel } from '@mt0/core/places';
import type { Confidence } from '@mt0/core/schemas';
import { negotiateEncoding } from '@mt0/core/serve';
import type { StoreIndicator } from '@mt0/store';
import { isWholeTable, WHOLE_TABLE_CSV } from '@mt0/store/rows';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { current } from '../lib/data.js';
import { confidenceSet, decodeCursor, encodeCursor, periodPoint, sourceList } from '../lib/params.js';
import { placeIndex } from '../lib/places.js';
import { invalidParam } from '../lib/problem.js';
import { csvFilename, listBody, VARY_ACCEPT } from '../lib/respond.js';
import { store } from '../lib/store.js';
import { csvStream, pageOf, plan, type StoreQuery, storeIndicators } from '../lib/store-observations.js';
import { etagFor } from '../middleware/caching/index.js';
import { encodedEtag } from '../middleware/response-cache/index.js';
import { PAGE_LIMIT } from '../schemas.js';

interface Query {
  from?: string | undefined;
  to?: string | undefined;
  source?: string | string[] | undefined;
  confidence?: string | string[] | undefined;
  resolution?: 'month' | 'year' | undefined;
  level?: 'region' | 'comuna' | undefined;
  per100k?: 'true' | 'false' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const RANK: Record<PlaceLevel, number> = { country: 0, region: 1, comuna: 2 };

/** The places of `level` inside `geo` (itself when it is of that level), in canonical order. */
function inside(geo: string, level: PlaceLevel): string[] {
  const place = placeIndex.byId.get(geo);
  if (!place) return [];
  if (place.level === level) return [geo];
  if (RANK[place.level] > RANK[level])
    throw invalidParam(
      'level',
      `${geo} (${place.name.es}) is a ${place.level}: it has no ${level}s inside it`,
    );
  return (placeIndex.children.get(geo) ?? []).flatMap((child) => inside(child.id, level));
}

/**
 * The whole table from the file the store's build wrote (byte for byte what csvStream sends for it,
 * a test says so), in the coding the client accepts, compressed at build: no row is written and nothing
 * compressed per download. Where the runtime holds no such file (a Worker), undefined: it is streamed.
 */
async function wholeTableFile(
  c: Context<AppEnv>,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  const files = c.env?.DOWNLOADS;
  if (!files?.openFile) return undefined;
  const encoding = negotiateEncoding(c.req.header('accept-encoding'), files.encodings);
  const file = await files.openFile(WHOLE_TABLE_CSV, encoding);
  if (!file) return undefined;
  const sent: Record<string, string> = {
    ...headers,
    'Content-Length': String(file.bytes),
    Vary: 'Accept, Accept-Encoding',
  };
  if (encoding) {
    sent['Content-Encoding'] = encoding;
    // A strong tag names one coding, as the front door's compressed copies do.
    sent.ETag = encodedEtag(etagFor('csv'), encoding);
  }
  return c.body(file.body as never, 200, sent);
}

export async function storeObservations(
  c: Context<AppEnv>,
  q: Query,
  indicatorIds: string[] | undefined,
  geoIds: string[] | undefined,
): Promise<Response> {
  const held = storeIndicators();
  const known = store().places;
  const inStore = new Set(known.map((p) => p.id));
  let indicators: StoreIndicator[];
  if (indicatorIds) {
    const missing = indicatorIds.filter((id) => !held.has(id));
    if (missing.length)
      throw invalidParam(
        'indicator',
        `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the comuna × month store (asked for by a comuna, resolution, level or per100k); the store holds ${[...held.keys()].join(', ')}`,
        [...held.keys()],
      );
    indicators = indicatorIds.map((id) => held.get(id) as StoreIndicator);
  } else indicators = [...held.values()];
  if (q.resolution === 'month') {
    const yearly = indicators.filter((i) => i.resolution === 'year');
    if (indicatorIds && yearly.length)
      throw invalidParam(
        'resolution',
        `${yearly.map((i) => i.id).join(', ')} ${yearly.length > 1 ? 'are' : 'is'} yearly: there are no months of it`,
      );
    indicators = indicators.filter((i) => i.resolution === 'month');
  }
  const from = periodPoint('from', q.from);
  const to = periodPoint('to', q.to);
  const sourceIds = sourceList(current, 'source', q.source);
  const grades = confidenceSet('confidence', q.confidence);
  indicators = indicators.filter(
    (i) => (!sourceIds || sourceIds.includes(i.source)) && grades.has((i.confidence ?? 'B') as Confidence),
  );

  let geos: string[];
  if (q.level) {
    const level = q.level;
    geos = [...new Set((geoIds ?? ['CL']).flatMap((g) => inside(g, level)))];
  } else if (geoIds) {
    const outside = geoIds.filter((g) => !inStore.has(g));
    if (outside.length)
      throw invalidParam(
        'geo',
        `the comuna × month store has no figures for ${outside.join(', ')}; it holds Chile, its regions and comunas`,
      );
    geos = geoIds;
  } else geos = known.map((p) => p.id);
  geos = geos.filter((g) => inStore.has(g)).sort((a, b) => order(a) - order(b));

  const query: StoreQuery = {
    indicators,
    geos,
    resolution: q.resolution,
    from,
    to,
    per100k: q.per100k === 'true',
  };
  const parts = plan(query);
  const total = parts.reduce((n, p) => n + p.count, 0);
  const queryKey = JSON.stringify([
    'store',
    indicators.map((i) => i.id),
    geos,
    q.resolution ?? null,
    from ?? null,
    to ?? null,
    query.per100k,
  ]);
  const offset = decodeCursor(current, 'cursor', q.cursor, queryKey);
  const csv = c.var.format === 'csv';
  // CSV without a limit streams every row; JSON (and CSV with a limit) is paged.
  const limit = q.limit ?? (csv ? Number.POSITIVE_INFINITY : PAGE_LIMIT.default);
  const end = offset + limit;
  const next = end < total ? encodeCursor(current, end, queryKey) : undefined;
  if (csv) {
    const name = csvFilename(c, 'observations', [
      indicatorIds?.join('+'),
      geoIds?.join('+'),
      q.level,
      q.resolution,
      from,
      to,
    ]);
    const headers: Record<string, string> = {
      'Content-Type': CSV_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${name}"`,
      Vary: 'Accept',
    };
    if (next !== undefined) {
      const u = new URL(c.req.url);
      u.searchParams.set('cursor', next);
      headers.Link = `<${u.pathname}${u.search}>; rel="next"`;
    }
    c.set('streamed', true);
    if (offset === 0 && limit === Number.POSITIVE_INFINITY && isWholeTable(store(), query)) {
      const file = await wholeTableFile(c, headers);
      if (file) return file;
    }
    return c.body(csvStream(query, parts, offset, limit), 200, headers);
  }
  const page = { rows: pageOf(query, parts, offset, limit), total, next };
  return c.json(listBody(c, page), 200, VARY_ACCEPT);
}

let orderOf: Map<string, number> | undefined;
/** A place's position in the store (country, regions, comunas by CUT code). */
function order(geo: string): number {
  orderOf ??= new Map(store().places.map((p, i) => [p.id, i]));
  return orderOf.get(geo) ?? Number.MAX_SAFE_INTEGER;
}
