// GET /v1/changes: relative changes as sources publish them (+150 % from 2020 to 2021). The levels
// behind a change are unknown and never invented.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { changeColumns, columnsUnder } from '@mt0/core/csv';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { confidenceSet, geoList, indicatorList, sourceList } from '../lib/params.js';
import { csvFilename, csvResponse, listBody, sortedJoin, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { Change, changesQuery, list } from '../schemas.js';
import { collectionOk, errors, keysOf, notModified } from './common.js';

const route = createRoute({
  method: 'get',
  path: '/changes',
  operationId: 'listChanges',
  tags: ['records'],
  summary: 'Reported changes',
  description:
    'Relative changes as published, each with its span (`from`, `to`), percent, qualifier and interval, source and quote. Grade C left out unless asked.',
  middleware: [negotiate, strictQuery(keysOf(changesQuery))] as const,
  request: { query: changesQuery },
  responses: {
    200: collectionOk(list(Change, 'ChangeList'), 'Reported changes.'),
    ...notModified,
    ...errors,
  },
});

export const changeRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => {
  const q = c.req.valid('query');
  const d = viewOf(c);
  const inds = indicatorList(d, 'indicator', q.indicator);
  const geoIds = geoList(d, 'geo', q.geo);
  const srcs = sourceList(d, 'source', q.source);
  const grades = confidenceSet('confidence', q.confidence);
  const rows = d.changes.filter(
    (x) =>
      (!inds || inds.includes(x.indicator)) &&
      (!geoIds || geoIds.includes(x.geo)) &&
      (!srcs || srcs.includes(x.source)) &&
      grades.has(x.confidence),
  );
  const page = { rows, total: rows.length };
  if (c.var.format === 'csv') {
    return csvResponse(
      c,
      columnsUnder(changeColumns, d.meta.qualifierPolicy),
      page,
      csvFilename(c, 'changes', [sortedJoin(inds), sortedJoin(geoIds)]),
    ) as never;
  }
  return c.json(listBody(c, page), 200, VARY_ACCEPT);
});
