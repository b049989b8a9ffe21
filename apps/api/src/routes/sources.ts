// GET /v1/sources and /v1/sources/{id}: publications and bodies, with how many records cite each.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { sourceColumns } from '@mt0/core/csv';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { echo, ProblemError } from '../lib/problem.js';
import { csvFilename, csvResponse, listBody, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { collectionQuery, idParam, itemQuery, list, SourceSummary, single } from '../schemas.js';
import { collectionOk, errors, jsonOk, keysOf, notModified } from './common.js';

const listRoute = createRoute({
  method: 'get',
  path: '/sources',
  operationId: 'listSources',
  tags: ['records'],
  summary: 'Sources',
  description: 'Every source with its publisher, URL, licence note, `via` chain, and its records count.',
  middleware: [negotiate, strictQuery(keysOf(collectionQuery))] as const,
  request: { query: collectionQuery },
  responses: { 200: collectionOk(list(SourceSummary, 'SourceList'), 'Sources.'), ...notModified, ...errors },
});

const itemRoute = createRoute({
  method: 'get',
  path: '/sources/{id}',
  operationId: 'getSource',
  tags: ['records'],
  summary: 'One source',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { params: idParam('pdi.via.insightcrime.2022'), query: itemQuery },
  responses: { 200: jsonOk(single(SourceSummary, 'SourceItem'), 'The source.'), ...notModified, ...errors },
});

export const sourceRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => {
    const { sourceSummaries } = viewOf(c);
    const page = { rows: sourceSummaries, total: sourceSummaries.length };
    if (c.var.format === 'csv')
      return csvResponse(c, sourceColumns, page, csvFilename(c, 'sources', [])) as never;
    return c.json(listBody(c, page), 200, VARY_ACCEPT);
  })
  .openapi(itemRoute, (c) => {
    const { id } = c.req.valid('param');
    const { sourceSummaryById, meta } = viewOf(c);
    const data = sourceSummaryById.get(id);
    if (!data) throw new ProblemError('not-found', `No source ${echo(id)}; the list is at /v1/sources.`);
    return c.json({ data, meta: { datasetVersion: meta.version } }, 200);
  });
