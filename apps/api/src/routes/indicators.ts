// GET /v1/indicators and /v1/indicators/{id}: es/en metadata, unit, role, and where data exists.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { indicatorColumns } from '@mt0/core/csv';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { echo, ProblemError } from '../lib/problem.js';
import { csvFilename, csvResponse, listBody, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { IndicatorSummary, idParam, indicatorsQuery, itemQuery, list, single } from '../schemas.js';
import { collectionOk, errors, jsonOk, keysOf, notModified } from './common.js';

const listRoute = createRoute({
  method: 'get',
  path: '/indicators',
  operationId: 'listIndicators',
  tags: ['records'],
  summary: 'Indicators',
  description:
    'Every indicator with its es/en names, unit, role (output, outcome, context), and the geographies and periods it has data for.',
  middleware: [negotiate, strictQuery(keysOf(indicatorsQuery))] as const,
  request: { query: indicatorsQuery },
  responses: {
    200: collectionOk(list(IndicatorSummary, 'IndicatorList'), 'Indicators.'),
    ...notModified,
    ...errors,
  },
});

const itemRoute = createRoute({
  method: 'get',
  path: '/indicators/{id}',
  operationId: 'getIndicator',
  tags: ['records'],
  summary: 'One indicator',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { params: idParam('mt0.arrests'), query: itemQuery },
  responses: {
    200: jsonOk(single(IndicatorSummary, 'IndicatorItem'), 'The indicator.'),
    ...notModified,
    ...errors,
  },
});

export const indicatorRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => {
    const { role } = c.req.valid('query');
    const { indicatorSummaries } = viewOf(c);
    const rows = role ? indicatorSummaries.filter((i) => i.role === role) : indicatorSummaries;
    const page = { rows, total: rows.length };
    if (c.var.format === 'csv')
      return csvResponse(c, indicatorColumns, page, csvFilename(c, 'indicators', [role])) as never;
    return c.json(listBody(c, page), 200, VARY_ACCEPT);
  })
  .openapi(itemRoute, (c) => {
    const { id } = c.req.valid('param');
    const { indicatorSummaryById, meta } = viewOf(c);
    const data = indicatorSummaryById.get(id);
    if (!data)
      throw new ProblemError('not-found', `No indicator ${echo(id)}; the list is at /v1/indicators.`);
    return c.json({ data, meta: { datasetVersion: meta.version } }, 200);
  });
