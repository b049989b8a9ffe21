// GET /v1/events (+ /{id}): dated facts that mark a series (a launch) or break it (a reclassification).
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { eventColumns } from '@mt0/core/csv';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { indicatorList } from '../lib/params.js';
import { echo, ProblemError } from '../lib/problem.js';
import { csvFilename, csvResponse, listBody, sortedJoin, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { Event, eventsQuery, idParam, itemQuery, list, single } from '../schemas.js';
import { collectionOk, errors, jsonOk, keysOf, notModified } from './common.js';

const listRoute = createRoute({
  method: 'get',
  path: '/events',
  operationId: 'listEvents',
  tags: ['records'],
  summary: 'Events and series breaks',
  description:
    'Programme launches, renamings, reclassifications. `breaksSeries: true` marks a break: metrics refuse to compare across it unless asked.',
  middleware: [negotiate, strictQuery(keysOf(eventsQuery))] as const,
  request: { query: eventsQuery },
  responses: { 200: collectionOk(list(Event, 'EventList'), 'Events.'), ...notModified, ...errors },
});

const itemRoute = createRoute({
  method: 'get',
  path: '/events/{id}',
  operationId: 'getEvent',
  tags: ['records'],
  summary: 'One event',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { params: idParam('cead.reclassification.2025'), query: itemQuery },
  responses: { 200: jsonOk(single(Event, 'EventItem'), 'The event.'), ...notModified, ...errors },
});

export const eventRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    const d = viewOf(c);
    const inds = indicatorList(d, 'indicator', q.indicator);
    const breaks = q.breaksSeries === undefined ? undefined : q.breaksSeries === 'true';
    const rows = d.eventList.filter(
      (e) =>
        (!inds || e.indicators.length === 0 || e.indicators.some((i) => inds.includes(i))) &&
        (breaks === undefined || e.breaksSeries === breaks),
    );
    const page = { rows, total: rows.length };
    if (c.var.format === 'csv')
      return csvResponse(c, eventColumns, page, csvFilename(c, 'events', [sortedJoin(inds)])) as never;
    return c.json(listBody(c, page), 200, VARY_ACCEPT);
  })
  .openapi(itemRoute, (c) => {
    const { id } = c.req.valid('param');
    const { events, meta } = viewOf(c);
    const data = events.get(id);
    if (!data) throw new ProblemError('not-found', `No event ${echo(id)}; the list is at /v1/events.`);
    return c.json({ data, meta: { datasetVersion: meta.version } }, 200);
  });
