// GET /v1/observations: levels, filtered by indicator, geography, period range, source and confidence,
// paged with an opaque cursor. Candidates come from indexes built at load, never from a full scan when
// an indicator is given.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { columnsUnder, observationColumns } from '@mt0/core/csv';
import type { Observation } from '@mt0/core/schemas';
import { comparePeriods, periodWithin } from '@mt0/core/schemas';
import type { AppEnv } from '../env.js';
import { current, type ReleaseView, viewOf } from '../lib/data.js';
import {
  confidenceSet,
  decodeCursor,
  encodeCursor,
  geoList,
  indicatorList,
  periodPoint,
  sourceList,
} from '../lib/params.js';
import { ProblemError } from '../lib/problem.js';
import { csvFilename, csvResponse, listBody, sortedJoin, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import {
  list,
  Observation as ObservationSchema,
  observationsQuery,
  PAGE_LIMIT,
  StoreObservation,
} from '../schemas.js';
import { collectionOk, errors, keysOf, notModified } from './common.js';
import { storeObservations } from './store-observations.js';

const route = createRoute({
  method: 'get',
  path: '/observations',
  operationId: 'listObservations',
  tags: ['records'],
  summary: 'Observations (levels)',
  description:
    "Levels as sources state them, each with its qualifier, the interval the qualifier policy gives it, source, verbatim quote and confidence grade. Ordered by indicator, geography, period, source. Grade C records are left out unless `confidence` asks for them. Paged: follow `links.next` (or the `Link` header of CSV); the whole table is the download /v1/downloads/observations.csv.\n\nComunas, months, `level` and `per100k` are read from the comuna × month store (CEAD police cases and INE population): each row then carries its place level, resolution, the months summed into a year (`periodStatus: partial` under 12), the population, the `vintage` of its upstream file, and its provenance — `row` (the table row a comuna's value is) or `derivation` (a sum made at build). Rows are ordered by indicator, place (country, regions, comunas by CUT code) and period. CSV of a store query without `limit` streams every matching row (no paging).",
  middleware: [negotiate, strictQuery(keysOf(observationsQuery))] as const,
  request: { query: observationsQuery },
  responses: {
    200: collectionOk(
      list(z.union([ObservationSchema, StoreObservation]), 'ObservationList'),
      'Observations (levels as sources state them, or values read from the comuna × month store).',
    ),
    ...notModified,
    ...errors,
  },
});

function candidates(
  { observations, observationsByIndicator, observationsBySeries }: ReleaseView,
  indicatorIds: string[] | undefined,
  geoIds: string[] | undefined,
): readonly Observation[] {
  if (!indicatorIds) return observations;
  // The global order is indicator, then geo: walking both sorted keeps it without a sort.
  const inds = [...indicatorIds].sort();
  if (!geoIds) return inds.flatMap((i) => observationsByIndicator.get(i) ?? []);
  const gs = [...geoIds].sort();
  return inds.flatMap((i) => gs.flatMap((g) => observationsBySeries.get(`${i}|${g}`) ?? []));
}

export const observationRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => {
  const q = c.req.valid('query');
  const d = viewOf(c);
  const indicatorIds = indicatorList(d, 'indicator', q.indicator);
  const geoIds = geoList(d, 'geo', q.geo);
  // What only the store holds — a comuna, months, the places inside a place, rates — is read from it.
  if (
    q.resolution !== undefined ||
    q.level !== undefined ||
    q.per100k !== undefined ||
    geoIds?.some((g) => d.placeIndex.byId.get(g)?.level === 'comuna')
  ) {
    // The store's tables are the current build's, not kept per release: never under another release's pin.
    if (d !== current)
      throw new ProblemError(
        'version-not-available',
        `Comuna, monthly and per-100,000 figures come from the store, which holds release ${current.meta.version} only; drop v= or pin v=${current.meta.version}.`,
        {
          invalidParams: [{ name: 'v', reason: 'the store is not kept per release' }],
          allowed: [current.meta.version],
        },
      );
    return storeObservations(c, q, indicatorIds, geoIds) as never;
  }
  const from = periodPoint('from', q.from);
  const to = periodPoint('to', q.to);
  if (from !== undefined && to !== undefined && comparePeriods(from, to) > 0) {
    throw new ProblemError(
      'invalid-parameter',
      `Query parameters "from" (${from}) and "to" (${to}): from is after to.`,
      {
        invalidParams: [
          { name: 'from', reason: 'after to' },
          { name: 'to', reason: 'before from' },
        ],
      },
    );
  }
  const sourceIds = sourceList(d, 'source', q.source);
  const grades = confidenceSet('confidence', q.confidence);
  const limit = q.limit ?? PAGE_LIMIT.default;

  const geoSet = geoIds && !indicatorIds ? new Set(geoIds) : undefined;
  const sourceSet = sourceIds ? new Set(sourceIds) : undefined;
  const rows = candidates(d, indicatorIds, geoIds).filter(
    (o) =>
      (!geoSet || geoSet.has(o.geo)) &&
      (!sourceSet || sourceSet.has(o.source)) &&
      grades.has(o.confidence) &&
      (from === undefined && to === undefined ? true : periodWithin(o.period, from, to)),
  );
  const queryKey = JSON.stringify([
    indicatorIds?.sort() ?? null,
    geoIds?.sort() ?? null,
    from ?? null,
    to ?? null,
    sourceIds?.sort() ?? null,
    [...grades].sort(),
  ]);
  const offset = decodeCursor(d, 'cursor', q.cursor, queryKey);
  const end = offset + limit;
  const page = {
    rows: rows.slice(offset, end),
    total: rows.length,
    next: end < rows.length ? encodeCursor(d, end, queryKey) : undefined,
  };
  if (c.var.format === 'csv') {
    const name = csvFilename(c, 'observations', [sortedJoin(indicatorIds), sortedJoin(geoIds), from, to]);
    return csvResponse(c, columnsUnder(observationColumns, d.meta.qualifierPolicy), page, name) as never;
  }
  return c.json(listBody(c, page), 200, VARY_ACCEPT);
});
