// GET /healthz: liveness with the dataset release this process serves. Never cached.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { healthBody } from '../lib/release-meta.js';
import { errors } from './common.js';

const Health = z
  .object({
    status: z.literal('ok'),
    apiVersion: z.string(),
    datasetVersion: z.string(),
    contentHash: z.string(),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['meta'],
  summary: 'Liveness',
  responses: {
    200: {
      description: 'Alive; `Cache-Control: no-store`.',
      content: { 'application/json': { schema: Health } },
    },
    405: errors[405],
    500: errors[500],
  },
});

// The same body as the Worker's health app (src/health-app.ts), which answers before this app is built.
export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => c.json(healthBody(), 200));
