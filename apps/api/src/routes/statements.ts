// GET /v1/statements (+ /{id}): who said what, when, with the records it is set against expanded.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { statementColumns } from '@mt0/core/csv';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { indicatorList, sourceList } from '../lib/params.js';
import { echo, ProblemError } from '../lib/problem.js';
import { csvFilename, csvResponse, listBody, sortedJoin, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { idParam, itemQuery, list, Statement, single, statementsQuery } from '../schemas.js';
import { collectionOk, errors, jsonOk, keysOf, notModified } from './common.js';

const listRoute = createRoute({
  method: 'get',
  path: '/statements',
  operationId: 'listStatements',
  tags: ['records'],
  summary: 'Statements with their evidence',
  description:
    "Claims in their speakers' words, with the observations and changes they are set against expanded in `evidence`. In CSV, `evidence` lists the record ids.",
  middleware: [negotiate, strictQuery(keysOf(statementsQuery))] as const,
  request: { query: statementsQuery },
  responses: {
    200: collectionOk(list(Statement, 'StatementList'), 'Statements.'),
    ...notModified,
    ...errors,
  },
});

const itemRoute = createRoute({
  method: 'get',
  path: '/statements/{id}',
  operationId: 'getStatement',
  tags: ['records'],
  summary: 'One statement',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { params: idParam('sepulveda.stockpiling'), query: itemQuery },
  responses: { 200: jsonOk(single(Statement, 'StatementItem'), 'The statement.'), ...notModified, ...errors },
});

export const statementRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    const d = viewOf(c);
    const inds = indicatorList(d, 'indicator', q.indicator);
    const srcs = sourceList(d, 'source', q.source);
    const rows = d.statements.filter(
      (s) => (!inds || s.indicators.some((i) => inds.includes(i))) && (!srcs || srcs.includes(s.source)),
    );
    const page = { rows, total: rows.length };
    if (c.var.format === 'csv') {
      return csvResponse(
        c,
        statementColumns,
        page,
        csvFilename(c, 'statements', [sortedJoin(inds)]),
      ) as never;
    }
    return c.json(listBody(c, page), 200, VARY_ACCEPT);
  })
  .openapi(itemRoute, (c) => {
    const { id } = c.req.valid('param');
    const { statementById, meta } = viewOf(c);
    const data = statementById.get(id);
    if (!data)
      throw new ProblemError('not-found', `No statement ${echo(id)}; the list is at /v1/statements.`);
    return c.json({ data, meta: { datasetVersion: meta.version } }, 200);
  });
