// GET /healthz alone, behind the same middleware as the whole app (405, CORS, security headers,
// Cache-Control: no-store): the Worker answers liveness with it before anything else is built (no
// records parsed, no indexes, no route schemas, no widget kit), so that a fresh isolate is ready at
// once. The whole app serves the same route (src/routes/health.ts, documented in the OpenAPI) with the
// same body; a test holds both answers equal.
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { healthBody } from './lib/release-meta.js';
import { useAnswerMiddleware } from './middleware/stack/index.js';

export const healthApp = useAnswerMiddleware(new Hono<AppEnv>()).get('/healthz', (c) =>
  c.json(healthBody(), 200),
);
